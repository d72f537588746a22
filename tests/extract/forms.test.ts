/**
 * The forms news and analysis articles use that the extractor once missed, each in texts written for this
 * test, in the variants a journalist would write.
 */
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

/** The mention whose text is `text` in `sentence`; fails when there is none. */
function mentionIn(sentence: string, text: string, documentDate = "2018-03-15"): ExtractedMention {
  const mentions = extract(sentence, { documentDate });
  const found = mentions.find((m) => m.text === text);
  if (!found)
    throw new Error(`"${text}" not found in "${sentence}"; found ${JSON.stringify(mentions.map((m) => m.text))}`);
  return found;
}

function texts(sentence: string, documentDate = "2018-03-15"): string[] {
  return extract(sentence, { documentDate }).map((m) => m.text);
}

const period = (date_start: string, date_end: string, precision: string) => ({
  kind: "time",
  date_start,
  date_end,
  precision,
});

describe("1. month ranges that share one year", () => {
  it.each([
    ["Shipments grew in February-October 2017.", "February-October 2017", period("2017-02", "2017-10", "range")],
    ["Shipments grew in February–October 2017.", "February–October 2017", period("2017-02", "2017-10", "range")],
    [
      "Output fell between January and May 2016.",
      "between January and May 2016",
      period("2016-01", "2016-05", "range"),
    ],
    [
      "Prices rose from March 1 to June 30 this year.",
      "from March 1 to June 30 this year",
      period("2018-03-01", "2018-06-30", "range"),
    ],
    ["The port froze in November-February 2017.", "November-February 2017", period("2016-11", "2017-02", "range")],
    [
      "Trade was flat from June to August last year.",
      "from June to August last year",
      period("2017-06", "2017-08", "range"),
    ],
  ])("%s", (sentence, text, expected) => {
    expect(mentionIn(sentence, text)).toMatchObject(expected);
  });

  it("does not let the first month take a stale year from earlier in the text", () => {
    const sentence = "The plant opened in 2009. Output grew in March-May 2017.";
    expect(texts(sentence)).toEqual(["2009", "March-May 2017"]);
  });
});

describe("2. money in subunits", () => {
  it.each([
    ["The firm earned 48 cents a share.", "48 cents", 0.48, "USD"],
    ["A loaf costs 95 pence.", "95 pence", 0.95, "GBP"],
    ["Bread rose by 40 kopecks.", "40 kopecks", 0.4, "RUB"],
    ["The fare is 50 fen.", "50 fen", 0.5, "CNY"],
    ["Fees fell to 12 euro cents.", "12 euro cents", 0.12, "EUR"],
  ])("%s", (sentence, text, value, unit) => {
    expect(mentionIn(sentence, text)).toMatchObject({ kind: "quantity", value: expect.closeTo(value, 10), unit });
  });
});

describe("3. parts of periods around deictic and hyphenated years", () => {
  it.each([
    [
      "In the first five months of this year exports rose.",
      "the first five months of this year",
      period("2018-01", "2018-05", "range"),
    ],
    [
      "In the last two months of 2016 exports fell.",
      "the last two months of 2016",
      period("2016-11", "2016-12", "range"),
    ],
    ["The line opens by the end of this year.", "the end of this year", period("2018-12", "2018-12", "month")],
    ["Talks began early last year.", "early last year", period("2017-01", "2017-04", "range")],
    ["The plant closes by end-of-2019.", "end-of-2019", period("2019-12", "2019-12", "month")],
    ["The plant closes by end-2019.", "end-2019", period("2019-12", "2019-12", "month")],
  ])("%s", (sentence, text, expected) => {
    expect(mentionIn(sentence, text)).toMatchObject(expected);
  });
});

