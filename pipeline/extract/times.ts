/** Time mentions: years and year ranges, decades and their parts, calendar dates, relative expressions, offsets. */

import { MONTHS, MONTH_ABBREVIATIONS, daysInMonth, type CalendarDate } from "./calendar.ts";
import { longest, type Match } from "./match.ts";
import type { DatePrecision } from "./mention.ts";
import { TENS, UNITS } from "./number-words.ts";
import { isIdentifierNumber, isPlainYear, parseNumeral } from "./numerals.ts";
import { DASHES, endsCleanly, isAttached, isCapitalized, isHyphenJoin, lowerAt } from "./token-checks.ts";
import type { Token } from "./tokenize.ts";

export type AnchorRule =
  /** The anchor's period shifted: "that year" (year, 0), "the following month" (month, +1), "two years later". */
  | { type: "shift"; unit: "year" | "month" | "day"; by: number }
  /**
   * A month named without a year: "in November" takes the anchor's year; "this/last/next January" the
   * latest January not after / before / the first after the anchor's month.
   */
  | { type: "month"; month: number; day: number | null; pick: "anchor-year" | "this" | "last" | "next" };

export type TimeSpec =
  | { kind: "absolute"; start: CalendarDate; end: CalendarDate; precision: DatePrecision }
  /** Resolved against the latest date before it in the text, else the document date. */
  | { kind: "anaphoric"; rule: AnchorRule; offset: string | null }
  /** Resolved against the document date. */
  | { kind: "deictic"; rule: AnchorRule; offset: string | null }
  /** "a year after …": a duration from the clause's own date, which the caller resolves. */
  | { kind: "offset"; offset: string };

/** A time mention starting at tokens[i] (or, for "from 2008-2014", at the year after "from"). */
export function matchTime(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const first = tokens[i];
  if (!first || (first.kind !== "number" && !STARTERS.has(first.lower))) return null;
  return longest(matchDateRange(tokens, i), matchAbsolute(tokens, i), matchRelative(tokens, i));
}

function absolute(start: number, end: number, from: CalendarDate, to: CalendarDate, precision: DatePrecision): Match<TimeSpec> {
  return { start, end, value: { kind: "absolute", start: from, end: to, precision } };
}

function matchAbsolute(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  return longest(matchPeriod(tokens, i), matchCalendarDate(tokens, i), matchYear(tokens, i));
}

function matchRelative(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  return longest(matchAnaphoric(tokens, i), matchDeictic(tokens, i), matchOffset(tokens, i));
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
  if (year === null || !endsCleanly(tokens, i + 1)) return null;
  return absolute(i, i + 1, { year }, { year }, "year");
}

const APOSTROPHES: ReadonlySet<string> = new Set(["'", "\u2019"]);

/** "1980s", "1980's": the decade's first year. */
function decadeAt(tokens: readonly Token[], i: number): { year: number; end: number } | null {
  const token = tokens[i];
  if (!token || !isPlainYear(token) || token.numeric % 10 !== 0 || isIdentifierNumber(tokens, i)) return null;
  if (lowerAt(tokens, i + 1) === "s" && isAttached(tokens, i + 1)) return { year: token.numeric, end: i + 2 };
  const apostrophe = tokens[i + 1];
  if (apostrophe && APOSTROPHES.has(apostrophe.text) && isAttached(tokens, i + 1) && lowerAt(tokens, i + 2) === "s" && isAttached(tokens, i + 2)) {
    return { year: token.numeric, end: i + 3 };
  }
  return null;
}

