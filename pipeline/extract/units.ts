/** Currencies before a number ("$", "US$", "RUB"), units after it ("dollars", "percent", "km"), rates ("annually"). */

import { isAttached, isHyphenJoin, lowerAt, wordsAt } from "./token-checks.ts";
import type { Token } from "./tokenize.ts";

const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["$", "USD"],
  ["\u20ac", "EUR"],
  ["\u00a3", "GBP"],
  ["\u00a5", "JPY"],
  ["\u20bd", "RUB"],
  ["\u20a9", "KRW"],
  ["\u20b9", "INR"],
  ["\u20ba", "TRY"],
  ["\u20b4", "UAH"],
]);

/** Letters glued before "$": "US$3bn", "HK$5". */
const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ["US", "USD"],
  ["C", "CAD"],
  ["A", "AUD"],
  ["HK", "HKD"],
  ["NZ", "NZD"],
  ["S", "SGD"],
]);

/** ISO codes written before the number, upper case only ("USD 10 million", "RUB 2.5 trillion"). */
const CURRENCY_CODES: ReadonlyMap<string, string> = new Map(
  ["USD", "EUR", "GBP", "JPY", "RUB", "CNY", "KRW", "INR", "CHF", "CAD", "AUD", "UAH", "KZT", "TRY", "HKD", "SGD"]
    .map((code): [string, string] => [code, code])
    .concat([["RMB", "CNY"]]),
);

export type UnitKind = "currency" | "measure" | "percent";

export interface UnitSuffix {
  kind: UnitKind;
  unit: string;
  /** Multiplier into the unit: "5 bcm" is 5e9 m3. */
  factor: number;
  end: number;
}

interface UnitEntry {
  words: readonly string[];
  kind: UnitKind;
  unit: string;
  factor: number;
}

function entries(kind: UnitKind, unit: string, phrases: readonly string[], factor = 1): UnitEntry[] {
  return phrases.map((phrase) => ({ words: phrase.split(" "), kind, unit, factor }));
}

/**
 * Units written after the number, matched lower-case word by word ("-" is a token). "pounds" alone is read
 * as weight (lb); money needs "£", "GBP", "pounds sterling" or "sterling".
 */
const UNIT_PHRASES: readonly UnitEntry[] = [
  ...entries("currency", "USD", ["dollars", "dollar", "us dollars", "u . s . dollars", "american dollars"]),
  ...entries("currency", "EUR", ["euros", "euro"]),
  ...entries("currency", "GBP", ["pounds sterling", "sterling"]),
  ...entries("currency", "RUB", ["rubles", "ruble", "roubles", "rouble"]),
  ...entries("currency", "JPY", ["yen"]),
  ...entries("currency", "CNY", ["yuan", "renminbi"]),
  ...entries("currency", "KRW", ["won"]),
  ...entries("currency", "INR", ["rupees"]),
  // Subunits, a hundredth of the unit. "cents" alone is read as US cents, the common case in English prose.
  ...entries("currency", "USD", ["cents", "cent", "us cents"], 0.01),
  ...entries("currency", "EUR", ["euro cents", "euro cent", "eurocents"], 0.01),
  ...entries("currency", "GBP", ["pence", "penny"], 0.01),
  ...entries("currency", "RUB", ["kopecks", "kopeck", "kopeks", "kopek", "kopeyki"], 0.01),
  ...entries("currency", "CNY", ["fen"], 0.01),
  ...entries("percent", "percent", ["percent", "per cent", "pct", "%"]),
  ...entries("percent", "pp", ["percentage points", "percentage point"]),
  ...entries("percent", "bp", ["basis points", "basis point"]),
  ...entries("measure", "km", ["kilometers", "kilometer", "kilometres", "kilometre"]),
  ...entries("measure", "m", ["meters", "meter", "metres", "metre"]),
  ...entries("measure", "cm", ["centimeters", "centimeter", "centimetres", "centimetre"]),
  ...entries("measure", "mm", ["millimeters", "millimeter", "millimetres", "millimetre"]),
  ...entries("measure", "mi", ["miles", "mile"]),
  ...entries("measure", "nmi", ["nautical miles", "nautical mile"]),
  ...entries("measure", "ft", ["feet", "foot"]),
  ...entries("measure", "km2", ["square kilometers", "square kilometer", "square kilometres", "square kilometre", "sq km"]),
  ...entries("measure", "mi2", ["square miles", "square mile"]),
  ...entries("measure", "m3", ["cubic meters", "cubic meter", "cubic metres", "cubic metre"]),
  ...entries("measure", "ft3", ["cubic feet"]),
  ...entries("measure", "ha", ["hectares", "hectare"]),
  ...entries("measure", "acre", ["acres", "acre"]),
  ...entries("measure", "kg", ["kilograms", "kilogram", "kilogrammes", "kilos"]),
  ...entries("measure", "g", ["grams", "gram", "grammes"]),
  ...entries("measure", "t", ["tons", "ton", "tonnes", "tonne", "metric tons", "metric tonnes"]),
  ...entries("measure", "lb", ["pounds", "pound"]),
  ...entries("measure", "l", ["liters", "liter", "litres", "litre"]),
  ...entries("measure", "bbl", ["barrels", "barrel"]),
  ...entries("measure", "kW", ["kilowatts", "kilowatt"]),
  ...entries("measure", "MW", ["megawatts", "megawatt"]),
  ...entries("measure", "GW", ["gigawatts", "gigawatt"]),
  ...entries("measure", "kWh", ["kilowatt hours", "kilowatt - hours", "kilowatt hour", "kilowatt - hour"]),
  ...entries("measure", "MWh", ["megawatt hours", "megawatt - hours", "megawatt hour", "megawatt - hour"]),
  ...entries("measure", "GWh", ["gigawatt hours", "gigawatt - hours", "gigawatt hour", "gigawatt - hour"]),
  ...entries("measure", "TWh", ["terawatt hours", "terawatt - hours", "terawatt hour", "terawatt - hour"]),
];

