/** Quantity mentions: money, measures, percentages, counts, ranges, fractions, multipliers and vague amounts. */

import type { Qualifier } from "../../schemas/qualifiers.ts";
import { HEDGE_FIRST_WORDS, HEDGE_WORDS, hedgeEndsAt, matchHedge } from "./hedges.ts";
import { longer, type Match } from "./match.ts";
import type { QuantityMention } from "./mention.ts";
import {
  CHANGE_TO_VERBS,
  CHANGE_VERBS,
  CURRENCY_SCALE_ABBREVIATIONS,
  DENOMINATORS,
  DURATION_UNITS,
  MULTIPLIER_WORDS,
  ORDINAL_WORDS,
  SCALES,
  TENS,
  UNITS,
  VAGUE_MAGNITUDES,
  VULGAR_FRACTIONS,
} from "./number-words.ts";
import { isPlainYear, parseNumeral, spelledYearAt, type Numeral } from "./numerals.ts";
import { MONTHS, MONTH_ABBREVIATIONS } from "./calendar.ts";
import { WEEKDAY_NAMES } from "./grammar/calendar-names.ts";
import { PAST_WORDS } from "./grammar/tense-words.ts";
import {
  CLAUSE_ENDS,
  DASHES,
  HYPHENS,
  endsCleanly,
  isAttached,
  isCapitalized,
  streetEnd,
  isHyphenJoin,
  lowerAt,
} from "./token-checks.ts";
import { TokenClass, TokenTest, type Token } from "./tokenize.ts";
import {
  COMPOUND_ONLY_SYMBOLS,
  COMPOUND_UNITS,
  FOOT_MARKS,
  INCH_MARKS,
  LENGTH_WORDS,
  UNNAMED_SMALLER_UNITS,
} from "./grammar/units.ts";
import {
  AMBIGUOUS_UNIT,
  parseCurrencyPrefix,
  parseRate,
  parseUnitSuffix,
  CURRENCY_FIRST_TOKENS,
  isSharedCurrencyBefore,
  type UnitKind,
  type UnitSuffix,
} from "./units.ts";

export type QuantityFields = Omit<QuantityMention, "kind" | "text" | "start" | "end">;
/** An amount without the hedge before it; `after` is a hedge written after the number ("40-odd", "40-plus"). */
type Body = Omit<QuantityFields, "qualifier"> & { after?: Qualifier };
/**
 * What a matcher reads over a span: a body, or null for a span read and refused (no mention covers it, and no
 * other reading of its tokens is tried), as for a decimal comma or a sign that may be a list's dash.
 */
type Read = Match<Body | null>;

/** Words that never serve as the counted noun ("30 of them" has none). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "of",
  "the",
  "a",
  "an",
  "and",
  "or",
  "but",
  "nor",
  "to",
  "in",
  "on",
  "at",
  "by",
  "for",
  "from",
  "with",
  "as",
  "than",
  "that",
  "which",
  "who",
  "whom",
  "is",
  "was",
  "were",
  "are",
  "be",
  "been",
  "it",
  "its",
  "this",
  "these",
  "those",
  "per",
  "into",
  "over",
  "under",
  "after",
  "before",
  "since",
  "until",
  "between",
  "during",
  "while",
  "when",
  "where",
  "if",
  "not",
  "no",
  "each",
  "every",
  "more",
  "less",
  "had",
  "has",
  "have",
  "will",
  "would",
]);

/** Nouns that make a four-digit number a count ("1500 workers") rather than a year. */
const COUNT_NOUNS: ReadonlySet<string> = new Set([
  "people",
  "persons",
  "workers",
  "employees",
  "soldiers",
  "troops",
  "refugees",
  "migrants",
  "children",
  "students",
  "families",
  "households",
  "jobs",
  "companies",
  "firms",
  "cases",
  "deaths",
  "victims",
  "casualties",
  "prisoners",
  "vehicles",
  "cars",
  "tanks",
  "aircraft",
  "planes",
  "ships",
  "homes",
  "houses",
  "points",
  "votes",
  "visitors",
  "tourists",
  "members",
  "delegates",
  "participants",
  "residents",
  "patients",
  "units",
  "items",
  "pages",
  "words",
  "species",
  "villages",
  "schools",
  "hospitals",
  "projects",
]);

/** "in 1500 workers' time" still reads as a year: the count exception needs no temporal preposition before. */
const TEMPORAL_PREPOSITIONS: ReadonlySet<string> = new Set([
  "in",
  "by",
  "since",
  "from",
  "until",
  "till",
  "of",
  "to",
  "before",
  "after",
  "during",
  "through",
  "circa",
]);

const RANGE_CONNECTORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["from", new Set(["to", "through", "until", "till"])],
  ["between", new Set(["and"])],
]);

/** What may follow "N times" or "twice" for it to be a ratio rather than a frequency. */
const COMPARATIVES: ReadonlySet<string> = new Set([
  "more",
  "less",
  "larger",
  "smaller",
  "greater",
  "higher",
  "lower",
  "bigger",
  "as",
  "faster",
  "slower",
  "longer",
  "fewer",
  "cheaper",
  "the",
]);

/** What may follow a lone "half" for it to be a fraction ("half of", "half the"). */
const HALF_FOLLOWERS: ReadonlySet<string> = new Set([
  "of",
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "our",
  "this",
  "that",
  "these",
  "those",
]);

const MULTI_SCALES: ReadonlySet<string> = new Set(["multimillion", "multibillion", "multitrillion"]);

/** Signs written before a number or its currency: hyphen-minus, minus sign, en dash (as typeset minus), plus. */
const SIGNS: ReadonlyMap<string, 1 | -1> = new Map([
  ["-", -1],
  ["\u2212", -1],
  ["\u2013", -1],
  ["+", 1],
]);
/** Punctuation after which a glued dash is still a sign: "(-3.1%)", "= -2". */
const OPENERS: ReadonlySet<string> = new Set(["(", "[", "{", "=", ":", "\u201c", '"']);

// What a token may start, as bits of its class: one lookup per token decides which matchers run.
const HEDGE = 1 << 0;
const AMOUNT = 1 << 1;
const RANGE = 1 << 2;
const MULTIPLIER = 1 << 3;
const FRACTION = 1 << 4;
const VAGUE = 1 << 5;
/** "a" or "an" (not the "A" of "A$"): an article, which starts an amount only before a few words. */
const ARTICLE = 1 << 6;

const quantityForms = new TokenClass((token) => {
  if (token.kind === "number") return AMOUNT | RANGE | MULTIPLIER | FRACTION;
  const word = token.lower;
  let forms = 0;
  if (HEDGE_FIRST_WORDS.has(word)) forms |= HEDGE;
  if (CURRENCY_FIRST_TOKENS.has(token.text) || SIGNS.has(token.text) || word === "minus") forms |= AMOUNT | RANGE;
  if (UNITS.has(word) || TENS.has(word)) forms |= AMOUNT | RANGE | MULTIPLIER | FRACTION;
  if (word === "a" || word === "an" || word === "half") forms |= AMOUNT | FRACTION;
  if ((word === "a" || word === "an") && !CURRENCY_FIRST_TOKENS.has(token.text)) forms |= ARTICLE;
  if (VULGAR_FRACTIONS.has(token.text)) forms |= AMOUNT | FRACTION;
  if (MULTIPLIER_WORDS.has(word) || word === "twice") forms |= MULTIPLIER;
  if (RANGE_CONNECTORS.has(word)) forms |= RANGE;
  if (VAGUE_MAGNITUDES.has(word) || MULTI_SCALES.has(word) || word === "multi") forms |= VAGUE;
  return forms;
});

