/** Time mentions: years and year ranges, decades and their parts, calendar dates, relative expressions, offsets. */

import { MONTHS, MONTH_ABBREVIATIONS, dateKey, daysInMonth, weekAround, type CalendarDate } from "./calendar.ts";
import { LOWER_CASE_MONTHS, WEEKDAY_ABBREVIATIONS } from "./grammar/calendar-names.ts";
import { FIXED_HOLIDAYS } from "./grammar/holidays.generated.ts";
import { longer, longest, type Match } from "./match.ts";
import type { DatePrecision } from "./mention.ts";
import { ORDINALS, TENS, UNITS } from "./number-words.ts";
import { isIdentifierNumber, isPlainYear, parseNumeral, spelledYearAt } from "./numerals.ts";
import {
  CLAUSE_ENDS,
  DASHES,
  endsCleanly,
  isAttached,
  isCapitalized,
  streetEnd,
  isHyphenJoin,
  lowerAt,
  phraseTokens,
} from "./token-checks.ts";
import { matchNumericDate, refused } from "./numeric-dates.ts";
import { tenseAround } from "./tense.ts";
import { TokenClass, TokenTest, tokenizeRuns, type Token } from "./tokenize.ts";

export type AnchorRule =
  /** The anchor's period shifted: "that year" (year, 0), "the following month" (month, +1), "two years later". */
  | { type: "shift"; unit: "year" | "month" | "day"; by: number }
  /**
   * A month named without a year: "in November" takes the anchor's year; "this/last/next January" the
   * latest January not after / before / the first after the anchor's month.
   */
  | { type: "month"; month: number; day: number | null; pick: MonthPick; weekday?: number; week?: boolean }
  /**
   * Months (or days) sharing one year: "February-October" of the anchor's year shifted by `by` ("from March 1
   * to June 30 this year"), or, with pick "latest", of the latest year in which the span has begun by the
   * anchor ("second-quarter profit" in a document of August 2017 is 2017-04..2017-06). A span whose first
   * month comes after its last starts the year before ("November-February").
   */
  | { type: "span"; from: MonthDay; to: MonthDay; pick: "anchor-year" | "latest" | "coming"; by: number }
  /**
   * "said Thursday": the latest such weekday on or before the anchor's day (direction -1); "next Friday" the first
   * after it (1); "this Friday" the first on or after it (0).
   */
  | { type: "weekday"; weekday: number; direction: -1 | 0 | 1 }
  /** "last week": Monday to Sunday of the anchor's week shifted by `by` weeks. */
  | { type: "week"; by: number }
  /** "on the 21st": that day of the reference's month, or of the month before or after it as the tense says. */
  | { type: "day-of-month"; day: number }
  /** "last quarter": the anchor's quarter shifted by `by` quarters. */
  | { type: "quarter"; by: number }
  /** "the past decade", "within two years": from the anchor shifted by `from` units to it shifted by `to`. */
  | { type: "interval"; unit: "year" | "month" | "day"; from: number; to: number };

/**
 * Which year a month (or day) named without one falls in: the anchor's ("in November" after "March 2014"); the
 * latest not after / before / the first after the anchor's month ("this", "last", "next January"); or, against
 * the document date, the sentence's tense ("past": the latest on or before it, "future": the first on or after
 * it, "nearest" when the sentence says neither).
 */
export type MonthPick = "anchor-year" | "this" | "last" | "next" | "past" | "future" | "nearest";

/**
 * What a sentence says of its time: a past event, a coming one, a plan reported in the past ("had expected
 * rates to hold until the third quarter": ahead of when it was said), or nothing.
 */
export type Tense = "past" | "future" | "planned" | null;

export interface MonthDay {
  month: number;
  day: number | null;
}

export type TimeSpec =
  | { kind: "absolute"; start: CalendarDate; end: CalendarDate; precision: DatePrecision }
  /**
   * Resolved against the latest date before it in the text, else the document date; `tense`, the sentence's,
   * picks the year of a month or day placed against the document date.
   */
  | { kind: "anaphoric"; rule: AnchorRule; offset: string | null; tense?: Tense }
  /** Resolved against the document date; `tense` as for anaphoric specs. */
  | { kind: "deictic"; rule: AnchorRule; offset: string | null; tense?: Tense }
  /** "a year after …": a duration from the clause's own date, which the caller resolves. */
  | { kind: "offset"; offset: string }
  /** A date the text contradicts ("Friday, March 3, 2016", a Thursday): reported without dates. */
  | { kind: "unresolved" }
  /**
   * A date the schema cannot hold ("753 BC", "the 5th century BC": years before the first) or a number that only
   * looks like a year ("1600 Pennsylvania Avenue"): no mention, and no count either.
   */
  | { kind: "refused" };

/** Whether a time mention may start at this token: the walk asks it of every token, before matchTime. */
export function mayStartTime(token: Token): boolean {
  return timeForms.classOf(token) !== 0;
}

/** A time mention starting at tokens[i] (or, for "from 2008-2014", at the year after "from"). */
export function matchTime(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const first = tokens[i];
  if (!first) return null;
  const forms = timeForms.classOf(first);
  if (forms === 0 || !mayContinueTime(first, tokens[i + 1])) return null;
  if (isPlainYear(first) && endsLoneYear(tokens[i + 1])) {
    // The commonest start, read at once: every other form that starts with a year goes on with a mark glued to it
    // ("2014-15", "1990s", "2013-03-05"; no clause end), a dash or a slash ("2008 – 2009"), or a word that leads
    // to a second year.
    const year = matchYear(tokens, i);
    return year && !isRecurring(tokens, i) ? year : null;
  }
  // Only the matchers whose forms can start with this token run; on a tie the earlier one wins.
  let found: Match<TimeSpec> | null = forms & RANGE ? matchDateRange(tokens, i) : null;
  if (forms & (PERIOD | CALENDAR)) {
    // The part word after an optional "the", read once for the two matchers that take one.
    const j = skipThe(tokens, i);
    const part = parsePart(tokens, j);
    if (forms & PERIOD) found = longer(found, matchPeriod(tokens, i, j, part));
    if (forms & CALENDAR) found = longer(found, matchCalendarDate(tokens, i, j, part));
  }
  if (forms & YEAR) found = longer(found, matchYear(tokens, i));
  if (forms & CENTURY) found = longer(found, matchCentury(tokens, i, skipThe(tokens, i)));
  if (forms & YEAR_IN_WORDS) found = longer(found, matchYearInWords(tokens, i));
  if (forms & WEEK_OF) found = longer(found, matchWeekOf(tokens, i, skipThe(tokens, i)));
  if (forms & ANAPHORIC) found = longer(found, matchAnaphoric(tokens, i));
  if (forms & DEICTIC) found = longer(found, matchDeictic(tokens, i));
  if (forms & OFFSET) found = longer(found, matchOffset(tokens, i));
  if (forms & WEEKDAY) found = longer(found, matchWeekday(tokens, i));
  if (forms & QUARTER) found = longer(found, matchQuarter(tokens, i));
  if (forms & INTERVAL) found = longer(found, matchInterval(tokens, i));
  if (forms & NAMED_DAY) found = longer(found, matchNamedDay(tokens, i));
  if (forms & ERA) found = longer(found, matchEra(tokens, i));
  return found && !isRecurring(tokens, i) ? found : null;
}

function absolute(
  start: number,
  end: number,
  from: CalendarDate,
  to: CalendarDate,
  precision: DatePrecision,
): Match<TimeSpec> {
  return { start, end, value: { kind: "absolute", start: from, end: to, precision } };
}

function matchAbsolute(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  // The part word after an optional "the", read once for the two matchers that take one.
  const j = skipThe(tokens, i);
  const part = parsePart(tokens, j);
  return longest(
    matchPeriod(tokens, i, j, part),
    matchCalendarDate(tokens, i, j, part),
    matchYear(tokens, i),
    matchCentury(tokens, i, j),
    matchYearInWords(tokens, i),
    matchWeekOf(tokens, i, j),
  );
}

/** "every Monday", "each March 1", "every other Friday": a recurring set, out of scope, no single date. */
function isRecurring(tokens: readonly Token[], i: number): boolean {
  const before = lowerAt(tokens, i - 1);
  if (before === "every" || before === "each") return true;
  return (before === "other" || ORDINALS.has(before)) && lowerAt(tokens, i - 2) === "every";
}

/** A plain year token ("1948"; not "1,948", "No. 1948", "A1948" or the "1990" of "1990s"). */
function yearAt(tokens: readonly Token[], i: number): number | null {
  const token = tokens[i];
  if (!token || !isPlainYear(token) || isIdentifierNumber(tokens, i)) return null;
  const next = tokens[i + 1];
  if (next && !next.spaced && next.kind !== "punct") return null;
  return token.numeric;
}

