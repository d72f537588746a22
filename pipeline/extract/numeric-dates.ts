/**
 * Dates written in digits: ISO 8601 ("2013-03-05", "1994-11", "2016-05-07T09:30:00Z"), slashed and dotted forms
 * ("7/14/2019", "14.07.2019", "2019/07/14", "Jul/2019", "on 5/25"). Month first or day first is decided by the
 * numbers alone: a part above 12 is the day; two parts that could each be the month are left unread.
 */

import { dateKey, daysInMonth, MONTHS, MONTH_ABBREVIATIONS, type CalendarDate } from "./calendar.ts";
import type { Match } from "./match.ts";
import { isPlainYear } from "./numerals.ts";
import { tenseAround } from "./tense.ts";
import type { TimeSpec } from "./times.ts";
import { endsCleanly, isAttached, lowerAt } from "./token-checks.ts";
import type { Token } from "./tokenize.ts";

/** Words after which "5/25", a month and day without a year, is a date ("on 5/25"), not a ratio or a score. */
const SLASH_DATE_GATES: ReadonlySet<string> = new Set([
  "on",
  "since",
  "until",
  "till",
  "by",
  "from",
  "through",
  "before",
  "after",
  "dated",
  "effective",
  "of",
  "for",
]);

function day(start: number, end: number, date: Required<CalendarDate>): Match<TimeSpec> {
  return { start, end, value: { kind: "absolute", start: date, end: date, precision: "day" } };
}

function isDate(year: number, month: number, dayOfMonth: number): boolean {
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month);
}

/** Two digits, a real month: "05". */
function twoDigits(token: Token | undefined): number | null {
  return token?.kind === "number" && /^\d\d$/.test(token.text) ? token.numeric : null;
}

/** A date in digits starting at tokens[i]. */
export function matchNumericDate(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  // Every form has a separator glued after its first part.
  const next = tokens[i + 1];
  if (!next || next.spaced || (next.text !== "-" && next.text !== "/" && next.text !== ".")) return null;
  return matchIso(tokens, i) ?? matchSlashed(tokens, i) ?? matchDotted(tokens, i) ?? matchMonthSlashYear(tokens, i);
}

/** Tokens i, i+1, … i+n-1 all glued to the one before. */
function glued(tokens: readonly Token[], i: number, n: number): boolean {
  for (let k = i + 1; k < i + n; k++) if (!isAttached(tokens, k)) return false;
  return true;
}

/**
 * "2013-03-05" (with a time of day and zone after "T" kept in the span, the date read as written), and "1994-11",
 * a year and month: the two digits after a year are a month when they could not end a range of years, that is
 * when they are not above the year's own last two ("2014-15" is 2014 to 2015).
 */
function matchIso(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const first = tokens[i];
  if (!first || !isPlainYear(first) || tokens[i + 1]?.text !== "-" || !glued(tokens, i, 3)) return null;
  const year = first.numeric;
  const month = twoDigits(tokens[i + 2]);
  if (month === null) return null;
  if (tokens[i + 3]?.text === "-" && glued(tokens, i + 2, 3)) {
    const dayOfMonth = twoDigits(tokens[i + 4]);
    if (dayOfMonth === null) return null;
    // "2024-02-30": written as a date, but no calendar's; neither a date nor a year and a range of counts.
    if (!isDate(year, month, dayOfMonth)) return endsCleanly(tokens, i + 5) ? refused(i, i + 5) : null;
    const end = timeOfDayEnd(tokens, i + 5);
    const date = { year, month, day: dayOfMonth };
    if (end === i + 5 && tokens[end]?.text === "/" && glued(tokens, end - 1, 3) && tokens[end + 1]?.kind === "number")
      return isoInterval(tokens, i, date);
    return endsCleanly(tokens, end) ? day(i, end, date) : null;
  }
  if (month < 1 || month > 12 || month > year % 100 || !endsCleanly(tokens, i + 3)) return null;
  const date = { year, month };
  return { start: i, end: i + 3, value: { kind: "absolute", start: date, end: date, precision: "month" } };
}

/**
 * "2024-03-02/2024-03-05": an ISO 8601 interval of two dates, one range when the second is after the first; any
 * other interval is refused (a duration such as "P1M" is not read).
 */