/**
 * What may follow an article that starts an amount: a scale ("a million", "a dozen"), a denominator ("a third",
 * "a quarter of a billion") or the hyphen of "a-third". (An article with a hedge before it, "nearly a decade", is
 * read after the hedge.)
 */
const mayFollowArticle = new TokenTest(
  (token) =>
    SCALES.has(token.lower) || token.lower === "dozen" || DENOMINATORS.has(token.lower) || HYPHENS.has(token.text),
);

/** Whether a quantity may start at this token: the walk asks it of every token, before matchQuantity. */
export function mayStartQuantity(token: Token): boolean {
  return quantityForms.classOf(token) !== 0;
}

/** A quantity starting at tokens[i], hedge included. */
export function matchQuantity(tokens: readonly Token[], i: number): Match<QuantityFields | null> | null {
  const first = tokens[i];
  const forms = first ? quantityForms.classOf(first) : 0;
  if (forms === 0) return null;
  // A year that ends its clause ("in 2014,") is no quantity, read at once: most years are.
  const follower = tokens[i + 1];
  if (isPlainYear(first!) && (follower === undefined || CLAUSE_ENDS.has(follower.text))) return null;
  // A dash or "minus" starts a quantity only as a sign: most dashes join words ("large-scale").
  if ((first!.kind === "punct" && SIGNS.has(first!.text)) || first!.lower === "minus") {
    if (isLooseDash(tokens, i)) return refusedAfter(tokens, i, i + 1);
    if (!parseSign(tokens, i)) return null;
  }
  const matched = forms & HEDGE ? matchHedge(tokens, i) : null;
  const hedge = matched && isFractionBar(tokens, i) ? null : matched;
  // Most articles start nothing: asked before any matcher runs.
  if (!hedge && forms & ARTICLE && (follower === undefined || !mayFollowArticle.has(follower))) return null;
  const from = hedge ? hedge.end : i;
  const next = tokens[from];
  const at = !hedge ? forms : next ? quantityForms.classOf(next) : 0;
  // Read once for the two matchers that start with it (a range's low end, or the amount itself); on a tie the
  // earlier matcher wins.
  const amount = at & AMOUNT ? parseAmount(tokens, from) : null;
  let body: Read | null = hedge ? matchVagueDuration(tokens, from) : null;
  if (at & RANGE) body = longer<Body | null>(body, matchRange(tokens, from, amount, i));
  if (at & MULTIPLIER) body = longer(body, matchMultiplier(tokens, from));
  if (at & FRACTION) body = longer(body, matchFraction(tokens, from));
  if (at & VAGUE) body = longer(body, matchVague(tokens, from));
  if (at & AMOUNT) body = longer(body, matchAmount(tokens, from, amount));
  // "north of 60 degrees" is a place: the amount is read alone.
  if (!body || (hedge && BEARINGS.has(lowerAt(tokens, i)) && amount?.unitKind === "measure")) return null;
  // "10 -12", "3.0 -3.5%": a range typed loosely or a second, negative figure; neither end is read.
  if (isLooseDash(tokens, body.end)) return refusedAfter(tokens, i, body.end + 1);
  // A hedge after a negation it cannot be read with, two hedges at odds ("nearly 40-plus"), or "by six votes
  // over four", where "over" compares two counts and bounds neither: no qualifier would be right.
  // "over" before a duration may be the span a thing runs ("repaid over 20 years", "$5 million over three
  // years"), not more than it: read without the hedge unless the words around it say "more than" ("for over a
  // decade", "over 80 years old").
  const during =
    hedge !== null &&
    body.value !== null &&
    lowerAt(tokens, i) === "over" &&
    isDuration(body.value.unit) &&
    !overMeansMore(tokens, i, body.end);
  const after = body.value?.after;
  if (
    !body.value ||
    hedge?.value === null ||
    (hedge && after && hedge.value !== after) ||
    (!during && isComparison(tokens, hedge))
  )
    return { start: i, end: body.end, value: null };
  const { value, value_high, unit, vague, noun } = body.value;
  return {
    start: during ? from : i,
    end: body.end,
    value: { value, value_high, unit, qualifier: (during ? null : hedge?.value) ?? after ?? "exact", vague, noun },
  };
}

/** The units durations are read in ("three years", "two decades"). */
function isDuration(unit: string): boolean {
  return unit === "year" || unit === "month" || unit === "week" || unit === "day";
}

/** Words before "over" a duration that make it "more than" one: a length of time had, taken or waited. */
const OVER_AS_MORE_AFTER: ReadonlySet<string> = new Set([
  "for",
  "in",
  "after",
  "of",
  "aged",
  "took",
  "take",
  "takes",
  "taking",
  "lasted",
  "last",
  "lasts",
  "lasting",
  "spent",
  "spend",
  "spends",
  "spending",
  "waited",
  "wait",
  "waits",
  "waiting",
]);

/** Whether "over" at tokens[i], before a duration that ends at `end`, means "more than" ("over 80 years old"). */
function overMeansMore(tokens: readonly Token[], i: number, end: number): boolean {
  return OVER_AS_MORE_AFTER.has(lowerAt(tokens, i - 1)) || lowerAt(tokens, end) === "old";
}

/** Hedges that are bearings too ("north of $5bn", "south of the 38th parallel"): no hedge of a measure. */
const BEARINGS: ReadonlySet<string> = new Set(["north", "south"]);

/** A refused span from tokens[i] through the amount at tokens[k], if one is there. */
function refusedAfter(tokens: readonly Token[], i: number, k: number): Match<null> | null {
  const amount = parseAmount(tokens, k);
  return amount ? { start: i, end: amount.end, value: null } : null;
}

/**
 * Whether tokens[i-1] ends an amount: a number ("10 -12"), or "%" or a word after one ("six votes over"), but not
 * a function word ("from -5 to -15").
 */
function followsAmount(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before) return false;
  const unitLike = before.text === "%" || (before.kind === "word" && !FUNCTION_WORDS.has(before.lower));
  return isNumberToken(before) || (unitLike && isNumberToken(tokens[i - 2]));
}

function isNumberToken(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === "number" || UNITS.has(token.lower) || TENS.has(token.lower));
}

/**
 * A dash spaced from an amount before it and glued to a number after it ("pages 10 -12", "2014 -2015"): a range
 * typed loosely, or a negative figure after a positive one. Which, the text does not say.
 */
function isLooseDash(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return (
    token !== undefined &&
    token.kind === "punct" &&
    SIGNS.get(token.text) === -1 &&
    token.spaced &&
    isAttached(tokens, i + 1) &&
    followsAmount(tokens, i)
  );
}

/** "over", "under", "above" or "below" between two counts ("won by six votes over four"): a comparison. */
const COMPARING_HEDGES: ReadonlySet<string> = new Set(["over", "under", "above", "below"]);

function isComparison(tokens: readonly Token[], hedge: Match<Qualifier | null> | null): boolean {
  return (
    hedge !== null &&
    hedge.end === hedge.start + 1 &&
    COMPARING_HEDGES.has(lowerAt(tokens, hedge.start)) &&
    followsAmount(tokens, hedge.start)
  );
}

