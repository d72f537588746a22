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
    const reference = spec.kind === "deictic" ? this.#document : (this.#anchor ?? this.#document);
    const period = reference ? applyRule(spec.rule, reference) : null;
    this.#anchor = period;
    return period ? resolved(period, true, spec.offset) : unresolved(spec.offset);
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
  const year = monthYear(rule, reference.end);
  if (year === null) return null;
  if (rule.day === null) return single({ year, month: rule.month }, "month");
  if (rule.day > daysInMonth(year, rule.month)) return null;
  return single({ year, month: rule.month, day: rule.day }, "day");
}

/** The year of a named month: the reference's own, or the latest/previous/next such month around it. */
function monthYear(rule: Extract<AnchorRule, { type: "month" }>, reference: CalendarDate): number | null {
  if (rule.pick === "anchor-year") return reference.year;
  if (reference.month === undefined) return rule.pick === "this" ? reference.year : null;
  if (rule.pick === "this") return rule.month <= reference.month ? reference.year : reference.year - 1;
  if (rule.pick === "last") return rule.month < reference.month ? reference.year : reference.year - 1;
  return rule.month > reference.month ? reference.year : reference.year + 1;
}
