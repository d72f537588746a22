/**
 * One pass over the text: words, numbers and single punctuation marks, each with its UTF-16 span.
 *
 * A token is its span and its lexeme: the token's string with everything that depends on the string alone (kind,
 * lower case, value, and the answers of every TokenClass), kept once for all the tokens that share it. Prose
 * repeats a small vocabulary, so a token costs its span and a look-up in a table of recent lexemes by a key
 * computed as its characters are scanned (the characters themselves, packed, for the short ASCII strings most
 * tokens are); a string is made, lower-cased and classified only the first time it is met (or met again after
 * others took its place in the table).
 */

import { isWhiteSpace } from "../text/whitespace.ts";

export type TokenKind = "word" | "number" | "punct";

/** A token string and what depends on it alone. */
export class Lexeme {
  readonly kind: TokenKind;
  /** The string as written. */
  readonly text: string;
  /** Lower-cased text of words; the text itself otherwise. */
  readonly lower: string;
  /** Value of a number ("1,200" → 1200); NaN for other kinds. */
  readonly numeric: number;
  /** Its hashOf, for a string kept by hash; 0 for one kept by its packed characters. */
  readonly hash: number;
  /** For a string of at most 8 ASCII characters, its first four and next four packed (shortLexemeOf); else -1. */
  low = -1;
  high = -1;
  /** The answer of each TokenClass for this string, by the class's index; undefined until asked. */
  readonly answers: number[] = [];
  /** What mentions a token of this string may start, as the extractor's walk asks it first; -1 until asked. */
  starts = -1;

  constructor(kind: TokenKind, text: string, hash: number) {
    this.kind = kind;
    // Numbers are compared by value, not by text.
    this.text = kind === "number" ? text : internalized(text);
    this.lower = kind === "word" && hasUpperCase(text) ? internalized(text.toLowerCase()) : this.text;
    this.numeric = kind === "number" ? numberValue(text) : Number.NaN;
    this.hash = hash;
  }
}

export class Token {
  lexeme: Lexeme;
  /** UTF-16 offsets into the whole input, end exclusive. */
  start: number;
  end: number;
  /** Whitespace (or the start of the segment) precedes the token. */
  spaced: boolean;

  constructor(lexeme: Lexeme, start: number, end: number, spaced: boolean) {
    this.lexeme = lexeme;
    this.start = start;
    this.end = end;
    this.spaced = spaced;
  }

  get kind(): TokenKind {
    return this.lexeme.kind;
  }

  /** The token as written. */
  get text(): string {
    return this.lexeme.text;
  }

  /** Lower-cased text of words; the text itself otherwise. */
  get lower(): string {
    return this.lexeme.lower;
  }

  /** Value of a number token ("1,200" → 1200); NaN for other kinds. */
  get numeric(): number {
    return this.lexeme.numeric;
  }
}

/**
 * The one copy V8 keeps of a string used as a property name: the matchers compare token strings with the
 * grammar's words over and over (=== and set look-ups), and two such strings compare by identity, where others are
 * compared character by character.
 */
function internalized(text: string): string {
  return Object.keys({ [text]: 0 })[0]!;
}

/**
 * Lexemes of recently seen strings, in sets of four by a hash of their code units, each set's most recently found
 * first, so that the tables' size stays fixed whatever the text: a few frequent words that share a set do not
 * push each other out, as they would in a table of one lexeme per hash (2% of the memo's tokens missed there).
 * Strings of at most eight ASCII characters (most tokens) have a table of their own, where their characters,
 * packed into two numbers as they are scanned, are the key: found without comparing a character.
 */
const LEXEMES = 1 << 14;
const WAYS = 4;
const lexemes: (Lexeme | undefined)[] = new Array<Lexeme | undefined>(LEXEMES);
const shortLexemes: (Lexeme | undefined)[] = new Array<Lexeme | undefined>(LEXEMES);
/** The longest string packed: four 7-bit characters in each of two small integers. */
const SHORT = 8;

/** The first of the four slots of a set, by the top bits of a Fibonacci hash, which spreads similar keys apart. */
function setOf(hash: number): number {
  return (Math.imul(hash, 0x9e3779b1) >>> 18) & ~(WAYS - 1);
}

/** Makes `found`, in the set from `set`, the set's first (it is found again soonest). */
function moveToFront(table: (Lexeme | undefined)[], set: number, way: number, found: Lexeme): void {
  for (let moved = way; moved > set; moved--) table[moved] = table[moved - 1];
  table[set] = found;
}

