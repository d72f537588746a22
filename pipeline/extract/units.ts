/**
 * Currencies before a number ("$", "US$", "RUB", "₹"), units after it ("dollars", "percent", "km", "750 USD"),
 * rates ("annually"). The vocabulary is the grammar tables' (grammar/); this module only indexes and matches it.
 */

import {
  CODE_ALIASES,
  CURRENCY_CODES,
  CURRENCY_SLANG,
  CURRENCY_SYMBOLS,
  DOLLAR_PREFIXES,
  MONEY_WORDS,
  SHARED_CURRENCY_NOUNS,
  SHARED_CURRENCY_SYMBOLS,
  SUBUNITS,
  WEIGHT_WORDS,
  currencyNames,
} from "./grammar/currencies.ts";
import { AMBIGUOUS_SYMBOLS, LENGTH_WORDS, METRE_FOLLOWERS, PERCENT_NAMES, UNITS_OF_MEASURE } from "./grammar/units.ts";
import { endsSentence, isAttached, isHyphenJoin, lowerAt, phraseTokens, wordsAt } from "./token-checks.ts";
import { TokenTest, type Token } from "./tokenize.ts";

export type UnitKind = "currency" | "measure" | "percent";

export interface UnitSuffix {
  kind: UnitKind;
  unit: string;
  /** Multiplier into the unit: "5 bcm" is 5e9 m3. */
  factor: number;
  end: number;
}

/** A unit the text leaves undecided ("361 million pounds" in a sentence about neither money nor weight). */
export const AMBIGUOUS_UNIT = "ambiguous";

interface UnitEntry {
  /** Token texts: lower case for names, as written for symbols. */
  words: readonly string[];
  /** For symbols, whether each token after the first may stand apart from the one before (a space in the symbol). */
  spaced: readonly boolean[] | null;
  kind: UnitKind;
  unit: string;
  factor: number;
}

function name(phrase: string, kind: UnitKind, unit: string, factor = 1): UnitEntry {
  return { words: phrase.split(" "), spaced: null, kind, unit, factor };
}

function symbol(text: string, kind: UnitKind, unit: string, factor = 1): UnitEntry {
  const tokens = phraseTokens(text);
  return { words: tokens.map((t) => t.text), spaced: tokens.map((t) => t.spaced), kind, unit, factor };
}

/** Units written after the number, matched lower-case word by word ("-" is a token), longest first. */
const NAMES: readonly UnitEntry[] = [
  ...currencyNames().map(([phrase, code]) => name(phrase, "currency", code)),
  ...SUBUNITS.map(([phrase, code]) => name(phrase, "currency", code, 0.01)),
  ...PERCENT_NAMES.map(([phrase, unit]) => name(phrase, "percent", unit)),
  ...UNITS_OF_MEASURE.flatMap((row) =>
    (row.names ?? []).map((phrase) => name(phrase, "measure", row.code, row.factor)),
  ),
];

/** Case-sensitive symbols after the number: units ("MW" is not "mW"), currency symbols and codes ("750 USD", "5 zł"). */
const SYMBOLS: readonly UnitEntry[] = [
  ...UNITS_OF_MEASURE.flatMap((row) =>
    (row.symbols ?? []).map((text) => symbol(text, "measure", row.code, row.factor)),
  ),
  ...[...CURRENCY_SYMBOLS, ...CURRENCY_SLANG].map(([text, code]) => symbol(text, "currency", code)),
  ...[...CURRENCY_CODES.map((code) => [code, code] as const), ...CODE_ALIASES].map(([text, code]) =>
    symbol(text, "currency", code),
  ),
];

const NAMES_BY_FIRST_WORD = indexByFirstWord(NAMES);
const SYMBOLS_BY_FIRST_TOKEN = indexByFirstWord(SYMBOLS);
/** Currency symbols before the number ("€40m", "₹500", "R$ 5"), by first token. */
const PREFIX_SYMBOLS = indexByFirstWord(CURRENCY_SYMBOLS.map(([text, code]) => symbol(text, "currency", code)));
const CODES: ReadonlyMap<string, string> = new Map([
  ...CURRENCY_CODES.map((code) => [code, code] as const),
  ...CODE_ALIASES,
]);
const DOLLARS: ReadonlyMap<string, { code: string; spaced: boolean; words: readonly string[] }> = new Map(
  DOLLAR_PREFIXES.map(([prefix, code, spaced]) => {
    const words = phraseTokens(prefix).map((t) => t.text);
    return [words[0]!, { code, spaced, words }];
  }),
);

