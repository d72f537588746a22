/** One pass over the text: words, numbers and single punctuation marks, each with its UTF-16 span. */

import { isWhiteSpace } from "../text/whitespace.ts";

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  kind: TokenKind;
  /** The token as written. */
  text: string;
  /** Lower-cased text of words; the text itself otherwise. */
  lower: string;
  /** UTF-16 offsets into the whole input, end exclusive. */
  start: number;
  end: number;
  /** Whitespace (or the start of the segment) precedes the token. */
  spaced: boolean;
  /** Value of a number token ("1,200" → 1200); NaN for other kinds. */
  numeric: number;
  /** Identifies the token's string among all those the tokenizer has kept, for answers remembered per string (TokenTest). */
  stringId: number;
  /** Where the tokenizer keeps the token's string (stringId modulo the table size, as a small integer). */
  slot: number;
}

const LETTER = /[\p{L}\p{M}]/u;
const BACKSLASH = 0x5c;
const PERIOD = 0x2e;

/**
 * The strings of recently seen tokens, by a hash of their code units: prose repeats a small vocabulary, so most
 * tokens reuse a string (its lower case, its value and the hash the matchers' sets compute once per string)
 * instead of slicing, lower-casing and hashing anew. Direct-mapped, so its size stays fixed whatever the text.
 */
class TokenStrings {
  readonly texts: (string | undefined)[] = new Array<string | undefined>(TOKEN_STRINGS);
  readonly lowers: string[] = new Array<string>(TOKEN_STRINGS);
  readonly numerics = new Float64Array(TOKEN_STRINGS);
  /** Each slot's string's id: fills × TOKEN_STRINGS + slot, so that no two strings ever kept share one. */
  readonly ids = new Float64Array(TOKEN_STRINGS);
  #fills = 0;

  /** The slot holding the token text[start, end) of the given kind, filled if it held another. */
  find(source: string, start: number, end: number, kind: TokenKind, hash: number): number {
    const slot = (hash ^ (hash >>> 14)) & (TOKEN_STRINGS - 1);
    const known = this.texts[slot];
    if (known !== undefined && known.length === end - start && sameUnits(known, source, start)) return slot;
    const text = source.slice(start, end);
    this.texts[slot] = text;
    this.lowers[slot] = kind === "word" && hasUpperCase(source, start, end) ? text.toLowerCase() : text;
    this.numerics[slot] = kind === "number" ? Number(text.includes(",") ? text.replaceAll(",", "") : text) : Number.NaN;
    this.ids[slot] = ++this.#fills * TOKEN_STRINGS + slot;
    return slot;
  }
}

/** The hash TokenStrings keys by, one code unit at a time (the tokenizer computes it as it scans). */
function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

function hashOf(source: string, start: number, end: number): number {
  let hash = 0;
  for (let k = start; k < end; k++) hash = hashStep(hash, source.charCodeAt(k));
  return hash;
}

/** Slots in TokenStrings, a power of two. */
const TOKEN_STRINGS = 1 << 14;

function sameUnits(known: string, source: string, start: number): boolean {
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== source.charCodeAt(start + k)) return false;
  return true;
}

const strings = new TokenStrings();

/**
 * A class that depends on a token's text alone, its answer remembered per token string: the matchers ask
 * which mentions a token may start of nearly every token, and a set lookup costs far more than this.
 * Answers are kept by the slot of the token's string, each with the string's id (a slot may since hold
 * another string, even while tokens of the earlier one are still being matched).
 */
export class TokenClass {
  readonly #classify: (token: Token) => number;
  readonly #answers = new Uint16Array(TOKEN_STRINGS);
  /** The id of the string each answer is for; 0, which no string has, for none. */
  readonly #ids = new Float64Array(TOKEN_STRINGS);

  /** `classify` answers a small integer (0–65535, bits for instance) for a token's string. */
  constructor(classify: (token: Token) => number) {
    this.#classify = classify;
  }

