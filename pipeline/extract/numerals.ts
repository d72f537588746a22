/** Reads one number, in digits or words, with its scale words: "2.35 billion", "fifty thousand", "twenty-five". */

import {
  CAPITAL_SCALES,
  DENOMINATORS,
  ORDINALS,
  ORDINAL_SCALES,
  SCALES,
  SCALE_ABBREVIATIONS,
  TENS,
  UNITS,
  VULGAR_FRACTIONS,
} from "./number-words.ts";
import { CLAUSE_ENDS, HYPHENS, isAttached, isFootnoteNumber, isHyphenJoin, lowerAt } from "./token-checks.ts";
import { TokenTest, tokenizeRuns, type Token } from "./tokenize.ts";

export interface Numeral {
  /** Token index after the numeral. */
  end: number;
  value: number;
  /** The number before its scale words: 2.35 in "2.35 billion". */
  base: number;
  /** Product of the scale words: 1e9 in "2.35 billion", 1 without any. */
  scale: number;
  digits: boolean;
  /** Four plain digits from 1000 to 2100 and nothing else ("1948"): a year unless context says otherwise. */
  yearLike: boolean;
  /** A lone "one": too common in prose ("one of the") to report unless a unit follows. */
  bareOne: boolean;
}

/** Nouns after which a number names something ("Chapter 11", "Resolution 1718", "page 5"). */
const IDENTIFIER_NOUNS: ReadonlySet<string> = new Set([
  "number",
  "chapter",
  "article",
  "section",
  "paragraph",
  "clause",
  "figure",
  "table",
  "page",
  "route",
  "highway",
  "resolution",
  "flight",
  "room",
  "volume",
  "issue",
  "phase",
  "version",
  "item",
  "category",
  "mach",
  "apt",
  "apartment",
  "suite",
  "platform",
  "gate",
  "terminal",
  "model",
]);

/** Abbreviations that, with their period, do the same ("No. 428", "p. 5", "Fig. 3"). */
const IDENTIFIER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "no",
  "nos",
  "p",
  "pp",
  "fig",
  "vol",
  "art",
  "sec",
  "ch",
  "para",
]);

/** Words after which a number is an identifier attached by a hyphen ("F-16", "COVID-19") unless listed here ("end-of-2018"). */
const PREFIXES: ReadonlySet<string> = new Set(["mid", "pre", "post", "early", "late", "end", "start", "circa", "of"]);

const MAX_WORD_NUMERAL = 12;

/**
 * The last numerals read, by token index: the matchers that compete at a token read the same numeral there, often
 * several times. An entry holds for one token array as one tokenize() run filled it (arrays are reused).
 */
const recent: { run: number; tokens: readonly Token[] | null; start: number; numeral: Numeral | null }[] = Array.from(
  { length: 8 },
  () => ({
    run: -1,
    tokens: null,
    start: -1,
    numeral: null,
  }),
);

export function parseNumeral(tokens: readonly Token[], i: number): Numeral | null {
  const token = tokens[i];
  if (!token) return null;
  const entry = recent[i & 7]!;
  const run = tokenizeRuns();
  if (entry.run === run && entry.tokens === tokens && entry.start === token.start) return entry.numeral;
  const numeral = readNumeral(tokens, i, token);
  entry.run = run;
  entry.tokens = tokens;
  entry.start = token.start;
  entry.numeral = numeral;
  return numeral;
}

function readNumeral(tokens: readonly Token[], i: number, token: Token): Numeral | null {
  if (token.kind === "number") {
    // A number beyond the double range (Infinity) is still read, so that the extractor can refuse it aloud; one
    // with a decimal comma ("2,5") has no value and is not read.
    return isIdentifierNumber(tokens, i) || Number.isNaN(token.numeric) ? null : digitNumeral(tokens, i, token);
  }
  if (token.kind === "word")
    return mayStartWordNumeral.has(token) ? (fractionOfScale(tokens, i) ?? wordNumeral(tokens, i)) : null;
  const vulgar = VULGAR_FRACTIONS.get(token.text);
  if (vulgar !== undefined && !isAttached(tokens, i)) return withScales(tokens, i + 1, vulgar, true);
  return null;
}

/** Words before which a year may be spelled as a number ("founded in two thousand and five"). */
const SPELLED_YEAR_GATES: ReadonlySet<string> = new Set(["in", "since", "until", "till", "before", "after", "during"]);

/**
 * "two thousand and five", "two thousand", "two thousand ten": a year from 2000 on spelled as a number, read as a
 * year only where a year stands, after "in", "since", … and before the end of a clause ("rose by two thousand" is
 * a count).
 */
