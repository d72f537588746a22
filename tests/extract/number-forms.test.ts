/**
 * Hedges, number forms and signs that could come out with a wrong value or qualifier: each case states the whole
 * answer for its sentence, so that no other mention carrying a wrong value can slip in beside the right one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

const DOCUMENT_DATE = "2024-05-15";

function summary(mention: ExtractedMention): unknown[] {
  return mention.kind === "quantity"
    ? [mention.text, mention.value, mention.value_high, mention.unit, mention.qualifier]
    : [mention.text, mention.date_start, mention.date_end];
}

function mentions(text: string): unknown[][] {
  return extract(text, { documentDate: DOCUMENT_DATE }).map(summary);
}

describe("thousands and decimal separators of other countries", () => {
  it.each([
    ["The grant of 1 000 000 euro was paid.", [["1 000 000 euro", 1e6, null, "EUR", "exact"]]],
    ["Some 1 500 000 people live in the region.", [["Some 1 500 000", 1.5e6, null, "count", "approximate"]]],
    ["A pass costs 12'500 francs in Zurich.", []],
    ["A pass costs CHF 12'500 in Zurich.", [["CHF 12'500", 12500, null, "CHF", "exact"]]],
    ["It drew 10^6 visitors.", [["10^6", 1e6, null, "count", "exact"]]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    "The fund raised $2,5 million.",
    "Sales reached 2,7 million dollars.",
    "Growth slowed to 1,5 percent.",
    "A coffee costs €2,50 there.",
    "The bill came to 1.234,5 euros.",
    "Exports hit 1,2 milliards.",
    "Estimates run between 1,5 and 2,5 million.",
  ])("reads no amount from a decimal comma: %s", (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it("still reads thousands commas", () => {
    expect(mentions("The fund raised $2,500 million.")).toEqual([["$2,500 million", 2.5e9, null, "USD", "exact"]]);
  });

  it("reads any number written in spaced groups of three digits as the whole number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 3 }),
        (head, groups) => {
          const written = [String(head), ...groups.map((g) => String(g).padStart(3, "0"))].join(" ");
          const value = Number([String(head), ...groups.map((g) => String(g).padStart(3, "0"))].join(""));
          expect(mentions(`They paid ${written} euros in all.`)).toEqual([
            [`${written} euros`, value, null, "EUR", "exact"],
          ]);
        },
      ),
    );
  });

  it("gives no amount to a number with a comma and other than three digits after it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 }), (whole, part) => {
        const written = `${whole},${part}`;
        expect(mentions(`The index stood at ${written} points.`)).toEqual([]);
      }),
    );
  });
});
