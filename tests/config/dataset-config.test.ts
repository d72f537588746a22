/** The dataset configuration: a term used but defined nowhere is an error naming the file and the line it is used on. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { PipelineErrors } from "../../pipeline/io/errors.ts";
import { CONTRACT_TABLES, tableSpecs } from "../../pipeline/tables/index.ts";
import { ROOT } from "../helpers/cli.ts";

const MEMO_CONFIG = readFileSync(join(ROOT, "sources", "dataset.yaml"), "utf8");

/** The messages loading the memo's configuration, edited, gives; empty when it loads. */
function problems(edit: (text: string) => string): string[] {
  const file = join(mkdtempSync(join(tmpdir(), "rdd-config-")), "dataset.yaml");
  const text = edit(MEMO_CONFIG);
  expect(text).not.toBe(MEMO_CONFIG);
  writeFileSync(file, text);
  try {
    loadDatasetConfig(file);
    return [];
  } catch (error) {
    const all = error instanceof PipelineErrors ? error.errors : [error];
    return all.map((e) => String(e).replace(file, "dataset.yaml"));
  }
}

const lineOf = (needle: string) => MEMO_CONFIG.slice(0, MEMO_CONFIG.indexOf(needle)).split("\n").length;

describe("the dataset configuration", () => {
  it("loads the memo's, with every series and chart", () => {
    const { config } = loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));
    expect(config.series.map((s) => s.table)).toEqual(["trade_turnover"]);
    expect(config.units.person!.accepts).toEqual(["count"]);
  });

  it.each([
    ["a measure in an undefined unit", (t: string) => t.replace("border_length: { unit: km,", "border_length: { unit: mile,"), 'unit "mile" is not defined', "border_length: { unit"],
    ["a series of an undefined measure", (t: string) => t.replace("    measure: trade_turnover\n", "    measure: trade_volume\n"), 'measure "trade_volume" is not defined', "    measure: trade_turnover\n"],
    ["a series between undefined actors", (t: string) => t.replace("    counterpart: PRK\n", "    counterpart: DPRK\n"), 'actor "DPRK" is not defined', "    counterpart: PRK\n"],
    ["a chart of an undefined series", (t: string) => t.replace("    series: trade-turnover-rus-prk\n", "    series: trade-rus-prk\n"), 'series "trade-rus-prk" is not defined', "    series: trade-turnover-rus-prk\n"],
    ["a chart beside an undefined measure", (t: string) => t.replace("beside: [trade_projection,", "beside: [trade_guess,"), 'measure "trade_guess" is not defined', "beside: [trade_projection,"],
    ["a series table named like a contract table", (t: string) => t.replace("    table: trade_turnover\n", "    table: figures\n"), 'table "figures" is one of the data contract\'s own tables', "    table: trade_turnover\n"],
    ["series without the units of their changes", (t: string) => t.replace(/^ {2}percent\/year: .*\n/m, ""), 'unit "percent/year" must be defined', "\nseries:"],
  ])("refuses %s, naming the line", (_, edit, message, at) => {
    const found = problems(edit);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]).toMatch(new RegExp(`^dataset\\.yaml:${at === "\nseries:" ? lineOf(at) + 1 : lineOf(at)}: `));
  });

  it("refuses an unknown key and a malformed term, each at its line", () => {
    const found = problems((t) => t.replace("  km: { name: kilometres,", "  km: { label: kilometres, name: kilometres,"));
    expect(found[0]).toMatch(/^dataset\.yaml:\d+: units\.km: Unrecognized key: "label"/);
  });
});

describe("the contract's tables", () => {
  it("are the tables every dataset publishes before its series", () => {
    const { config } = loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));
    const names = tableSpecs({ ...config, series: [] }).map((spec) => spec.name);
    expect([...names].sort()).toEqual([...CONTRACT_TABLES].sort());
  });
});