function indexByFirstWord(list: readonly UnitEntry[]): Map<string, UnitEntry[]> {
  const index = new Map<string, UnitEntry[]>();
  for (const entry of [...list].sort((a, b) => b.words.length - a.words.length)) {
    const first = entry.words[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), entry]);
  }
  return index;
}

/** Tokens, as written, that a currency prefix can start with. */
export const CURRENCY_FIRST_TOKENS: ReadonlySet<string> = new Set([
  ...PREFIX_SYMBOLS.keys(),
  ...DOLLARS.keys(),
  ...CODES.keys(),
]);

const mayStartCurrency = new TokenTest((token) => CURRENCY_FIRST_TOKENS.has(token.text));

/** Whether the symbol `entry` is written at tokens[i]: its tokens in order, glued where the symbol has no space. */
function symbolAt(tokens: readonly Token[], i: number, entry: UnitEntry): boolean {
  for (let k = 0; k < entry.words.length; k++) {
    const token = tokens[i + k];
    if (!token || token.text !== entry.words[k]) return false;
    if (k > 0 && token.spaced && !entry.spaced?.[k]) return false;
  }
  return true;
}

/**
 * "$", "US$", "C $", "€", "₹", or an upper-case ISO code, followed by a number. A word glued before "$" that names
 * no dollar ("Mex$" is the peso's, "Zim$" unknown) makes the amount no money at all, never a US dollar.
 */
export function parseCurrencyPrefix(tokens: readonly Token[], i: number): { currency: string; end: number } | null {
  const token = tokens[i];
  if (!token || !mayStartCurrency.has(token)) return null;
  const dollar = DOLLARS.get(token.text);
  if (
    dollar &&
    wordsAt(
      tokens,
      i,
      dollar.words.map((w) => w.toLowerCase()),
    ) &&
    tokens[i + dollar.words.length]?.text === "$"
  ) {
    const sign = i + dollar.words.length;
    if (isAttached(tokens, sign) || dollar.spaced) return { currency: dollar.code, end: sign + 1 };
  }
  if (token.text === "$" && isAttached(tokens, i) && tokens[i - 1]?.kind === "word") return null;
  for (const entry of PREFIX_SYMBOLS.get(token.text) ?? []) {
    if (symbolAt(tokens, i, entry)) return { currency: entry.unit, end: i + entry.words.length };
  }
  const code = CODES.get(token.text);
  if (code && tokens[i + 1]?.kind === "number") return { currency: code, end: i + 1 };
  return null;
}

/**
 * Whether a symbol several currencies share stands right before the number at tokens[i] ("kr 500", "kr. 500",
 * "Sh 2 billion"): the amount is money in no currency the text names.
 */
export function isSharedCurrencyBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before?.text === "." && !before.spaced) return SHARED_CURRENCY_SYMBOLS.has(tokens[i - 2]?.text ?? "");
  return before !== undefined && SHARED_CURRENCY_SYMBOLS.has(before.text);
}

/** A unit right after a number, spaced ("300 km", "90 percent") or hyphen-joined ("17-kilometer"). */
export function parseUnitSuffix(tokens: readonly Token[], i: number): UnitSuffix | null {
  const hyphened = isHyphenJoin(tokens, i);
  // Only a word is hyphen-joined to its number ("5-dollar"); in "$5-$7" the dash opens the range's other end.
  if (hyphened && tokens[i + 1]?.kind !== "word") return null;
  return unitAt(tokens, hyphened ? i + 1 : i, hyphened);
}