/** Case-sensitive unit symbols ("MW" is not "mW"). */
const UNIT_SYMBOLS: ReadonlyMap<string, Omit<UnitEntry, "words">> = new Map(
  (
    [
      ["km", "km"], ["kms", "km"], ["cm", "cm"], ["mm", "mm"], ["ft", "ft"], ["kg", "kg"], ["kgs", "kg"],
      ["lb", "lb"], ["lbs", "lb"], ["ha", "ha"], ["bbl", "bbl"], ["kW", "kW"], ["MW", "MW"], ["GW", "GW"],
      ["kWh", "kWh"], ["MWh", "MWh"], ["GWh", "GWh"], ["TWh", "TWh"],
    ] as const
  )
    .map(([symbol, unit]): [string, Omit<UnitEntry, "words">] => [symbol, { kind: "measure", unit, factor: 1 }])
    .concat([
      ["bcm", { kind: "measure", unit: "m3", factor: 1e9 }],
      ["mcm", { kind: "measure", unit: "m3", factor: 1e6 }],
    ]),
);

const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly UnitEntry[]> = indexByFirstWord(UNIT_PHRASES);

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
  ...CURRENCY_SYMBOLS.keys(),
  ...DOLLAR_PREFIXES.keys(),
  ...CURRENCY_CODES.keys(),
]);

/** "$", "US$", "US $", "€", or an upper-case ISO code, followed by a number. */
export function parseCurrencyPrefix(tokens: readonly Token[], i: number): { currency: string; end: number } | null {
  const token = tokens[i];
  if (!token) return null;
  const symbol = CURRENCY_SYMBOLS.get(token.text);
  if (symbol) return { currency: symbol, end: i + 1 };
  const dollar = DOLLAR_PREFIXES.get(token.text);
  if (dollar && tokens[i + 1]?.text === "$" && (isAttached(tokens, i + 1) || token.text === "US")) {
    return { currency: dollar, end: i + 2 };
  }
  const code = CURRENCY_CODES.get(token.text);
  if (code && tokens[i + 1]?.kind === "number") return { currency: code, end: i + 1 };
  return null;
}

/** A unit right after a number, spaced ("300 km", "90 percent") or hyphen-joined ("17-kilometer"). */
export function parseUnitSuffix(tokens: readonly Token[], i: number): UnitSuffix | null {
  return unitAt(tokens, isHyphenJoin(tokens, i) ? i + 1 : i);
}

function unitAt(tokens: readonly Token[], i: number): UnitSuffix | null {
  const token = tokens[i];
  if (!token) return null;
  const symbol = UNIT_SYMBOLS.get(token.text);
  if (symbol) return { ...symbol, end: i + 1 };
  // "m3", "m³": cubic meters, the letter and the power as two glued tokens.
  const power = tokens[i + 1];
  if (token.text === "m" && power && (power.text === "3" || power.text === "\u00b3") && isAttached(tokens, i + 1)) {
    return { kind: "measure", unit: "m3", factor: 1, end: i + 2 };
  }
  for (const entry of PHRASES_BY_FIRST_WORD.get(token.lower) ?? []) {
    if (wordsAt(tokens, i, entry.words)) {
      return { kind: entry.kind, unit: entry.unit, factor: entry.factor, end: i + entry.words.length };
    }
  }
  return null;
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
