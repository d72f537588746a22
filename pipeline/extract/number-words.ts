/** English number vocabulary: cardinals, scales, fractions, multipliers and vague magnitudes. All keys lower-case. */

const UNIT_NAMES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS_NAMES = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** zero … nineteen ("nought" is zero too). */
export const UNITS: ReadonlyMap<string, number> = new Map([
  ...UNIT_NAMES.map((name, value): [string, number] => [name, value]),
  ["nought", 0],
]);

/** twenty … ninety. */
export const TENS: ReadonlyMap<string, number> = new Map(TENS_NAMES.map((name, k) => [name, (k + 2) * 10]));

/** Words that multiply the number before them: "2.35 billion", "fifty thousand". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ["hundred", 1e2],
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
  // South Asian scales, as English news from the region writes them: "1.5 lakh", "2 crore".
  ["lakh", 1e5],
  ["lakhs", 1e5],
  ["crore", 1e7],
  ["crores", 1e7],
]);

/** Abbreviated scales that cannot mean anything else after a number: "3bn", "2 mln". */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ["mio", 1e6],
  ["mn", 1e6],
  ["mln", 1e6],
  ["bn", 1e9],
  ["bln", 1e9],
  ["tn", 1e12],
  ["trn", 1e12],
]);

/** Scales written in capitals glued to a number ("40M", "3.4B"), which no unit symbol of prose uses. */
export const CAPITAL_SCALES: ReadonlyMap<string, number> = new Map([
  ["M", 1e6],
  ["B", 1e9],
  ["BN", 1e9],
  ["MM", 1e6],
]);

/** One-letter scales, read as scales only right after a currency amount ("$40m", "€5k"): elsewhere "m" is a metre. */
export const CURRENCY_SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ["k", 1e3],
  ["m", 1e6],
  ["b", 1e9],
]);

/** Fraction denominators, singular and plural: "a third", "two-thirds". */
export const DENOMINATORS: ReadonlyMap<string, { value: number; plural: boolean }> = new Map(
  (
    [
      ["half", "halves", 2],
      ["third", "thirds", 3],
      ["quarter", "quarters", 4],
      ["fifth", "fifths", 5],
      ["sixth", "sixths", 6],
      ["seventh", "sevenths", 7],
      ["eighth", "eighths", 8],
      ["ninth", "ninths", 9],
      ["tenth", "tenths", 10],
    ] as const
  ).flatMap(([singular, plural, value]): [string, { value: number; plural: boolean }][] => [
    [singular, { value, plural: false }],
    [plural, { value, plural: true }],
  ]),
);

function valued(words: readonly string[], value: number): [string, number][] {
  return words.map((word) => [word, value]);
}

/** Single words that state a ratio: "tripled", "fivefold". */
export const MULTIPLIER_WORDS: ReadonlyMap<string, number> = new Map([
  ...valued(["doubled", "doubling", "doubles"], 2),
  ...valued(["tripled", "tripling", "triples", "trebled"], 3),
  ...valued(["quadrupled", "quadrupling", "quadruples"], 4),
  ...valued(["quintupled", "quintupling"], 5),
  ...valued(["halved", "halving"], 0.5),
  ...[...UNITS, ...TENS, ["hundred", 100] as const]
    .filter(([, value]) => value >= 2)
    .map(([name, value]): [string, number] => [`${name}fold`, value]),
]);

/** Plural magnitudes that make an amount vague: "billions of dollars", "hundreds of workers". */
export const VAGUE_MAGNITUDES: ReadonlySet<string> = new Set([
  "dozens",
  "tens",
  "hundreds",
  "thousands",
  "millions",
  "billions",
  "trillions",
]);

/** Ordinal-like words that turn "half" into a period ("the second half"), not a fraction. */
export const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  "first",
  "second",
  "third",
  "fourth",
  "last",
  "final",
  "latter",
  "former",
  "other",
  "next",
  "previous",
]);

const ORDINAL_UNIT_NAMES = [
  "",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
const ORDINAL_TENS_NAMES = [
  "twentieth",
  "thirtieth",
  "fortieth",
  "fiftieth",
  "sixtieth",
  "seventieth",
  "eightieth",
  "ninetieth",
];

/** first … nineteenth, and the tens (twentieth … ninetieth): "twenty-first" is a tens word, a hyphen, then one of these. */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ...ORDINAL_UNIT_NAMES.slice(1).map((name, k): [string, number] => [name, k + 1]),
  ...ORDINAL_TENS_NAMES.map((name, k): [string, number] => [name, (k + 2) * 10]),
]);

/** Ordinal scales: "the two hundredth anniversary" names a rank, not a count of two. */
export const ORDINAL_SCALES: ReadonlySet<string> = new Set(["hundredth", "thousandth", "millionth", "billionth"]);

/** Single characters that write a fraction: "¾", "2½". */
export const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ["\u00bd", 1 / 2],
  ["\u2153", 1 / 3],
  ["\u2154", 2 / 3],
  ["\u00bc", 1 / 4],
  ["\u00be", 3 / 4],
  ["\u2155", 1 / 5],
  ["\u2156", 2 / 5],
  ["\u2157", 3 / 5],
  ["\u2158", 4 / 5],
  ["\u2159", 1 / 6],
  ["\u215a", 5 / 6],
  ["\u215b", 1 / 8],
  ["\u215c", 3 / 8],
  ["\u215d", 5 / 8],
  ["\u215e", 7 / 8],
]);

interface DurationUnit {
  unit: "year" | "month" | "week" | "day";
  multiple: number;
}

/** Periods a count of which is a duration: "three years" is 3 years, "two decades" 20 years. */
export const DURATION_UNITS: ReadonlyMap<string, DurationUnit> = new Map(
  (
    [
      ["year", "years", "year", 1],
      ["decade", "decades", "year", 10],
      ["century", "centuries", "year", 100],
      ["month", "months", "month", 1],
      ["week", "weeks", "week", 1],
      ["day", "days", "day", 1],
    ] as const
  ).flatMap(([singular, plural, unit, multiple]): [string, DurationUnit][] => [
    [singular, { unit, multiple }],
    [plural, { unit, multiple }],
  ]),
);

/** Verbs of change before "N times" that make it a multiple ("rose two and a half times"), not a frequency ("met three times"). */
export const CHANGE_VERBS: ReadonlySet<string> = new Set([
  "rose",
  "grew",
  "increased",
  "fell",
  "dropped",
  "declined",
  "expanded",
  "multiplied",
  "jumped",
  "climbed",
  "soared",
  "surged",
  "shrank",
  "contracted",
  "rise",
  "grow",
  "increase",
  "fall",
  "drop",
  "decline",
  "expand",
]);

/**
 * Verbs after which "X to Y" is a change, by X to Y, not a range ("rose $300 to $1,200"): the verbs of change and
 * the market's words for them. ("lost three times" is no multiple, so these are not CHANGE_VERBS.)
 */
export const CHANGE_TO_VERBS: ReadonlySet<string> = new Set([
  ...CHANGE_VERBS,
  "gained",
  "lost",
  "added",
  "shed",
  "slipped",
  "slid",
  "sank",
  "dipped",
  "tumbled",
  "plunged",
  "plummeted",
  "rallied",
  "advanced",
  "edged",
  "spiked",
  "rises",
  "grows",
  "falls",
  "drops",
  "gains",
  "raised",
  "cut",
  "lowered",
  "boosted",
]);
