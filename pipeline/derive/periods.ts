/** Periods as numbers: the mid-point of an ISO partial-date period in decimal years. */

/** The first instant of a partial date, in decimal years ("2016-01" → 2016, "2016-07" → 2016.5). */
export function startYear(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return year + (month - 1) / 12 + (day - 1) / 365.25;
}

/** The instant after the last moment of a partial date ("2016" → 2017, "2016-01" → 2016 + 1/12). */
export function endYear(date: string): number {
  const precision = date.split("-").length;
  return startYear(date) + (precision === 1 ? 1 : precision === 2 ? 1 / 12 : 1 / 365.25);
}

/** Mid-point of [start, end] in decimal years: 1988 → 1988.5, 2011-2012 → 2012, null without a period. */
export function midYear(start: string | null, end: string | null): number | null {
  if (start === null || end === null) return null;
  return (startYear(start) + endYear(end)) / 2;
}

/** "1988", or "2011-2012" for a multi-year period (with another `separator` for display: "2011–2012"). */
export function periodLabel(
  start: string | null,
  end: string | null,
  { separator = "-", none = "no period" } = {},
): string {
  if (start === null || end === null) return none;
  return start === end ? start : `${start}${separator}${end}`;
}

/** The span of several periods: the earliest start and the latest end, ignoring missing periods. */
export function periodSpan(periods: { start: string | null; end: string | null }[]): {
  start: string | null;
  end: string | null;
} {
  const known = periods.filter((p): p is { start: string; end: string } => p.start !== null && p.end !== null);
  if (known.length === 0) return { start: null, end: null };
  const start = known.reduce((best, p) => (startYear(p.start) < startYear(best) ? p.start : best), known[0]!.start);
  const end = known.reduce((best, p) => (endYear(p.end) > endYear(best) ? p.end : best), known[0]!.end);
  return { start, end };
}