function isoInterval(tokens: readonly Token[], i: number, from: Required<CalendarDate>): Match<TimeSpec> {
  const to = matchIso(tokens, i + 6);
  if (!to || to.value.kind !== "absolute" || to.value.precision !== "day" || to.end !== i + 11)
    return refused(i, gluedEnd(tokens, i + 6));
  const end = to.value.start;
  if (dateKey(end) <= dateKey(from)) return refused(i, to.end);
  return { start: i, end: to.end, value: { kind: "absolute", start: from, end, precision: "range" } };
}

/** The token after those glued on from tokens[k] (a dozen at most). */
function gluedEnd(tokens: readonly Token[], k: number): number {
  let end = k + 1;
  while (end < tokens.length && isAttached(tokens, end) && end < k + 12) end++;
  return end;
}

/** A span that is neither a date nor a count (see TimeSpec "refused"). */
export function refused(start: number, end: number): Match<TimeSpec> {
  return { start, end, value: { kind: "refused" } };
}

/** After an ISO date, "T09:30:00Z", "T08:00:00+02:00", "T09:30:00.123": the token index after it, or `i` if none. */
function timeOfDayEnd(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (
    !t ||
    (t.text !== "T" && t.text !== "t") ||
    !isAttached(tokens, i) ||
    tokens[i + 1]?.kind !== "number" ||
    !isAttached(tokens, i + 1)
  )
    return i;
  let k = i + 2;
  const step = (test: (token: Token) => boolean) => {
    if (tokens[k] && isAttached(tokens, k) && test(tokens[k]!)) {
      k++;
      return true;
    }
    return false;
  };
  while (tokens[k]?.text === ":" && tokens[k + 1]?.kind === "number" && glued(tokens, k - 1, 3)) k += 2;
  if (tokens[k]?.text === "." && tokens[k + 1]?.kind === "number" && glued(tokens, k - 1, 3)) k += 2;
  if (!step((token) => token.text === "Z")) {
    const sign = tokens[k]?.text;
    if ((sign === "+" || sign === "-") && tokens[k + 1]?.kind === "number" && glued(tokens, k - 1, 3)) {
      k += 2;
      if (tokens[k]?.text === ":" && tokens[k + 1]?.kind === "number" && glued(tokens, k - 1, 3)) k += 2;
    }
  }
  return k;
}

/** "7/14/2019", "14/07/2019", "2019/07/14", and "5/25" after "on", "by", …: a month and day without a year. */
function matchSlashed(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const [a, b] = [tokens[i], tokens[i + 2]];
  if (
    a?.kind !== "number" ||
    tokens[i + 1]?.text !== "/" ||
    b?.kind !== "number" ||
    !glued(tokens, i, 3) ||
    isAttached(tokens, i)
  )
    return null;
  if (tokens[i + 3]?.text === "/" && glued(tokens, i + 2, 3)) {
    const c = tokens[i + 4];
    if (c?.kind !== "number" || !endsCleanly(tokens, i + 5)) return null;
    if (isPlainYear(a) && b.text.length <= 2 && c.text.length <= 2) {
      return isDate(a.numeric, b.numeric, c.numeric)
        ? day(i, i + 5, { year: a.numeric, month: b.numeric, day: c.numeric })
        : null;
    }
    if (!isPlainYear(c) || a.text.length > 2 || b.text.length > 2) return null;
    const order = monthAndDay(a.numeric, b.numeric);
    return order && isDate(c.numeric, order.month, order.day) ? day(i, i + 5, { year: c.numeric, ...order }) : null;
  }
  const before = slashedPair(tokens, i - 4) && SLASH_RANGE_LINKS.has(lowerAt(tokens, i - 1)) ? i - 4 : -1;
  const after = SLASH_RANGE_LINKS.has(lowerAt(tokens, i + 3)) && slashedPair(tokens, i + 4) ? i + 4 : -1;
  if (
    a.text.length > 2 ||
    b.text.length > 2 ||
    !endsCleanly(tokens, i + 3) ||
    !(SLASH_DATE_GATES.has(lowerAt(tokens, i - 1)) || (before >= 0 && SLASH_DATE_GATES.has(lowerAt(tokens, i - 5))))
  )
    return null;
  // "from 5/1 to 5/15": the other end of a range, whose order is plain, says which part is the month.
  const order =
    monthAndDay(a.numeric, b.numeric) ??
    orderAs(tokens, before, a.numeric, b.numeric) ??
    orderAs(tokens, after, a.numeric, b.numeric);
  if (!order || !isDate(2000, order.month, order.day)) return null;
  const rule = { type: "month" as const, month: order.month, day: order.day, pick: "anchor-year" as const };
  return {
    start: i,
    end: i + 3,
    value: { kind: "anaphoric", rule, offset: null, tense: tenseAround(tokens, i, i + 3) },
  };
}