export function spelledYearAt(tokens: readonly Token[], i: number): { year: number; end: number } | null {
  if (lowerAt(tokens, i) !== "two" || lowerAt(tokens, i + 1) !== "thousand") return null;
  if (!SPELLED_YEAR_GATES.has(lowerAt(tokens, i - 1))) return null;
  const numeral = parseNumeral(tokens, i);
  if (!numeral || !Number.isInteger(numeral.value) || numeral.value > 2099) return null;
  const next = tokens[numeral.end];
  return next === undefined || CLAUSE_ENDS.has(next.text) ? { year: numeral.value, end: numeral.end } : null;
}

/** Four plain digits between 1000 and 2100. */
export function isPlainYear(token: Token): boolean {
  return token.kind === "number" && token.text.length === 4 && token.numeric >= 1000 && token.numeric <= 2100;
}

/**
 * A number that names rather than measures: after "No.", "Number", "#" or "Chapter", glued to a word ("A380", "F-16"),
 * or the later part of "10:30", "5/3", "1.2.3".
 */
export function isIdentifierNumber(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  if (isFootnoteNumber(tokens, i)) return true;
  if (prev.text === "#" || prev.text === "\u2116" || IDENTIFIER_NOUNS.has(prev.lower)) return true;
  if (prev.text === "." && isAttached(tokens, i - 1) && IDENTIFIER_ABBREVIATIONS.has(lowerAt(tokens, i - 2)))
    return true;
  if (!isAttached(tokens, i)) return false;
  if (prev.kind === "word") return true;
  const before = tokens[i - 2];
  if (!before || !isAttached(tokens, i - 1)) return false;
  // "F-16", "COVID-19", and zone offsets "UTC+3", "GMT−5".
  if (HYPHENS.has(prev.text) || prev.text === "+" || prev.text === "\u2212")
    return before.kind === "word" && !PREFIXES.has(before.lower);
  return (prev.text === ":" || prev.text === "/" || prev.text === ".") && before.kind === "number";
}

function digitNumeral(tokens: readonly Token[], i: number, token: Token): Numeral {
  let base = token.numeric;
  let end = i + 1;
  const exponent = exponentAt(tokens, end);
  const fraction = exponent ? null : fractionAfter(tokens, end, token);
  if (exponent) {
    base = exponent.bare ? 10 ** exponent.power : Number(`${token.numeric}e${exponent.power}`);
    end = exponent.end;
  } else if (fraction) {
    base += fraction.value;
    end = fraction.end;
  } else if (isAndAHalf(tokens, end)) {
    base += 0.5;
    end += 3;
  }
  const scaled = readScales(tokens, end);
  const capital =
    scaled.end === end && end === i + 1 && isAttached(tokens, end) ? CAPITAL_SCALES.get(tokens[end]!.text) : undefined;
  // "40M", "3.4B": a capital letter glued to the number, which no unit symbol of prose is.
  const scale = capital ?? scaled.scale;
  const numeralEnd = capital === undefined ? scaled.end : end + 1;
  return {
    end: numeralEnd,
    value: base * scale,
    base,
    scale,
    digits: true,
    yearLike: numeralEnd === i + 1 && isPlainYear(token),
    bareOne: false,
  };
}

/** The number times the scale words from `end` on. */
function withScales(tokens: readonly Token[], end: number, base: number, digits: boolean): Numeral {
  const scaled = readScales(tokens, end);
  return {
    end: scaled.end,
    value: base * scaled.scale,
    base,
    scale: scaled.scale,
    digits,
    yearLike: false,
    bareOne: false,
  };
}

/** "e9", "e-5" glued after a number, or " × 10^5": a power of ten; `bare` for "10^6" alone, the number itself. */
function exponentAt(tokens: readonly Token[], i: number): { power: number; end: number; bare: boolean } | null {
  let k: number;
  const first = tokens[i];
  const bare = first?.text === "^" && tokens[i - 1]?.text === "10" && isAttached(tokens, i);
  if (((first?.text === "e" || first?.text === "E") && isAttached(tokens, i)) || bare) k = i + 1;
  else if (
    (first?.text === "\u00d7" || first?.text === "x" || first?.text === "*") &&
    tokens[i + 1]?.text === "10" &&
    tokens[i + 2]?.text === "^"
  ) {
    if (!isAttached(tokens, i + 2) || first.spaced !== tokens[i + 1]!.spaced) return null;
    k = i + 3;
  } else return null;
  let sign = 1;
  if ((tokens[k]?.text === "-" || tokens[k]?.text === "\u2212" || tokens[k]?.text === "+") && isAttached(tokens, k)) {
    sign = tokens[k]!.text === "+" ? 1 : -1;
    k++;
  }
  const power = tokens[k];
  if (power?.kind !== "number" || !isAttached(tokens, k) || !/^\d{1,3}$/.test(power.text)) return null;
  return { power: sign * power.numeric, end: k + 1, bare };
}

