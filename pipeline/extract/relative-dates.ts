/** Turns time specs into ISO dates, remembering the latest resolved date for anaphora ("the following month"). */

import { addDays, addMonths, daysInMonth, isoDate, parseIsoDate, weekAround, type CalendarDate } from "./calendar.ts";
import type { DatePrecision, TimeMention } from "./mention.ts";
import type { AnchorRule, Tense, TimeSpec } from "./times.ts";

export type ResolvedTime = Pick<TimeMention, "date_start" | "date_end" | "precision" | "relative" | "offset">;

interface Period {
  start: CalendarDate;
  end: CalendarDate;
  precision: DatePrecision;
}

/**
 * Resolves specs in text order. Anaphoric specs use the latest resolved date, else the document date; deictic
 * specs use the document date. A relative mention that cannot be resolved clears the anchor, so that "the
 * following month" after an unresolved "this January" is not pinned to some older date.
 */
export class DateResolver {
  readonly #document: Period | null;
  #anchor: Period | null = null;
  /** Whether the anchor was named in an earlier paragraph than the mention being resolved. */
  #anchorBefore = false;

  /** @throws RangeError when documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  constructor(documentDate?: string) {
    if (documentDate === undefined) {
      this.#document = null;
      return;
    }
    const date = parseIsoDate(documentDate);
    if (!date)
      throw new RangeError(`documentDate must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(documentDate)}`);
    this.#document = { start: date, end: date, precision: date.day ? "day" : date.month ? "month" : "year" };
  }

  /** The mentions resolved from now on are in a new paragraph. */
  startParagraph(): void {
    this.#anchorBefore = true;
  }