/**
 * "over" or "under" right after a number is no hedge: "one over three" is a fraction, "200 over 3 days" a span of
 * time. The amount after it is then read on its own.
 */
function isFractionBar(tokens: readonly Token[], i: number): boolean {
  const word = lowerAt(tokens, i);
  if (word !== "over" && word !== "under") return false;
  const before = tokens[i - 1];
  return before !== undefined && (before.kind === "number" || UNITS.has(before.lower) || TENS.has(before.lower));
}

interface Amount {
  start: number;
  end: number;
  numeral: Numeral;
  /** Numeral scale, times a currency abbreviation ("$40m"). */
  scale: number;
  /** Unit factor ("5 bcm" = 5e9 m3). */
  factor: number;
  currency: string | null;
  unit: string | null;
  unitKind: UnitKind | null;
  /** Rate suffix: "/year". */
  per: string | null;
  /** A smaller unit's part, in the amount's unit: 0.5 in "two dollars and fifty cents". */
  extra: number;
}

/** A sign before a number or its currency: "-2.5%", "−$1.2 billion", "(-3.1%)", "minus 30 degrees". */
function parseSign(tokens: readonly Token[], i: number): { sign: 1 | -1; end: number } | null {
  const token = tokens[i];
  if (!token) return null;
  if (token.lower === "minus") {
    // "plus or minus 3 points" is a margin, "T-minus 10" a countdown, "$50 minus 10 percent" a subtraction.
    const margin = lowerAt(tokens, i - 1) === "or" && lowerAt(tokens, i - 2) === "plus";
    if (!tokens[i + 1]?.spaced || !token.spaced || margin || followsAmount(tokens, i)) return null;
    return { sign: -1, end: i + 1 };
  }
  const sign = SIGNS.get(token.text);
  if (sign === undefined || !isAttached(tokens, i + 1) || isLooseDash(tokens, i)) return null;
  // Glued to what comes before ("10-15", "F-16", "mid-2010"), a dash joins; after a space or an opening mark it signs.
  return token.spaced || OPENERS.has(tokens[i - 1]?.text ?? "") ? { sign, end: i + 1 } : null;
}

/** Number with its currency, scale, unit and rate, but no noun: "$2.35 billion", "17-kilometer", "12.5%". */
function parseAmount(tokens: readonly Token[], i: number): Amount | null {
  const first = tokens[i];
  const signed = first && (first.kind === "punct" || first.lower === "minus") ? parseSign(tokens, i) : null;
  const at = signed ? signed.end : i;
  const prefix = parseCurrencyPrefix(tokens, at);
  // A number glued to a "$" that named no currency we know ("Zim$100") is money of an unknown kind: not read.
  if (!prefix && tokens[at - 1]?.text === "$" && isAttached(tokens, at)) return null;
  if (!prefix && isSharedCurrencyBefore(tokens, at)) return null;
  const read = parseNumeral(tokens, prefix ? prefix.end : at);
  if (!read || (prefix && !read.digits) || (signed && !read.digits && signed.sign > 0)) return null;
  if (!prefix && read.digits && isDigitCode(tokens, at)) return null;
  const numeral = signed?.sign === -1 ? { ...read, value: -read.value, base: -read.base, yearLike: false } : read;
  let end = numeral.end;
  let scale = numeral.scale;
  let currency = prefix?.currency ?? null;
  // "2 m people": a spaced "m" before a noun of things counted is a million, not a metre.
  if (!currency && scale === 1 && tokens[end]?.text === "m" && tokens[end]!.spaced && isCountNounAt(tokens, end + 1)) {
    scale = 1e6;
    end++;
  }
  if (currency && scale === 1) {
    const abbreviation = CURRENCY_SCALE_ABBREVIATIONS.get(lowerAt(tokens, end));
    if (abbreviation !== undefined) {
      scale = abbreviation;
      end++;
    }
  }
  const feet = !currency && scale === 1 && numeral.digits ? feetAndInchesAt(tokens, end) : null;
  if (feet) {
    const base = { start: i, end: feet.end, numeral, scale, factor: 1, currency, per: null, extra: feet.extra };
    return { ...base, unit: "ft", unitKind: "measure" };
  }
  let unit: string | null = null;
  let unitKind: UnitKind | null = null;
  let factor = 1;
  const suffix = parseUnitSuffix(tokens, end);
  if (suffix?.unit === AMBIGUOUS_UNIT && (!currency || suffix.kind === "currency")) return null;
  if (suffix?.kind === "currency" && (!currency || currency === suffix.unit)) {
    currency = suffix.unit;
    factor = suffix.factor;
    end = suffix.end;
  } else if (suffix && suffix.kind !== "currency" && !currency) {
    unit = suffix.unit;
    unitKind = suffix.kind;
    factor = suffix.factor;
    end = suffix.end;
  }
  const amount: Amount = { start: i, end, numeral, scale, factor, currency, unit, unitKind, per: null, extra: 0 };
  return withRate(tokens, withCompound(tokens, amount));
}

const COMPOUNDS: ReadonlyMap<string, { smaller: string; share: number }> = new Map(
  COMPOUND_UNITS.map(([larger, smaller, share]) => [larger, { smaller, share }]),
);

/** "two dollars and fifty cents", "6 feet 1 inch": a smaller unit of the same measure added to the amount. */
function withCompound(tokens: readonly Token[], amount: Amount): Amount {
  if (amount.numeral.scale !== 1 || (!amount.currency && !amount.unit) || amount.factor !== 1) return amount;
  const k = lowerAt(tokens, amount.end) === "and" ? amount.end + 1 : amount.end;
  const part = tokens[k]?.spaced ? parseNumeral(tokens, k) : null;
  if (!part || part.scale !== 1 || part.value <= 0) return amount;
  const suffix =
    parseUnitSuffix(tokens, part.end) ?? compoundOnlyAt(tokens, part.end) ?? unnamedPartAt(tokens, amount, part);
  if (!suffix) return amount;
  let extra: number;
  if (amount.currency) {
    if (suffix.kind !== "currency" || suffix.unit !== amount.currency || suffix.factor >= 1) return amount;
    extra = part.value * suffix.factor;
  } else {
    const compound = COMPOUNDS.get(amount.unit!);
    if (!compound || suffix.unit !== compound.smaller || k !== amount.end) return amount;
    extra = part.value * compound.share;
  }
  return { ...amount, end: suffix.end, extra: Math.sign(amount.numeral.base || 1) * extra };
}

/** "in" as the smaller unit of "5 ft 11 in", where nothing but a clause's end or a length word follows it. */
function compoundOnlyAt(tokens: readonly Token[], i: number): UnitSuffix | null {
  const unit = COMPOUND_ONLY_SYMBOLS.get(tokens[i]?.text ?? "");
  const next = tokens[i + 1];
  if (unit === undefined || (next && next.kind !== "punct" && !LENGTH_WORDS.has(next.lower))) return null;
  return { kind: "measure", unit, factor: 1, end: i + 1 };
}

/** "6 ft 2.": a whole number below the larger unit's count of the smaller, then the clause's end, names its part. */
function unnamedPartAt(tokens: readonly Token[], amount: Amount, part: Numeral): UnitSuffix | null {
  const compound = amount.unit === null ? undefined : COMPOUNDS.get(amount.unit);
  const next = tokens[part.end];
  if (!compound || !UNNAMED_SMALLER_UNITS.has(amount.unit!) || (next && !CLAUSE_ENDS.has(next.text))) return null;
  if (!Number.isInteger(part.value) || part.value * compound.share >= 1) return null;
  return { kind: "measure", unit: compound.smaller, factor: 1, end: part.end };
}

