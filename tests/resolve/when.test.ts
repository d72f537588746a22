/**
 * How a record's date is built decides its `date_basis`: only one mention inside the quote is `explicit`; a date
 * the text gives only as an upper bound (`by`) is `no_later_than`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WhenSpec } from "../../pipeline/curation/records.ts";
import { extract } from "../../pipeline/extract/index.ts";
import { locateMentions, occurrencesOf, type Fail, type Span } from "../../pipeline/resolve/locate.ts";
import { resolveWhen } from "../../pipeline/resolve/when.ts";

const fail: Fail = (message) => {
  throw new Error(message);
};

/** Resolves `spec` for a record quoting `quote` in `text`. */
function when(text: string, quote: string, spec: WhenSpec) {
  const context = {
    text,
    located: locateMentions(text, extract(text, { documentDate: "2016-05" })),
    textFile: "test.txt",
  };
  const at = occurrencesOf(text, quote)[0]!;
  const span: Span = { start: at, end: at + quote.length };
  return resolveWhen(context, spec, span, fail, "date", () => {});
}

describe("date_basis from how the date was built", () => {
  const text = "Trade fell to $2 billion in 1988 and to $85 million in 1996. In 2006 a peak came. Talks failed.";

  it("is explicit for one mention inside the quote that states the whole date", () => {
    expect(when(text, "In 2006 a peak came", "2006")).toMatchObject({ start: "2006", end: "2006", basis: "explicit" });
  });

  it("is inferred for a range built from two mentions", () => {
    const quote = "Trade fell to $2 billion in 1988 and to $85 million in 1996";
    expect(when(text, quote, { from: "1988", to: "1996" })).toMatchObject({
      start: "1988",
      end: "1996",
      precision: "range",
      basis: "inferred",
    });
  });

  it("is inferred for a mention taken from another sentence", () => {
    expect(when(text, "Talks failed", { mention: "2006", in: "In 2006 a peak came" })).toMatchObject({
      start: "2006",
      basis: "inferred",
    });
  });

  it("is inferred for a relative expression", () => {
    const relative = "Moscow condemned the test this January.";
    expect(when(relative, relative, "this January")).toMatchObject({ start: "2016-01", basis: "inferred" });
  });

  it("never explicit for any range built from two years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 60 }), (from, length) => {
        const to = from + length;
        const sentence = `Trade fell to $9 million in ${from} and to $3 million in ${to}`;
        expect(when(sentence, sentence, { from: String(from), to: String(to) }).basis).toBe("inferred");
      }),
      { numRuns: 50 },
    );
  });

  it("is inferred for a window whose ends stand in two passages of their own", () => {
    const from = { mention: "1988", in: "Trade fell to $2 billion in 1988" };
    const window = { from, to: { mention: "2006", in: "In 2006 a peak came" } };
    const built = { start: "1988", end: "2006", precision: "range", basis: "inferred" };
    expect(when(text, "Talks failed", window)).toEqual(built);
  });
});

describe("a date the text gives only as an upper bound", () => {
  const text = "Ostmark took the island. In March 2014 the council voted against a resolution. By 2019 it was calm.";
  const island = "Ostmark took the island";

  it("is no_later_than the mention `by` names in another passage, at the mention's precision", () => {
    const spec = { by: "March 2014", in: "In March 2014 the council voted" };
    const bound = { start: "2014-03", end: "2014-03", precision: "month", basis: "no_later_than" };
    expect(when(text, island, spec)).toEqual(bound);
  });

  it("is no_later_than a `by` mention inside the quote itself, never explicit", () => {
    const bound = { start: "2019", end: "2019", precision: "year", basis: "no_later_than" };
    expect(when(text, "By 2019 it was calm", { by: "2019" })).toEqual(bound);
  });

  it("is no_later_than for any year a `by` names, and keeps that year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2030 }), (year) => {
        const sentence = `The treaty was signed. Both sides voted on it in ${year}.`;
        const spec = { by: String(year), in: `voted on it in ${year}` };
        const bound = { start: String(year), end: String(year), basis: "no_later_than" };
        expect(when(sentence, "The treaty was signed", spec)).toMatchObject(bound);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a `by` that names no time mention of its passage", () => {
    const spec = { by: "April 2014", in: "In March 2014 the council voted" };
    expect(() => when(text, island, spec)).toThrow(/April 2014/);
  });
});
