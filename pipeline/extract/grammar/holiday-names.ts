/**
 * Fixed-date holidays English prose names that date-holidays' shared names table lacks; generate.ts keeps each
 * only where the countries date-holidays
 * knows keep a holiday of that name on that day (nine in ten of them at least).
 */
export const EXTRA_HOLIDAY_NAMES: readonly (readonly [name: string, day: string])[] = [
  ["Christmas", "12-25"],
  ["New Year's", "01-01"],
  ["Halloween", "10-31"],
  ["St. Patrick's Day", "03-17"],
  ["Saint Patrick's Day", "03-17"],
  ["Bastille Day", "07-14"],
  ["Armistice Day", "11-11"],
  ["Veterans Day", "11-11"],
  ["Groundhog Day", "02-02"],
  ["Guy Fawkes Night", "11-05"],
  ["May Day", "05-01"],
];