/**
 * "6'2\"", "5′11″", "6'2": feet and inches written with their marks, glued, the inches a whole number below 12
 * (so that "12'500", a Swiss thousands mark, is no length). The extra inches are returned in feet.
 */
function feetAndInchesAt(tokens: readonly Token[], i: number): { extra: number; end: number } | null {
  const inches = tokens[i + 1];
  if (
    !FOOT_MARKS.has(tokens[i]?.text ?? "") ||
    !isAttached(tokens, i) ||
    inches?.kind !== "number" ||
    !isAttached(tokens, i + 1) ||
    !/^\d{1,2}$/.test(inches.text) ||
    inches.numeric >= 12
  )
    return null;
  const marked = INCH_MARKS.has(tokens[i + 2]?.text ?? "") && isAttached(tokens, i + 2);
  const end = marked ? i + 3 : i + 2;
  return endsCleanly(tokens, end) ? { extra: inches.numeric / 12, end } : null;
}

/** Money and measures take a rate ("$900 million annually"); percentages and counts do not. */
function withRate(tokens: readonly Token[], amount: Amount): Amount {
  if (amount.per || (!amount.currency && amount.unitKind !== "measure")) return amount;
  const rate = parseRate(tokens, amount.end);
  return rate ? { ...amount, per: rate.per, end: rate.end } : amount;
}

function valueInBaseUnits(amount: Amount): number {
  const value = amountValue(amount.numeral.base, amount.scale, amount.factor);
  return amount.extra === 0 ? value : amountValue(value + amount.extra, 1, 1);
}

/**
 * A number times its scale and unit factor, rounded to 15 significant digits: the product of decimals carries
 * binary noise ("95 pence" → 0.9500000000000001, "$4.1 billion" → 4099999999.9999995) that the text never had.
 */
function amountValue(base: number, scale: number, factor: number): number {
  const value = base * scale * factor;
  // A whole number of at most 15 digits is already what rounding gives (but for -0, which rounds to 0): most are.
  if (Number.isInteger(value) && value > -1e15 && value < 1e15) return value + 0;
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

function unitOf(amount: Amount): string {
  const base = amount.currency ?? amount.unit;
  return base ? base + (amount.per ?? "") : "count";
}

/** `amount` is parseAmount(tokens, i). */
function matchAmount(tokens: readonly Token[], i: number, amount: Amount | null): Read | null {
  if (!amount) return null;
  const measured = amount.currency !== null || amount.unit !== null;
  const yearLike =
    (amount.numeral.yearLike && !isCountedYear(tokens, amount.start)) || spelledYearAt(tokens, amount.start) !== null;
  if (!measured && (amount.numeral.bareOne || yearLike)) {
    return null;
  }
  const hedged = measured ? null : hedgeAfter(tokens, amount.end);
  const end = hedged ? hedged.end : amount.end;
  const after = hedged ? { after: hedged.value } : {};
  if (!measured) {
    const duration = durationAt(tokens, end);
    if (duration)
      return { start: i, end: duration.end, value: { ...durationOf(valueInBaseUnits(amount), duration), ...after } };
  }
  // "3 pm", "9 a.m.", "7 o'clock": a time of day, out of scope, and no count of anything; after a month's name
  // ("each March 1") a day of the month.
  if (!measured && (isClockTime(tokens, end) || isMonthName(tokens[amount.start - 1]))) return null;
  if (
    !measured &&
    (isTimeOfDay(tokens, amount) ||
      isYearWithNote(tokens, amount) ||
      isDashedPair(tokens, amount) ||
      streetEnd(tokens, amount.end) !== null ||
      isShortYear(tokens, amount) ||
      isInAccountingBrackets(tokens, amount))
  )
    return null;
  // "three quarters of a century ago": a fraction (that the fraction matcher refused), not three of anything.
  if (!measured && !amount.numeral.digits && DENOMINATORS.get(lowerAt(tokens, amount.end))?.plural) return null;
  const counted = measured ? { noun: null, end } : countedNoun(tokens, end);
  if (!measured && isNamed(tokens, amount.start, counted.noun)) return null;
  if (!endsCleanly(tokens, counted.end)) return null;
  // "-25 people were injured": a list's dash or a sign; a count of something is seldom negative, so it is refused.
  if (!measured && counted.noun !== null && amount.numeral.base < 0 && tokens[amount.start]?.kind === "punct")
    return { start: i, end: counted.end, value: null };
  return {
    start: i,
    end: counted.end,
    value: {
      value: valueInBaseUnits(amount),
      value_high: null,
      unit: unitOf(amount),
      vague: false,
      noun: counted.noun,
      ...after,
    },
  };
}

/**
 * A hedge written after a count: "40-odd stores", "40-plus", "40 plus stores" (but not "40 plus 2", a sum).
 * Each says the count is more than the number.
 */
function hedgeAfter(tokens: readonly Token[], end: number): Match<Qualifier> | null {
  if (isHyphenJoin(tokens, end) && (lowerAt(tokens, end + 1) === "odd" || lowerAt(tokens, end + 1) === "plus"))
    return { start: end, end: end + 2, value: "at_least" };
  const next = tokens[end + 1];
  if (lowerAt(tokens, end) !== "plus" || !tokens[end]!.spaced) return null;
  if (next !== undefined && (next.kind !== "word" || parseNumeral(tokens, end + 1) || quantityForms.classOf(next)))
    return null;
  return { start: end, end: end + 1, value: "at_least" };
}

/**
 * Digits that name rather than count: a leading zero ("0800", "0600 hours", "007"), or a run of spaced numbers
 * other than thousands in groups of three ("0800 123 4567", "+44 20 7946 0958": a telephone number).
 */
function isDigitCode(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.kind !== "number") return false;
  const text = token.text;
  if (text.length > 1 && text.charCodeAt(0) === 0x30 && text.charCodeAt(1) !== 0x2e) return true;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  // "3 1/2": a whole number and a fraction.
  const mixed = tokens[i + 2]?.text === "/" && isAttached(tokens, i + 2);
  return (
    (next?.kind === "number" && next.spaced && !mixed && !isThousandsGroup(token, next)) ||
    (prev?.kind === "number" && token.spaced && !isThousandsGroup(prev, token))
  );
}

/** "1 500": a group of three digits after one of one to three, as some write thousands (read elsewhere, or not). */
function isThousandsGroup(head: Token, group: Token): boolean {
  return /^\d{1,3}$/.test(head.text) && /^\d{3}$/.test(group.text);
}

/**
 * "at 9.30", "7.45 each evening", "at 3 this morning", "9.30 tomorrow": an hour, or hours and minutes written with
 * a point, at a time of day. A time of day is out of scope, and no count of anything.
 */
function isTimeOfDay(tokens: readonly Token[], amount: Amount): boolean {
  const token = tokens[amount.start]!;
  if (amount.end !== amount.start + 1 || token.kind !== "number") return false;
  const clock = /^([01]?\d|2[0-3])\.[0-5]\d$/.test(token.text);
  const hour = !clock && /^([01]?\d|2[0-4])$/.test(token.text);
  if (!clock && !hour) return false;
  const at = CLOCK_PREPOSITIONS.has(lowerAt(tokens, amount.start - 1));
  return (clock && at) || ((clock || at) && isTimeOfDayPhrase(tokens, amount.end));
}

