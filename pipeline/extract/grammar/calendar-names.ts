/** Names of months and weekdays, the calendar vocabulary the time matchers read. All lower case. */

/** Month names, January first. */
export const MONTH_NAMES: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Abbreviations beside the first three letters ("sept"), and those three letters that are words ("may"). */
export const EXTRA_MONTH_ABBREVIATIONS: readonly (readonly [abbreviation: string, month: number])[] = [["sept", 9]];
export const NOT_MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set(["may"]);

/**
 * Month names read in lower case too ("in february"): those that are no other English word. "may", "march" and
 * "august" are verbs or adjectives, so they are months only when capitalised.
 */
export const LOWER_CASE_MONTHS: ReadonlySet<string> = new Set([
  "january",
  "february",
  "april",
  "june",
  "july",
  "september",
  "october",
  "november",
  "december",
]);

/** Weekday names, Sunday first (JavaScript's getUTCDay order). */
export const WEEKDAY_NAMES: readonly string[] = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
];

/** Weekday abbreviations, read only before a date ("Thu, March 3"). */
export const WEEKDAY_ABBREVIATIONS: readonly (readonly [abbreviation: string, weekday: number])[] = [
  ["sun", 0],
  ["mon", 1],
  ["tue", 2],
  ["tues", 2],
  ["wed", 3],
  ["thu", 4],
  ["thur", 4],
  ["thurs", 4],
  ["fri", 5],
  ["sat", 6],
];