describe("4. weekdays against a document date with a day", () => {
  // 2018-03-15 is a Thursday.
  it.each([
    ["The minister said Thursday that talks would go on.", "Thursday", "2018-03-15"],
    ["The bank announced on Monday a new rate.", "Monday", "2018-03-12"],
    ["Last Friday the deal was signed.", "Last Friday", "2018-03-09"],
    ["The delegations will meet on Tuesday.", "Tuesday", "2018-03-20"],
    ["They meet again next Thursday.", "next Thursday", "2018-03-22"],
  ])("%s", (sentence, text, day) => {
    expect(mentionIn(sentence, text)).toMatchObject(period(day, day, "day"));
  });

  it("leaves a weekday unresolved when the document date has no day", () => {
    expect(mentionIn("The minister said Thursday that talks would go on.", "Thursday", "2018-03")).toMatchObject({
      date_start: null,
      relative: true,
    });
  });

  it("does not read a named day as a weekday", () => {
    expect(
      extract("Sales on Black Friday doubled.", { documentDate: "2018-03-15" }).filter((m) => m.kind === "time"),
    ).toEqual([]);
  });
});

describe("5. the antecedent of a relative date", () => {
  it("places a year-less day in the latest such day before the document, not in an older year-only date", () => {
    expect(
      mentionIn("Sales in 2015 were flat. On Nov. 14, the firm cut prices.", "Nov. 14", "2018-01-20"),
    ).toMatchObject(period("2017-11-14", "2017-11-14", "day"));
  });

  it("keeps a year-less month in the year the text is talking about", () => {
    expect(mentionIn("Sanctions came in 2014. In November, trade fell.", "November", "2018-01-20")).toMatchObject(
      period("2014-11", "2014-11", "month"),
    );
  });

  it("takes a year-less day's year from a preceding date of month or day precision", () => {
    expect(
      mentionIn("Talks opened in October 2016. On Nov. 14, they broke down.", "Nov. 14", "2018-01-20"),
    ).toMatchObject(period("2016-11-14", "2016-11-14", "day"));
  });

  it('anchors "a year earlier" on the whole range just named', () => {
    expect(mentionIn("Exports grew in February-October 2017 from a year earlier.", "a year earlier")).toMatchObject(
      period("2016", "2016", "year"),
    );
  });
});

describe("6. quarters and named periods", () => {
  it.each([
    ["Profit fell in Q2 2017.", "Q2 2017", period("2017-04", "2017-06", "range")],
    ["Second-quarter 2016 sales were weak.", "Second-quarter 2016", period("2016-04", "2016-06", "range")],
    ["Second-quarter profit rose.", "Second-quarter", period("2017-04", "2017-06", "range")],
    ["Profit rose in the fourth quarter.", "the fourth quarter", period("2017-10", "2017-12", "range")],
    ["Profit rose in the first quarter.", "the first quarter", period("2018-01", "2018-03", "range")],
    [
      "Sales fell in the April-June period of 2016.",
      "April-June period of 2016",
      period("2016-04", "2016-06", "range"),
    ],
    ["Sales fell in 2016, most in the April-June period.", "April-June", period("2016-04", "2016-06", "range")],
    ["Prices rose last week.", "last week", period("2018-03-05", "2018-03-11", "range")],
    ["Prices rose this week.", "this week", period("2018-03-12", "2018-03-18", "range")],
  ])("%s", (sentence, text, expected) => {
    expect(mentionIn(sentence, text)).toMatchObject(expected);
  });
});

describe("7. fractions and ratios", () => {
  it.each([
    ["Nearly 1/4 of firms left.", "Nearly 1/4", 0.25, "at_most"],
    ["A quarter of firms left.", "A quarter", 0.25, "exact"],
    ["One in five workers left.", "One in five", 0.2, "exact"],
    ["About 1 in 4 firms left.", "About 1 in 4", 0.25, "approximate"],
    ["Three out of ten firms left.", "Three out of ten", 0.3, "exact"],
    ["Imports were four times more costly.", "four times", 4, "exact"],
  ])("%s", (sentence, text, value, qualifier) => {
    expect(mentionIn(sentence, text)).toMatchObject({ kind: "quantity", value, unit: "ratio", qualifier });
  });

  it("does not read 24/7 as a fraction", () => {
    expect(texts("The port is open 24/7.")).toEqual([]);
  });
});

describe("8. ranges with the currency repeated", () => {
  it.each([
    ["Revenue of $2.1 billion to $2.3 billion is expected.", "$2.1 billion to $2.3 billion", 2.1e9, 2.3e9, "USD"],
    ["Costs of €40 million to €55 million.", "€40 million to €55 million", 40e6, 55e6, "EUR"],
  ])("%s", (sentence, text, value, value_high, unit) => {
    expect(mentionIn(sentence, text)).toMatchObject({ value, value_high, unit });
  });

  it("still reads percentages written twice as a change", () => {
    expect(texts("Rates went 5 percent to 10 percent.")).toEqual(["5 percent", "10 percent"]);
  });
});