function matchYear(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const year = yearAt(tokens, i);
  // "fiscal 2017", "fiscal year 2017": a year of accounts, which starts in a month the text does not say.
  if (
    year === null ||
    !endsCleanly(tokens, i + 1) ||
    lowerAt(tokens, i - 1) === "fiscal" ||
    (lowerAt(tokens, i - 1) === "year" && lowerAt(tokens, i - 2) === "fiscal")
  )
    return null;
  const era = eraAt(tokens, i + 1);
  if (era?.before) return refused(i, era.end);
  const street = streetEnd(tokens, i + 1);
  if (street !== null) return refused(i, street);
  return absolute(i, era?.end ?? i + 1, { year }, { year }, "year");
}

/**
 * The era written after a year or century: "BC", "BCE", "B.C." (before: true) or "AD", "CE", "A.D.", in capitals.
 * A year before the first cannot be written in the dataset's four-digit ISO years, so it is refused, never read
 * as a year of our era.
 */
function eraAt(tokens: readonly Token[], k: number): { before: boolean; end: number } | null {
  const token = tokens[k];
  if (!token?.spaced || token.kind !== "word") return null;
  const text = token.text;
  if (text === "BC" || text === "BCE") return { before: true, end: k + 1 };
  if (text === "AD" || text === "CE") return { before: false, end: k + 1 };
  if ((text !== "B" && text !== "A") || tokens[k + 1]?.text !== "." || !isAttached(tokens, k + 1)) return null;
  const second = tokens[k + 2];
  if (!second || !isAttached(tokens, k + 2) || second.text !== (text === "B" ? "C" : "D")) return null;
  let end = tokens[k + 3]?.text === "." && isAttached(tokens, k + 3) ? k + 4 : k + 3;
  if (text === "B" && tokens[end]?.text === "E" && isAttached(tokens, end))
    end = tokens[end + 1]?.text === "." && isAttached(tokens, end + 1) ? end + 2 : end + 1;
  return { before: text === "B", end };
}

/** "AD 79", "79 AD", "753 BC": a year with its era (a year before the first refused, as for eraAt). */
function matchEra(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const token = tokens[i]!;
  if (token.text === "AD") {
    const year = eraYearAt(tokens, i + 1);
    if (year === null || !endsCleanly(tokens, i + 2) || eraAt(tokens, i + 2)) return null;
    return absolute(i, i + 2, { year }, { year }, "year");
  }
  const year = eraYearAt(tokens, i);
  const era = year === null ? null : eraAt(tokens, i + 1);
  if (!era || year === null) return null;
  return era.before ? refused(i, era.end) : absolute(i, era.end, { year }, { year }, "year");
}

/** A year as written with an era: digits alone, 1 to 9999 ("79", "753"; not "1,200" or "3.5"). */
function eraYearAt(tokens: readonly Token[], i: number): number | null {
  const token = tokens[i];
  if (token?.kind !== "number" || !/^[1-9]\d{0,3}$/.test(token.text) || isIdentifierNumber(tokens, i)) return null;
  return token.numeric;
}

const APOSTROPHES: ReadonlySet<string> = new Set(["'", "\u2019"]);

/** Words that lead from a year to a second one ("2008 to 2014"). */
const YEAR_RANGE_WORDS: ReadonlySet<string> = new Set(["to", "through", "until"]);

/**
 * Whether a year followed by `next` can start no time mention but itself: the end of its clause, or a word apart
 * from it that leads to no second year.
 */
function endsLoneYear(next: Token | undefined): boolean {
  return (
    next === undefined ||
    CLAUSE_ENDS.has(next.text) ||
    (next.spaced && !DASHES.has(next.text) && next.text !== "/" && !YEAR_RANGE_WORDS.has(next.lower))
  );
}

/** "1980s", "1980's": the decade's first year. */
function decadeAt(tokens: readonly Token[], i: number): { year: number; end: number } | null {
  const token = tokens[i];
  if (!token || !isPlainYear(token) || token.numeric % 10 !== 0 || isIdentifierNumber(tokens, i)) return null;
  if (lowerAt(tokens, i + 1) === "s" && isAttached(tokens, i + 1)) return { year: token.numeric, end: i + 2 };
  const apostrophe = tokens[i + 1];
  if (
    apostrophe &&
    APOSTROPHES.has(apostrophe.text) &&
    isAttached(tokens, i + 1) &&
    lowerAt(tokens, i + 2) === "s" &&
    isAttached(tokens, i + 2)
  ) {
    return { year: token.numeric, end: i + 3 };
  }
  return null;
}

/** A part of a decade (years from its start) and of a year (months). */
interface Part {
  decade: readonly [number, number] | null;
  months: readonly [number, number];
}

/** A part read at some token, and the token index after its words. */
interface PartAt {
  part: Part;
  end: number;
}

const START: Part = { decade: [0, 3], months: [1, 1] };
const END: Part = { decade: [7, 9], months: [12, 12] };
const MIDDLE: Part = { decade: [4, 6], months: [5, 8] };
const FIRST_HALF: Part = { decade: [0, 4], months: [1, 6] };
const SECOND_HALF: Part = { decade: [5, 9], months: [7, 12] };

/** "early 2010", "mid-1990s", "late 2010". */
const PART_MODIFIERS: ReadonlyMap<string, Part> = new Map([
  ["early", { decade: [0, 3], months: [1, 4] }],
  ["mid", MIDDLE],
  ["late", { decade: [7, 9], months: [9, 12] }],
]);

/** "the start of 2016", "the end of the 1980s". */
const PARTS_OF: ReadonlyMap<string, Part> = new Map([
  ["start", START],
  ["beginning", START],
  ["outset", START],
  ["end", END],
  ["close", END],
  ["middle", MIDDLE],
]);

const HALVES: ReadonlyMap<string, Part> = new Map([
  ["first", FIRST_HALF],
  ["second", SECOND_HALF],
  ["latter", SECOND_HALF],
]);

const QUARTERS: ReadonlyMap<string, Part> = new Map([
  ["first", { decade: null, months: [1, 3] }],
  ["second", { decade: null, months: [4, 6] }],
  ["third", { decade: null, months: [7, 9] }],
  ["fourth", { decade: null, months: [10, 12] }],
  ["last", { decade: null, months: [10, 12] }],
]);

function parsePart(tokens: readonly Token[], j: number): PartAt | null {
  const word = lowerAt(tokens, j);
  const modifier = PART_MODIFIERS.get(word);
  if (modifier) return { part: modifier, end: isHyphenJoin(tokens, j + 1) ? j + 2 : j + 1 };
  const partOf = PARTS_OF.get(word);
  if (partOf && lowerAt(tokens, j + 1) === "of") return { part: partOf, end: j + 2 };
  if (partOf && isHyphenJoin(tokens, j + 1)) {
    // "end-of-2018" as well as "end-2018".
    const glued = lowerAt(tokens, j + 2) === "of" && isHyphenJoin(tokens, j + 3);
    return { part: partOf, end: glued ? j + 4 : j + 2 };
  }
  const months = leadingMonths(tokens, j);
  if (months) return months;
  const fraction =
    lowerAt(tokens, j + 1) === "half"
      ? HALVES.get(word)
      : lowerAt(tokens, j + 1) === "quarter"
        ? QUARTERS.get(word)
        : undefined;
  if (fraction && lowerAt(tokens, j + 2) === "of") return { part: fraction, end: j + 3 };
  return null;
}

/** "the first five months of", "the last two months of": that many months from the start or the end of a year. */
function leadingMonths(tokens: readonly Token[], j: number): PartAt | null {
  const word = lowerAt(tokens, j);
  if (word !== "first" && word !== "last") return null;
  const count = parseNumeral(tokens, j + 1);
  if (!count || !Number.isInteger(count.value) || count.value < 1 || count.value > 12) return null;
  const unit = tokens[count.end]?.text;
  if ((unit !== "months" && !(unit === "month" && count.value === 1)) || lowerAt(tokens, count.end + 1) !== "of")
    return null;
  const months: [number, number] = word === "first" ? [1, count.value] : [13 - count.value, 12];
  return { part: { decade: null, months }, end: count.end + 2 };
}

function skipThe(tokens: readonly Token[], i: number): number {
  return lowerAt(tokens, i) === "the" ? i + 1 : i;
}

/**
 * Decades and parts of decades or years: "the 1980s" and "the first half of the 1990s" (1990–1994) have
 * precision "decade"; "the start of 2016" is 2016-01 (precision "month"); "early 2010" is 2010-01 to
 * 2010-04 (precision "range"). `j` is skipThe(tokens, i) and `part` parsePart(tokens, j).
 */