/** Words before a number that, with a time-of-day phrase after it (or minutes), make it a time: "at 3 this morning". */
const CLOCK_PREPOSITIONS: ReadonlySet<string> = new Set(["at", "until", "till"]);

/**
 * "Trade fell in 2014.5 The next year…": a year (1800 to 2100) with a footnote's number (never 0 first) glued after
 * its full stop, which the tokenizer reads as one decimal. Neither a count of 2014.5 nor a year is read.
 */
function isYearWithNote(tokens: readonly Token[], amount: Amount): boolean {
  const token = tokens[amount.start]!;
  if (amount.end !== amount.start + 1 || !/^(1[89]\d{2}|20\d{2}|2100)\.[1-9]\d{0,2}$/.test(token.text)) return false;
  const next = tokens[amount.end];
  return next === undefined || (next.kind === "word" && next.spaced && isCapitalized(next));
}

/** Parts of the day, after "this", "each", "every", "in the", "tomorrow", …: "at 7.45 each evening". */
const DAY_PARTS: ReadonlySet<string> = new Set(["morning", "afternoon", "evening", "night"]);

/** Words after an hour that place it in a day: "9.30 tomorrow", "at 3 tonight", "0600 hours", "at 9 sharp". */
const TIME_OF_DAY_WORDS: ReadonlySet<string> = new Set([
  "today",
  "tonight",
  "tomorrow",
  "yesterday",
  "sharp",
  "hours",
  "local",
  ...WEEKDAY_NAMES,
]);

/** Whether a phrase that places a time in a day starts at tokens[i]: "this morning", "on Monday", "each evening". */
function isTimeOfDayPhrase(tokens: readonly Token[], i: number): boolean {
  const word = lowerAt(tokens, i);
  if (TIME_OF_DAY_WORDS.has(word) || DAY_PARTS.has(word)) return true;
  if (word === "on") return WEEKDAY_NAMES.includes(lowerAt(tokens, i + 1));
  if (word === "in") return lowerAt(tokens, i + 1) === "the" && DAY_PARTS.has(lowerAt(tokens, i + 2));
  return (word === "this" || word === "each" || word === "every") && DAY_PARTS.has(lowerAt(tokens, i + 1));
}

/**
 * "3-2", "21–14", "a 2-0 lead", "555-0142": two numbers joined by a dash that are no range (the range matcher reads
 * those): a score, a tally or a code, so neither number is a count.
 */
function isDashedPair(tokens: readonly Token[], amount: Amount): boolean {
  const start = amount.start;
  if (tokens[start]?.kind !== "number" || amount.end !== start + 1) return false;
  const after = DASHES.has(tokens[start + 1]?.text ?? "") && isAttached(tokens, start + 1);
  if (after && tokens[start + 2]?.kind === "number" && isAttached(tokens, start + 2)) return true;
  const before = DASHES.has(tokens[start - 1]?.text ?? "") && isAttached(tokens, start);
  return before && tokens[start - 2]?.kind === "number" && isAttached(tokens, start - 1);
}

/** Nouns after a dashed pair that make it a score: "a 1-3 defeat". */
const SCORE_NOUNS: ReadonlySet<string> = new Set([
  "lead",
  "win",
  "victory",
  "defeat",
  "loss",
  "draw",
  "deficit",
  "scoreline",
  "thrashing",
  "rout",
  "triumph",
  "comeback",
]);

/** Words before a dashed pair that make it a score: "the score was 14-21", "lost 1-3". */
const SCORE_WORDS: ReadonlySet<string> = new Set([
  "score",
  "scored",
  "scoreline",
  "beat",
  "beaten",
  "won",
  "lost",
  "drew",
  "defeated",
  "trailed",
  "trailing",
  "led",
  "leading",
]);

/** A dashed pair that reads as a range but is a score: a score noun after it, or a score word just before it. */
function isScore(tokens: readonly Token[], i: number, noun: string | null): boolean {
  if (noun !== null) return SCORE_NOUNS.has(noun);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (SCORE_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

/**
 * A number right after a name: a model, a version or a mission ("iOS 17.2", "iPhone 15", "Apollo 11", "Python
 * 3.12", "Windows 11"), not a count. A name here is a word with a capital inside it, or a capitalized word inside a
 * sentence that is no month, weekday or word of the grammar.
 */
function isNamed(tokens: readonly Token[], i: number, noun: string | null): boolean {
  const name = tokens[i - 1];
  if (name?.kind !== "word" || !tokens[i]!.spaced || tokens[i]!.kind !== "number" || !namedBefore.has(name))
    return false;
  // A sentence's first word is capitalized whatever it is: a name only when the number counts no noun after it
  // ("Apollo 11 landed", "Python 3.12 was released") and the word is none that opens a count ("Another 40 died").
  return (
    hasInnerCapital(name.text) || !startsSentence(tokens, i - 1) || (noun === null && !COUNT_OPENERS.has(name.lower))
  );
}

/** Words that open a sentence before a count of no stated noun: "Another 40 died", "Only 3 returned". */
const COUNT_OPENERS: ReadonlySet<string> = new Set([
  "another",
  "only",
  "just",
  "all",
  "both",
  "fully",
  "exactly",
  "perhaps",
  "maybe",
  "now",
  "today",
  "yesterday",
  "then",
  "still",
  "altogether",
  "overall",
  "meanwhile",
]);

const namedBefore = new TokenTest(
  (token) =>
    (isCapitalized(token) || hasInnerCapital(token.text)) &&
    !MONTHS.has(token.lower) &&
    !MONTH_ABBREVIATIONS.has(token.lower) &&
    !WEEKDAY_NAMES.includes(token.lower) &&
    !FUNCTION_WORDS.has(token.lower) &&
    !HEDGE_WORDS.has(token.lower) &&
    !HEDGE_FIRST_WORDS.has(token.lower) &&
    !RANGE_CONNECTORS.has(token.lower) &&
    !TEMPORAL_PREPOSITIONS.has(token.lower) &&
    !CURRENCY_FIRST_TOKENS.has(token.text) &&
    token.text.length > 1,
);

function hasInnerCapital(text: string): boolean {
  for (let k = 1; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x41 && code <= 0x5a) return true;
  }
  return false;
}

/** Whether tokens[i] opens its sentence: first in the paragraph, or after a sentence's end or an opening quote. */
function startsSentence(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return (
    before === undefined || before.text === "." || before.text === "!" || before.text === "?" || before.text === ":"
  );
}

/**
 * A year in two digits: "in '98", "the class of ’98", "from 1995 to 98". Its century is the reader's guess, and it
 * is no count: nothing is read.
 */
function isShortYear(tokens: readonly Token[], amount: Amount): boolean {
  const token = tokens[amount.start]!;
  if (amount.end !== amount.start + 1 || token.kind !== "number" || !/^\d{2}$/.test(token.text)) return false;
  const before = tokens[amount.start - 1];
  if (before && (before.text === "'" || before.text === "\u2019") && isAttached(tokens, amount.start)) return true;
  const year = tokens[amount.start - 2];
  return (
    year !== undefined &&
    isPlainYear(year) &&
    (YEAR_RANGE_LINKS.has(lowerAt(tokens, amount.start - 1)) || DASHES.has(before?.text ?? ""))
  );
}

const YEAR_RANGE_LINKS: ReadonlySet<string> = new Set(["to", "till", "until", "through", "and"]);

/**
 * "$(3.2) million", "(3.2) percent": a number in brackets after a currency symbol or before a unit or scale, as
 * accounts write a loss. Whether it is negative the text leaves to convention: nothing is read.
 */
function isInAccountingBrackets(tokens: readonly Token[], amount: Amount): boolean {
  const { start, end } = amount;
  if (tokens[start - 1]?.text !== "(" || tokens[end]?.text !== ")" || !isAttached(tokens, start)) return false;
  if (!isAttached(tokens, end)) return false;
  const symbol = tokens[start - 2];
  const currencyBefore =
    symbol !== undefined && CURRENCY_FIRST_TOKENS.has(symbol.text) && isAttached(tokens, start - 1);
  return currencyBefore || SCALES.has(lowerAt(tokens, end + 1)) || parseUnitSuffix(tokens, end + 1) !== null;
}

function isMonthName(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    token.kind === "word" &&
    (MONTHS.has(token.lower) || MONTH_ABBREVIATIONS.has(token.lower)) &&
    isCapitalized(token)
  );
}

