import { describe, expect, it } from "vitest";
import { vocabularyChanges } from "../../pipeline/release/vocabulary.ts";

const before = `
units:
  usd: { symbol: "$" }
measures:
  trade: { description: Trade in goods }
  debt: { description: Debt owed }
series:
  - id: trade-series
    title: Trade
`;

describe("the vocabulary's changes between two releases", () => {
  it("names each term added, removed or redefined, with the field that changed", () => {
    const after = `
units:
  usd: { symbol: "US$" }
measures:
  trade: { description: Trade in goods }
  investment: { description: Money invested }
series:
  - id: trade-series
    title: Trade turnover
`;
    expect(vocabularyChanges(before, after)).toEqual([
      { section: "units", term: "usd", change: "redefined", detail: '`symbol` "$" → "US$"' },
      { section: "measures", term: "investment", change: "added", detail: "Money invested" },
      { section: "measures", term: "debt", change: "removed", detail: "Debt owed" },
      { section: "series", term: "trade-series", change: "redefined", detail: '`title` "Trade" → "Trade turnover"' },
    ]);
  });

  it("says a field is new or gone rather than showing it as an empty value", () => {
    const after = `
units:
  usd: { name: US dollar }
measures:
  trade: { description: Trade in goods, name: Trade }
  debt: { description: Debt owed }
series:
  - id: trade-series
    title: Trade
`;
    expect(vocabularyChanges(before, after)).toEqual([
      {
        section: "units",
        term: "usd",
        change: "redefined",
        detail: '`symbol` removed (was "$"); `name` added: "US dollar"',
      },
      { section: "measures", term: "trade", change: "redefined", detail: '`name` added: "Trade"' },
    ]);
  });

  it("is null when either release has no configuration", () => {
    expect(vocabularyChanges(null, before)).toBeNull();
  });
});
