/** Partial calendar dates (year, year-month, year-month-day), month names, and arithmetic on them. */

import { EXTRA_MONTH_ABBREVIATIONS, MONTH_NAMES, NOT_MONTH_ABBREVIATIONS } from "./grammar/calendar-names.ts";

export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

/** Full month names, lower-case → 1…12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_NAMES.map((name, k) => [name, k + 1]));

/** Abbreviations, valid only before a day or a year ("Jan. 5, 2013", "Sept 2014"). */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, k): [string, number] => [name.slice(0, 3), k + 1]).filter(
    ([short]) => !NOT_MONTH_ABBREVIATIONS.has(short),
  ),
  ...EXTRA_MONTH_ABBREVIATIONS,
]);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A number that sorts as the dates do (a month or year alone before its first day). */
export function dateKey(date: CalendarDate): number {
  return date.year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

/** "1948", "2014-03", "2013-03-05": ISO 8601 at the date's own precision. */
export function isoDate(date: CalendarDate): string {
  const year = date.year >= 1000 && date.year <= 9999 ? String(date.year) : String(date.year).padStart(4, "0");
  if (date.month === undefined) return year;
  const month = twoDigits(date.month);
  return date.day === undefined ? `${year}-${month}` : `${year}-${month}-${twoDigits(date.day)}`;
}

function twoDigits(value: number): string {
  return value >= 0 && value < 10 && Number.isInteger(value) ? `0${value}` : String(value).padStart(2, "0");
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null for anything else or an impossible date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/** Shifts a year-month date by whole months. */
export function addMonths(date: { year: number; month: number }, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** Shifts a full date by whole days. */
export function addDays(date: { year: number; month: number; day: number }, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Monday and Sunday of the week a day is in. */
export function weekAround(day: { year: number; month: number; day: number }): [CalendarDate, CalendarDate] {
  const sinceMonday = (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
  const monday = addDays(day, -sinceMonday) as Required<CalendarDate>;
  return [monday, addDays(monday, 6)];
}
