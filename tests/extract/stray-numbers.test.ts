/**
 * Numbers that are not the amount they look like: footnote numbers glued to a figure, units and currencies read
 * as counts, times of day, scores, phone numbers, names of models and versions, addresses, and verbs taken for
 * the counted noun. Each case states the whole answer for its sentence.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import { PDF_MARKDOWN, PLAIN_TEXT } from "../helpers/text-formats.ts";

const DOCUMENT_DATE = "2024-05-15";

function summary(mention: ExtractedMention): unknown[] {
  return mention.kind === "quantity"
    ? [mention.text, mention.value, mention.value_high, mention.unit, mention.qualifier]
    : [mention.text, mention.date_start, mention.date_end];
}

function mentions(text: string): unknown[][] {
  return extract(text, { documentDate: DOCUMENT_DATE }).map(summary);
}

function quantities(text: string): unknown[][] {
  return extract(text, { documentDate: DOCUMENT_DATE })
    .filter((m) => m.kind === "quantity")
    .map(summary);
}

function nouns(text: string): (string | null)[] {
  return extract(text, { documentDate: DOCUMENT_DATE }).flatMap((m) => (m.kind === "quantity" ? [m.noun] : []));
}

describe("a footnote's number glued to a figure is no amount", () => {
  const cases: [string, unknown[][]][] = [
    ["Exports fell to $4.5 billion.2 The decline continued.", [["$4.5 billion", 4.5e9, null, "USD", "exact"]]],
    [
      "Trade reached 6.9 billion dollars.14 Analysts were surprised.",
      [["6.9 billion dollars", 6.9e9, null, "USD", "exact"]],
    ],
    ["Turnover at the plant grew 40 percent.3", [["40 percent", 40, null, "percent", "exact"]]],
    ["Imports of grain rose 7%.12", [["7%", 7, null, "percent", "exact"]]],
    ["Exports to China rose 12%3 in the period.", [["12%", 12, null, "percent", "exact"]]],
    ["The city's population is 25 million.[4]", [["25 million", 2.5e7, null, "count", "exact"]]],
    ["Remittances reached $1.2bn.17 Officials said the rest was lost.", [["$1.2bn", 1.2e9, null, "USD", "exact"]]],
    ["Output at the mine fell (by 33%).5 It closed.", [["33%", 33, null, "percent", "exact"]]],
  ];

  it.each(cases)("plain text: %s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each(cases)("pdf-markdown: %s", (text, expected) => {
    const normalized = normalize(text.replaceAll("$", "\\$"), PDF_MARKDOWN).text;
    expect(extract(normalized, { documentDate: DOCUMENT_DATE }).map((m) => summary(m).slice(1))).toEqual(
      expected.map((m) => m.slice(1)),
    );
    expect(extract(normalize(text, PLAIN_TEXT).text, { documentDate: DOCUMENT_DATE }).map(summary)).toEqual(expected);
  });

  it("reads no count in a year with a footnote's number after it", () => {
    expect(quantities("Trade peaked in 2014.5 The next year was worse.")).toEqual([]);
    expect(quantities("The index closed at 2014.5 points.")).toEqual([["2014.5", 2014.5, null, "count", "exact"]]);
    // A note's number never starts with 0: "1000.01" is a decimal wherever it stands.
    expect(quantities("1000.01")).toEqual([["1000.01", 1000.01, null, "count", "exact"]]);
    expect(quantities("The index fell to 1999.05 The next day it rose.")).toEqual([
      ["1999.05", 1999.05, null, "count", "exact"],
    ]);
  });

  it("still reads decimals, versions of numbers and a year after circa", () => {
    expect(mentions("Prices rose .5 percent.")).toEqual([[".5 percent", 0.5, null, "percent", "exact"]]);
    expect(mentions("It was built c.1850 by monks.")).toEqual([["1850", "1850", "1850"]]);
    expect(mentions("See section 1.2.3 for the 40 cases.")).toEqual([["40", 40, null, "count", "exact"]]);
  });

  it("never reads the footnote's number, whatever the figure and the note", () => {
    const figures = fc.constantFrom("$4.5 billion", "40 percent", "7%", "3 million tons", "120 km");
    fc.assert(
      fc.property(figures, fc.integer({ min: 1, max: 999 }), fc.constantFrom(".", ".[", "%"), (figure, note, glue) => {
        if (glue === "%" && !figure.endsWith("%")) return;
        const marker = glue === ".[" ? `.[${note}]` : glue === "%" ? `${note}` : `.${note}`;
        const found = extract(`Shipments reached ${figure}${marker} The rest followed.`);
        expect(found.map((m) => m.text)).toEqual([figure]);
      }),
    );
  });
});

describe("units and currencies news uses are read as such, never as counts", () => {
  it.each([
    ["The bank lent the builder 40 million TL last year.", ["40 million TL", 4e7, null, "TRY", "exact"]],
    ["They paid 200 quid for a ticket.", ["200 quid", 200, null, "GBP", "exact"]],
    ["Parking costs 12 bucks an hour downtown.", ["12 bucks", 12, null, "USD", "exact"]],
    ["The charger delivers 5 V.", ["5 V", 5, null, "V", "exact"]],
    ["The line carries 110 kV across the valley.", ["110 kV", 110, null, "kV", "exact"]],
    ["The phone ships with 128 GB of storage.", ["128 GB", 128, null, "GB", "exact"]],
    ["The archive holds 2.5 TB of scans.", ["2.5 TB", 2.5, null, "TB", "exact"]],
    ["Fibre lines reach 100 Mbps in the capital.", ["100 Mbps", 100, null, "Mbit/s", "exact"]],
    ["Saudi output hit 11 mbpd in June.", ["11 mbpd", 1.1e7, null, "bbl/day", "exact"]],
    ["Seismologists put the yield at 10 kt.", ["10 kt", 1e4, null, "t", "exact"]],
    ["The sixth test yielded 250 kilotons.", ["250 kilotons", 2.5e5, null, "t", "exact"]],
    ["The Soviets tested a 50-megaton bomb.", ["50-megaton", 5e7, null, "t", "exact"]],
    ["Real wages grew 2.5 p.c.", ["2.5 p.c.", 2.5, null, "percent", "exact"]],
    ["Unemployment fell by 0.4 percentage-points.", ["0.4 percentage-points", 0.4, null, "pp", "exact"]],
    ["The blood alcohol limit is 0.5 per mille.", ["0.5 per mille", 0.5, null, "permille", "exact"]],
    ["The limit is 0.5 ‰.", ["0.5 ‰", 0.5, null, "permille", "exact"]],
    ["The quasar is 1.3e6 light years away.", ["1.3e6 light years", 1.3e6, null, "ly", "exact"]],
  ])("%s", (text, expected) => {
    expect(quantities(text)).toEqual([expected]);
  });

  /** Feet and inches in feet, to the 15 significant digits a mention's value keeps. */
  const feet = (whole: number, inches: number) => Number((whole + inches / 12).toPrecision(15));

  it("reads feet and inches as one length", () => {
    expect(mentions("The centre stands 5 ft 11 in.")).toEqual([["5 ft 11 in", feet(5, 11), null, "ft", "exact"]]);
    expect(mentions("The guard is 6'2\" tall.")).toEqual([["6'2\"", feet(6, 2), null, "ft", "exact"]]);
    expect(mentions("The forward is 6′11″ tall.")).toEqual([["6′11″", feet(6, 11), null, "ft", "exact"]]);
    expect(mentions("Her brother is 6 ft 2.")).toEqual([["6 ft 2", feet(6, 2), null, "ft", "exact"]]);
    expect(mentions("Swiss banks held 12'500 accounts.").map((m) => m[3])).not.toContain("ft");
  });

  it("reads a range of a period as a range of durations", () => {
    expect(quantities("The oaks are 200-300 years old.")).toEqual([["200-300 years", 200, 300, "year", "exact"]]);
    expect(quantities("The dispute ran two to three decades.")).toEqual([
      ["two to three decades", 20, 30, "year", "exact"],
    ]);
  });

  it.each([
    "Farmers received 20,000 CFA francs for the harvest.",
    "The regulator fined the firm Sh 2 billion.",
    "He was paid kr 500 for the article.",
    "He was paid kr. 500 for the article.",
    "The dinner cost 900 kr.",
    "She ran 10 K in 41 minutes.",
  ])("leaves an amount in a shared symbol unread: %s", (text) => {
    expect(quantities(text).filter((m) => m[0] !== "41 minutes" && m[0] !== "41")).toEqual([]);
  });

  it('does not read a team as money: "the 12 Bucks players"', () => {
    expect(quantities("The 12 Bucks players flew home.")).toEqual([["12", 12, null, "count", "exact"]]);
  });
});

