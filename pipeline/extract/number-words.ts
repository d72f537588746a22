/** English number vocabulary: cardinals, scales, fractions, multipliers and vague magnitudes. All keys lower-case. */

const UNIT_NAMES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS_NAMES = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** zero … nineteen. */
export const UNITS: ReadonlyMap<string, number> = new Map(UNIT_NAMES.map((name, value) => [name, value]));

/** twenty … ninety. */
export const TENS: ReadonlyMap<string, number> = new Map(TENS_NAMES.map((name, k) => [name, (k + 2) * 10]));

/** Words that multiply the number before them: "2.35 billion", "fifty thousand". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ["hundred", 1e2],
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
]);

/** Abbreviated scales that cannot mean anything else after a number: "3bn", "2 mln". */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ["mn", 1e6],
  ["mln", 1e6],
  ["bn", 1e9],
  ["bln", 1e9],
  ["tn", 1e12],
  ["trn", 1e12],
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
  "dozens", "tens", "hundreds", "thousands", "millions", "billions", "trillions",
]);

/** Ordinal-like words that turn "half" into a period ("the second half"), not a fraction. */
export const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  "first", "second", "third", "fourth", "last", "final", "latter", "former", "other", "next", "previous",
]);