/** A part of a decade (years from its start) and of a year (months). */
interface Part {
  decade: readonly [number, number] | null;
  months: readonly [number, number];
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

function parsePart(tokens: readonly Token[], j: number): { part: Part; end: number } | null {
  const word = lowerAt(tokens, j);
  const modifier = PART_MODIFIERS.get(word);
  if (modifier) return { part: modifier, end: isHyphenJoin(tokens, j + 1) ? j + 2 : j + 1 };
  const partOf = PARTS_OF.get(word);
  if (partOf && lowerAt(tokens, j + 1) === "of") return { part: partOf, end: j + 2 };
  if (partOf && isHyphenJoin(tokens, j + 1)) return { part: partOf, end: j + 2 };
  const fraction = lowerAt(tokens, j + 1) === "half" ? HALVES.get(word) : lowerAt(tokens, j + 1) === "quarter" ? QUARTERS.get(word) : undefined;
  if (fraction && lowerAt(tokens, j + 2) === "of") return { part: fraction, end: j + 3 };
  return null;
}

function skipThe(tokens: readonly Token[], i: number): number {
  return lowerAt(tokens, i) === "the" ? i + 1 : i;
}

/**
 * Decades and parts of decades or years: "the 1980s" and "the first half of the 1990s" (1990–1994) have
 * precision "decade"; "the start of 2016" is 2016-01 (precision "month"); "early 2010" is 2010-01 to
 * 2010-04 (precision "range").
 */
function matchPeriod(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const j = skipThe(tokens, i);
  const part = parsePart(tokens, j);
  const k = part ? skipThe(tokens, part.end) : j;
  const decade = decadeAt(tokens, k);
  if (decade) {
    if (!part) return absolute(i, decade.end, { year: decade.year }, { year: decade.year + 9 }, "decade");
    if (!part.part.decade) return null;
    const [from, to] = part.part.decade;
    return absolute(i, decade.end, { year: decade.year + from }, { year: decade.year + to }, "decade");
  }
  if (!part || k !== part.end) return null;
  const year = yearAt(tokens, k);
  if (year === null || !endsCleanly(tokens, k + 1)) return null;
  const [from, to] = part.part.months;
  return absolute(i, k + 1, { year, month: from }, { year, month: to }, from === to ? "month" : "range");
}

/** Words after which a capitalised month name without day or year is a month ("in May", not "Theresa May"). */
const MONTH_GATES: ReadonlySet<string> = new Set([
  "in", "on", "of", "since", "until", "till", "by", "during", "from", "through", "throughout", "before", "after",
  "between", "early", "late", "mid", "this", "last", "next",
]);

interface MonthName {
  month: number;
  abbreviated: boolean;
  end: number;
}

function monthAt(tokens: readonly Token[], i: number): MonthName | null {
  const token = tokens[i];
  if (!token || token.kind !== "word" || !isCapitalized(token)) return null;
  const month = MONTHS.get(token.lower);
  if (month !== undefined) return { month, abbreviated: false, end: i + 1 };
  const short = MONTH_ABBREVIATIONS.get(token.lower);
  if (short === undefined) return null;
  return { month: short, abbreviated: true, end: tokens[i + 1]?.text === "." && isAttached(tokens, i + 1) ? i + 2 : i + 1 };
}

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(["st", "nd", "rd", "th"]);

/** A day of the month: "5", "5th". */
function dayAt(tokens: readonly Token[], i: number): { day: number; end: number } | null {
  const token = tokens[i];
  if (!token || token.kind !== "number" || token.text.length > 2 || token.numeric < 1 || token.numeric > 31) return null;
  const end = ORDINAL_SUFFIXES.has(lowerAt(tokens, i + 1)) && isAttached(tokens, i + 1) ? i + 2 : i + 1;
  return endsCleanly(tokens, end) ? { day: token.numeric, end } : null;
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

/** "5 March 2013", "5th of March", "March 5, 2013", "March 2014", "March". */
function dayMonthYear(tokens: readonly Token[], k: number): DayMonthYear | null {
  const lead = dayAt(tokens, k);
  let result: DayMonthYear;
  if (lead) {
    const month = monthAt(tokens, lowerAt(tokens, lead.end) === "of" ? lead.end + 1 : lead.end);
    if (!month) return null;
    const year = yearAfter(tokens, month.end, false);
    result = { month: month.month, day: lead.day, year: year?.year ?? null, abbreviated: month.abbreviated, end: year?.end ?? month.end };
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
  if (result.day !== null && result.day > daysInMonth(result.year ?? 2000, result.month)) return null;
  return result;
}

/** "2013-03-05". */
function matchIsoDate(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const year = yearAt(tokens, i);
  const month = tokens[i + 2];
  const day = tokens[i + 4];
  const joined = [1, 2, 3, 4].every((k) => isAttached(tokens, i + k));
  if (year === null || !month || !day || !joined || tokens[i + 1]?.text !== "-" || tokens[i + 3]?.text !== "-") return null;
  if (month.text.length !== 2 || day.text.length !== 2 || month.kind !== "number" || day.kind !== "number") return null;
  if (month.numeric < 1 || month.numeric > 12 || day.numeric < 1 || day.numeric > daysInMonth(year, month.numeric)) return null;
  if (!endsCleanly(tokens, i + 5)) return null;
  const date = { year, month: month.numeric, day: day.numeric };
  return absolute(i, i + 5, date, date, "day");
}

/**
 * Calendar dates, optionally after a part word kept in the span ("early March 2014" is 2014-03). Without a year
 * the month is anaphoric ("in November", "late October"); a bare month name needs a day, a part word or a
 * preceding preposition, so "Russia may decide" and "Theresa May" are not months.
 */
function matchCalendarDate(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const iso = matchIsoDate(tokens, i);
  if (iso) return iso;
  const j = skipThe(tokens, i);
  const part = parsePart(tokens, j);
  if (j !== i && !part) return null;
  const k = part ? part.end : i;
  const date = dayMonthYear(tokens, k);
  if (!date) return null;
  if (date.year !== null) {
    const day: CalendarDate = date.day === null ? { year: date.year, month: date.month } : { year: date.year, month: date.month, day: date.day };
    return absolute(i, date.end, day, day, date.day === null ? "month" : "day");
  }
  if (date.day === null && (date.abbreviated || (!part && !isMonthGated(tokens, k)))) return null;
  return { start: i, end: date.end, value: { kind: "anaphoric", rule: { type: "month", month: date.month, day: date.day, pick: "anchor-year" }, offset: null } };
}

function isMonthGated(tokens: readonly Token[], k: number): boolean {
  const prev = lowerAt(tokens, k - 1);
  return MONTH_GATES.has(prev) || ((prev === "and" || prev === "or") && MONTHS.has(lowerAt(tokens, k - 2)));
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
  if (!connectors) return null;
  const from = matchAbsolute(tokens, j);
  if (!from || from.value.kind !== "absolute" || !connectors.has(lowerAt(tokens, from.end))) return null;
  const to = matchAbsolute(tokens, from.end + 1);
  if (!to || to.value.kind !== "absolute" || dateKey(to.value.start) <= dateKey(from.value.start)) return null;
  return absolute(i, to.end, from.value.start, to.value.end, "range");
}

function dateKey(date: CalendarDate): number {
  return date.year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

/** "-2009", "-53", "–95", "/15" after a year: glued, or spaced on both sides. */
function yearTail(tokens: readonly Token[], k: number, first: number): { year: number; end: number } | null {
  const link = tokens[k];
  const tail = tokens[k + 1];
  if (!link || !tail || (!DASHES.has(link.text) && link.text !== "/")) return null;
  if (isAttached(tokens, k) !== isAttached(tokens, k + 1) || tail.kind !== "number") return null;
  let year: number;
  if (tail.text.length === 4) year = tail.numeric;
  else if (tail.text.length === 2) {
    year = first - (first % 100) + tail.numeric;
    if (year <= first) year += 100;
  } else return null;
  if (year <= first || year > 2100 || year - first >= 100 || !endsCleanly(tokens, k + 2)) return null;
  return { year, end: k + 2 };
}

/** "2008 to 2014", "2008 through 2014": both plain years, in order. */
function spelledYearRange(tokens: readonly Token[], k: number, first: number): { year: number; end: number } | null {
  const word = lowerAt(tokens, k);
  if (word !== "to" && word !== "through" && word !== "until") return null;
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

function relative(start: number, end: number, kind: "anaphoric" | "deictic", rule: AnchorRule, offset: string | null): Match<TimeSpec> {
  return { start, end, value: { kind, rule, offset } };
}

const DEICTIC_SHIFTS: ReadonlyMap<string, { by: number; pick: "this" | "last" | "next" }> = new Map([
  ["this", { by: 0, pick: "this" }],
  ["last", { by: -1, pick: "last" }],
  ["next", { by: 1, pick: "next" }],
]);

/** Words that make "last year" a noun phrase ("the last year of his term"), not a date. */
const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "that"]);

/** "this year", "last month", "next year", "this January", "last March": against the document date. */
function matchDeictic(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const shift = DEICTIC_SHIFTS.get(lowerAt(tokens, i));
  if (!shift || DETERMINERS.has(lowerAt(tokens, i - 1))) return null;
  const unit = periodAt(tokens, i + 1);
  if (unit === "year" || unit === "month") return relative(i, i + 2, "deictic", { type: "shift", unit, by: shift.by }, null);
  const month = monthAt(tokens, i + 1);
  if (!month || month.abbreviated) return null;
  return relative(i, month.end, "deictic", { type: "month", month: month.month, day: null, pick: shift.pick }, null);
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
  const direction = DIRECTIONS.get(lowerAt(tokens, count.end + 1));
  if (!duration || !direction) return null;
  const end = count.end + 2;
  const amount = count.value * duration.multiple;
  const offset = `P${amount}${duration.designator}`;
  if (direction.kind === "offset") {
    return matchDateRange(tokens, end) || matchAbsolute(tokens, end) ? null : { start: i, end, value: { kind: "offset", offset } };
  }
  const rule: AnchorRule = { type: "shift", unit: duration.unit, by: direction.sign * amount * duration.per };
  return relative(i, end, direction.kind, rule, offset);
}

/** Words a time mention can begin with: any other word is passed over without running the matchers. */
const STARTERS: ReadonlySet<string> = new Set([
  ...DATE_RANGE_CONNECTORS.keys(), ...PART_MODIFIERS.keys(), ...PARTS_OF.keys(), ...HALVES.keys(), ...QUARTERS.keys(),
  ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...DEICTIC_SHIFTS.keys(), ...UNITS.keys(), ...TENS.keys(),
  "the", "that", "a", "an",
]);