  classOf(token: Token): number {
    // The slot, not stringId % TOKEN_STRINGS: stringId outgrows a small integer, and a modulo of doubles is slow.
    const slot = token.slot;
    if (this.#ids[slot] !== token.stringId) {
      this.#answers[slot] = this.#classify(token);
      this.#ids[slot] = token.stringId;
    }
    return this.#answers[slot]!;
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

/**
 * Token objects cut off the end of a reused array, kept for the next call that needs more: paragraphs vary in
 * length, and without them every longer paragraph would allocate its tokens anew.
 */
const spareTokens: Token[] = [];

/**
 * Tokenizes text[from, to). Numbers are digit runs with optional thousands groups and decimals ("1,200.5");
 * words are runs of letters; anything else is a one-code-point punctuation token. Apostrophes and hyphens
 * are punctuation, so "Russia's" is three tokens. A backslash escaping ASCII punctuation (Markdown "\$") is
 * dropped, so escaped and plain text yield the same tokens.
 *
 * With `reuse`, the tokens are written into that array, reusing its token objects, and it is returned: for a
 * caller that is done with the previous tokens before it asks for the next.
 */
export function tokenize(text: string, from = 0, to = text.length, reuse: Token[] = []): Token[] {
  tokenizations++;
  const tokens = reuse;
  let count = 0;
  let pos = from;
  let spaced = true;
  while (pos < to) {
    const code = text.charCodeAt(pos);
    if (isSpace(code)) {
      spaced = true;
      pos++;
      continue;
    }
    if (code === BACKSLASH && pos + 1 < to && isAsciiPunctuation(text.charCodeAt(pos + 1))) {
      pos++;
      continue;
    }
    let kind: TokenKind;
    let end: number;
    let hash: number;
    if (isDigit(code)) {
      kind = "number";
      end = scanNumber(text, pos, to);
      hash = hashOf(text, pos, end);
    } else if (isLetterAt(text, pos, to)) {
      kind = "word";
      // ASCII letters hashed as they are scanned: the common case, and the loop's cost.
      end = pos;
      hash = 0;
      let folded = code | 0x20;
      while (folded >= 0x61 && folded <= 0x7a) {
        hash = hashStep(hash, text.charCodeAt(end));
        if (++end === to) break;
        folded = text.charCodeAt(end) | 0x20;
      }
      if (end < to && text.charCodeAt(end) >= 0x80) {
        end = scanWord(text, end, to);
        hash = hashOf(text, pos, end);
      }
    } else if (code === PERIOD && pos + 1 < to && isDigit(text.charCodeAt(pos + 1)) && opensNumber(text, pos, from)) {
      // ".25" after a space, a bracket, a sign or a currency symbol is a number, its point part of it: a decimal
      // written without its leading zero.
      kind = "number";
      end = scanNumber(text, pos + 1, to);
      hash = hashOf(text, pos, end);
    } else {
      kind = "punct";
      end = pos + codePointLength(text, pos, to);
      hash = hashOf(text, pos, end);
    }
    const slot = strings.find(text, pos, end, kind, hash);
    const token = tokens[count] ?? spareTokens.pop();
    if (token === undefined) {
      tokens.push({
        kind,
        text: strings.texts[slot]!,
        lower: strings.lowers[slot]!,
        start: pos,
        end,
        spaced,
        numeric: strings.numerics[slot]!,
        stringId: strings.ids[slot]!,
        slot,
      });
    } else {
      token.kind = kind;
      token.text = strings.texts[slot]!;
      token.lower = strings.lowers[slot]!;
      token.start = pos;
      token.end = end;
      token.spaced = spaced;
      token.numeric = strings.numerics[slot]!;
      token.stringId = strings.ids[slot]!;
      token.slot = slot;
      tokens[count] = token;
    }
    count++;
    spaced = false;
    pos = end;
  }
  while (tokens.length > count) spareTokens.push(tokens.pop()!);
  return tokens;
}

export function isSpace(code: number): boolean {
  // White space, and the zero-width space, which separates words in prose as a space does (ingest keeps it: it
  // is no white space to fold).
  return isWhiteSpace(code) || code === 0x200b;
}

/** Whether a point at text[pos] may begin a number: not after a digit, letter, point or comma ("1.2.3", "No.5"). */
function opensNumber(text: string, pos: number, from: number): boolean {
  if (pos === from) return true;
  const before = text.charCodeAt(pos - 1);
  return !(isDigit(before) || before === PERIOD || before === 0x2c || isLetterAt(text, pos - 1, pos));
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
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(text.slice(pos, pos + codePointLength(text, pos, to)));
}

/** Whether text[from, to) may change under toLowerCase (which is costly enough to skip when it cannot). */
function hasUpperCase(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if ((code >= 0x41 && code <= 0x5a) || code >= 0x80) return true;
  }
  return false;
}

function scanWord(text: string, pos: number, to: number): number {
  let end = pos;
  while (end < to) {
    const code = text.charCodeAt(end);
    // ASCII letters inline: the common case, and the loop's cost.
    const folded = code | 0x20;
    if (folded >= 0x61 && folded <= 0x7a) end++;
    else if (code >= 0x80 && isLetterAt(text, end, to)) end += codePointLength(text, end, to);
    else break;
  }
  return end;
}

/** "12", "1,200", "2.35", "1,200.50"; thousands groups only after a 1–3 digit head, so "1950,1953" splits. */
function scanNumber(text: string, pos: number, to: number): number {
  let end = pos;
  while (end < to && isDigit(text.charCodeAt(end))) end++;
  if (end - pos <= 3) {
    while (
      end + 3 < to &&
      text.charCodeAt(end) === 0x2c &&
      isDigit(text.charCodeAt(end + 1)) &&
      isDigit(text.charCodeAt(end + 2)) &&
      isDigit(text.charCodeAt(end + 3)) &&
      !(end + 4 < to && isDigit(text.charCodeAt(end + 4)))
    ) {
      end += 4;
    }
  }
  if (end + 1 < to && text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) {
    end++;
    while (end < to && isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}