describe('a spaced "m" before what a million counts, and a share of a period', () => {
  it("reads a million people, not metres, and leaves an undecided m unread", () => {
    expect(quantities("Officials say 2 m people are affected.")).toEqual([["2 m", 2e6, null, "count", "exact"]]);
    expect(nouns("Officials say 2 m people are affected.")).toEqual(["people"]);
    expect(quantities("Some 3.5 m households lack power.")).toEqual([
      ["Some 3.5 m", 3.5e6, null, "count", "approximate"],
    ]);
    expect(quantities("A 2 m wall of sandbags held.")).toEqual([]);
  });

  it("still reads metres where the text measures a length", () => {
    expect(quantities("The levee is 2 m high.")).toEqual([["2 m", 2, null, "m", "exact"]]);
    expect(quantities("She won the 100 m final.")).toEqual([["100 m", 100, null, "m", "exact"]]);
    expect(quantities("The climber fell 20 m to the ground.")).toEqual([["20 m", 20, null, "m", "exact"]]);
  });

  it.each([
    [
      "Roughly a quarter of a century passed before the next summit.",
      ["Roughly a quarter of a century", 25, null, "year", "approximate"],
    ],
    ["The dynasty lasted half a century.", ["half a century", 50, null, "year", "exact"]],
    ["A quarter-century of rule ended in 1991.", ["A quarter-century", 25, null, "year", "exact"]],
    ["The audit took a quarter of a year.", ["a quarter of a year", 0.25, null, "year", "exact"]],
  ])("reads a share of a period as a duration: %s", (text, expected) => {
    expect(quantities(text)).toEqual([expected]);
  });

  it("reads no ratio in a share of a period that is an offset", () => {
    expect(quantities("Half a century ago the war ended.")).toEqual([]);
    expect(quantities("Three quarters of a century later the empire fell.")).toEqual([]);
    expect(quantities("Half the firms failed.")).toEqual([["Half", 0.5, null, "ratio", "exact"]]);
  });
});