  /**
   * `frames` false for a date that names a starting point ("since December 2017") rather than the time the text
   * goes on to talk about: it does not become the anchor of the dates after it.
   */
  resolve(spec: TimeSpec, frames = true): ResolvedTime {
    if (spec.kind === "absolute") {
      if (frames) this.#setAnchor(spec);
      return resolved(spec, false, null);
    }
    if (spec.kind === "offset") return unresolved(spec.offset);
    if (spec.kind === "unresolved" || spec.kind === "refused") {
      this.#setAnchor(null);
      return { ...unresolved(null), relative: false };
    }
    // A plan reported in the past points ahead of when it was said: of the document date when that is the
    // reference, of nothing known when the text's own date is.
    const tense = spec.tense === "planned" ? "future" : (spec.tense ?? null);
    const [rule, reference] = spec.kind === "deictic" ? [spec.rule, this.#document] : this.#anaphoric(spec.rule, tense);
    let period = reference ? applyRule(rule, reference, tense) : null;
    // A weekday with its date ("Monday, Oct. 2") that agrees with no year near the anchor: near the document date.
    if (
      !period &&
      rule.type === "month" &&
      rule.weekday !== undefined &&
      this.#document &&
      reference !== this.#document
    ) {
      period = applyRule(rule, this.#document, tense);
    }
    period =
      period && this.#document
        ? withinTense(rule, period, spec.tense === "planned" ? null : tense, this.#document)
        : period;
    if (frames || !period) this.#setAnchor(period);
    return period ? resolved(period, true, spec.offset) : unresolved(spec.offset);
  }

  #setAnchor(period: Period | null): void {
    this.#anchor = period;
    this.#anchorBefore = false;
  }

  /**
   * The anchor of an anaphoric mention: the latest date before it in the text, else the document date. Two
   * exceptions, where a year alone is too coarse to frame what follows:
   * - a day without a year ("on Nov. 14") does not take its year from a date that names only a year or decade:
   *   writers who give a day without its year mean the latest such day before publication. So with a document
   *   date of month or day precision, that day is the latest one not after the document's month; without one,
   *   the year-only anchor still serves.
   * - a month without a year ("in June", "April-June") does not take it from a year or decade named in an
   *   earlier paragraph: a news report's "set up in 1996" does not make its next paragraph's "in June" 1996's.
   *   It lies where the sentence's tense puts it against the document date, and is left unresolved without one.
   *   A year named in the same paragraph ("in 2014. In April, …"), or a month or day named in an earlier one
   *   ("in October 2016 … ¶ In November"), still frames it.
   */
  #anaphoric(rule: AnchorRule, tense: Exclude<Tense, "planned">): [AnchorRule, Period | null] {
    const coarse =
      this.#anchor !== null && this.#anchor.start.month === undefined && this.#anchor.end.month === undefined;
    if (rule.type === "month" && rule.day !== null && coarse && this.#document?.end.month !== undefined) {
      return [{ ...rule, pick: tense === "future" ? "future" : "this" }, this.#document];
    }
    const yearless = (rule.type === "month" || rule.type === "span") && rule.pick === "anchor-year";
    const anchor = yearless && coarse && this.#anchorBefore ? null : this.#anchor;
    // Against the document date, a month or day without a year lies where the sentence's tense puts it: "repaid
    // the loan by Oct. 15" in a February article is the October before.
    if (rule.type === "month" && rule.pick === "anchor-year" && anchor === null) {
      return [{ ...rule, pick: tense ?? "nearest" }, this.#document];
    }
    return [rule, anchor ?? this.#document];
  }
}

/**
 * A month or span placed by its anchor's year, moved to the side of the document date the sentence's tense says:
 * a past event is not after the time of writing ("did I spend in December" after a date ahead of the document is
 * the December before it), a coming one not before it ("On Monday, Oct. 2 … a ruling is expected by the end of
 * June" is the June after).
 */
function withinTense(
  rule: AnchorRule,
  period: Period,
  tense: Exclude<Tense, "planned">,
  document: Period,
): Period | null {
  if (
    tense === null ||
    document.end.month === undefined ||
    (rule.type !== "month" && rule.type !== "span") ||
    rule.pick !== "anchor-year"
  )
    return period;
  if (tense === "past" && dayOf(period.start, "first") > dayOf(document.end, "last")) {
    return rule.type === "month"
      ? applyRule({ ...rule, pick: "past" }, document, tense)
      : applyRule({ ...rule, pick: "latest", by: 0 }, document, tense);
  }
  if (tense === "future" && dayOf(period.end, "last") < dayOf(document.start, "first")) {
    return rule.type === "month"
      ? applyRule({ ...rule, pick: "future" }, document, tense)
      : applyRule({ ...rule, pick: "coming", by: 0 }, document, tense);
  }
  return period;
}

/** The first or last day a partial date stands for, as "YYYY-MM-DD" (which sorts as dates do). */
function dayOf(date: CalendarDate, which: "first" | "last"): string {
  const month = date.month ?? (which === "first" ? 1 : 12);
  const day = date.day ?? (which === "first" ? 1 : daysInMonth(date.year, month));
  return isoDate({ year: date.year, month, day });
}

function resolved(period: Period, relative: boolean, offset: string | null): ResolvedTime {
  return {
    date_start: isoDate(period.start),
    date_end: isoDate(period.end),
    precision: period.precision,
    relative,
    offset,
  };
}

function unresolved(offset: string | null): ResolvedTime {
  return { date_start: null, date_end: null, precision: null, relative: true, offset };
}

function single(date: CalendarDate, precision: DatePrecision): Period {
  return { start: date, end: date, precision };
}

function applyRule(rule: AnchorRule, reference: Period, tense: Exclude<Tense, "planned"> = null): Period | null {
  if (rule.type === "shift") {
    const base = rule.by < 0 ? reference.start : reference.end;
    if (rule.unit === "year") return single({ year: base.year + rule.by }, "year");
    if (base.month === undefined) return null;
    if (rule.unit === "month") return single(addMonths({ year: base.year, month: base.month }, rule.by), "month");
    // "today" against a document dated to the month is that month, as far as is known; "yesterday" is unknown.
    if (base.day === undefined) return rule.by === 0 ? single({ year: base.year, month: base.month }, "month") : null;
    return single(addDays({ year: base.year, month: base.month, day: base.day }, rule.by), "day");
  }
  if (rule.type === "span") return spanOf(rule, reference.end);
  if (rule.type === "weekday") return weekdayOf(rule, reference.end);
  if (rule.type === "week") return weekOf(rule.by, reference.end);
  if (rule.type === "quarter") return quarterOf(rule.by, reference.end);
  if (rule.type === "interval") return intervalOf(rule, reference.end);
  if (rule.type === "day-of-month") return dayOfMonth(rule.day, reference.end, tense);
  const year = rule.weekday === undefined ? monthYear(rule, reference.end) : weekdayYear(rule, reference.end);
  if (year === null) return null;
  if (rule.day === null) return single({ year, month: rule.month }, "month");
  if (rule.day > daysInMonth(year, rule.month)) return null;
  const day = { year, month: rule.month, day: rule.day };
  return rule.week ? weekOf(0, day) : single(day, "day");
}

/** The reference shifted by whole units, at the reference's own precision; null if it is too coarse for the unit. */
function shifted(reference: CalendarDate, unit: "year" | "month" | "day", by: number): CalendarDate | null {
  if (unit === "year")
    return {
      ...reference,
      year: reference.year + by,
      ...(reference.day === undefined
        ? {}
        : { day: Math.min(reference.day, daysInMonth(reference.year + by, reference.month!)) }),
    };
  if (reference.month === undefined) return null;
  if (unit === "month") {
    const month = addMonths({ year: reference.year, month: reference.month }, by);
    return reference.day === undefined
      ? month
      : { ...month, day: Math.min(reference.day, daysInMonth(month.year, month.month!)) };
  }
  return reference.day === undefined
    ? null
    : addDays({ year: reference.year, month: reference.month, day: reference.day }, by);
}

function intervalOf(rule: Extract<AnchorRule, { type: "interval" }>, reference: CalendarDate): Period | null {
  const start = shifted(reference, rule.unit, rule.from);
  const end = shifted(reference, rule.unit, rule.to);
  return start && end ? { start, end, precision: "range" } : null;
}

/** The reference's quarter of the year shifted by whole quarters, as its first and last month. */
function quarterOf(by: number, reference: CalendarDate): Period | null {
  if (reference.month === undefined) return null;
  const first = addMonths({ year: reference.year, month: reference.month - ((reference.month - 1) % 3) }, 3 * by);
  return { start: first, end: addMonths({ year: first.year, month: first.month! }, 2), precision: "range" };
}

/**
 * The year of a day named with its weekday and without a year ("Thursday, March 3"): the one nearest the
 * reference, within a year of it, in which that day is that weekday; with a year written, that year if the
 * weekday agrees with it. Null when none agrees: the text contradicts itself, and no date beats a wrong one.
 */
function weekdayYear(rule: Extract<AnchorRule, { type: "month" }>, reference: CalendarDate): number | null {
  const candidates =
    reference.month === undefined ? [reference.year] : [reference.year, reference.year - 1, reference.year + 1];
  const years = candidates.filter(
    (year) =>
      rule.day !== null &&
      rule.day <= daysInMonth(year, rule.month) &&
      weekdayOn(year, rule.month, rule.day) === rule.weekday,
  );
  if (years.length === 0) return null;
  const target = dayNumber(reference);
  return years.reduce((best, year) =>
    Math.abs(dayNumber({ year, month: rule.month, day: rule.day! }) - target) <
    Math.abs(dayNumber({ year: best, month: rule.month, day: rule.day! }) - target)
      ? year
      : best,
  );
}

function weekdayOn(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Days since the epoch of a date's middle: its day, else the 15th of its month, else 1 July. */
function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, (date.month ?? 7) - 1, date.day ?? (date.month === undefined ? 1 : 15)) / 86_400_000;
}

function spanOf(rule: Extract<AnchorRule, { type: "span" }>, reference: CalendarDate): Period | null {
  let year = reference.year + rule.by;
  if (rule.pick === "latest" && reference.month !== undefined && rule.from.month > reference.month) year--;
  if (rule.pick === "coming" && reference.month !== undefined && rule.to.month < reference.month) year++;
  const fromYear = rule.from.month > rule.to.month ? year - 1 : year;
  const start: CalendarDate =
    rule.from.day === null
      ? { year: fromYear, month: rule.from.month }
      : { year: fromYear, month: rule.from.month, day: rule.from.day };
  const end: CalendarDate =
    rule.to.day === null ? { year, month: rule.to.month } : { year, month: rule.to.month, day: rule.to.day };
  if ((start.day ?? 1) > daysInMonth(start.year, rule.from.month) || (end.day ?? 1) > daysInMonth(year, rule.to.month))
    return null;
  const same = isoDate(start) === isoDate(end);
  return { start, end, precision: same ? (start.day === undefined ? "month" : "day") : "range" };
}

/** Needs a reference day: a weekday is only meaningful within a week of a known date. */
function weekdayOf(rule: Extract<AnchorRule, { type: "weekday" }>, reference: CalendarDate): Period | null {
  if (reference.month === undefined || reference.day === undefined) return null;
  const day = { year: reference.year, month: reference.month, day: reference.day };
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  const ahead = (rule.weekday - weekday + 7) % 7;
  const shift = rule.direction < 0 ? -((weekday - rule.weekday + 7) % 7) : rule.direction > 0 ? ahead || 7 : ahead;
  return single(addDays(day, shift), "day");
}

/** Monday to Sunday of the reference's week, shifted by whole weeks. */
function weekOf(by: number, reference: CalendarDate): Period | null {
  if (reference.month === undefined || reference.day === undefined) return null;
  const [start, end] = weekAround(
    addDays({ year: reference.year, month: reference.month, day: reference.day }, 7 * by) as Required<CalendarDate>,
  );
  return { start, end, precision: "range" };
}

/** The year of a named month: the reference's own, or the latest/previous/next such month around it. */
function monthYear(rule: Extract<AnchorRule, { type: "month" }>, reference: CalendarDate): number | null {
  if (rule.pick === "anchor-year") return reference.year;
  if (rule.pick === "past" || rule.pick === "future" || rule.pick === "nearest") return tenseYear(rule, reference);
  if (reference.month === undefined) return rule.pick === "this" ? reference.year : null;
  if (rule.pick === "this") return rule.month <= reference.month ? reference.year : reference.year - 1;
  if (rule.pick === "last") return rule.month < reference.month ? reference.year : reference.year - 1;
  return rule.month > reference.month ? reference.year : reference.year + 1;
}

/**
 * The year that puts a month (or day) on the side of the reference the sentence's tense says: the latest on or
 * before it for a past event, the first on or after it for a coming one, else the nearest of the three years
 * around it (a tie goes to the past, which news reports more often).
 */
function tenseYear(rule: Extract<AnchorRule, { type: "month" }>, reference: CalendarDate): number | null {
  if (reference.month === undefined) return rule.pick === "nearest" ? reference.year : null;
  const key = (month: number, day: number | undefined) => month * 100 + (day ?? 0);
  // A day compares with the reference's day; a month, or a day against a month, compares month with month.
  const named = key(rule.month, reference.day === undefined ? undefined : (rule.day ?? undefined));
  const here = key(reference.month, rule.day === null ? undefined : reference.day);
  if (rule.pick === "past") return named <= here ? reference.year : reference.year - 1;
  if (rule.pick === "future") return named >= here ? reference.year : reference.year + 1;
  const target = dayNumber(reference);
  const distance = (year: number) =>
    Math.abs(
      dayNumber({
        year,
        month: rule.month,
        ...(rule.day === null ? {} : { day: Math.min(rule.day, daysInMonth(year, rule.month)) }),
      }) - target,
    );
  return [reference.year - 1, reference.year, reference.year + 1].reduce((best, year) =>
    distance(year) < distance(best) ? year : best,
  );
}

/** That day of the reference's month; for a past event after the reference's day, of the month before, for a coming one before it, of the month after. */
function dayOfMonth(day: number, reference: CalendarDate, tense: Exclude<Tense, "planned">): Period | null {
  if (reference.month === undefined) return null;
  let month = { year: reference.year, month: reference.month };
  if (reference.day !== undefined && tense === "past" && day > reference.day)
    month = addMonths(month, -1) as typeof month;
  if (reference.day !== undefined && tense === "future" && day < reference.day)
    month = addMonths(month, 1) as typeof month;
  return day <= daysInMonth(month.year, month.month) ? single({ ...month, day }, "day") : null;
}
