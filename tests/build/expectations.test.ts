/** A source's expectations file: every kind of expectation, each difference and each malformed entry at its line. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PipelineError, PipelineErrors } from "../../pipeline/io/errors.ts";
import { expectationProblems } from "../helpers/expectations.ts";
import type { Published } from "../helpers/published-files.ts";

const published: Published = {
  outDir: "",
  tables: new Map([
    [
      "figures",
      {
        name: "figures",
        primaryKey: ["id"],
        columns: ["id", "source_id", "value", "note"],
        rows: [
          { id: "a", source_id: "s", value: 15.873015, note: "about the port" },
          { id: "b", source_id: "s", value: 17, note: null },
          { id: "c", source_id: "other", value: 1, note: null },
        ],
      },
    ],
    ["indicators", { name: "indicators", primaryKey: ["id"], columns: ["id", "value"], rows: [{ id: "i", value: 2 }] }],
  ]),
  charts: new Map([["trend.svg", "<svg><text>Ferries &amp; trams, 2023</text></svg>"]]),
};

/** The lines the checks give for an expectations file of `text`, the folder's path cut off. */
function problemsOf(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "rdd-expect-"));
  writeFileSync(join(dir, "expectations.yaml"), text);
  try {
    return expectationProblems(dir, "s", published).map((p) => String(p).replace(`${dir}/`, ""));
  } catch (error) {
    if (!(error instanceof PipelineError || error instanceof PipelineErrors)) throw error;
    const errors = error instanceof PipelineErrors ? error.errors : [error];
    return errors.map((p) => String(p).replace(`${dir}/`, ""));
  }
}

describe("expectations", () => {
  it("hold when the source publishes what they say", () => {
    expect(
      problemsOf(
        [
          "counts: { figures: 2 }",
          "records:",
          "  figures:",
          "    - { id: a, value: 15.87, contains: { note: port }, lacks: { note: airport } }",
          "    - { id: b, value: 17, note: null }",
          "  indicators: [{ id: i, value: 2 }]",
          "absent: { figures: [z], indicators: [j] }",
          "sets: [{ table: figures, where: { note: null }, keys: [b] }]",
          'charts: { trend.svg: ["Ferries & trams, 2023"] }',
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("name each difference at its line, with the record", () => {
    expect(
      problemsOf(
        [
          "counts: { figures: 3, indicators: 1 }",
          "records:",
          "  figures:",
          "    - { id: a, value: 15.88 }",
          "    - id: b",
          "      value: 17.0",
          "      contains: { note: port }",
          "    - { id: c, value: 1 }",
          "    - { value: 1 }",
          "absent: { figures: [a] }",
          "sets: [{ table: figures, where: { note: null }, keys: [a, b] }]",
          'charts: { trend.svg: ["Ferries and trams"], missing.svg: [x] }',
        ].join("\n"),
      ),
    ).toEqual([
      "expectations.yaml:1: figures: 2 rows of s, expected 3",
      "expectations.yaml:1: indicators has no source_id: no count per source",
      "expectations.yaml:4 [a]: value is 15.873015, expected 15.88",
      'expectations.yaml:7 [b]: note lacks "port"',
      "expectations.yaml:8 [c]: figures: no row of s with key c",
      "expectations.yaml:9: figures: a record expectation needs its key column id",
      "expectations.yaml:10: figures: a is published, expected absent",
      'expectations.yaml:11: figures where {"note":null}: b, expected a, b',
      'expectations.yaml:12: trend.svg does not show "Ferries and trams"',
      "expectations.yaml:12: no published chart missing.svg",
    ]);
  });

  it("refuse a malformed file, naming its line", () => {
    expect(problemsOf("counts:\n  figures: many\nrecords: { figures: [{ id: a, note: { x: 1 } }] }\n")).toEqual([
      "expectations.yaml:2: counts.figures: Invalid input: expected number, received string",
      "expectations.yaml:3: records.figures item 1.note: Invalid input",
    ]);
    expect(problemsOf("figures: 22\n")).toEqual(['expectations.yaml:1: Unrecognized key: "figures"']);
  });
});