/** "pm", "a.m.", "o'clock" and zone names after a number: the number is an hour. */
function isClockTime(tokens: readonly Token[], i: number): boolean {
  const word = lowerAt(tokens, i);
  if (CLOCK_WORDS.has(word)) return true;
  if ((word === "a" || word === "p") && tokens[i + 1]?.text === "." && lowerAt(tokens, i + 2) === "m") return true;
  return (
    word === "o" &&
    (tokens[i + 1]?.text === "'" || tokens[i + 1]?.text === "\u2019") &&
    lowerAt(tokens, i + 2) === "clock"
  );
}

const CLOCK_WORDS: ReadonlySet<string> = new Set([
  "am",
  "pm",
  "hrs",
  "gmt",
  "utc",
  "est",
  "edt",
  "cst",
  "cdt",
  "pst",
  "pdt",
  "cet",
  "cest",
  "msk",
  "bst",
]);

interface DurationAt {
  unit: string;
  multiple: number;
  noun: string;
  end: number;
}

/** A period noun after a count ("three years", "two decades", "a five-year"): the count is a duration. */
function durationAt(tokens: readonly Token[], i: number): DurationAt | null {
  const k = isHyphenJoin(tokens, i) ? i + 1 : i;
  const word = tokens[k]?.text ?? "";
  const duration = DURATION_UNITS.get(word);
  if (!duration || !endsCleanly(tokens, k + 1) || OFFSET_DIRECTIONS.has(lowerAt(tokens, k + 1))) return null;
  return { ...duration, noun: word, end: k + 1 };
}

/** A duration in its unit: "two decades" is 20 years, the noun kept ("decades"). */
function durationOf(count: number, duration: DurationAt): Body {
  return {
    value: amountValue(count, duration.multiple, 1),
    value_high: null,
    unit: duration.unit,
    vague: false,
    noun: duration.noun,
  };
}

function isCountNounAt(tokens: readonly Token[], i: number): boolean {
  return COUNT_NOUNS.has(lowerAt(tokens, i)) && tokens[i]!.spaced;
}

function isCountedYear(tokens: readonly Token[], i: number): boolean {
  return COUNT_NOUNS.has(lowerAt(tokens, i + 1)) && !TEMPORAL_PREPOSITIONS.has(lowerAt(tokens, i - 1));
}

/** The word after a count: glued by a hyphen it joins the span ("six-party"), spaced it does not ("11 states"). */
function countedNoun(tokens: readonly Token[], end: number): { noun: string | null; end: number } {
  const glued = tokens[end + 1];
  if (isHyphenJoin(tokens, end) && glued?.kind === "word" && !FUNCTION_WORDS.has(glued.lower))
    return { noun: glued.lower, end: end + 2 };
  return { noun: nounAt(tokens, end), end };
}

/**
 * "from $2 billion to $4 billion", "between 10 and 15 percent", "10 to 15 percent", "$2-4 billion".
 * Without "from", "X to Y" is a range only when X is a bare number: "5 percent to 10 percent" reads as a change.
 * `amountAtI` is parseAmount(tokens, i).
 */
function matchRange(tokens: readonly Token[], i: number, amountAtI: Amount | null, start: number): Match<Body> | null {
  const connectors = RANGE_CONNECTORS.get(lowerAt(tokens, i));
  const low = connectors ? parseAmount(tokens, i + 1) : amountAtI;
  const link = low ? tokens[low.end] : undefined;
  if (!low || !link) return null;
  const dashed = !connectors && DASHES.has(link.text);
  if (connectors) {
    if (!connectors.has(link.lower)) return null;
  } else if (link.lower === "to") {
    // "$2.1 billion to $2.3 billion": the currency written again makes it a range, not a change.
    const repeated = low.currency !== null && parseCurrencyPrefix(tokens, low.end + 1)?.currency === low.currency;
    if (!repeated && (low.unit || low.scale !== 1 || low.per)) return null;
  } else if (!dashed || !low.numeral.digits || !isNumericDash(tokens, low.end)) {
    return null;
  }
  const high = parseAmount(tokens, low.end + 1);
  if (!high || (dashed && !high.numeral.digits && !high.currency)) return null;
  if (
    (low.currency && high.currency && low.currency !== high.currency) ||
    (low.unit && high.unit && low.unit !== high.unit)
  ) {
    return null;
  }
  const currency = low.currency ?? high.currency;
  const unit = low.unit ?? high.unit;
  if (!currency && !unit && (low.numeral.yearLike || high.numeral.yearLike)) return null;
  const lowScale = low.scale === 1 && high.scale > 1 && low.numeral.base < high.numeral.base ? high.scale : low.scale;
  // A low end with a unit or currency of its own keeps its factor ("$1 to 95 cents"); a bare one takes the high end's.
  const lowValue = amountValue(low.numeral.base, lowScale, low.unit || low.currency ? low.factor : high.factor);
  const merged = withRate(tokens, {
    ...high,
    currency,
    unit,
    unitKind: high.unitKind ?? low.unitKind,
    per: high.per ?? low.per,
  });
  const highValue = valueInBaseUnits(merged);
  // "Prices rose $300 to $1,200", "jumped 12 to 250 dollars": by how much, then to what. Two amounts, each read
  // as a range's end would be (a bare one in the other's unit): the low one here, the walk reads the other.
  if (!connectors && !dashed && isAfterChangeTo(tokens, start)) {
    const change = { value: lowValue, value_high: null, unit: unitOf(merged), vague: false, noun: null };
    return { start: i, end: low.end, value: change };
  }
  if (!(lowValue < highValue)) {
    // "fell from 10 to 5 percent", "-2 to -3 percent": from one value to another, not a range. Two amounts, the
    // first in the second's unit, as for a change; the walk reads the second. After "from" the walk reads them
    // from the next word; a dash says no more: nothing read.
    if (dashed || connectors) return null;
    const from = { value: lowValue, value_high: null, unit: unitOf(merged), vague: false, noun: null };
    return { start: i, end: low.end, value: from };
  }
  // "200-300 years old", "two to three decades": a range of durations, in the period's unit.
  const duration = currency || unit ? null : durationAt(tokens, merged.end);
  if (duration) {
    const [from, to] = [durationOf(lowValue, duration), durationOf(highValue, duration)];
    return { start: i, end: duration.end, value: { ...from, value_high: to.value } };
  }
  const counted = currency || unit ? { noun: null, end: merged.end } : countedNoun(tokens, merged.end);
  if (!endsCleanly(tokens, counted.end)) return null;
  if (dashed && !currency && !unit && isScore(tokens, i, counted.noun)) return null;
  return {
    start: i,
    end: counted.end,
    value: { value: lowValue, value_high: highValue, unit: unitOf(merged), vague: false, noun: counted.noun },
  };
}

