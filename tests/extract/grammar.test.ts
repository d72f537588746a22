/**
 * The grammar tables: generated ones match what their packages give today (`npm run grammar` rewrites them),
 * and hand-kept ones say nothing twice or against each other.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED } from "../../pipeline/extract/grammar/generate.ts";
import {
  currencyNames,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  DOLLAR_PREFIXES,
} from "../../pipeline/extract/grammar/currencies.ts";
import { UNITS_OF_MEASURE } from "../../pipeline/extract/grammar/units.ts";
import { extract } from "../../pipeline/extract/index.ts";

describe("grammar tables", () => {
  it.each(GENERATED.map(([file, make]) => ({ file: file.replace(/.*\//, ""), path: file, make })))(
    "$file is what its packages give (npm run grammar)",
    ({ path, make }) => {
      expect(readFileSync(path, "utf8")).toBe(make());
    },
  );

  it("give each currency name, symbol and unit phrase one meaning", () => {
    const names = currencyNames();
    expect(new Set(names.map(([name]) => name)).size).toBe(names.length);
    const symbols = new Map<string, string>();
    for (const [symbol, code] of CURRENCY_SYMBOLS) {
      expect(symbols.get(symbol) ?? code, symbol).toBe(code);
      symbols.set(symbol, code);
    }
    const phrases = new Map<string, string>();
    for (const row of UNITS_OF_MEASURE) {
      for (const phrase of [...(row.names ?? []), ...(row.symbols ?? [])]) {
        const meaning = `${row.code}×${row.factor ?? 1}`;
        expect(phrases.get(phrase) ?? meaning, phrase).toBe(meaning);
        phrases.set(phrase, meaning);
      }
    }
  });

  it("are read by the extractor: every ISO code, every dollar prefix, every unit symbol", () => {
    for (const code of CURRENCY_CODES)
      expect(
        extract(`It cost ${code} 750 and 20 ${code}.`).map((m) => m.kind === "quantity" && m.unit),
        code,
      ).toEqual([code, code]);
    for (const [prefix, code] of DOLLAR_PREFIXES)
      expect(extract(`It cost ${prefix}$5 million.`)[0], prefix).toMatchObject({ value: 5e6, unit: code });
    for (const row of UNITS_OF_MEASURE) {
      for (const symbol of row.symbols ?? []) {
        expect(extract(`It measured 40 ${symbol} in all.`)[0], symbol).toMatchObject({
          value: 40 * (row.factor ?? 1),
          unit: row.code,
        });
      }
    }
  });
});