describe("numbers that are not amounts give no mention", () => {
  it.each([
    ["The committee meets at 9.30 tomorrow.", [["tomorrow", "2024-05-16", "2024-05-16"]]],
    ["The briefing is 10.15 on Monday.", [["Monday", "2024-05-13", "2024-05-13"]]],
    ["Doors open at 7.45 each evening.", []],
    ["The last ferry departs at 6.50.", []],
    ["Troops crossed the border at 0600 hours.", []],
    ["The explosion was heard at 3 this morning.", []],
    ["The shelling began at 4 in the morning.", []],
  ])("a time of day: %s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    "Arsenal beat Chelsea 3-2 at the Emirates.",
    "The final score was 21–14.",
    "The final score was 14–21.",
    "Russia won the series 4-1.",
    "The visitors took a 2-0 lead before half-time.",
    "Spain suffered a 1-3 defeat in Seville.",
    "The bill passed the chamber 312-110.",
  ])("a score or a tally: %s", (text) => {
    expect(quantities(text)).toEqual([]);
  });

  it.each([
    "Call the hotline on 0800 123 4567 for help.",
    "For details, ring +44 20 7946 0958.",
    "Dial 555-0142 to reach the newsroom.",
    "The update ships in iOS 17.2 next week.",
    "Apple said the iPhone 15 sold well.",
    "Forecasters said a Category 5 hurricane would hit Florida.",
    "The missile reached Mach 5 over the sea.",
    "Engineers moved the code to Python 3.12 last year.",
    "Apollo 11 landed on the Moon.",
    "Python 3.12 was released in the autumn.",
    "Their office is at 221 Baker Street.",
    "She lives at 47 Oak Lane, Apt 3.",
  ])("a telephone number, a name or an address: %s", (text) => {
    expect(quantities(text)).toEqual([]);
  });

  it.each([
    [
      "Police arrested 40 people aged 18-24.",
      [
        ["40", 40, null, "count", "exact"],
        ["18-24", 18, 24, "count", "exact"],
      ],
    ],
    ["The contractor hired 10-15 workers.", [["10-15", 10, 15, "count", "exact"]]],
    ["Shares closed at 6.5 on Friday.", [["6.5", 6.5, null, "count", "exact"]]],
    ["The index closed at 3,400 points.", [["3,400", 3400, null, "count", "exact"]]],
    ["On Monday 40 people died.", [["40", 40, null, "count", "exact"]]],
    ["Another 40 died overnight.", [["40", 40, null, "count", "exact"]]],
    ["The board has 12 members.", [["12", 12, null, "count", "exact"]]],
    ["The rod is 3 1/2 feet long.", [["3 1/2 feet", 3.5, null, "ft", "exact"]]],
    ["Prices rose 3–5% last month.", [["3–5%", 3, 5, "percent", "exact"]]],
  ])("still reads real amounts: %s", (text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });

  it("never reads a clock time with its minutes after at as a count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const time = `${hour}.${String(minute).padStart(2, "0")}`;
        expect(quantities(`The train leaves at ${time} every day.`)).toEqual([]);
      }),
    );
  });

  it("never reads either side of a dashed pair that is no range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (home, away) => {
        fc.pre(home >= away);
        expect(quantities(`They won ${home}-${away} on Sunday.`)).toEqual([]);
      }),
    );
  });
});

describe("a verb after a number is not its noun", () => {
  it.each([
    ["Tens of thousands marched through the capital.", [null]],
    ["An estimated 12,000 fled the fighting.", [null]],
    ["Voters under 25 backed the opposition.", [null]],
    ["Hundreds died in the flood.", [null]],
    ["The firm hired 300 engineers.", ["engineers"]],
    ["Officials counted 3 sheds and 40 houses.", ["sheds", "houses"]],
  ])("%s", (text, expected) => {
    expect(nouns(text)).toEqual(expected);
  });
});