/** A dash between two numbers: glued on both sides ("10-15") or spaced on both ("10 – 15"). */
function isNumericDash(tokens: readonly Token[], k: number): boolean {
  const glued = isAttached(tokens, k);
  return glued === isAttached(tokens, k + 1);
}

function ratio(start: number, end: number, value: number): Match<Body> {
  return { start, end, value: { value, value_high: null, unit: "ratio", vague: false, noun: null } };
}

/** "two-thirds", "a quarter", "one third", "half of", "1/4", "one in five" → unit "ratio". Not the "second half" of anything. */
function matchFraction(tokens: readonly Token[], i: number): Match<Body> | null {
  const word = lowerAt(tokens, i);
  const written = slashFraction(tokens, i) ?? oneIn(tokens, i) ?? overFraction(tokens, i);
  if (written) return written;
  const vulgar = VULGAR_FRACTIONS.get(tokens[i]?.text ?? "");
  if (vulgar !== undefined)
    return isAttached(tokens, i) || !endsCleanly(tokens, i + 1) ? null : ratio(i, i + 1, vulgar);
  if (word === "half") {
    if (ORDINAL_WORDS.has(lowerAt(tokens, i - 1)) || !HALF_FOLLOWERS.has(lowerAt(tokens, i + 1))) return null;
    const period = fractionOfPeriod(tokens, i, i + 1, 0.5);
    return period === undefined ? ratio(i, i + 1, 0.5) : period;
  }
  const article = word === "a" || word === "an";
  const numerator = article ? 1 : (UNITS.get(word) ?? TENS.get(word));
  if (!numerator) return null;
  const k = isHyphenJoin(tokens, i + 1) ? i + 2 : i + 1;
  if (k === i + 1 && !tokens[k]?.spaced) return null;
  const denominator = DENOMINATORS.get(lowerAt(tokens, k));
  // A singular denominator takes one ("one third", "a fifth"): "twenty-fifth" is an ordinal, no fraction.
  if (!denominator || (!denominator.plural && numerator !== 1)) return null;
  // "a third party" is not a fraction; "a third of" is. "a half" and "a quarter" need no "of".
  const needsOf = denominator.value !== 2 && denominator.value !== 4;
  const share = numerator / denominator.value;
  const period = fractionOfPeriod(tokens, i, k + 1, share);
  if (period !== undefined) return period;
  if (article && (denominator.plural || (needsOf && lowerAt(tokens, k + 1) !== "of"))) return null;
  return ratio(i, k + 1, share);
}

/**
 * "a quarter of a century", "half a century", "a quarter-century": a share of a period is a duration (25 years),
 * never a ratio. Undefined when no period follows the fraction's words (which end before tokens[k]); null when one
 * does but the whole is an offset ("half a century ago"), which is then no quantity.
 */
function fractionOfPeriod(
  tokens: readonly Token[],
  i: number,
  k: number,
  share: number,
): Match<Body> | null | undefined {
  let at: number;
  if (isHyphenJoin(tokens, k)) at = k + 1;
  else if (lowerAt(tokens, k) === "of" && ARTICLES.has(lowerAt(tokens, k + 1))) at = k + 2;
  else if (ARTICLES.has(lowerAt(tokens, k))) at = k + 1;
  else return undefined;
  const noun = tokens[at]?.text ?? "";
  const duration = DURATION_UNITS.get(noun);
  if (!duration || noun.endsWith("s")) return undefined;
  if (OFFSET_DIRECTIONS.has(lowerAt(tokens, at + 1)) || !endsCleanly(tokens, at + 1)) return null;
  return { start: i, end: at + 1, value: durationOf(share, { ...duration, noun, end: at + 1 }) };
}

const ARTICLES: ReadonlySet<string> = new Set(["a", "an"]);

/**
 * "1/4", "3/10": small whole numbers glued by a slash, the numerator below the denominator. One that could be a
 * month and day ("5/25") is a fraction only where the text says so: "of" after it or a hedge before it.
 */
function slashFraction(tokens: readonly Token[], i: number): Match<Body> | null {
  const [top, slash, bottom] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (
    top?.kind !== "number" ||
    slash?.text !== "/" ||
    bottom?.kind !== "number" ||
    !isAttached(tokens, i + 1) ||
    !isAttached(tokens, i + 2)
  )
    return null;
  if (!/^\d{1,2}$/.test(top.text) || !/^\d{1,3}$/.test(bottom.text) || top.numeric < 1 || top.numeric >= bottom.numeric)
    return null;
  const dateLike = top.numeric <= 12 && bottom.numeric <= 31;
  if (dateLike && lowerAt(tokens, i + 3) !== "of" && !hedgeEndsAt(tokens, i)) return null;
  return endsCleanly(tokens, i + 3) ? ratio(i, i + 3, top.numeric / bottom.numeric) : null;
}

/** "one over three", "two over five": a fraction spoken, both numbers in words. */
function overFraction(tokens: readonly Token[], i: number): Match<Body> | null {
  // "one over three", "twenty-five over a hundred": "over" one or three tokens on.
  if (lowerAt(tokens, i + 1) !== "over" && lowerAt(tokens, i + 3) !== "over") return null;
  const word = lowerAt(tokens, i);
  if (!UNITS.has(word) && !TENS.has(word)) return null;
  const top = parseNumeral(tokens, i);
  if (!top || top.scale !== 1 || lowerAt(tokens, top.end) !== "over" || tokens[top.end + 1]?.kind !== "word")
    return null;
  const bottom = parseNumeral(tokens, top.end + 1);
  if (
    !bottom ||
    bottom.scale !== 1 ||
    !(bottom.value > 0) ||
    !Number.isInteger(top.value) ||
    !endsCleanly(tokens, bottom.end)
  )
    return null;
  return ratio(i, bottom.end, top.value / bottom.value);
}

/** "one in five", "1 in 4", "three out of ten": a share of a whole. */
function oneIn(tokens: readonly Token[], i: number): Match<Body> | null {
  const part = parseNumeral(tokens, i);
  if (!part || part.scale !== 1) return null;
  const k =
    lowerAt(tokens, part.end) === "in"
      ? part.end + 1
      : lowerAt(tokens, part.end) === "out" && lowerAt(tokens, part.end + 1) === "of"
        ? part.end + 2
        : -1;
  const whole = k < 0 ? null : parseNumeral(tokens, k);
  if (
    !whole ||
    whole.scale !== 1 ||
    !(part.value < whole.value) ||
    !Number.isInteger(part.value) ||
    !endsCleanly(tokens, whole.end)
  )
    return null;
  return ratio(i, whole.end, part.value / whole.value);
}

