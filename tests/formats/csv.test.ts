/** The CSV format: RFC 4180, and a formula guard on text cells that a spreadsheet would read as a formula. */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../pipeline/formats/csv/index.ts";

/** A one-column table of these cells. */
const table = (cells: unknown[]) => ({
  columns: [{ name: "cell", kind: "text", nullable: true, description: "" } as const],
  rows: cells.map((cell) => ({ cell })),
});

/** The cells of a one-column CSV as a spreadsheet reads them back. */
const cellsOf = (csv: string) =>
  (Papa.parse(csv, { skipEmptyLines: true }).data as string[][]).slice(1).map(([cell]) => cell);

const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

describe("the CSV formula guard", () => {
  const followers = [
    ["nothing", ""],
    ["text", "1+1"],
    ["a formula", 'HYPERLINK("http://evil","x")'],
    ["a line break then text", "1+1\nsecond line"],
    ["a trailing line break (a YAML | block)", 'HYPERLINK("http://evil","x")\n'],
    ["a CR LF line break", "cmd|' /C calc'!A0\r\nmore"],
    ["a line break first", "\n=2"],
  ];
  for (const start of FORMULA_STARTS) {
    it.each(followers)(`prefixes ' to a text cell starting with ${JSON.stringify(start)} followed by %s`, (_, rest) => {
      expect(cellsOf(toCsv(table([start + rest])))).toEqual([`'${start}${rest}`]);
    });
  }

  it("leaves numbers alone, negative ones included, and text that only holds such a character later", () => {
    const cells = [-5, 0, 1.5, "a\n=1+1", "a=b", " =1", "x\t@y"];
    expect(cellsOf(toCsv(table(cells)))).toEqual(["-5", "0", "1.5", "a\n=1+1", "a=b", " =1", "x\t@y"]);
  });

  it("guards a list cell by its joined text", () => {
    expect(
      cellsOf(
        toCsv(
          table([
            ["=1", "b"],
            ["a", "=2"],
          ]),
        ),
      ),
    ).toEqual(["'=1;b", "a;=2"]);
  });

  it("any text cell reads back as written, with ' before it exactly when it starts with a formula character", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "a", " ", '"', ",", "'") }), {
          minLength: 1,
        }),
        (texts) => {
          const expected = texts.map((text) => (FORMULA_STARTS.includes(text[0] ?? "") ? `'${text}` : text));
          const csv = toCsv(table(texts));
          const rows = Papa.parse(csv, { newline: "\n" }).data as string[][];
          expect(rows.slice(1, texts.length + 1).map(([cell]) => cell)).toEqual(expected);
        },
      ),
    );
  });
});
