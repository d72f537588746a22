import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

const raw = readFileSync(new URL("../../sources/ponars-pm-428/memo.txt", import.meta.url), "utf8");
/** What the pipeline normally feeds the stage: no "\$" escapes, no "[text](#)" link markup. */
const normalized = raw.replace(/\\\$/g, "$").replace(/\[([^\]]*)\]\(#\)/g, "$1");

type Expected = Partial<ExtractedMention> & { text: string };

const year = (text: string, y = text): Expected => ({
  text,
  kind: "time",
  date_start: y,
  date_end: y,
  precision: "year",
  relative: false,
});
const range = (text: string, start: string, end: string): Expected => ({
  text,
  kind: "time",
  date_start: start,
  date_end: end,
  precision: "range",
});
const decade = (text: string, start: string, end: string): Expected => ({
  text,
  kind: "time",
  date_start: start,
  date_end: end,
  precision: "decade",
});
const month = (text: string, date: string, relative = false): Expected => ({
  text,
  kind: "time",
  date_start: date,
  date_end: date,
  precision: "month",
  relative,
});
const usd = (text: string, value: number, qualifier = "exact"): Expected =>
  ({ text, kind: "quantity", value, unit: "USD", qualifier }) as Expected;
const count = (text: string, value: number, noun: string | null, qualifier = "exact"): Expected =>
  ({ text, kind: "quantity", value, unit: "count", noun, qualifier }) as Expected;

/** The mentions the memo must yield, in document order (others may lie between them). */
const EXPECTED: Expected[] = [
  month("May 2016", "2016-05"),
  // "relations today": the document's own time, known to the month.
  month("today", "2016-05", true),
  { text: "17-kilometer", kind: "quantity", value: 17, unit: "km" },
  count("two", 2, "states"),
  count("ten", 10, "global"),
  year("1948"),
  range("1950-53", "1950", "1953"),
  decade("the end of the 1980s", "1987", "1989"),
  decade("the first half of the 1990s", "1990", "1994"),
  { text: "multibillion", kind: "quantity", value: null, vague: true, noun: "debts" },
  usd("$2.35 billion", 2.35e9),
  year("1988"),
  usd("$85 million", 85e6),
  year("1996"),
  decade("the second half of the 1990s", "1995", "1999"),
  year("1991"),
  decade("the 2000s", "2000", "2009"),
  year("2006"),
  year("2006"),
  range("2008-2009", "2008", "2009"),
  usd("almost $210 million", 210e6, "at_most"),
  year("2006"),
  usd("$45 million", 45e6),
  year("2009"),
  usd("around $110 million", 110e6, "approximate"),
  range("2011-2012", "2011", "2012"),
  usd("about $92 million", 92e6, "approximate"),
  year("2014"),
  usd("$63 million", 63e6, "exact"),
  year("2015"),
  usd("over $6 billion", 6e9, "at_least"),
  year("2013"),
  range("2008-2014", "2008", "2014"),
  usd("$171 million", 171e6),
  usd("$109 million", 109e6),
  year("2012"),
  { text: "90 percent", kind: "quantity", value: 90, unit: "percent" },
  usd("$10 billion", 10e9),
  usd("$1 billion", 1e9),
  year("2013"),
  { text: "tripled", kind: "quantity", value: 3, unit: "ratio" },
  count("almost fifty thousand", 50e3, "koreans", "at_most"),
  year("2015"),
  month("the start of 2016", "2016-01"),
  count("about thirty thousand", 30e3, null, "approximate"),
  count("11", 11, "states"),
  month("March 2014", "2014-03"),
  year("2014"),
  year("2015"),
  year("2015"),
  range("2014-15", "2014", "2015"),
  month("May 2015", "2015-05"),
  count("two", 2, "koreas"),
  count("six-party", 6, "party"),
  year("2014"),
  year("2015"),
  count("two", 2, "koreas"),
  count("two", 2, "ambitious"),
  month("October 2014", "2014-10"),
  month("January 2015", "2015-01"),
  { text: "billions of dollars", kind: "quantity", value: null, unit: "USD", vague: true },
  usd("as much as $1 billion", 1e9, "at_most"),
  year("2020"),
  { text: "a year after", kind: "time", offset: "P1Y", date_start: null, relative: true },
  month("November 2014", "2014-11"),
  month("March 2016", "2016-03"),
  month("October 2015", "2015-10"),
  { text: "$900 million annually", kind: "quantity", value: 900e6, unit: "USD/year" },
  count("two", 2, "countries"),
  month("this January", "2016-01", true),
  month("the following month", "2016-02", true),
  month("March 2016", "2016-03"),
];

const FORBIDDEN = ["428", "one", "One", "First", "Second", "Third", "Year", "A few", "few", "half"];

/** Index in `mentions` of each expected item, matched in order; -1 where one is missing. */
function alignInOrder(mentions: ExtractedMention[], expected: Expected[]): number[] {
  let from = 0;
  return expected.map((want) => {
    const index = mentions.findIndex((m, k) => k >= from && m.text === want.text);
    if (index >= 0) from = index + 1;
    return index;
  });
}

describe.each([
  ["normalized", normalized],
  ["raw, with \\$ escapes and link markup", raw],
])("the PONARS memo (%s)", (_, text) => {
  const mentions = extract(text, { documentDate: "2016-05" }).map((m) => ({
    ...m,
    text: m.text.replace(/\\\$/g, "$"),
  }));

  it("yields every expected mention, in order, with its values", () => {
    const positions = alignInOrder(mentions, EXPECTED);
    const missing = EXPECTED.filter((_, k) => positions[k] === -1).map((e) => e.text);
    expect(missing).toEqual([]);
    for (const [k, want] of EXPECTED.entries()) expect(mentions[positions[k]!]).toMatchObject(want);
  });

  it("reports no identifiers, ordinals, bare 'one', 'Year of Friendship' or 'a few'", () => {
    const texts = mentions.map((m) => m.text);
    for (const word of FORBIDDEN) expect(texts).not.toContain(word);
  });

  it("finds nothing beyond the expected mentions", () => {
    expect(mentions.map((m) => m.text)).toEqual(EXPECTED.map((e) => e.text));
  });
});