function matchPeriod(tokens: readonly Token[], i: number, j: number, part: PartAt | null): Match<TimeSpec> | null {
  const k = part ? skipThe(tokens, part.end) : j;
  const decade = decadeAt(tokens, k);
  if (decade && decade.year % 100 === 0 && decade.year < 2000) {
    // "the 1800s", "the 1900s" name centuries; only halves part them precisely ("the early 1900s" is vague).
    if (!part) return absolute(i, decade.end, { year: decade.year }, { year: decade.year + 99 }, "range");
    const half = part.part === FIRST_HALF || part.part === SECOND_HALF ? part.part.decade : null;
    return half
      ? absolute(i, decade.end, { year: decade.year + half[0] * 10 }, { year: decade.year + half[1] * 10 + 9 }, "range")
      : null;
  }
  if (decade) {
    if (!part) return absolute(i, decade.end, { year: decade.year }, { year: decade.year + 9 }, "decade");
    if (!part.part.decade) return null;
    const [from, to] = part.part.decade;
    return absolute(i, decade.end, { year: decade.year + from }, { year: decade.year + to }, "decade");
  }
  if (!part || k !== part.end) return null;
  const deictic = deicticYearAt(tokens, k);
  if (deictic) {
    const [from, to] = part.part.months;
    const rule: AnchorRule = {
      type: "span",
      from: { month: from, day: null },
      to: { month: to, day: null },
      pick: "anchor-year",
      by: deictic.by,
    };
    return relative(i, deictic.end, "deictic", rule, null);
  }
  const year = yearAt(tokens, k);
  if (year === null || !endsCleanly(tokens, k + 1)) return null;
  const [from, to] = part.part.months;
  return absolute(i, k + 1, { year, month: from }, { year, month: to }, from === to ? "month" : "range");
}

/** Words after which a capitalised month name without day or year is a month ("in May", not "Theresa May"). */
const MONTH_GATES: ReadonlySet<string> = new Set([
  "in",
  "on",
  "of",
  "since",
  "until",
  "till",
  "by",
  "during",
  "from",
  "through",
  "throughout",
  "before",
  "after",
  "between",
  "early",
  "late",
  "mid",
  "this",
  "last",
  "next",
]);

interface MonthName {
  month: number;
  abbreviated: boolean;
  end: number;
}

function monthAt(tokens: readonly Token[], i: number): MonthName | null {
  const token = tokens[i];
  if (!token || token.kind !== "word") return null;
  const month = MONTHS.get(token.lower);
  if (month !== undefined && (isCapitalized(token) || LOWER_CASE_MONTHS.has(token.text)))
    return { month, abbreviated: false, end: i + 1 };
  if (!isCapitalized(token)) return null;
  const short = MONTH_ABBREVIATIONS.get(token.lower);
  if (short === undefined) return null;
  return {
    month: short,
    abbreviated: true,
    end: tokens[i + 1]?.text === "." && isAttached(tokens, i + 1) ? i + 2 : i + 1,
  };
}

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(["st", "nd", "rd", "th"]);

/** A day of the month: "5", "5th", "fifth", "twenty-first". */
function dayAt(tokens: readonly Token[], i: number): { day: number; end: number } | null {
  const token = tokens[i];
  if (token?.kind === "word") return ordinalDayAt(tokens, i);
  if (!token || token.kind !== "number" || token.text.length > 2 || token.numeric < 1 || token.numeric > 31)
    return null;
  const end = ORDINAL_SUFFIXES.has(lowerAt(tokens, i + 1)) && isAttached(tokens, i + 1) ? i + 2 : i + 1;
  return endsCleanly(tokens, end) ? { day: token.numeric, end } : null;
}

/** "fifth", "twenty-first", "thirtieth": an ordinal in words, "21st", "5th" in digits. */
function ordinalAt(tokens: readonly Token[], i: number): { value: number; end: number } | null {
  const token = tokens[i];
  if (token?.kind === "number") {
    if (!ORDINAL_SUFFIXES.has(lowerAt(tokens, i + 1)) || token.text.length > 2 || !isAttached(tokens, i + 1))
      return null;
    return { value: token.numeric, end: i + 2 };
  }
  const word = lowerAt(tokens, i);
  const tens = TENS.get(word);
  if (tens !== undefined && isHyphenJoin(tokens, i + 1)) {
    const ones = ORDINALS.get(lowerAt(tokens, i + 2));
    return ones !== undefined && ones <= 9 ? { value: tens + ones, end: i + 3 } : null;
  }
  const value = ORDINALS.get(word);
  return value === undefined ? null : { value, end: i + 1 };
}

/** "fifth", "twenty-first", "thirtieth": a day of the month in words. */
function ordinalDayAt(tokens: readonly Token[], i: number): { day: number; end: number } | null {
  const ordinal = ordinalAt(tokens, i);
  return ordinal && ordinal.value <= 31 && endsCleanly(tokens, ordinal.end)
    ? { day: ordinal.value, end: ordinal.end }
    : null;
}

/**
 * "the twenty-first century", "the 19th century": its hundred years, counted as prose counts them (the 1800s
 * are the nineteenth century), precision "range".
 */
function matchCentury(tokens: readonly Token[], i: number, j: number): Match<TimeSpec> | null {
  const token = tokens[j];
  if (!token || !mayStartCentury.has(token)) return null;
  const ordinal = ordinalAt(tokens, j);
  if (!ordinal || ordinal.value < 2 || ordinal.value > 99) return null;
  const k = isHyphenJoin(tokens, ordinal.end) ? ordinal.end + 1 : ordinal.end;
  if (lowerAt(tokens, k) !== "century" || !endsCleanly(tokens, k + 1)) return null;
  const era = eraAt(tokens, k + 1);
  if (era?.before) return refused(i, era.end);
  const first = (ordinal.value - 1) * 100;
  return absolute(i, era?.end ?? k + 1, { year: first }, { year: first + 99 }, "range");
}

/**
 * "nineteen ninety-five", "nineteen eighty", "nineteen hundred": a year in words, two pairs of digits. With a
 * first pair of twenty ("twenty fifteen") it could be two numbers, so a preposition must come before it.
 */
function matchYearInWords(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const token = tokens[i];
  const spelled = spelledYearAt(tokens, i);
  if (spelled) return absolute(i, spelled.end, { year: spelled.year }, { year: spelled.year }, "year");
  if (!token || !mayStartYearInWords.has(token)) return null;
  const century = UNITS.get(token.lower) ?? TENS.get(token.lower)!;
  if (century === 20 && !isMonthGated(tokens, i)) return null;
  let k = i + 1;
  let rest: number;
  if (lowerAt(tokens, k) === "hundred") rest = 0;
  else if (
    lowerAt(tokens, k) === "oh" &&
    (UNITS.get(lowerAt(tokens, k + 1)) ?? 0) >= 1 &&
    (UNITS.get(lowerAt(tokens, k + 1)) ?? 10) <= 9
  ) {
    rest = UNITS.get(lowerAt(tokens, ++k))!;
  } else {
    const tens = TENS.get(lowerAt(tokens, k));
    const teen = UNITS.get(lowerAt(tokens, k));
    if (tens !== undefined) {
      rest = tens;
      const ones = isHyphenJoin(tokens, k + 1) ? UNITS.get(lowerAt(tokens, k + 2)) : undefined;
      if (ones !== undefined && ones >= 1 && ones <= 9) {
        rest += ones;
        k += 2;
      }
    } else if (teen !== undefined && teen >= 10) rest = teen;
    else return null;
  }
  const year = century * 100 + rest;
  if (!endsCleanly(tokens, k + 1) || year > 2100) return null;
  return absolute(i, k + 1, { year }, { year }, "year");
}

const WEEK_ORDINALS: ReadonlyMap<string, number> = new Map([
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
]);

/**
 * "the week of 10 May" (Monday to Sunday around that day), "the first week of June 2020" (days 1–7; the
 * second 8–14, …). `j` is skipThe(tokens, i).
 */
function matchWeekOf(tokens: readonly Token[], i: number, j: number): Match<TimeSpec> | null {
  if (j === i) return null;
  const nth = WEEK_ORDINALS.get(lowerAt(tokens, j));
  const k = nth === undefined ? j : j + 1;
  if (tokens[k]?.text !== "week" || lowerAt(tokens, k + 1) !== "of") return null;
  const date = dayMonthYear(tokens, k + 2);
  if (!date || (nth === undefined) === (date.day === null)) return null;
  if (nth !== undefined) {
    const from: MonthDay = { month: date.month, day: 7 * nth - 6 };
    const to: MonthDay = { month: date.month, day: 7 * nth };
    if (date.year !== null)
      return absolute(i, date.end, { year: date.year, ...dayOf(from) }, { year: date.year, ...dayOf(to) }, "range");
    if (date.abbreviated) return null;
    return {
      start: i,
      end: date.end,
      value: {
        kind: "anaphoric",
        rule: { type: "span", from, to, pick: "anchor-year", by: 0 },
        offset: null,
        tense: tenseAround(tokens, i, date.end),
      },
    };
  }
  if (date.year !== null) {
    const [monday, sunday] = weekAround({ year: date.year, month: date.month, day: date.day! });
    return absolute(i, date.end, monday, sunday, "range");
  }
  const rule: AnchorRule = { type: "month", month: date.month, day: date.day, pick: "anchor-year", week: true };
  return {
    start: i,
    end: date.end,
    value: { kind: "anaphoric", rule, offset: null, tense: tenseAround(tokens, i, date.end) },
  };
}

