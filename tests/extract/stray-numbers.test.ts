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
