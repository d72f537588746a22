import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstDay, intervalColumns, lastDay } from "../../pipeline/tables/date-interval.ts";

const DAY_MS = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
/** Any calendar day from year 1000 to 9999, as an ISO date. */
const anyDay = fc
  .integer({ min: Date.UTC(1000, 0, 1) / DAY_MS, max: Date.UTC(9999, 11, 31) / DAY_MS })
  .map((days) => iso(days * DAY_MS));

describe("the interval of a partial date", () => {
  it("a year, month or day contains every day that shares its prefix, and no other", () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(4, 7, 10), (day, length) => {
        const partial = day.slice(0, length);
        expect(firstDay(partial) <= day && day <= lastDay(partial)).toBe(true);
        // The day before the first and the day after the last lie outside the period.
        const before = iso(Date.parse(firstDay(partial)) - DAY_MS);
        const after = iso(Date.parse(lastDay(partial)) + DAY_MS);
        expect(before.startsWith(partial)).toBe(false);
        expect(after.startsWith(partial)).toBe(false);
        expect(firstDay(partial).startsWith(partial) && lastDay(partial).startsWith(partial)).toBe(true);
      }),
    );
  });

  it("counts leap years as the Gregorian calendar does", () => {
    expect(lastDay("2016-02")).toBe("2016-02-29");
    expect(lastDay("2015-02")).toBe("2015-02-28");
    expect(lastDay("1900-02")).toBe("1900-02-28");
    expect(lastDay("2000-02")).toBe("2000-02-29");
    expect(lastDay("2014-04")).toBe("2014-04-30");
    expect([firstDay("2014"), lastDay("2014")]).toEqual(["2014-01-01", "2014-12-31"]);
  });

  it(
    "names the companion columns after the prefix, first day of the start and last day of the end, empty when " +
      "unknown",
    () => {
      expect(intervalColumns("period", "2011", "2012-06")).toEqual({
        period_first_day: "2011-01-01",
        period_last_day: "2012-06-30",
      });
      expect(intervalColumns("date", null, null)).toEqual({ date_first_day: null, date_last_day: null });
    },
  );
});