describe("9. units after a scale word, and numbers inside units", () => {
  it.each([
    ["Gazprom shipped 25 billion m3.", "25 billion m3", 25e9],
    ["Gazprom shipped 25 billion m³.", "25 billion m³", 25e9],
    ["Gazprom shipped 30 bcm.", "30 bcm", 30e9],
    ["Gazprom shipped 12 billion cubic meters.", "12 billion cubic meters", 12e9],
  ])("%s", (sentence, text, value) => {
    expect(mentionIn(sentence, text)).toMatchObject({ value, unit: "m3" });
  });

  it('does not read the 1000 of "per 1000 kWh" as a year', () => {
    const mentions = extract("Gas sold at $200 per 1000 cubic meters and $90 per 1000 kWh.", {
      documentDate: "2018-03-15",
    });
    expect(mentions.filter((m) => m.kind === "time")).toEqual([]);
  });
});

describe("10. a count's noun", () => {
  it.each([
    ["Russia built 35 new factories.", "35", "factories"],
    ["Some 3 North Korean firms joined.", "Some 3", "firms"],
    ["The two sides signed 12 separate deals.", "12", "deals"],
  ])("%s", (sentence, text, noun) => {
    expect(mentionIn(sentence, text)).toMatchObject({ unit: "count", noun });
  });

  it("does not take an adverb for the noun", () => {
    expect(mentionIn("The mines earn millions annually.", "millions")).toMatchObject({ vague: true, noun: null });
  });
});

describe("11. an issue number above a date line", () => {
  it("reads the date line, not a day made of the issue number", () => {
    expect(texts("Policy Memo No. 3\nMay 2016")).toEqual(["May 2016"]);
    expect(mentionIn("Policy Memo No. 3\nMay 2016", "May 2016")).toMatchObject(period("2016-05", "2016-05", "month"));
  });

  it("still reads a day before a month", () => {
    expect(mentionIn("Talks began on 3 May 2016.", "3 May 2016")).toMatchObject(
      period("2016-05-03", "2016-05-03", "day"),
    );
  });
});

describe("12. vague durations", () => {
  it.each([
    ["It took close to a decade to agree.", "close to a decade", 10, "year", "decade", "approximate"],
    ["The talks lasted nearly a year.", "nearly a year", 1, "year", "year", "at_most"],
    ["The plan needs more than a month.", "more than a month", 1, "month", "month", "at_least"],
  ])("%s", (sentence, text, value, unit, noun, qualifier) => {
    expect(mentionIn(sentence, text)).toMatchObject({ kind: "quantity", value, unit, noun, qualifier });
  });

  it('leaves "a year ago" to the time matchers', () => {
    expect(mentionIn("The plant closed more than a year ago.", "a year ago")).toMatchObject(
      period("2017", "2017", "year"),
    );
  });
});

describe("amounts in subunits and ranges across units", () => {
  const quantities = (text: string) =>
    extract(text)
      .filter((m) => m.kind === "quantity")
      .map((m) => m.kind === "quantity" && [m.text, m.value, m.value_high, m.unit]);

  it('keeps a low end\'s own currency: "$1 to 95 cents" is no range, and $1 is a dollar', () => {
    expect(quantities("It rose from $1 to 95 cents.")).toEqual([
      ["$1", 1, null, "USD"],
      ["95 cents", 0.95, null, "USD"],
    ]);
    expect(quantities("Prices rose from 5 to 10 cents.")).toEqual([["from 5 to 10 cents", 0.05, 0.1, "USD"]]);
  });

  it("gives the value the text writes, without binary noise", () => {
    expect(quantities("It costs 95 pence, 57 kopecks or 35 cents.").map((q) => q && q[1])).toEqual([0.95, 0.57, 0.35]);
    expect(quantities("It was $4.1 billion.")).toEqual([["$4.1 billion", 4_100_000_000, null, "USD"]]);
  });
});