/** The lexeme of text[start, end) of the given kind, `hash` its hashOf. */
function lexemeOf(text: string, start: number, end: number, kind: TokenKind, hash: number): Lexeme {
  const set = setOf(hash);
  for (let way = set; way < set + WAYS; way++) {
    const known = lexemes[way];
    if (known === undefined) break;
    if (known.hash !== hash || known.text.length !== end - start) continue;
    const string = known.text;
    let k = 0;
    while (k < string.length && string.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k < string.length) continue;
    if (way !== set) moveToFront(lexemes, set, way, known);
    return known;
  }
  const lexeme = new Lexeme(kind, text.slice(start, end), hash);
  moveToFront(lexemes, set, set + WAYS - 1, lexeme);
  return lexeme;
}

/**
 * The lexeme of text[start, end), at most SHORT ASCII characters, `low` and `high` its first four and next four
 * characters packed: the length and the two numbers are the string itself.
 */
function shortLexemeOf(text: string, start: number, end: number, kind: TokenKind, low: number, high: number): Lexeme {
  const set = setOf(low ^ Math.imul(high + end - start, 0x85ebca6b));
  for (let way = set; way < set + WAYS; way++) {
    const known = shortLexemes[way];
    if (known === undefined) break;
    if (known.low !== low || known.high !== high || known.text.length !== end - start) continue;
    if (way !== set) moveToFront(shortLexemes, set, way, known);
    return known;
  }
  const lexeme = new Lexeme(kind, text.slice(start, end), 0);
  lexeme.low = low;
  lexeme.high = high;
  moveToFront(shortLexemes, set, set + WAYS - 1, lexeme);
  return lexeme;
}

/** Characters packed 7 bits each, as shortLexemeOf keys them: text[from, to) all ASCII, at most 4. */
function packed(text: string, from: number, to: number): number {
  let key = 0;
  for (let k = from; k < to; k++) key = key * 128 + text.charCodeAt(k);
  return key;
}

/** The hash that lexemes too long to pack are found by. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0;
  return hash;
}

let classes = 0;

/**
 * A class that depends on a token's text alone, its answer kept in the token's lexeme: the matchers ask which
 * mentions a token may start of nearly every token, and a set lookup costs far more than this.
 */
export class TokenClass {
  readonly #classify: (token: Token) => number;
  readonly #index = classes++;

  /** `classify` answers a small integer (bits for instance) for a token's string. */
  constructor(classify: (token: Token) => number) {
    this.#classify = classify;
  }