/** ", 2013" or " 2013" (or "of 2014" after a bare month). */
function yearAfter(tokens: readonly Token[], i: number, allowOf: boolean): { year: number; end: number } | null {
  const k = lowerAt(tokens, i) === "," || (allowOf && lowerAt(tokens, i) === "of") ? i + 1 : i;
  const year = yearAt(tokens, k);
  return year !== null && endsCleanly(tokens, k + 1) ? { year, end: k + 1 } : null;
}

interface DayMonthYear {
  month: number;
  day: number | null;
  year: number | null;
  abbreviated: boolean;
  end: number;
}

/** The last date read, by token index: the matchers that compete at a token read the same date there. */
const lastDate: { run: number; tokens: readonly Token[] | null; k: number; date: DayMonthYear | null } = {
  run: -1,
  tokens: null,
  k: -1,
  date: null,
};

/** "5 March 2013", "5th of March", "March 5, 2013", "March 2014", "March"; null for a day its month has not. */
function dayMonthYear(tokens: readonly Token[], k: number): DayMonthYear | null {
  const date = dayMonthYearAsWritten(tokens, k);
  return date && !isImpossible(date) ? date : null;
}

/** "31 April", "29 February 2023": a day its month has not (in any year, when none is written). */
function isImpossible(date: DayMonthYear): boolean {
  return date.day !== null && date.day > daysInMonth(date.year ?? 2000, date.month);
}

/** The date at tokens[k] as written, whether its month has that day or not. */
function dayMonthYearAsWritten(tokens: readonly Token[], k: number): DayMonthYear | null {
  const run = tokenizeRuns();
  if (lastDate.run !== run || lastDate.tokens !== tokens || lastDate.k !== k) {
    lastDate.date = readDayMonthYear(tokens, k);
    lastDate.run = run;
    lastDate.tokens = tokens;
    lastDate.k = k;
  }
  return lastDate.date;
}

function readDayMonthYear(tokens: readonly Token[], k: number): DayMonthYear | null {
  // "No. 3⏎May 2016": an issue number, not the day of the date after it.
  const lead = isIdentifierNumber(tokens, k) ? null : dayAt(tokens, k);
  let result: DayMonthYear;
  if (lead) {
    const month = monthAt(tokens, lowerAt(tokens, lead.end) === "of" ? lead.end + 1 : lead.end);
    if (!month) return null;
    const year = yearAfter(tokens, month.end, false);
    result = {
      month: month.month,
      day: lead.day,
      year: year?.year ?? null,
      abbreviated: month.abbreviated,
      end: year?.end ?? month.end,
    };
  } else {
    const month = monthAt(tokens, k);
    if (!month) return null;
    const day = tokens[month.end]?.spaced ? dayAt(tokens, month.end) : null;
    const year = yearAfter(tokens, day ? day.end : month.end, !day);
    result = {
      month: month.month,
      day: day?.day ?? null,
      year: year?.year ?? null,
      abbreviated: month.abbreviated,
      end: year?.end ?? day?.end ?? month.end,
    };
  }
  return result;
}

/**
 * Calendar dates, optionally after a part word kept in the span ("early March 2014" is 2014-03). Without a year
 * the month is anaphoric ("in November", "late October"); a bare month name needs a day, a part word or a
 * preceding preposition, so "Russia may decide" and "Theresa May" are not months. `j` is skipThe(tokens, i) and
 * `part` parsePart(tokens, j).
 */
function matchCalendarDate(
  tokens: readonly Token[],
  i: number,
  j: number,
  part: PartAt | null,
): Match<TimeSpec> | null {
  const numeric = matchNumericDate(tokens, i);
  if (numeric) return numeric;
  const k = part ? part.end : i;
  // "the fifth of May": "the" joins a day written before its month, and nothing else.
  const date = dayMonthYearAsWritten(tokens, j !== i && !part ? j : k);
  if (date && isImpossible(date)) return refused(i, date.end);
  if (
    !date ||
    (j !== i && !part && (date.day === null || (!ORDINALS.has(lowerAt(tokens, j)) && tokens[j]?.kind !== "number")))
  )
    return null;
  if (date.year !== null) {
    const day: CalendarDate =
      date.day === null
        ? { year: date.year, month: date.month }
        : { year: date.year, month: date.month, day: date.day };
    return absolute(i, date.end, day, day, date.day === null ? "month" : "day");
  }
  if (date.day === null && (date.abbreviated || (!part && !isMonthGated(tokens, k)))) return null;
  const year = part ? null : listYear(tokens, date);
  if (year !== null) {
    const day: CalendarDate =
      date.day === null ? { year, month: date.month } : { year, month: date.month, day: date.day };
    return absolute(i, date.end, day, day, date.day === null ? "month" : "day");
  }
  const rule: AnchorRule = { type: "month", month: date.month, day: date.day, pick: "anchor-year" };
  return {
    start: i,
    end: date.end,
    value: { kind: "anaphoric", rule, offset: null, tense: tenseAround(tokens, i, date.end) },
  };
}

function isMonthGated(tokens: readonly Token[], k: number): boolean {
  const prev = lowerAt(tokens, k - 1);
  return (
    MONTH_GATES.has(prev) || ((prev === "and" || prev === "or" || prev === ",") && MONTHS.has(lowerAt(tokens, k - 2)))
  );
}

/**
 * The year written once after a list of dates of the same kind ("Jan. 5 and Feb. 3, 2020", "April, May and June
 * 2009"): the last one's, or the year before for a month after the last one's ("December and January 2015").
 */
function listYear(tokens: readonly Token[], date: DayMonthYear): number | null {
  let at = date.end;
  for (let n = 0; n < 12; n++) {
    const comma = tokens[at]?.text === ",";
    const word = lowerAt(tokens, comma ? at + 1 : at);
    const and = word === "and" || word === "or";
    if (!comma && !and) return null;
    const next = dayMonthYear(tokens, at + (comma && and ? 2 : 1));
    if (!next || (next.day === null) !== (date.day === null)) return null;
    if (next.year !== null) {
      const year = date.month > next.month ? next.year - 1 : next.year;
      return date.day === null || date.day <= daysInMonth(year, date.month) ? year : null;
    }
    at = next.end;
  }
  return null;
}

const DATE_RANGE_CONNECTORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["from", new Set(["to", "until", "till", "through"])],
  ["between", new Set(["and"])],
]);

/**
 * "2008-2009", "1950-53", "1990–95", "2014/15", "2008 to 2014", "from 2008 to 2014", "between March 2014 and
 * May 2015". Precision "range"; "from"/"between" join the span only when their second half is spelled out.
 */
function matchDateRange(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const connectors = DATE_RANGE_CONNECTORS.get(lowerAt(tokens, i));
  const j = connectors ? i + 1 : i;
  const first = yearAt(tokens, j);
  if (first !== null) {
    const second = yearTail(tokens, j + 1, first) ?? (connectors ? null : spelledYearRange(tokens, j + 1, first));
    if (second) return absolute(j, second.end, { year: first }, { year: second.year }, "range");
  }
  const months = matchMonthRange(tokens, i, j, connectors) ?? matchDayRange(tokens, i, j, connectors);
  if (months) return months;
  if (!connectors) return null;
  const from = matchAbsolute(tokens, j);
  if (!from || from.value.kind !== "absolute" || !connectors.has(lowerAt(tokens, from.end))) return null;
  const to = matchAbsolute(tokens, from.end + 1);
  if (!to || to.value.kind !== "absolute" || dateKey(to.value.start) <= dateKey(from.value.start)) return null;
  return absolute(i, to.end, from.value.start, to.value.end, "range");
}

/**
 * Months or days that share the year written once after them: "February-October 2017", "from March 1 to June
 * 30 this year", "between January and May 2017", "the April-June period" (the anchor's year). The first
 * half has no year of its own; a first month after the last one is in the year before ("November-February").
 */
function matchMonthRange(
  tokens: readonly Token[],
  i: number,
  j: number,
  connectors: ReadonlySet<string> | undefined,
): Match<TimeSpec> | null {
  const first = dayMonthYear(tokens, j);
  if (!first || first.year !== null || (first.abbreviated && first.day === null)) return null;
  if (first.day !== null && tokens[first.end + 1]?.kind === "number") {
    const days = matchDaysOfMonth(tokens, connectors ? i : j, first, connectors);
    if (days) return days;
  }
  const link = tokens[first.end];
  if (!link) return null;
  const dashed = DASHES.has(link.text) && isAttached(tokens, first.end) === isAttached(tokens, first.end + 1);
  if (connectors ? !connectors.has(link.lower) : !dashed && link.lower !== "to" && link.lower !== "through")
    return null;
  const parsed = dayMonthYear(tokens, first.end + 1);
  if (!parsed || (first.day === null) !== (parsed.day === null)) return null;
  const second = parsed.year === null ? withPeriodYear(tokens, parsed) : parsed;
  const from: MonthDay = { month: first.month, day: first.day };
  const to: MonthDay = { month: second.month, day: second.day };
  const start = connectors ? i : j;
  if (second.year !== null) {
    const fromYear = first.month > second.month ? second.year - 1 : second.year;
    if (fromYear === second.year && first.month === second.month && (first.day ?? 0) >= (second.day ?? 0)) return null;
    return absolute(
      start,
      second.end,
      { year: fromYear, ...dayOf(from) },
      { year: second.year, ...dayOf(to) },
      "range",
    );
  }
  const deictic = deicticYearAt(tokens, second.end);
  if (deictic)
    return relative(
      start,
      deictic.end,
      "deictic",
      { type: "span", from, to, pick: "anchor-year", by: deictic.by },
      null,
    );
  // Without any year, a range of bare month names needs a gate like a single month does ("in May-June").
  if (!connectors && first.day === null && !isMonthGated(tokens, j) && lowerAt(tokens, j - 1) !== "the") return null;
  return relative(start, second.end, "anaphoric", { type: "span", from, to, pick: "anchor-year", by: 0 }, null);
}

