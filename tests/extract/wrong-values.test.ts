/**
 * Forms the extractor once read with a wrong value. Each case states the whole answer for its sentence: the
 * mention with its value, and no other mention that would carry a wrong one.
 */
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

const DOCUMENT_DATE = "2016-02-10";

function summary(mention: ExtractedMention): unknown[] {
  return mention.kind === "quantity"
    ? [mention.text, mention.value, mention.value_high, mention.unit, mention.qualifier]
    : [mention.text, mention.date_start, mention.date_end];
}

function mentions(text: string, documentDate = DOCUMENT_DATE): unknown[][] {
  return extract(text, { documentDate }).map(summary);
}

describe("signs are kept", () => {
  it.each([
    ["Prices fell -2.5% last year.", ["-2.5%", -2.5, null, "percent", "exact"]],
    ["The state ran a deficit of −$1.2 billion.", ["−$1.2 billion", -1.2e9, null, "USD", "exact"]],
    ["Overnight it fell to minus 30 degrees.", ["minus 30 degrees", -30, null, "deg", "exact"]],
    ["It was -30 °C in Yakutsk.", ["-30 °C", -30, null, "degC", "exact"]],
    ["Output changed by −0.4 percent.", ["−0.4 percent", -0.4, null, "percent", "exact"]],
    ["Margins were (-3.1%) in the quarter.", ["-3.1%", -3.1, null, "percent", "exact"]],
  ])("%s", (text, expected) => {
    expect(mentions(text).filter((m) => m[0] !== "last year" && m[0] !== "the quarter")).toEqual([expected]);
  });

  it("does not take a range's dash or a compound's hyphen for a sign", () => {
    expect(mentions("Groups of 10-15 workers.")).toEqual([["10-15", 10, 15, "count", "exact"]]);
    expect(mentions("A $2-4 billion plan.")).toEqual([["$2-4 billion", 2e9, 4e9, "USD", "exact"]]);
  });
});