/** "2 1/4", "2¼": a whole number and a proper fraction after it (the numerator below the denominator). */
function fractionAfter(tokens: readonly Token[], i: number, whole: Token): { value: number; end: number } | null {
  const top = tokens[i];
  if (
    !top ||
    (top.kind !== "punct" && tokens[i + 1]?.text !== "/") ||
    !Number.isInteger(whole.numeric) ||
    whole.text.includes(".")
  )
    return null;
  const vulgar = VULGAR_FRACTIONS.get(top.text);
  if (vulgar !== undefined) return { value: vulgar, end: i + 1 };
  const [slash, bottom] = [tokens[i + 1], tokens[i + 2]];
  if (top.kind !== "number" || !top.spaced || slash?.text !== "/" || bottom?.kind !== "number") return null;
  if (
    !isAttached(tokens, i + 1) ||
    !isAttached(tokens, i + 2) ||
    !/^\d{1,2}$/.test(top.text) ||
    !/^\d{1,2}$/.test(bottom.text)
  )
    return null;
  if (top.numeric < 1 || top.numeric >= bottom.numeric) return null;
  return { value: top.numeric / bottom.numeric, end: i + 3 };
}

/**
 * "three-quarters of a billion", "a quarter of a million", "two thirds of a million": a written fraction of a
 * scale word. ("half a million" is read with the cardinals.)
 */
function fractionOfScale(tokens: readonly Token[], i: number): Numeral | null {
  const word = lowerAt(tokens, i);
  const numerator = word === "a" || word === "an" ? 1 : UNITS.get(word);
  if (!numerator) return null;
  const k = isHyphenJoin(tokens, i + 1) ? i + 2 : i + 1;
  const denominator = DENOMINATORS.get(lowerAt(tokens, k));
  if (!denominator || lowerAt(tokens, k + 1) !== "of") return null;
  const article = lowerAt(tokens, k + 2);
  const scale = SCALES.get(lowerAt(tokens, k + 3));
  if ((article !== "a" && article !== "an") || scale === undefined || scale < 1e3) return null;
  const base = numerator / denominator.value;
  return { end: k + 4, value: base * scale, base, scale, digits: false, yearLike: false, bareOne: false };
}

/** Up to two scale words, multiplied: "2 million", "3 hundred thousand", "5bn", "a $2.5-billion deal". */
function readScales(tokens: readonly Token[], from: number): { scale: number; end: number } {
  let scale = 1;
  // A scale word hyphen-joined to the number scales it as a spaced one does; a word that is no scale is not read.
  const start = isHyphenJoin(tokens, from) && SCALES.has(lowerAt(tokens, from + 1)) ? from + 1 : from;
  let end = start;
  while (end < start + 2) {
    const word = lowerAt(tokens, end);
    const factor = SCALES.get(word) ?? SCALE_ABBREVIATIONS.get(word);
    if (factor === undefined) break;
    scale *= factor;
    end++;
  }
  return { scale, end };
}

function isAndAHalf(tokens: readonly Token[], i: number): boolean {
  return lowerAt(tokens, i) === "and" && lowerAt(tokens, i + 1) === "a" && lowerAt(tokens, i + 2) === "half";
}

type Last = "none" | "unit" | "tens" | "hundred" | "scale";

/** The words a cardinal can begin with (any other ends the loop below before it reads one): most words are passed over at once. */
const mayStartWordNumeral = new TokenTest((token) => {
  const word = token.lower;
  return word === "half" || word === "a" || word === "an" || UNITS.has(word) || TENS.has(word);
});

/**
 * Cardinals in words, read left to right: units and tens add, "hundred" multiplies the group, larger scales
 * close the group ("two hundred and fifty thousand" = 250000). "a"/"an" count as one only before a scale word.
 * "half a million" is 500000.
 */
