/**
 * Properties of the forms that once came out with a wrong value: signs, decimals without a leading zero, ISO
 * dates and date-times, and numeric dates whose order of month and day is or is not decided by the numbers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A decimal as prose writes it, and its value: "12", "0.5", "3.25". */
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }))
  .map(([whole, fraction]) => {
    const text = fraction === undefined ? String(whole) : `${whole}.${String(fraction).replace(/0+$/, "")}`;
    return { text, value: Number(text) };
  })
  .filter(({ value }) => value > 0);

/** A unit written after the number, and the unit it is read as. */
const suffix = fc.constantFrom(
  ["%", "percent"],
  [" percent", "percent"],
  [" per cent", "percent"],
  [" °C", "degC"],
  [" km", "km"],
  [" MW", "MW"],
  [" tonnes", "t"],
);
const minus = fc.constantFrom("-", "\u2212");

function only(text: string, documentDate = "2020-06-15"): ExtractedMention[] {
  return extract(text, { documentDate });
}

describe("signs", () => {
  it("keep a minus before a number with its unit, whatever the dash", () => {
    fc.assert(
      fc.property(
        decimal,
        suffix,
        minus,
        fc.constantFrom("changed by ", "stood at ", "(", "was "),
        ({ text, value }, [unitText, unit], sign, before) => {
          const mention = `${sign}${text}${unitText}`;
          const found = only(`Output ${before}${mention} in the period.`).filter((m) => m.kind === "quantity");
          expect(found).toHaveLength(1);
          expect(found[0]).toMatchObject({ text: mention, value: -value, unit });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keep a minus before a currency symbol", () => {
    fc.assert(
      fc.property(
        decimal,
        minus,
        fc.constantFrom(["$", "USD"], ["€", "EUR"], ["£", "GBP"]),
        ({ text, value }, sign, [symbol, unit]) => {
          const mention = `${sign}${symbol}${text}`;
          expect(only(`The result was ${mention} this time.`).filter((m) => m.kind === "quantity")).toMatchObject([
            { text: mention, value: -value, unit },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never read a dash between two numbers as a sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (low, span) => {
        const found = only(`Groups of ${low}-${low + span} workers met.`).filter((m) => m.kind === "quantity");
        expect(found.every((m) => m.kind === "quantity" && (m.value ?? 0) >= 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("decimals without a leading zero", () => {
  it("keep the point", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), suffix, (digits, [unitText, unit]) => {
        const text = `.${digits}`;
        const value = Number(`0.${digits}`);
        expect(only(`Rates rose by ${text}${unitText} overall.`).filter((m) => m.kind === "quantity")).toMatchObject([
          { text: `${text}${unitText}`, value, unit },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

/** A real calendar day, 1900–2099. */
const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => ({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  }));

const iso = ({ year, month, day: dayOfMonth }: { year: number; month: number; day: number }) =>
  `${year}-${pad(month)}-${pad(dayOfMonth)}`;

describe("ISO forms", () => {
  it("read a date, with any time of day and zone after it, as that day, one mention", () => {
    const time = fc.option(
      fc.tuple(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom("Z", "+02:00", "-05:30", "", ".250Z"),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(day, time, (date, clock) => {
        const text = iso(date) + (clock ? `T${pad(clock[0])}:${pad(clock[1])}:${pad(clock[2])}${clock[3]}` : "");
        expect(only(`Logged at ${text} by the server.`)).toMatchObject([
          { kind: "time", text, date_start: iso(date), date_end: iso(date) },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it("read a year and two digits as a month when they cannot end a range of years, else as that range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 99 }), (year, two) => {
        const text = `${year}-${pad(two)}`;
        const found = only(`It happened in ${text} there.`);
        if (two > year % 100) {
          const end = year - (year % 100) + two;
          expect(found).toMatchObject([{ kind: "time", text, date_start: String(year), date_end: String(end) }]);
        } else if (two <= 12) {
          expect(found).toMatchObject([
            { kind: "time", text, date_start: `${year}-${pad(two)}`, date_end: `${year}-${pad(two)}` },
          ]);
        } else {
          // Neither a month nor a range: no date is made of it.
          for (const m of found) if (m.kind === "time") expect(m.date_start! <= m.date_end!).toBe(true);
          expect(found.map((m) => m.text)).not.toContain(text);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("numeric dates", () => {
  it("read month and day in the order the numbers decide, and leave the undecided unread", () => {
    fc.assert(
      fc.property(day, fc.constantFrom("/", "."), (date, separator) => {
        const { year, month, day: dayOfMonth } = date;
        const [first, second] = separator === "." ? [dayOfMonth, month] : [month, dayOfMonth];
        const text = separator === "." ? `${pad(first)}.${pad(second)}.${year}` : `${first}/${second}/${year}`;
        const found = only(`The notice is dated ${text} in the file.`).filter((m) => m.kind === "time");
        const decided = separator === "." || month === dayOfMonth || dayOfMonth > 12;
        if (decided) expect(found).toMatchObject([{ text, date_start: iso(date), date_end: iso(date) }]);
        else expect(found).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