describe("a leading decimal point is kept", () => {
  it.each([
    ["Rates rose by .25 point.", [".25", 0.25, null, "count", "exact"]],
    ["Inflation slowed to .5 percent.", [".5 percent", 0.5, null, "percent", "exact"]],
    ["The bond yields .75%.", [".75%", 0.75, null, "percent", "exact"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });
});

describe("ISO forms are read whole", () => {
  it.each([
    ["He was born in 1994-11 in Lyon.", ["1994-11", "1994-11", "1994-11"]],
    ["The log shows 2016-05-07T09:30:00Z as the start.", ["2016-05-07T09:30:00Z", "2016-05-07", "2016-05-07"]],
    ["Filed at 2019-07-14T08:00:00+02:00 by the clerk.", ["2019-07-14T08:00:00+02:00", "2019-07-14", "2019-07-14"]],
    ["The plan covers 2014-15 only.", ["2014-15", "2014", "2015"]],
    ["The fiscal year 1999/00 ended.", ["1999/00", "1999", "2000"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });
});

describe("ordinal words are neither fractions nor counts", () => {
  it("reads no quantity in an ordinal", () => {
    expect(mentions("They marked the twenty-fifth anniversary.")).toEqual([]);
    expect(mentions("She came in forty-second place.")).toEqual([]);
  });

  it("reads a century named by an ordinal as its years", () => {
    expect(mentions("Trade in the twenty-first century grew.")).toEqual([["the twenty-first century", "2000", "2099"]]);
  });
});

describe('"over" between numbers is a fraction bar, not a hedge', () => {
  it("reads one over three as a third", () => {
    const found = extract("The odds were one over three.");
    expect(found.map(summary)).toEqual([["one over three", 1 / 3, null, "ratio", "exact"]]);
  });
});

describe("a slashed month and day is a date, not a fraction", () => {
  it.each([
    ["The board meets on 5/25.", ["5/25", "2016-05-25", "2016-05-25"]],
    ["The board met on 12/18.", ["12/18", "2015-12-18", "2015-12-18"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });
});

describe("money is not read as something else", () => {
  it.each([
    ["Operating profit improved to 361 million pounds.", ["361 million pounds", 361e6, null, "GBP", "exact"]],
    ["Sales reached Mex$100 million.", ["Mex$100 million", 100e6, null, "MXN", "exact"]],
    ["Net income was C $16.4 million.", ["C $16.4 million", 16.4e6, null, "CAD", "exact"]],
    ["The bill was NT$5,000.", ["NT$5,000", 5000, null, "TWD", "exact"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });

  it("leaves a dollar of unknown kind unread rather than call it a US dollar", () => {
    expect(mentions("It cost Zim$100 million.")).toEqual([]);
  });

  it("reads pounds as a weight where the sentence weighs, and leaves them unread where it says nothing", () => {
    expect(mentions("The parcel weighs 20 pounds.")).toEqual([["20 pounds", 20, null, "lb", "exact"]]);
    expect(mentions("They counted 361 million pounds.")).toEqual([]);
  });

  it("reads a mixed number with its unit", () => {
    expect(mentions("The trail runs 2 1/4 miles.")).toEqual([["2 1/4 miles", 2.25, null, "mi", "exact"]]);
  });
});

describe("durations and multiples", () => {
  it('reads "a decade" as ten years, its hedge kept', () => {
    expect(mentions("Talks went on for over a decade.")).toEqual([["over a decade", 10, null, "year", "at_least"]]);
  });

  it('reads "over" before a duration as "more than" only where the words around it say so, else no hedge', () => {
    // The span a thing runs (during), not more than it: no hedge rather than a wrong one.
    expect(mentions("The remaining $1.09 billion will be repaid over 20 years.")).toEqual([
      ["$1.09 billion", 1.09e9, null, "USD", "exact"],
      ["20 years", 20, null, "year", "exact"],
    ]);
    expect(mentions("Prices rose over two decades.")).toEqual([["two decades", 20, null, "year", "exact"]]);
    for (const [text, span] of [
      ["They have lived there for over 20 years.", "over 20 years"],
      ["It took over 20 years to build.", "over 20 years"],
      ["He spent over 30 days in jail.", "over 30 days"],
      ["The loan matures in over 5 years.", "over 5 years"],
      ["The bridge is over 80 years old.", "over 80 years"],
    ] as const)
      expect(mentions(text).find((m) => m[0] === span)?.[4], text).toBe("at_least");
  });

  it('reads "two more times" as a multiple', () => {
    expect(mentions("Exports grew nearly two more times.")).toEqual([
      ["nearly two more times", 2, null, "ratio", "at_most"],
    ]);
  });
});

describe("a day without a year follows the sentence's tense", () => {
  it.each([
    ["The company repaid the loan by Oct. 15, the bank said.", ["Oct. 15", "2015-10-15", "2015-10-15"]],
    ["The company will repay the loan by Oct. 15.", ["Oct. 15", "2016-10-15", "2016-10-15"]],
    ["Talks resumed in November.", ["November", "2015-11", "2015-11"]],
    ["Talks will resume in November.", ["November", "2016-11", "2016-11"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });
});

describe("times of day, recurring sets and time zones, out of scope, give no wrong value", () => {
  it.each([
    ["The meeting ends at 3 pm.", []],
    ["Trading opens at 9 a.m. EST.", []],
    ["The bell rings at 7 o'clock.", []],
    ["Moscow is at UTC+3 in winter.", []],
    ["The market meets every Monday.", []],
    ["Rents are due each March 1.", []],
    ["They meet every other Friday.", []],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("a sentence's tense places a date between its anchor and the document date", () => {
  it.each([
    ["In March 2014 it said a ruling was expected in October.", "2023-10-05", ["October", "2014-10", "2014-10"]],
    ["On Monday, Oct. 2, the court met; a ruling is expected in June.", "2023-10-05", ["June", "2024-06", "2024-06"]],
    [
      "Plan the offsite for early 2025. How much did I spend in December?",
      "2025-01-20",
      ["December", "2024-12", "2024-12"],
    ],
    [
      "Analysts had expected rates to hold until the third quarter.",
      "2019-03-14",
      ["the third quarter", "2019-07", "2019-09"],
    ],
  ])("%s", (text, documentDate, expected) => {
    expect(mentions(text, documentDate)).toContainEqual(expected);
  });
});

describe("a month without a year is not dated by a year named in an earlier paragraph", () => {
  const report = [
    "Officials met for talks, the sixth session since the commission was set up in 1996.",
    "The first payments in roubles were made through a bank in Moscow in June.",
    "In April, parliament ratified the agreement.",
  ].join("\n\n");

  it("places it by the document date and the sentence's tense, as a day without a year is", () => {
    expect(mentions(report, "2014-06-20")).toEqual([
      ["1996", "1996", "1996"],
      ["June", "2014-06", "2014-06"],
      ["April", "2014-04", "2014-04"],
    ]);
    expect(mentions("The commission was set up in 1996.\n\nTrade fell in April-June.", "2014-07-10")).toContainEqual([
      "April-June",
      "2014-04",
      "2014-06",
    ]);
    // With no document date to place it by, it is left unresolved rather than put in 1996.
    expect(extract(report).map(summary)).toContainEqual(["June", null, null]);
  });

  it("keeps the year named earlier in the same paragraph, or a month named in an earlier one", () => {
    expect(mentions("Russia wrote off the debt in 2014. In April, parliament ratified it.", "2016-05")).toContainEqual([
      "April",
      "2014-04",
      "2014-04",
    ]);
    expect(mentions("Talks began in October 2016.\n\nIn November, they failed.", "2018-03")).toContainEqual([
      "November",
      "2016-11",
      "2016-11",
    ]);
  });
});
