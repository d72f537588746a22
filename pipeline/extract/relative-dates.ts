/** Turns time specs into ISO dates, remembering the latest resolved date for anaphora ("the following month"). */

import { addDays, addMonths, daysInMonth, isoDate, parseIsoDate, type CalendarDate } from "./calendar.ts";
import type { DatePrecision, TimeMention } from "./mention.ts";
import type { AnchorRule, TimeSpec } from "./times.ts";

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

  /** @throws RangeError when documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  constructor(documentDate?: string) {
    if (documentDate === undefined) {
      this.#document = null;
      return;
    }
    const date = parseIsoDate(documentDate);
    if (!date) throw new RangeError(`documentDate must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(documentDate)}`);
    this.#document = { start: date, end: date, precision: date.day ? "day" : date.month ? "month" : "year" };
  }

  resolve(spec: TimeSpec): ResolvedTime {
    if (spec.kind === "absolute") {
      this.#anchor = spec;
      return resolved(spec, false, null);
    }
    if (spec.kind === "offset") return unresolved(spec.offset);
    const [rule, reference] = spec.kind === "deictic" ? [spec.rule, this.#document] : this.#anaphoric(spec.rule);
    const period = reference ? applyRule(rule, reference) : null;
    this.#anchor = period;
    return period ? resolved(period, true, spec.offset) : unresolved(spec.offset);
  }

  /**
   * The anchor of an anaphoric mention: the latest date before it in the text, else the document date. One
   * exception: a day without a year ("on Nov. 14") does not take its year from a date that names only a
   * year or decade: a year is too coarse to place a day in, and writers who give a day without its year
   * mean the latest such day before publication. So with a document date of month or day precision, that
   * day is the latest one not after the document's month; without one, the year-only anchor still serves.
   */
  #anaphoric(rule: AnchorRule): [AnchorRule, Period | null] {
    const anchor = this.#anchor;
    const coarse = anchor !== null && anchor.start.month === undefined && anchor.end.month === undefined;
    if (rule.type === "month" && rule.day !== null && coarse && this.#document?.end.month !== undefined) {
      return [{ ...rule, pick: "this" }, this.#document];
    }
    return [rule, anchor ?? this.#document];
  }
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

function applyRule(rule: AnchorRule, reference: Period): Period | null {
  if (rule.type === "shift") {
    const base = rule.by < 0 ? reference.start : reference.end;
    if (rule.unit === "year") return single({ year: base.year + rule.by }, "year");
    if (base.month === undefined) return null;
    if (rule.unit === "month") return single(addMonths({ year: base.year, month: base.month }, rule.by), "month");
    if (base.day === undefined) return null;
    return single(addDays({ year: base.year, month: base.month, day: base.day }, rule.by), "day");
  }
  if (rule.type === "span") return spanOf(rule, reference.end);
  if (rule.type === "weekday") return weekdayOf(rule, reference.end);
  if (rule.type === "week") return weekOf(rule.by, reference.end);
  const year = monthYear(rule, reference.end);
  if (year === null) return null;
  if (rule.day === null) return single({ year, month: rule.month }, "month");
  if (rule.day > daysInMonth(year, rule.month)) return null;
  return single({ year, month: rule.month, day: rule.day }, "day");
}

function spanOf(rule: Extract<AnchorRule, { type: "span" }>, reference: CalendarDate): Period | null {
  let year = reference.year + rule.by;
  if (rule.pick === "latest" && reference.month !== undefined && rule.from.month > reference.month) year--;
  const fromYear = rule.from.month > rule.to.month ? year - 1 : year;
  const start: CalendarDate = rule.from.day === null ? { year: fromYear, month: rule.from.month } : { year: fromYear, month: rule.from.month, day: rule.from.day };
  const end: CalendarDate = rule.to.day === null ? { year, month: rule.to.month } : { year, month: rule.to.month, day: rule.to.day };
  if ((start.day ?? 1) > daysInMonth(start.year, rule.from.month) || (end.day ?? 1) > daysInMonth(year, rule.to.month)) return null;
  const same = isoDate(start) === isoDate(end);
  return { start, end, precision: same ? (start.day === undefined ? "month" : "day") : "range" };
}

/** Needs a reference day: a weekday is only meaningful within a week of a known date. */
function weekdayOf(rule: Extract<AnchorRule, { type: "weekday" }>, reference: CalendarDate): Period | null {
  if (reference.month === undefined || reference.day === undefined) return null;
  const day = { year: reference.year, month: reference.month, day: reference.day };
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  const shift = rule.direction < 0 ? -((weekday - rule.weekday + 7) % 7) : (rule.weekday - weekday + 7) % 7 || 7;
  return single(addDays(day, shift), "day");
}

/** Monday to Sunday of the reference's week, shifted by whole weeks. */
function weekOf(by: number, reference: CalendarDate): Period | null {
  if (reference.month === undefined || reference.day === undefined) return null;
  const day = { year: reference.year, month: reference.month, day: reference.day };
  const sinceMonday = (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
  const monday = addDays(day, 7 * by - sinceMonday) as Required<CalendarDate>;
  return { start: monday, end: addDays(monday, 6), precision: "range" };
}

/** The year of a named month: the reference's own, or the latest/previous/next such month around it. */
function monthYear(rule: Extract<AnchorRule, { type: "month" }>, reference: CalendarDate): number | null {
  if (rule.pick === "anchor-year") return reference.year;
  if (reference.month === undefined) return rule.pick === "this" ? reference.year : null;
  if (rule.pick === "this") return rule.month <= reference.month ? reference.year : reference.year - 1;
  if (rule.pick === "last") return rule.month < reference.month ? reference.year : reference.year - 1;
  return rule.month > reference.month ? reference.year : reference.year + 1;
}