function wordNumeral(tokens: readonly Token[], i: number): Numeral | null {
  if (!mayStartWordNumeral.has(tokens[i]!)) return null;
  const head = lowerAt(tokens, i);
  if (head === "half" && lowerAt(tokens, i + 1) === "a") {
    const scale = SCALES.get(lowerAt(tokens, i + 2));
    if (scale === undefined || scale < 1e3) return null;
    return { end: i + 3, value: scale / 2, base: 0.5, scale, digits: false, yearLike: false, bareOne: false };
  }
  let total = 0;
  let group = 0;
  let last: Last = "none";
  let lastScale = Number.POSITIVE_INFINITY;
  let firstScale = 1;
  let j = i;
  if (head === "a" || head === "an") {
    const next = lowerAt(tokens, i + 1);
    if (!SCALES.has(next) && next !== "dozen") return null;
    group = 1;
    last = "unit";
    j = i + 1;
  }
  while (j < i + MAX_WORD_NUMERAL) {
    const word = lowerAt(tokens, j);
    const unit = UNITS.get(word);
    const tens = TENS.get(word);
    const scale = SCALES.get(word);
    if (unit !== undefined) {
      if (last === "unit" || (last === "tens" && unit >= 10)) break;
      group += unit;
      last = "unit";
    } else if (tens !== undefined) {
      if (last === "unit" || last === "tens") break;
      // "twenty-first" is an ordinal, a rank: no number of anything.
      if (isHyphenJoin(tokens, j + 1) && ORDINALS.has(lowerAt(tokens, j + 2))) return null;
      group += tens;
      last = "tens";
      const ones = UNITS.get(lowerAt(tokens, j + 2));
      if (isHyphenJoin(tokens, j + 1) && ones !== undefined && ones >= 1 && ones <= 9) {
        group += ones;
        last = "unit";
        j += 2;
      }
    } else if (word === "hundred") {
      if (last === "hundred" || last === "none") break;
      group *= 100;
      last = "hundred";
    } else if (word === "dozen") {
      if (last === "none") break;
      group *= 12;
      j++;
      break;
    } else if (scale !== undefined) {
      if (last === "none" || scale >= lastScale) break;
      if (lastScale === Number.POSITIVE_INFINITY) firstScale = scale;
      total += group * scale;
      group = 0;
      lastScale = scale;
      last = "scale";
    } else if (word === "and" && (last === "hundred" || last === "scale") && startsCardinal(tokens, j + 1)) {
      // "two hundred and fifty": the "and" joins, it does not end the number.
    } else if (
      (last === "unit" || last === "tens") &&
      lastScale === Number.POSITIVE_INFINITY &&
      isAndAHalf(tokens, j)
    ) {
      group += 0.5;
      j += 2;
    } else {
      break;
    }
    j++;
  }
  if (last === "none") return null;
  // "the two hundredth anniversary", "the twenty first": a rank, not a count.
  if (
    ORDINAL_SCALES.has(lowerAt(tokens, j)) ||
    (last === "tens" && ORDINALS.has(lowerAt(tokens, j)) && (ORDINALS.get(lowerAt(tokens, j)) ?? 10) < 10)
  )
    return null;
  const decimals = lastScale === Number.POSITIVE_INFINITY ? pointDigits(tokens, j) : null;
  if (decimals) {
    // "two point five", "nought point two": the digits after "point" one word each.
    const value = Number(`${total + group}.${decimals.digits}`);
    const scaled = readScales(tokens, decimals.end);
    return {
      end: scaled.end,
      value: value * scaled.scale,
      base: value,
      scale: scaled.scale,
      digits: false,
      yearLike: false,
      bareOne: false,
    };
  }
  const value = total + group;
  const scale = lastScale === Number.POSITIVE_INFINITY ? 1 : firstScale;
  return {
    end: j,
    value,
    base: value / scale,
    scale,
    digits: false,
    yearLike: false,
    bareOne: head === "one" && j === i + 1,
  };
}

/** "point five", "point two five": the digit words after "point". */
function pointDigits(tokens: readonly Token[], i: number): { digits: string; end: number } | null {
  if (lowerAt(tokens, i) !== "point") return null;
  let digits = "";
  let k = i + 1;
  for (
    let digit = UNITS.get(lowerAt(tokens, k));
    digit !== undefined && digit <= 9 && digits.length < 6;
    digit = UNITS.get(lowerAt(tokens, k))
  ) {
    digits += String(digit);
    k++;
  }
  return digits ? { digits, end: k } : null;
}

function startsCardinal(tokens: readonly Token[], i: number): boolean {
  const word = lowerAt(tokens, i);
  return UNITS.has(word) || TENS.has(word);
}