/** "14–19 March 2011", "from 3 to 5 May": days of one month, the month and year written once after them. */
function matchDayRange(
  tokens: readonly Token[],
  i: number,
  j: number,
  connectors: ReadonlySet<string> | undefined,
): Match<TimeSpec> | null {
  // The link comes right after the day or after its suffix ("14–19", "3rd to 5th"): looked at before the day is read.
  if (tokens[j]?.kind !== "number" || !(isDayRangeLink(tokens[j + 1]) || isDayRangeLink(tokens[j + 2]))) return null;
  const first = isIdentifierNumber(tokens, j) ? null : dayAt(tokens, j);
  const link = first ? tokens[first.end] : undefined;
  if (!first || !link) return null;
  if (!connectors && (link.text === "," || link.lower === "and")) {
    // "3, 4 and 5 March", "8 and 9 April 2015": a list of days, the month written once after the last.
    const days = daysAfter(tokens, first.end, first.day, undefined);
    const last = days ? dayMonthYear(tokens, days.lastAt) : null;
    if (!days || !last || last.day === null) return null;
    return daySpan(tokens, j, last.end, last.month, first.day, days, last.year);
  }
  const dashed = DASHES.has(link.text) && isAttached(tokens, first.end) === isAttached(tokens, first.end + 1);
  if (connectors ? !connectors.has(link.lower) : !dashed && link.lower !== "to" && link.lower !== "through")
    return null;
  const second = tokens[first.end + 1]?.kind === "number" ? dayMonthYear(tokens, first.end + 1) : null;
  if (!second || second.day === null || second.day <= first.day) return null;
  const start = connectors ? i : j;
  const from: MonthDay = { month: second.month, day: first.day };
  const to: MonthDay = { month: second.month, day: second.day };
  if (second.year !== null)
    return absolute(
      start,
      second.end,
      { year: second.year, ...dayOf(from) },
      { year: second.year, ...dayOf(to) },
      "range",
    );
  return relative(start, second.end, "anaphoric", { type: "span", from, to, pick: "anchor-year", by: 0 }, null);
}

/**
 * Days that follow a month and its first day: "March 14–19, 2011", "Oct. 3 to 21", "March 14 and 15, 2011", "May 4,
 * 5 and 6". A range, or a list of consecutive days, is one mention from its first day to its last; a list with a
 * gap ("March 14 and 16") or a choice ("March 3 or 4") is no range, so it is one mention without dates rather
 * than a date and a count.
 */
function matchDaysOfMonth(
  tokens: readonly Token[],
  start: number,
  first: DayMonthYear,
  connectors: ReadonlySet<string> | undefined,
): Match<TimeSpec> | null {
  const days = daysAfter(tokens, first.end, first.day!, connectors);
  if (!days || monthAt(tokens, days.end)) return null;
  const year = yearAfter(tokens, days.end, false);
  const end = year?.end ?? days.end;
  // A list's last day runs into no word: "On March 14 and 15 people were hurt" lists no days.
  if (!year && days.list && tokens[end] !== undefined && tokens[end]!.kind !== "punct") return null;
  return daySpan(tokens, start, end, first.month, first.day!, days, year?.year ?? null);
}

/** Days after a first one, from tokens[k]: "–19", "to 19", "and 15", ", 5 and 6" (a list: consecutive or not). */
function daysAfter(
  tokens: readonly Token[],
  k: number,
  firstDay: number,
  connectors: ReadonlySet<string> | undefined,
): { last: number; lastAt: number; consecutive: boolean; list: boolean; end: number } | null {
  const link = tokens[k];
  if (!link) return null;
  const dashed = DASHES.has(link.text) && isAttached(tokens, k) === isAttached(tokens, k + 1);
  if (connectors ? connectors.has(link.lower) : dashed || link.lower === "to" || link.lower === "through") {
    const day = dayAt(tokens, k + 1);
    return day && day.day > firstDay
      ? { last: day.day, lastAt: k + 1, consecutive: true, list: false, end: day.end }
      : null;
  }
  if (connectors) return null;
  let last = firstDay;
  let consecutive = true;
  let at = k;
  for (let n = 0; n < 31; n++) {
    const comma = tokens[at]?.text === ",";
    const word = lowerAt(tokens, comma ? at + 1 : at);
    const and = word === "and" || word === "or";
    if (!comma && !and) return null;
    // "March 3 or 4": one of the days, which no range says.
    if (word === "or") consecutive = false;
    const lastAt = at + (comma && and ? 2 : 1);
    const day = dayAt(tokens, lastAt);
    if (!day) return null;
    consecutive &&= day.day === last + 1;
    last = day.day;
    at = day.end;
    if (and) return { last, lastAt, consecutive, list: true, end: at };
  }
  return null;
}

/** Days of one month from `from` to `days.last`, in `year` or, without one, placed as a month without a year is. */
function daySpan(
  tokens: readonly Token[],
  start: number,
  end: number,
  month: number,
  from: number,
  days: { last: number; consecutive: boolean },
  year: number | null,
): Match<TimeSpec> {
  if (!days.consecutive) return { start, end, value: { kind: "unresolved" } };
  if (year !== null) {
    if (days.last > daysInMonth(year, month)) return { start, end, value: { kind: "unresolved" } };
    return absolute(start, end, { year, month, day: from }, { year, month, day: days.last }, "range");
  }
  const rule: AnchorRule = {
    type: "span",
    from: { month, day: from },
    to: { month, day: days.last },
    pick: "anchor-year",
    by: 0,
  };
  return { start, end, value: { kind: "anaphoric", rule, offset: null, tense: tenseAround(tokens, start, end) } };
}

function isDayRangeLink(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (DASHES.has(token.text) ||
      token.text === "," ||
      token.lower === "to" ||
      token.lower === "through" ||
      token.lower === "and" ||
      token.lower === "until" ||
      token.lower === "till")
  );
}

/** "April-June period of 2016": the year after "period of" or "period in". */
function withPeriodYear(tokens: readonly Token[], date: DayMonthYear): DayMonthYear {
  const preposition = lowerAt(tokens, date.end + 1);
  if (tokens[date.end]?.text !== "period" || (preposition !== "of" && preposition !== "in")) return date;
  const year = yearAt(tokens, date.end + 2);
  return year !== null && endsCleanly(tokens, date.end + 3) ? { ...date, year, end: date.end + 3 } : date;
}

function dayOf(date: MonthDay): { month: number; day?: number } {
  return date.day === null ? { month: date.month } : { month: date.month, day: date.day };
}

/** "this year", "last year", "next year" (not "the last year of"): the document's year shifted. */
function deicticYearAt(tokens: readonly Token[], i: number): { by: number; end: number } | null {
  const shift = DEICTIC_SHIFTS.get(lowerAt(tokens, i));
  if (!shift || DETERMINERS.has(lowerAt(tokens, i - 1)) || periodAt(tokens, i + 1) !== "year") return null;
  return { by: shift.by, end: i + 2 };
}

/** "-2009", "-53", "–95", "/15" after a year: glued, or spaced on both sides. */
function yearTail(tokens: readonly Token[], k: number, first: number): { year: number; end: number } | null {
  const link = tokens[k];
  const tail = tokens[k + 1];
  if (!link || !tail || (!DASHES.has(link.text) && link.text !== "/")) return null;
  if (isAttached(tokens, k) !== isAttached(tokens, k + 1) || tail.kind !== "number") return null;
  let year: number;
  if (tail.text.length === 4) year = tail.numeric;
  // "1990-5": the last digit replaced, as "1990-95" replaces the last two.
  else if (tail.text.length === 1) year = first - (first % 10) + tail.numeric;
  else if (tail.text.length === 2) {
    // "2014-15": the two digits must follow the year's own last two ("1994-11" is November 1994), except "00"
    // after a year ending in 99 ("1999/00").
    year = first - (first % 100) + tail.numeric;
    if (tail.numeric === 0 && first % 100 === 99) year += 100;
  } else return null;
  if (year <= first || year > 2100 || year - first >= 100 || !endsCleanly(tokens, k + 2)) return null;
  return { year, end: k + 2 };
}