  classOf(token: Token): number {
    const answers = token.lexeme.answers;
    const known = answers[this.#index];
    if (known !== undefined) return known;
    const answer = this.#classify(token);
    answers[this.#index] = answer;
    return answer;
  }
}

/** A TokenClass of two classes: whether the test holds. */
export class TokenTest {
  readonly #classes: TokenClass;

  constructor(test: (token: Token) => boolean) {
    this.#classes = new TokenClass((token) => (test(token) ? 1 : 0));
  }

  has(token: Token): boolean {
    return this.#classes.classOf(token) === 1;
  }
}

let tokenizations = 0;

/** How many times tokenize() has run: a token array's contents are those of one run (arrays are reused). */
export function tokenizeRuns(): number {
  return tokenizations;
}

// What each ASCII code unit may be in a token.
const OTHER = 0;
const SPACE = 1;
const LETTER = 2;
const DIGIT = 3;
const ASCII_CLASS = new Uint8Array(128).map((_, code) => {
  if (isWhiteSpace(code)) return SPACE;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return LETTER;
  return code >= 0x30 && code <= 0x39 ? DIGIT : OTHER;
});
const LETTER_PATTERN = /[\p{L}\p{M}]/u;
const BACKSLASH = 0x5c;
const PERIOD = 0x2e;
const PERCENT = 0x25;

/**
 * Tokenizes text[from, to). Numbers are digit runs with optional thousands groups and decimals ("1,200.5");
 * words are runs of letters; anything else is a one-code-point punctuation token. Apostrophes and hyphens
 * are punctuation, so "Russia's" is three tokens. A backslash escaping ASCII punctuation (Markdown "\$") is
 * dropped, so escaped and plain text yield the same tokens.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  return new Tokenizer().tokenize(text, from, to);
}

/**
 * A tokenizer that writes each text's tokens into its one array, reusing its token objects, for a caller that is
 * done with the previous tokens before it asks for the next: paragraphs vary in length, and without them every
 * longer paragraph would allocate its tokens anew.
 */
export class Tokenizer {
  readonly tokens: Token[] = [];
  /** Token objects cut off the end of the array, kept for the next text that needs more. */
  readonly #spare: Token[] = [];

  /** The tokens of text[from, to), as tokenize() gives them, in `tokens`. */
  tokenize(text: string, from: number, to: number): Token[] {
    tokenizations++;
    const tokens = this.tokens;
    const spare = this.#spare;
    let count = 0;
    let pos = from;
    let spaced = true;
    while (pos < to) {
      const code = text.charCodeAt(pos);
      const type =
        code < 0x80 ? ASCII_CLASS[code]! : isSpace(code) ? SPACE : isLetterAt(text, pos, to) ? LETTER : OTHER;
      if (type === SPACE) {
        spaced = true;
        pos++;
        continue;
      }
      let kind: TokenKind;
      let end = pos + 1;
      let ascii = code < 0x80;
      // The first four characters packed, and the next four: the common short ASCII token is keyed as it is scanned.
      let low = code;
      let high = 0;
      if (type === LETTER) {
        kind = "word";
        let next = code;
        if (ascii) {
          while (end < to) {
            next = text.charCodeAt(end);
            if (next >= 0x80 || ASCII_CLASS[next] !== LETTER) break;
            if (end - pos < 4) low = low * 128 + next;
            else if (end - pos < SHORT) high = high * 128 + next;
            end++;
          }
        }
        if (next >= 0x80) {
          end = scanWord(text, ascii ? end : pos, to);
          ascii = false;
        }
      } else if (type === DIGIT) {
        kind = "number";
        end = scanNumber(text, pos, to);
        low = packed(text, pos, Math.min(end, pos + 4));
        high = end - pos > 4 ? packed(text, pos + 4, Math.min(end, pos + SHORT)) : 0;
      } else if (code === BACKSLASH && end < to && isAsciiPunctuation(text.charCodeAt(end))) {
        pos++;
        continue;
      } else if (code === PERIOD && end < to && isDigit(text.charCodeAt(end)) && opensNumber(text, pos, from)) {
        // ".25" after a space, a bracket, a sign or a currency symbol is a number, its point part of it: a decimal
        // written without its leading zero.
        kind = "number";
        end = scanNumber(text, end, to);
        low = packed(text, pos, Math.min(end, pos + 4));
        high = end - pos > 4 ? packed(text, pos + 4, Math.min(end, pos + SHORT)) : 0;
      } else {
        kind = "punct";
        if (code >= 0xd800 && code <= 0xdbff) end = pos + codePointLength(text, pos, to);
      }
      const lexeme =
        ascii && end - pos <= SHORT
          ? shortLexemeOf(text, pos, end, kind, low, high)
          : lexemeOf(text, pos, end, kind, hashOf(text, pos, end));
      const token = count < tokens.length ? tokens[count]! : spare.pop();
      if (token === undefined) {
        tokens.push(new Token(lexeme, pos, end, spaced));
      } else {
        token.lexeme = lexeme;
        token.start = pos;
        token.end = end;
        token.spaced = spaced;
        if (count === tokens.length) tokens.push(token);
      }
      count++;
      spaced = false;
      pos = end;
    }
    while (tokens.length > count) spare.push(tokens.pop()!);
    return tokens;
  }
}

export function isSpace(code: number): boolean {
  // White space, and the zero-width space, which separates words in prose as a space does (ingest keeps it: it
  // is no white space to fold).
  return isWhiteSpace(code) || code === 0x200b;
}

/**
 * Whether a point at text[pos] may begin a number: not after a digit, letter, point or comma ("1.2.3", "No.5"), nor
 * after a percent sign or a closing bracket, where it ends a sentence ("rose 7%.12", a footnote's number after it).
 */
function opensNumber(text: string, pos: number, from: number): boolean {
  if (pos === from) return true;
  const before = text.charCodeAt(pos - 1);
  return !(
    isDigit(before) ||
    before === PERIOD ||
    before === 0x2c ||
    before === PERCENT ||
    before === 0x29 ||
    before === 0x5d ||
    isLetterAt(text, pos - 1, pos)
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

function codePointLength(text: string, pos: number, to: number): number {
  const code = text.charCodeAt(pos);
  if (code >= 0xd800 && code <= 0xdbff && pos + 1 < to) {
    const next = text.charCodeAt(pos + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

function isLetterAt(text: string, pos: number, to: number): boolean {
  const code = text.charCodeAt(pos);
  if (code < 0x80) return ASCII_CLASS[code] === LETTER;
  return LETTER_PATTERN.test(text.slice(pos, pos + codePointLength(text, pos, to)));
}

/** Whether text may change under toLowerCase (which is costly enough to skip when it cannot). */
function hasUpperCase(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if ((code >= 0x41 && code <= 0x5a) || code >= 0x80) return true;
  }
  return false;
}

function scanWord(text: string, pos: number, to: number): number {
  let end = pos;
  while (end < to) {
    const code = text.charCodeAt(end);
    if (code < 0x80 ? ASCII_CLASS[code] === LETTER : isLetterAt(text, end, to)) end += codePointLength(text, end, to);
    else break;
  }
  return end;
}

/**
 * The value of a number token: thousands separators dropped ("1,200", "12'500", "1 000 000"); NaN for one with a
 * decimal comma ("2,5", "1.234,5"), which is read as no number at all.
 */
function numberValue(text: string): number {
  if (/^[\d.]+$/.test(text)) return Number(text);
  return /,\d{1,2}(?!\d)/.test(text) ? Number.NaN : Number(text.replace(/[,'\u2019\s]/g, ""));
}

const COMMA = 0x2c;

/**
 * "12", "1,200", "2.35", "1,200.50"; thousands groups only after a 1–3 digit head, so "1950,1953" splits. Groups
 * of exactly three digits may also be set apart by an apostrophe ("12'500") or a space ("1 000 000"). A comma
 * with one or two digits after it ("2,5", "€2,50", "1.234,5") is a decimal comma, or a list typed without spaces:
 * it is kept in the token, which then has no value, so that no part of it is read as a number of its own.
 */
function scanNumber(text: string, pos: number, to: number): number {
  let end = pos;
  while (end < to && isDigit(text.charCodeAt(end))) end++;
  if (end - pos <= 3) {
    const head = end;
    while (end < to && text.charCodeAt(end) === COMMA && isGroupAt(text, end + 1, to)) end += 4;
    if (end === head) while (end < to && isApostrophe(text.charCodeAt(end)) && isGroupAt(text, end + 1, to)) end += 4;
    if (end === head) end = spacedGroupsEnd(text, end, to);
  }
  if (end + 1 < to && text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) {
    end++;
    while (end < to && isDigit(text.charCodeAt(end))) end++;
  }
  while (end < to && text.charCodeAt(end) === COMMA && isDecimalPartAt(text, end + 1, to)) {
    end += 2;
    while (end < to && isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}

/** One or two digits from text[pos], then no digit. */
function isDecimalPartAt(text: string, pos: number, to: number): boolean {
  let k = pos;
  while (k < to && k < pos + 3 && isDigit(text.charCodeAt(k))) k++;
  return k > pos && k < pos + 3;
}

/** Exactly three digits from text[pos], then no digit. */
function isGroupAt(text: string, pos: number, to: number): boolean {
  return (
    pos + 2 < to &&
    isDigit(text.charCodeAt(pos)) &&
    isDigit(text.charCodeAt(pos + 1)) &&
    isDigit(text.charCodeAt(pos + 2)) &&
    !(pos + 3 < to && isDigit(text.charCodeAt(pos + 3)))
  );
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Spaces that set digit groups apart in print: no-break, narrow no-break and thin. */
function isGroupSpace(code: number): boolean {
  return code === 0xa0 || code === 0x202f || code === 0x2009;
}

/**
 * The end of groups of three digits after one space each ("1 000 000", "5 000"), from `end`, the head's end; or
 * `end` where they are not plainly one number. A typographic space between groups says so; a plain one only for
 * two groups or more, or one that starts with a zero ("5 000"): "On May 5 200 people marched" is two numbers.
 */
function spacedGroupsEnd(text: string, end: number, to: number): number {
  let groups = 0;
  let typographic = true;
  let zeroLed = false;
  let k = end;
  while (k < to) {
    const code = text.charCodeAt(k);
    if ((code !== 0x20 && !isGroupSpace(code)) || !isGroupAt(text, k + 1, to)) break;
    typographic &&= isGroupSpace(code);
    if (groups === 0) zeroLed = text.charCodeAt(k + 1) === 0x30;
    groups++;
    k += 4;
  }
  return groups >= 2 || (groups === 1 && (typographic || zeroLed)) ? k : end;
}