/** "14.07.2019", "1.7.2019": day first, as every writer of dots means it (the tokenizer reads "14.07" as one number). */
function matchDotted(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const head = tokens[i];
  const year = tokens[i + 2];
  if (
    head?.kind !== "number" ||
    tokens[i + 1]?.text !== "." ||
    !year ||
    !isPlainYear(year) ||
    isAttached(tokens, i) ||
    !glued(tokens, i, 3) ||
    !endsCleanly(tokens, i + 3)
  )
    return null;
  const match = /^(\d{1,2})\.(\d{1,2})$/.exec(head.text);
  if (!match) return null;
  const [dayOfMonth, month] = [Number(match[1]), Number(match[2])];
  return isDate(year.numeric, month, dayOfMonth) ? day(i, i + 3, { year: year.numeric, month, day: dayOfMonth }) : null;
}

/** "Jul/2019", "07/2019": a month and its year. */
function matchMonthSlashYear(tokens: readonly Token[], i: number): Match<TimeSpec> | null {
  const head = tokens[i];
  const year = tokens[i + 2];
  if (
    !head ||
    tokens[i + 1]?.text !== "/" ||
    !year ||
    !isPlainYear(year) ||
    !glued(tokens, i, 3) ||
    !endsCleanly(tokens, i + 3)
  )
    return null;
  const month =
    head.kind === "number" && /^\d\d$/.test(head.text)
      ? head.numeric
      : (MONTHS.get(head.lower) ?? MONTH_ABBREVIATIONS.get(head.lower));
  if (month === undefined || month < 1 || month > 12 || isAttached(tokens, i)) return null;
  const date = { year: year.numeric, month };
  return { start: i, end: i + 3, value: { kind: "absolute", start: date, end: date, precision: "month" } };
}

/** Words between the two ends of a range of slashed dates ("from 5/1 to 5/15", "5/1-5/15"). */
const SLASH_RANGE_LINKS: ReadonlySet<string> = new Set(["to", "through", "until", "till", "and", "-", "\u2013"]);

/** Two numbers of at most two digits glued by a slash, apart from what precedes them ("5/15"). */
function slashedPair(tokens: readonly Token[], i: number): boolean {
  const [a, b] = [tokens[i], tokens[i + 2]];
  return (
    i >= 0 &&
    a?.kind === "number" &&
    a.text.length <= 2 &&
    tokens[i + 1]?.text === "/" &&
    b?.kind === "number" &&
    b.text.length <= 2 &&
    glued(tokens, i, 3) &&
    !isAttached(tokens, i)
  );
}

/** Month and day of "a/b" in the order the pair at tokens[k] is plainly written in (k < 0: none). */
function orderAs(tokens: readonly Token[], k: number, a: number, b: number): { month: number; day: number } | null {
  if (k < 0) return null;
  const other = monthAndDay(tokens[k]!.numeric, tokens[k + 2]!.numeric);
  if (!other || other.month === other.day) return null;
  return other.month === tokens[k]!.numeric ? { month: a, day: b } : { month: b, day: a };
}

/** Which of two numbers is the month: the one that can be, when the other cannot; null when either could. */
function monthAndDay(a: number, b: number): { month: number; day: number } | null {
  if (a === b && a <= 12) return { month: a, day: b };
  if (a <= 12 && b > 12) return { month: a, day: b };
  if (b <= 12 && a > 12) return { month: b, day: a };
  return null;
}