/** "2008 to 2014", "2008 through 2014": both plain years, in order. */
function spelledYearRange(tokens: readonly Token[], k: number, first: number): { year: number; end: number } | null {
  if (!YEAR_RANGE_WORDS.has(lowerAt(tokens, k))) return null;
  const year = yearAt(tokens, k + 1);
  return year !== null && year > first && endsCleanly(tokens, k + 2) ? { year, end: k + 2 } : null;
}

const ANAPHORIC_SHIFTS: ReadonlyMap<string, number> = new Map([
  ["same", 0],
  ["following", 1],
  ["next", 1],
  ["subsequent", 1],
  ["previous", -1],
  ["preceding", -1],
  ["prior", -1],
]);

type Period = "year" | "month" | "day";

/** "year", "month" or "day", written in lower case: the "Year" of "Year of Friendship" is a name. */
function periodAt(tokens: readonly Token[], i: number): Period | null {
  const word = tokens[i]?.text;
  return word === "year" || word === "month" || word === "day" ? word : null;
}

/** "that year", "the same year", "the following month", "the previous year" (lower-case "year" only). */
function matchAnaphoric(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const word = lowerAt(tokens, i);
  if (word === "that") {
    const unit = periodAt(tokens, i + 1);
    return unit ? relative(i, i + 2, "anaphoric", { type: "shift", unit, by: 0 }, null) : null;
  }
  if (word !== "the") return null;
  const by = ANAPHORIC_SHIFTS.get(lowerAt(tokens, i + 1));
  const unit = periodAt(tokens, i + 2);
  return by !== undefined && unit ? relative(i, i + 3, "anaphoric", { type: "shift", unit, by }, null) : null;
}

function relative(
  start: number,
  end: number,
  kind: "anaphoric" | "deictic",
  rule: AnchorRule,
  offset: string | null,
): Match<TimeSpec> {
  return { start, end, value: { kind, rule, offset } };
}

const DEICTIC_SHIFTS: ReadonlyMap<string, { by: number; pick: "this" | "last" | "next" }> = new Map([
  ["this", { by: 0, pick: "this" }],
  ["last", { by: -1, pick: "last" }],
  ["next", { by: 1, pick: "next" }],
]);

/** Words that make "last year" a noun phrase ("the last year of his term"), not a date. */
const DETERMINERS: ReadonlySet<string> = new Set([
  "the",
  "a",
  "an",
  "its",
  "his",
  "her",
  "their",
  "our",
  "my",
  "your",
  "that",
]);

/** "this year", "last month", "next year", "this January", "last March": against the document date. */
function matchDeictic(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const shift = DEICTIC_SHIFTS.get(lowerAt(tokens, i));
  if (!shift || DETERMINERS.has(lowerAt(tokens, i - 1))) return null;
  const unit = periodAt(tokens, i + 1);
  if (unit === "year" || unit === "month")
    return relative(i, i + 2, "deictic", { type: "shift", unit, by: shift.by }, null);
  if (tokens[i + 1]?.text === "week") return relative(i, i + 2, "deictic", { type: "week", by: shift.by }, null);
  if (tokens[i + 1]?.text === "quarter") return relative(i, i + 2, "deictic", { type: "quarter", by: shift.by }, null);
  const weekday = WEEKDAYS.get(lowerAt(tokens, i + 1));
  if (weekday !== undefined && tokens[i + 1] && isCapitalized(tokens[i + 1]!)) {
    return relative(
      i,
      i + 2,
      "deictic",
      { type: "weekday", weekday, direction: shift.by < 0 ? -1 : shift.by > 0 ? 1 : 0 },
      null,
    );
  }
  const month = monthAt(tokens, i + 1);
  if (!month || month.abbreviated) return null;
  return relative(i, month.end, "deictic", { type: "month", month: month.month, day: null, pick: shift.pick }, null);
}

const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((name, k) => [name, k]),
);

/** Words before a weekday that put it in the future ("will meet on Friday"); otherwise it is the latest past one. */
const FUTURE_MARKERS: ReadonlySet<string> = new Set([
  "will",
  "shall",
  "'ll",
  "due",
  "scheduled",
  "expected",
  "planned",
  "until",
  "by",
  "for",
]);

/**
 * A capitalised weekday ("said Thursday", "on Friday"), against the document's day: the latest such day on or
 * before it, or the first after it when a future marker stands in the three words before.
 */
function matchWeekday(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const token = tokens[i];
  const dated = weekdayWithDate(tokens, i);
  if (dated) return dated;
  const weekday = WEEKDAYS.get(lowerAt(tokens, i));
  if (
    !token ||
    weekday === undefined ||
    !isCapitalized(token) ||
    tokens[i + 1]?.text === "'" ||
    tokens[i + 1]?.text === "\u2019"
  )
    return null;
  // "Black Friday", "Super Tuesday": a capitalised word glued before it makes it a name.
  const previous = tokens[i - 1];
  if (
    previous?.kind === "word" &&
    isCapitalized(previous) &&
    !MONTH_GATES.has(previous.lower) &&
    i > 0 &&
    !isSentenceStart(tokens, i - 1)
  )
    return null;
  const future = [1, 2, 3].some((k) => FUTURE_MARKERS.has(lowerAt(tokens, i - k)));
  return relative(i, i + 1, "deictic", { type: "weekday", weekday, direction: future ? 1 : -1 }, null);
}

const WEEKDAY_SHORT: ReadonlyMap<string, number> = new Map(WEEKDAY_ABBREVIATIONS);

/**
 * "Thursday, March 3", "Thu 3 March 2016": a weekday joined to its date, one mention. With a year, the weekday
 * must agree with the date, else the text contradicts itself and the mention has no date; without one, the year
 * is the one near the anchor in which that day is that weekday.
 */
function weekdayWithDate(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const token = tokens[i];
  const weekday = token && (WEEKDAYS.get(token.lower) ?? WEEKDAY_SHORT.get(token.lower));
  if (!token || weekday === undefined || !isCapitalized(token)) return null;
  let k = i + 1;
  if (WEEKDAY_SHORT.has(token.lower) && tokens[k]?.text === "." && isAttached(tokens, k)) k++;
  if (tokens[k]?.text === ",") k++;
  const date = dayMonthYear(tokens, k);
  if (!date || date.day === null) return null;
  if (date.year !== null) {
    const day = { year: date.year, month: date.month, day: date.day };
    if (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() !== weekday)
      return { start: i, end: date.end, value: { kind: "unresolved" } };
    return absolute(i, date.end, day, day, "day");
  }
  const rule: AnchorRule = { type: "month", month: date.month, day: date.day, pick: "anchor-year", weekday };
  return { start: i, end: date.end, value: { kind: "anaphoric", rule, offset: null } };
}

const DAYS_FROM_TODAY: ReadonlyMap<string, number> = new Map([
  ["today", 0],
  ["tonight", 0],
  ["yesterday", -1],
  ["tomorrow", 1],
]);

/** Holidays by the lower-case token texts of their names, apostrophes folded to "'", longest first. */
const HOLIDAYS: ReadonlyMap<string, readonly { words: readonly string[]; month: number; day: number }[]> = (() => {
  const index = new Map<string, { words: string[]; month: number; day: number }[]>();
  const entries = FIXED_HOLIDAYS.map(([name, day]) => ({
    words: phraseTokens(name).map((t) => foldApostrophe(t.text.toLowerCase())),
    month: Number(day.slice(0, 2)),
    day: Number(day.slice(3, 5)),
  })).sort((a, b) => b.words.length - a.words.length);
  for (const entry of entries) index.set(entry.words[0]!, [...(index.get(entry.words[0]!) ?? []), entry]);
  return index;
})();

function foldApostrophe(text: string): string {
  return text === "\u2019" ? "'" : text;
}

/**
 * "today", "yesterday", "tomorrow", "tonight" (the document's day shifted), "the day before" / "the day after"
 * at a clause's end (the preceding date's day shifted), and fixed-date holidays ("Christmas Day 2015", "on New
 * Year's Eve"): with a year, that day; without, after a preposition, the year the sentence's tense gives.
 */
function matchNamedDay(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const word = lowerAt(tokens, i);
  const shift = DAYS_FROM_TODAY.get(word);
  if (shift !== undefined) return relative(i, i + 1, "deictic", { type: "shift", unit: "day", by: shift }, null);
  if (word === "the" && tokens[i + 1]?.text === "day") {
    const direction = lowerAt(tokens, i + 2);
    const from = DAYS_FROM_TODAY.get(lowerAt(tokens, i + 3));
    if ((direction === "before" || direction === "after") && from !== undefined && from !== 0) {
      // "the day after tomorrow", "the day before yesterday".
      return relative(
        i,
        i + 4,
        "deictic",
        { type: "shift", unit: "day", by: from + (direction === "before" ? -1 : 1) },
        null,
      );
    }
    const next = tokens[i + 3];
    if ((direction === "before" || direction === "after") && (!next || next.kind === "punct")) {
      return relative(i, i + 3, "anaphoric", { type: "shift", unit: "day", by: direction === "before" ? -1 : 1 }, null);
    }
    return null;
  }
  return matchHoliday(tokens, i) ?? matchDayOfMonth(tokens, i);
}