function unitAt(tokens: readonly Token[], i: number, hyphened: boolean): UnitSuffix | null {
  const token = tokens[i];
  if (!token) return null;
  for (const entry of SYMBOLS_BY_FIRST_TOKEN.get(token.text) ?? []) {
    if (symbolAt(tokens, i, entry))
      return { kind: entry.kind, unit: entry.unit, factor: entry.factor, end: i + entry.words.length };
  }
  for (const entry of NAMES_BY_FIRST_WORD.get(token.lower) ?? []) {
    if (wordsAt(tokens, i, entry.words))
      return { kind: entry.kind, unit: entry.unit, factor: entry.factor, end: i + entry.words.length };
  }
  if (SHARED_CURRENCY_NOUNS.has(token.lower) || SHARED_CURRENCY_SYMBOLS.has(token.text))
    return { kind: "currency", unit: AMBIGUOUS_UNIT, factor: 1, end: i + 1 };
  if (AMBIGUOUS_SYMBOLS.has(token.text)) return { kind: "measure", unit: AMBIGUOUS_UNIT, factor: 1, end: i + 1 };
  if (token.text === "m") return metreAt(tokens, i);
  // "45.2p" in a sentence about money is pence; elsewhere "p" is a page or a point.
  if (token.text === "p" && isAttached(tokens, i) && nearby(tokens, i, MONEY_WORDS))
    return { kind: "currency", unit: "GBP", factor: 0.01, end: i + 1 };
  if (token.lower === "pounds" || token.lower === "pound") return poundsAt(tokens, i, hyphened);
  return null;
}

/**
 * "1.2 m by 2.4 m", "2.1m tall", "the 100 m final" are metres; glued to the number with no length word after it,
 * "2.1m" may as well be a million (a currency before it makes it one), and so may a spaced "m" before another word
 * ("2 m people"): left undecided.
 */
function metreAt(tokens: readonly Token[], i: number): UnitSuffix {
  const next = tokens[i + 1];
  const metre =
    LENGTH_WORDS.has(lowerAt(tokens, i + 1)) ||
    (tokens[i]!.spaced && (next?.kind !== "word" || !next.spaced || METRE_FOLLOWERS.has(next.lower)));
  return { kind: "measure", unit: metre ? "m" : AMBIGUOUS_UNIT, factor: 1, end: i + 1 };
}

/**
 * "pounds": a weight ("a 5-pound bag", "200 pounds of rice", "weighs 200 pounds"), sterling in a sentence about
 * money ("profit rose to 361 million pounds"), else undecided.
 */
function poundsAt(tokens: readonly Token[], i: number, hyphened: boolean): UnitSuffix {
  const end = i + 1;
  if (hyphened || lowerAt(tokens, end) === "of" || nearby(tokens, i, WEIGHT_WORDS))
    return { kind: "measure", unit: "lb", factor: 1, end };
  if (nearby(tokens, i, MONEY_WORDS)) return { kind: "currency", unit: "GBP", factor: 1, end };
  return { kind: "measure", unit: AMBIGUOUS_UNIT, factor: 1, end };
}

/** A word of `words` within the sentence around tokens[i]: up to 12 tokens before it and 6 after. */
function nearby(tokens: readonly Token[], i: number, words: ReadonlySet<string>): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 12) && !endsSentence(tokens, k); k--)
    if (words.has(tokens[k]!.lower)) return true;
  for (let k = i + 1; k < Math.min(tokens.length, i + 7) && !endsSentence(tokens, k); k++)
    if (words.has(tokens[k]!.lower)) return true;
  return false;
}

const RATE_WORDS: ReadonlyMap<string, string> = new Map([
  ["annually", "year"],
  ["yearly", "year"],
  ["monthly", "month"],
  ["weekly", "week"],
  ["daily", "day"],
]);
const RATE_INTRODUCERS: ReadonlySet<string> = new Set(["a", "an", "per", "each", "every"]);
const RATE_PERIODS: ReadonlyMap<string, string> = new Map([
  ["year", "year"],
  ["annum", "year"],
  ["month", "month"],
  ["week", "week"],
  ["day", "day"],
]);
/** "a year after/later" is an offset, not a rate. */
const OFFSET_WORDS: ReadonlySet<string> = new Set(["after", "before", "later", "earlier", "ago"]);

/** "annually", "a year", "per annum", "per day" → "/year", "/day". */
export function parseRate(tokens: readonly Token[], i: number): { per: string; end: number } | null {
  const word = lowerAt(tokens, i);
  const single = RATE_WORDS.get(word);
  if (single) return { per: `/${single}`, end: i + 1 };
  const period = RATE_PERIODS.get(lowerAt(tokens, i + 1));
  if (!RATE_INTRODUCERS.has(word) || !period || OFFSET_WORDS.has(lowerAt(tokens, i + 2))) return null;
  return { per: `/${period}`, end: i + 2 };
}
