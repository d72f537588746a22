/**
 * The interval a partial ISO date stands for, as two real dates: `2014` is 2014-01-01 to 2014-12-31, `2016-02`
 * is 2016-02-01 to 2016-02-29. Every table that keeps a date at the text's precision publishes these companion
 * columns beside it, so that tools parse dates without options and the precision is not lost.
 */

/** The first day of a partial date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function firstDay(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/** The last day of a partial date: 31 December of a year, the month's last day (leap years counted) of a month. */
export function lastDay(partial: string): string {
  if (partial.length === 4) return `${partial}-12-31`;
  if (partial.length > 7) return partial;
  const [year, month] = partial.split("-").map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one; UTC, so no time zone moves it.
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${partial}-${String(day).padStart(2, "0")}`;
}

type IntervalColumns<P extends string, T> = { [K in `${P}_first_day` | `${P}_last_day`]: T };

/**
 * The companion columns `<prefix>_first_day` (first day of `start`) and `<prefix>_last_day` (last day of `end`);
 * both empty when the period is unknown.
 */
export function intervalColumns<P extends string>(prefix: P, start: string, end: string): IntervalColumns<P, string>;
export function intervalColumns<P extends string>(
  prefix: P,
  start: string | null,
  end: string | null,
): IntervalColumns<P, string | null>;
export function intervalColumns<P extends string>(
  prefix: P,
  start: string | null,
  end: string | null,
): IntervalColumns<P, string | null> {
  return {
    [`${prefix}_first_day`]: start === null ? null : firstDay(start),
    [`${prefix}_last_day`]: end === null ? null : lastDay(end),
  } as IntervalColumns<P, string | null>;
}