/**
 * "on the 21st", "by the 3rd": a day of the document's month (a writer names a day so only near the time of
 * writing), or of the month before or after it as the sentence's tense says.
 */
function matchDayOfMonth(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  if (lowerAt(tokens, i) !== "the" || tokens[i + 1]?.kind !== "number" || !HOLIDAY_GATES.has(lowerAt(tokens, i - 1)))
    return null;
  const day = dayAt(tokens, i + 1);
  if (!day || day.end !== i + 3 || lowerAt(tokens, day.end) === "of" || monthAt(tokens, day.end)) return null;
  return {
    start: i,
    end: day.end,
    value: {
      kind: "deictic",
      rule: { type: "day-of-month", day: day.day },
      offset: null,
      tense: tenseAround(tokens, i, day.end),
    },
  };
}

function matchHoliday(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const first = tokens[i];
  if (!first || !isCapitalized(first)) return null;
  for (const holiday of HOLIDAYS.get(foldApostrophe(first.lower)) ?? []) {
    if (!holiday.words.every((w, k) => foldApostrophe(lowerAt(tokens, i + k)) === w)) continue;
    const end = i + holiday.words.length;
    if (!endsCleanly(tokens, end)) return null;
    const year = yearAfter(tokens, end, false);
    if (year)
      return absolute(
        i,
        year.end,
        { year: year.year, month: holiday.month, day: holiday.day },
        { year: year.year, month: holiday.month, day: holiday.day },
        "day",
      );
    if (!HOLIDAY_GATES.has(lowerAt(tokens, i - 1))) return null;
    const rule: AnchorRule = { type: "month", month: holiday.month, day: holiday.day, pick: "anchor-year" };
    return { start: i, end, value: { kind: "anaphoric", rule, offset: null, tense: tenseAround(tokens, i, end) } };
  }
  return null;
}

/** Words before a holiday without a year that make it the day ("on Christmas Day", "over New Year's"). */
const HOLIDAY_GATES: ReadonlySet<string> = new Set([
  "on",
  "by",
  "since",
  "until",
  "till",
  "before",
  "after",
  "at",
  "over",
  "for",
  "from",
  "through",
  "around",
  "this",
  "last",
  "next",
]);

const INTERVAL_STARTS: ReadonlyMap<string, 1 | -1> = new Map([
  ["next", 1],
  ["coming", 1],
  ["past", -1],
  ["last", -1],
]);

/**
 * Spans from the document date: "within two years", "over the next five years", "the past decade", "the last
 * three months" (from the document date to that far ahead, or back), and "in three months" unless the sentence
 * is in the past (that far ahead: "prices doubled in two years" is a duration, not a date).
 */
function matchInterval(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const word = lowerAt(tokens, i);
  if (word === "within" || word === "in") {
    const the = lowerAt(tokens, i + 1) === "the";
    if (the && INTERVAL_STARTS.get(lowerAt(tokens, i + 2)) !== 1) return null;
    // A unit of time within the next few tokens, or nothing to read ("in 2014", "in the region").
    const k = the ? i + 3 : i + 1;
    if (!isDurationWord(tokens[k]) && !isDurationWord(tokens[k + 1]) && !isDurationWord(tokens[k + 3])) return null;
    const span = spanAt(tokens, the ? i + 3 : i + 1);
    if (!span || (!the && lowerAt(tokens, span.end) === "of")) return null;
    if (word === "within" || the)
      return relative(i, span.end, "deictic", { type: "interval", unit: span.unit, from: 0, to: span.by }, null);
    if (tenseAround(tokens, i, span.end) === "past") return null;
    return relative(i, span.end, "deictic", { type: "shift", unit: span.unit, by: span.by }, null);
  }
  const j = skipThe(tokens, i);
  const direction = j === i ? undefined : INTERVAL_STARTS.get(lowerAt(tokens, j));
  if (direction === undefined) return null;
  const span = spanAt(tokens, j + 1);
  // "the last year" without a number is a noun phrase ("the last year of his term"); "the past year" is a span.
  if (!span || (span.counted === false && lowerAt(tokens, j) === "last") || lowerAt(tokens, span.end) === "of")
    return null;
  const rule: AnchorRule =
    direction > 0
      ? { type: "interval", unit: span.unit, from: 0, to: span.by }
      : { type: "interval", unit: span.unit, from: -span.by, to: 0 };
  return relative(i, span.end, "deictic", rule, null);
}

function isDurationWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === "word" && DURATIONS.has(token.text);
}

/** "two years", "a decade", "three months", "decade": an amount of calendar units. */
function spanAt(
  tokens: readonly Token[],
  k: number,
): { unit: Period; by: number; end: number; counted: boolean } | null {
  const word = lowerAt(tokens, k);
  const count = word === "a" || word === "an" ? { value: 1, end: k + 1 } : parseNumeral(tokens, k);
  const at = count ? count.end : k;
  const duration = DURATIONS.get(tokens[at]?.text ?? "");
  if (!duration || (count && (!Number.isInteger(count.value) || count.value < 1 || count.value > 999))) return null;
  // A bare unit must be singular ("the past decade"), a counted one agree ("two years").
  if (!count && duration.multiple === 1 && !["year", "month", "week", "day"].includes(tokens[at]!.text)) return null;
  if (!count && tokens[at]!.text.endsWith("s")) return null;
  if (!endsCleanly(tokens, at + 1)) return null;
  return {
    unit: duration.unit,
    by: (count?.value ?? 1) * duration.multiple * duration.per,
    end: at + 1,
    counted: count !== null,
  };
}

function isSentenceStart(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.text;
  return before === undefined || before === "." || before === "!" || before === "?";
}

/**
 * Quarters named without "of": "Q2 2017", "second-quarter 2017", "the second quarter" and "second-quarter
 * profit" (no year: the latest such quarter begun by the document date).
 */
function matchQuarter(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  let months: readonly [number, number] | undefined;
  let end: number;
  const token = tokens[i];
  if (token?.text === "Q" && tokens[i + 1]?.kind === "number" && isAttached(tokens, i + 1)) {
    months =
      tokens[i + 1]!.text.length === 1
        ? QUARTERS.get(["", "first", "second", "third", "fourth"][tokens[i + 1]!.numeric] ?? "")?.months
        : undefined;
    end = i + 2;
  } else if (token?.text === "H" && tokens[i + 1]?.kind === "number" && isAttached(tokens, i + 1)) {
    // "H1 2020": a half-year, as a quarter is written.
    months =
      tokens[i + 1]!.text.length === 1
        ? HALVES.get(["", "first", "second"][tokens[i + 1]!.numeric] ?? "")?.months
        : undefined;
    end = i + 2;
  } else if (HALVES.has(lowerAt(tokens, i)) && isHyphenJoin(tokens, i + 1) && tokens[i + 2]?.text === "half") {
    // "first-half 2020", "second-half profit"; "the second half" alone is too often a game's.
    months = HALVES.get(lowerAt(tokens, i))!.months;
    end = i + 3;
  } else {
    const j = skipThe(tokens, i);
    const ordinal = lowerAt(tokens, j);
    if (lowerAt(tokens, j + 1) === "and" && tokens[j + 3]?.text === "quarters") return quartersOf(tokens, i, j);
    const joined = isHyphenJoin(tokens, j + 1);
    const k = joined ? j + 2 : j + 1;
    if (tokens[k]?.text !== "quarter" || lowerAt(tokens, k + 1) === "of") return null;
    // "the last quarter" (and no "of" after it) is the one before the document's.
    if (ordinal === "last")
      return j !== i && !joined ? relative(i, k + 1, "deictic", { type: "quarter", by: -1 }, null) : null;
    if (!joined && j === i) return null; // "second quarter" without "the" or a hyphen is too often not a date
    months = QUARTERS.get(ordinal)?.months;
    end = k + 1;
  }
  if (!months) return null;
  const [from, to] = months;
  const year = yearAt(tokens, end);
  if (year !== null && endsCleanly(tokens, end + 1))
    return absolute(i, end + 1, { year, month: from }, { year, month: to }, "range");
  // "Q3 and Q4 2018", "Q2, Q3 and Q4 2018": the year written once after the list.
  const link = lowerAt(tokens, end);
  if (link === "and" || link === "or" || link === ",") {
    const next = matchQuarter(tokens, link === "," && lowerAt(tokens, end + 1) === "and" ? end + 2 : end + 1);
    if (next?.value.kind === "absolute") {
      const listed = next.value.start.year - (from > next.value.start.month! ? 1 : 0);
      return absolute(i, end, { year: listed, month: from }, { year: listed, month: to }, "range");
    }
  }
  // Without a year: the latest such quarter begun by the document date, or the first not yet over in a sentence
  // about the future ("rates stay on hold until the third quarter").
  const tense = tenseAround(tokens, i, end);
  const pick = tense === "future" || tense === "planned" ? "coming" : "latest";
  return relative(
    i,
    end,
    "deictic",
    { type: "span", from: { month: from, day: null }, to: { month: to, day: null }, pick, by: 0 },
    null,
  );
}