/** "tripled", "fivefold", "five-fold", "three times larger", "twice as" → unit "ratio"; the span ends at "times". */
function matchMultiplier(tokens: readonly Token[], i: number): Match<Body> | null {
  const word = lowerAt(tokens, i);
  const single = MULTIPLIER_WORDS.get(word);
  if (single !== undefined) return ratio(i, i + 1, single);
  if (word === "twice") return COMPARATIVES.has(lowerAt(tokens, i + 1)) ? ratio(i, i + 1, 2) : null;
  const numeral = parseNumeral(tokens, i);
  if (!numeral) return null;
  // "7.4x", "10x": a multiple written with a glued "x" (not "4x4", which the clean end refuses).
  if (
    numeral.digits &&
    numeral.end === i + 1 &&
    tokens[numeral.end]?.text === "x" &&
    isAttached(tokens, numeral.end) &&
    endsCleanly(tokens, numeral.end + 1)
  ) {
    return ratio(i, numeral.end + 1, numeral.value);
  }
  if (isHyphenJoin(tokens, numeral.end) && lowerAt(tokens, numeral.end + 1) === "fold") {
    return ratio(i, numeral.end + 2, numeral.value);
  }
  if (
    lowerAt(tokens, numeral.end) === "times" &&
    (COMPARATIVES.has(lowerAt(tokens, numeral.end + 1)) || isAfterChangeVerb(tokens, i))
  ) {
    return ratio(i, numeral.end + 1, numeral.value);
  }
  // "grew two more times": a multiple, the comparative before "times".
  if (
    lowerAt(tokens, numeral.end) === "more" &&
    lowerAt(tokens, numeral.end + 1) === "times" &&
    endsCleanly(tokens, numeral.end + 2)
  ) {
    return ratio(i, numeral.end + 2, numeral.value);
  }
  return null;
}

/** "rose $300 to", "climbed by 200 euros to": a verb of change before the amount, or before "by" before it. */
function isAfterChangeTo(tokens: readonly Token[], i: number): boolean {
  const before = lowerAt(tokens, i - 1);
  return CHANGE_TO_VERBS.has(before) || (before === "by" && CHANGE_TO_VERBS.has(lowerAt(tokens, i - 2)));
}

/** "rose two and a half times", "grew nearly three times": a verb of change one or two words before. */
function isAfterChangeVerb(tokens: readonly Token[], i: number): boolean {
  return (
    CHANGE_VERBS.has(lowerAt(tokens, i - 1)) ||
    (HEDGE_FIRST_WORDS.has(lowerAt(tokens, i - 1)) && CHANGE_VERBS.has(lowerAt(tokens, i - 2)))
  );
}

/**
 * Amounts without a number, value null: "billions of dollars" (USD), "millions of tons" (t), "hundreds of
 * workers" (count, noun "workers"), "multibillion-dollar" (USD). "multibillion" naming no currency gets unit
 * "unknown": it measures money, but not in a stated currency.
 */
function matchVague(tokens: readonly Token[], i: number): Match<Body> | null {
  const word = lowerAt(tokens, i);
  if (VAGUE_MAGNITUDES.has(word)) {
    let end = i + 1;
    while (end < i + 7 && lowerAt(tokens, end) === "of" && VAGUE_MAGNITUDES.has(lowerAt(tokens, end + 1))) end += 2;
    if (word === "tens" && end === i + 1) return null;
    const hasOf = lowerAt(tokens, end) === "of";
    const unit = hasOf ? parseUnitSuffix(tokens, end + 1) : null;
    // "billions of francs": money, in a currency the text leaves open.
    if (unit) return vague(i, unit.end, unit.unit === AMBIGUOUS_UNIT ? "unknown" : unit.unit, null);
    return vague(i, end, "count", nounAt(tokens, hasOf ? end + 1 : end));
  }
  let end: number;
  if (MULTI_SCALES.has(word)) end = i + 1;
  else if (word === "multi" && isHyphenJoin(tokens, i + 1) && SCALES.has(lowerAt(tokens, i + 2))) end = i + 3;
  else return null;
  const currency = parseUnitSuffix(tokens, end);
  if (currency?.kind === "currency" && currency.unit !== AMBIGUOUS_UNIT)
    return vague(i, currency.end, currency.unit, nounAt(tokens, currency.end));
  return vague(i, end, "unknown", nounAt(tokens, end));
}

/** Words that describe a counted noun rather than name it: "35 new factories" counts factories. */
const NOUN_MODIFIERS: ReadonlySet<string> = new Set([
  "new",
  "additional",
  "other",
  "further",
  "extra",
  "major",
  "large",
  "small",
  "big",
  "key",
  "main",
  "separate",
  "different",
  "foreign",
  "local",
  "private",
  "public",
  "joint",
  "former",
  "active",
  "existing",
  "planned",
  "regional",
  "international",
  "domestic",
  "north",
  "south",
  "korean",
  "russian",
  "chinese",
]);

/** Words after a number that are never its noun: "millions annually" counts nothing called "annually". */
const NOT_NOUNS: ReadonlySet<string> = new Set([
  "annually",
  "yearly",
  "monthly",
  "weekly",
  "daily",
  "apiece",
  "respectively",
  "overall",
  "altogether",
  "alone",
  "only",
  "ago",
  "later",
  "earlier",
  "times",
]);

/** After "a year", words that make it a date offset ("a year ago"), which the time matchers read. */
const OFFSET_DIRECTIONS: ReadonlySet<string> = new Set(["after", "before", "later", "earlier", "ago"]);

/** After a hedge, "a decade", "a year": one of that period, counted ("close to a decade", "nearly a year"). */
function matchVagueDuration(tokens: readonly Token[], i: number): Match<Body> | null {
  const article = lowerAt(tokens, i);
  const noun = tokens[i + 1]?.text ?? "";
  const duration = DURATION_UNITS.get(noun);
  // One of a period, in the singular: "a decade", not "a years".
  if (
    (article !== "a" && article !== "an") ||
    !duration ||
    noun.endsWith("s") ||
    OFFSET_DIRECTIONS.has(lowerAt(tokens, i + 2))
  )
    return null;
  if (!endsCleanly(tokens, i + 2)) return null;
  return { start: i, end: i + 2, value: durationOf(1, { ...duration, noun, end: i + 2 }) };
}

function isNoun(token: Token | undefined): boolean {
  return (
    token?.kind === "word" &&
    token.spaced &&
    !FUNCTION_WORDS.has(token.lower) &&
    !NOT_NOUNS.has(token.lower) &&
    !pastForm.has(token)
  );
}

/**
 * A verb's past form, which a number's subject takes ("Tens of thousands marched", "An estimated 12,000 fled",
 * "Voters under 25 backed"): no counted noun. An adjective in -ed ("12 armed men") leaves the noun unknown too.
 */
const pastForm = new TokenTest((token) => {
  const word = token.lower;
  if (PAST_WORDS.has(word) || word === "fled") return true;
  return word.length >= 4 && word.endsWith("ed") && !word.endsWith("eed") && !NOUNS_IN_ED.has(word);
});

/** Nouns that end in -ed: "3 sheds" has its noun, so does "a 40-bed hospital". */
const NOUNS_IN_ED: ReadonlySet<string> = new Set(["shed", "sled", "bred", "hundred"]);

function nounAt(tokens: readonly Token[], i: number): string | null {
  if (!isNoun(tokens[i])) return null;
  // Up to two describing words are passed over ("35 new factories", "3 North Korean workers").
  let k = i;
  while (k < i + 2 && NOUN_MODIFIERS.has(tokens[k]!.lower) && isNoun(tokens[k + 1])) k++;
  return tokens[k]!.lower;
}

function vague(start: number, end: number, unit: string, noun: string | null): Match<Body> {
  return { start, end, value: { value: null, value_high: null, unit, vague: true, noun } };
}
