/**
 * Dates written in lists and ranges whose year (or month) is written once, at the end; days and years that are
 * no calendar's; centuries past the twenty-first; eras; slashed month-and-day forms. Each case states the whole
 * answer for its sentence, so that a stray count or a wrong year shows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

const DOCUMENT_DATE = "2024-05-15";

function summary(mention: ExtractedMention): unknown[] {
  return mention.kind === "quantity"
    ? [mention.text, mention.value, mention.value_high, mention.unit]
    : [mention.text, mention.date_start, mention.date_end, mention.precision];
}

function mentions(text: string, documentDate = DOCUMENT_DATE): unknown[][] {
  return extract(text, { documentDate }).map(summary);
}

describe("a year written at the end of a range or list dates every part", () => {
  it.each([
    [
      "The climate summit was held March 14–19, 2011, in Cancún.",
      ["March 14–19, 2011", "2011-03-14", "2011-03-19", "range"],
    ],
    ["Jurors sat from Oct. 3-21, 2019.", ["Oct. 3-21, 2019", "2019-10-03", "2019-10-21", "range"]],
    ["The strike lasted Sept. 8 to 12, 2017.", ["Sept. 8 to 12, 2017", "2017-09-08", "2017-09-12", "range"]],
    ["Polls opened on March 14 and 15, 2011.", ["March 14 and 15, 2011", "2011-03-14", "2011-03-15", "range"]],
    ["Talks resumed on May 4, 5 and 6, 2015.", ["May 4, 5 and 6, 2015", "2015-05-04", "2015-05-06", "range"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });

  it.each([
    [
      "Raids were reported on Jan. 5 and Feb. 3, 2020.",
      [
        ["Jan. 5", "2020-01-05", "2020-01-05", "day"],
        ["Feb. 3, 2020", "2020-02-03", "2020-02-03", "day"],
      ],
    ],
    [
      "Exports slumped in June and July 2013.",
      [
        ["June", "2013-06", "2013-06", "month"],
        ["July 2013", "2013-07", "2013-07", "month"],
      ],
    ],
    [
      "Output fell in April, May and June 2009.",
      [
        ["April", "2009-04", "2009-04", "month"],
        ["May", "2009-05", "2009-05", "month"],
        ["June 2009", "2009-06", "2009-06", "month"],
      ],
    ],
    [
      "Arrivals peaked in December and January 2015.",
      [
        ["December", "2014-12", "2014-12", "month"],
        ["January 2015", "2015-01", "2015-01", "month"],
      ],
    ],
    [
      "Margins widened in Q3 and Q4 2018.",
      [
        ["Q3", "2018-07", "2018-09", "range"],
        ["Q4 2018", "2018-10", "2018-12", "range"],
      ],
    ],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it("reads consecutive quarters of one year as their months", () => {
    expect(mentions("Margins widened in the third and fourth quarters of 2018.")).toEqual([
      ["the third and fourth quarters of 2018", "2018-07", "2018-12", "range"],
    ]);
    expect(mentions("Sales rose in the first and second quarters of 2021.")).toEqual([
      ["the first and second quarters of 2021", "2021-01", "2021-06", "range"],
    ]);
  });

  it("leaves a list of days that is no range without dates, never a count", () => {
    const found = extract("Voting was held on March 14 and 16, 2011.", { documentDate: DOCUMENT_DATE });
    expect(found.map(summary)).toEqual([["March 14 and 16, 2011", null, null, null]]);
  });

  it("leaves a choice of days without dates", () => {
    expect(mentions("The vote is on March 3 or 4.")).toEqual([["March 3 or 4", null, null, null]]);
  });

  it("does not take a count after a date for its second day", () => {
    expect(mentions("On March 14 and 15 people were hurt.")[0]).toEqual([
      "March 14",
      "2024-03-14",
      "2024-03-14",
      "day",
    ]);
  });
});

describe("days of one month without a year are one range", () => {
  it.each([
    ["The festival runs June 5-7.", ["June 5-7", "2024-06-05", "2024-06-07", "range"]],
    ["The fair ran Nov. 3-5.", ["Nov. 3-5", "2023-11-03", "2023-11-05", "range"]],
    ["The camp will be open July 1-31.", ["July 1-31", "2024-07-01", "2024-07-31", "range"]],
    ["Parliament sat on 3, 4 and 5 March.", ["3, 4 and 5 March", "2024-03-03", "2024-03-05", "range"]],
    ["Delegates met on 8 and 9 April.", ["8 and 9 April", "2024-04-08", "2024-04-09", "range"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });

  it("reads any dashed range of days in a month as that range (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (a, span) => {
        const b = Math.min(31, a + span);
        const text = `The fair ran Jan. ${a}-${b}, 2019.`;
        const pad = (d: number) => String(d).padStart(2, "0");
        expect(mentions(text)).toEqual([[`Jan. ${a}-${b}, 2019`, `2019-01-${pad(a)}`, `2019-01-${pad(b)}`, "range"]]);
      }),
    );
  });
});

describe("centuries in words past the twenty-first", () => {
  it.each([
    ["Planners rarely look to the twenty-third century.", ["the twenty-third century", "2200", "2299", "range"]],
    ["The twenty-second century may be warmer.", ["The twenty-second century", "2100", "2199", "range"]],
    ["Few models reach the 22nd century.", ["the 22nd century", "2100", "2199", "range"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });
});

describe("eras", () => {
  it.each([
    "The town grew from the 5th century BC onward.",
    "Rome was founded in 753 BC, legend says.",
    "The tablets date to 2100 BCE.",
    "Carthage fell in the second century B.C. to Rome.",
  ])("%s gives no mention rather than a year of our era or a count", (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it.each([
    ["Pompeii was buried in AD 79.", ["AD 79", "0079", "0079", "year"]],
    ["The wall was begun in 122 AD.", ["122 AD", "0122", "0122", "year"]],
    ["Gold coins circulated in the 4th century AD.", ["the 4th century AD", "0300", "0399", "range"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });
});

describe("slashed month and day forms are never fractions", () => {
  it.each([
    ["Figures as of 6/30 were revised.", [["6/30", "2023-06-30", "2023-06-30", "day"]]],
    ["Claims rose in the week to 4/12.", []],
    ["Use fell in the week ended 3/9.", []],
    [
      "Sales from 5/1 to 5/15 rose.",
      [
        ["5/1", "2024-05-01", "2024-05-01", "day"],
        ["5/15", "2024-05-15", "2024-05-15", "day"],
      ],
    ],
    ["Rates are fixed until 12/31.", [["12/31", "2024-12-31", "2024-12-31", "day"]]],
    ["The offer is valid through 9/30.", [["9/30", "2024-09-30", "2024-09-30", "day"]]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it("still reads a hedged or partitive fraction", () => {
    expect(mentions("Nearly 1/4 of voters abstained.")).toEqual([["Nearly 1/4", 0.25, null, "ratio"]]);
  });
});

describe("numbers that only look like years", () => {
  it.each([
    ["Protesters gathered at 1600 Pennsylvania Avenue.", []],
    ["The lab moved to 1200 Market Street in May.", [["May", "2024-05", "2024-05", "month"]]],
    ["The firm was founded in two thousand and five.", [["two thousand and five", "2005", "2005", "year"]]],
    ["Output grew from 1990-5.", [["1990-5", "1990", "1995", "range"]]],
    ["Jobs rose by two thousand.", [["two thousand", 2000, null, "count"]]],
    ["It happened in two thousand and five cases.", [["two thousand and five", 2005, null, "count"]]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("dates no calendar has", () => {
  it.each([
    "The hearing is set for 2024-02-30.",
    "The deed was signed on 31 April 2023.",
    "The deed was signed on 29 February 2023.",
    "The deed was signed on April 31, 2023.",
  ])("%s gives no mention", (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it("still reads 29 February of a leap year", () => {
    expect(mentions("It was signed on 29 February 2024.")).toEqual([
      ["29 February 2024", "2024-02-29", "2024-02-29", "day"],
    ]);
  });

  it.each([
    ["The fair runs 2024-03-02/2024-03-05.", [["2024-03-02/2024-03-05", "2024-03-02", "2024-03-05", "range"]]],
    ["Prices were frozen 2019-11-01/2020-01-31.", [["2019-11-01/2020-01-31", "2019-11-01", "2020-01-31", "range"]]],
    ["The window 2024-03-05/2024-03-02 is odd.", []],
  ])("reads an ISO interval as a range or not at all: %s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});