/** "the third and fourth quarters of 2018": two quarters in a row of one year, the first's months to the last's. */
function quartersOf(tokens: readonly Token[], i: number, j: number): Match<TimeSpec> | null {
  const first = QUARTERS.get(lowerAt(tokens, j));
  const second = QUARTERS.get(lowerAt(tokens, j + 2));
  if (!first || !second || second.months[0] !== first.months[1] + 1 || lowerAt(tokens, j + 4) !== "of") return null;
  const year = yearAt(tokens, j + 5);
  if (year === null || !endsCleanly(tokens, j + 6)) return null;
  return absolute(i, j + 6, { year, month: first.months[0] }, { year, month: second.months[1] }, "range");
}

interface Duration {
  designator: "Y" | "M" | "W" | "D";
  /** Designator units per word: a decade is 10 Y. */
  multiple: number;
  /** The calendar unit it shifts, and by how many of them per designator unit (a week is 7 days). */
  unit: Period;
  per: number;
}

function durations(words: readonly string[], duration: Duration): [string, Duration][] {
  return words.map((word) => [word, duration]);
}

const DURATIONS: ReadonlyMap<string, Duration> = new Map([
  ...durations(["year", "years"], { designator: "Y", multiple: 1, unit: "year", per: 1 }),
  ...durations(["decade", "decades"], { designator: "Y", multiple: 10, unit: "year", per: 1 }),
  ...durations(["month", "months"], { designator: "M", multiple: 1, unit: "month", per: 1 }),
  ...durations(["week", "weeks"], { designator: "W", multiple: 1, unit: "day", per: 7 }),
  ...durations(["day", "days"], { designator: "D", multiple: 1, unit: "day", per: 1 }),
]);

const DIRECTIONS: ReadonlyMap<string, { sign: 1 | -1; kind: "offset" | "anaphoric" | "deictic" }> = new Map([
  ["after", { sign: 1, kind: "offset" }],
  ["before", { sign: -1, kind: "offset" }],
  ["later", { sign: 1, kind: "anaphoric" }],
  ["earlier", { sign: -1, kind: "anaphoric" }],
  ["ago", { sign: -1, kind: "deictic" }],
]);

/**
 * "a year after", "three months before" (not followed by a date): offset only, dates null. "two years later"
 * and "a year earlier" also resolve against the preceding date, "two years ago" against the document date.
 * Offsets are unsigned ISO 8601 durations ("P3M" for "three months before"): the direction is in the text.
 */
function matchOffset(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const word = lowerAt(tokens, i);
  const count = word === "a" || word === "an" ? { value: 1, end: i + 1 } : parseNumeral(tokens, i);
  if (!count || !Number.isInteger(count.value) || count.value < 1 || count.value > 999) return null;
  const duration = DURATIONS.get(tokens[count.end]?.text ?? "");
  if (duration && lowerAt(tokens, count.end + 1) === "from" && lowerAt(tokens, count.end + 2) === "now") {
    // "two weeks from now": ahead of the document date.
    const amount = count.value * duration.multiple;
    return relative(
      i,
      count.end + 3,
      "deictic",
      { type: "shift", unit: duration.unit, by: amount * duration.per },
      `P${amount}${duration.designator}`,
    );
  }
  const direction = DIRECTIONS.get(lowerAt(tokens, count.end + 1));
  if (!duration || !direction) return null;
  const end = count.end + 2;
  const amount = count.value * duration.multiple;
  const offset = `P${amount}${duration.designator}`;
  if (direction.kind === "offset") {
    return matchDateRange(tokens, end) || matchAbsolute(tokens, end)
      ? null
      : { start: i, end, value: { kind: "offset", offset } };
  }
  const rule: AnchorRule = { type: "shift", unit: duration.unit, by: direction.sign * amount * duration.per };
  return relative(i, end, direction.kind, rule, offset);
}

// The time forms a token may start, as bits of its class: one lookup per token decides which matchers run.
const RANGE = 1 << 0;
const PERIOD = 1 << 1;
const CALENDAR = 1 << 2;
const YEAR = 1 << 3;
const CENTURY = 1 << 4;
const YEAR_IN_WORDS = 1 << 5;
const WEEK_OF = 1 << 6;
const ANAPHORIC = 1 << 7;
const DEICTIC = 1 << 8;
const OFFSET = 1 << 9;
const WEEKDAY = 1 << 10;
const QUARTER = 1 << 11;
const INTERVAL = 1 << 12;
const NAMED_DAY = 1 << 13;
const ERA = 1 << 14;

const timeForms = new TokenClass((token) => {
  if (token.kind === "number") return RANGE | PERIOD | CALENDAR | YEAR | CENTURY | OFFSET | ERA;
  const word = token.lower;
  let forms = 0;
  if (word === "the") forms |= PERIOD | CALENDAR | CENTURY | WEEK_OF | ANAPHORIC | QUARTER | INTERVAL | NAMED_DAY;
  if (word === "that") forms |= ANAPHORIC;
  if (word === "a" || word === "an") forms |= OFFSET;
  if (word === "q" || word === "h") forms |= QUARTER;
  if (token.text === "AD") forms |= ERA;
  if (word === "in" || word === "within") forms |= INTERVAL;
  if (DATE_RANGE_CONNECTORS.has(word)) forms |= RANGE;
  if (MONTHS.has(word) || MONTH_ABBREVIATIONS.has(word)) forms |= RANGE | CALENDAR;
  // Ordinals lead days ("fifth of May") and name centuries and quarters ("second-quarter").
  if (ORDINALS.has(word)) forms |= RANGE | CALENDAR | CENTURY | QUARTER | PERIOD;
  if (TENS.has(word)) forms |= RANGE | CALENDAR | CENTURY | OFFSET | YEAR_IN_WORDS;
  if (UNITS.has(word)) forms |= OFFSET | YEAR_IN_WORDS;
  if (PART_MODIFIERS.has(word) || PARTS_OF.has(word) || HALVES.has(word) || QUARTERS.has(word))
    forms |= PERIOD | CALENDAR | QUARTER;
  if (DEICTIC_SHIFTS.has(word)) forms |= DEICTIC;
  if (WEEKDAYS.has(word) || WEEKDAY_SHORT.has(word)) forms |= WEEKDAY;
  if (DAYS_FROM_TODAY.has(word) || HOLIDAYS.has(word)) forms |= NAMED_DAY;
  return forms;
});

/** Tokens that may start a century ("the nineteenth century", "21st century") or a year in words. */
const mayStartCentury = new TokenTest(
  (token) => token.kind === "number" || ORDINALS.has(token.lower) || TENS.has(token.lower),
);
const mayStartYearInWords = new TokenTest((token) => {
  const value = UNITS.get(token.lower) ?? TENS.get(token.lower);
  return value !== undefined && value >= 11 && value <= 20;
});

/**
 * What the commonest starters need next for any matcher to succeed: "the" a part, decade, quarter or shift
 * ("the end of", "the 1990s", "the second quarter", "the following year"), "that" a period ("that year"),
 * "a"/"an" a duration ("a year later"). Checked first, so that the matchers are not run for every "the".
 */
const AFTER_THE: ReadonlySet<string> = new Set([
  ...PART_MODIFIERS.keys(),
  ...PARTS_OF.keys(),
  ...HALVES.keys(),
  ...QUARTERS.keys(),
  ...ANAPHORIC_SHIFTS.keys(),
  ...INTERVAL_STARTS.keys(),
  ...ORDINALS.keys(),
  ...TENS.keys(),
  "first",
  "last",
  "day",
  "week",
]);
const mayFollowThe = new TokenTest((token) => token.kind === "number" || AFTER_THE.has(token.lower));
const mayFollowThat = new TokenTest((token) => periodAt([token], 0) !== null);
const mayFollowArticle = new TokenTest((token) => DURATIONS.has(token.text));

/** After "in" or "within": "the next …", a number, or "a" ("in three months", "within a year"). */
const mayFollowIn = new TokenTest(
  (token) =>
    token.kind === "number" ||
    token.lower === "the" ||
    token.lower === "a" ||
    token.lower === "an" ||
    UNITS.has(token.lower) ||
    TENS.has(token.lower),
);

function mayContinueTime(first: Token, next: Token | undefined): boolean {
  const word = first.lower;
  if (word === "in" || word === "within") return next !== undefined && mayFollowIn.has(next);
  if (word === "the") return next !== undefined && mayFollowThe.has(next);
  if (word === "that") return next !== undefined && mayFollowThat.has(next);
  if (word === "a" || word === "an") return next !== undefined && mayFollowArticle.has(next);
  return true;
}
