/**
 * The dataset configuration: a term used but defined nowhere is an error naming the file and the line it is used on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { PipelineErrors } from "../../pipeline/io/errors.ts";
import { CONTRACT_TABLES, LINK_TABLES, tableDefinitions } from "../../pipeline/tables/index.ts";
import { ROOT } from "../helpers/cli.ts";

/** A configuration these tests edit: a frozen copy of the memo's, so that sources/dataset.yaml may change. */
const CONFIG_FIXTURE = join(ROOT, "tests", "fixtures", "config", "dataset.yaml");
const DATASET_CONFIG = readFileSync(CONFIG_FIXTURE, "utf8");

/** The messages loading the memo's configuration, edited, gives; empty when it loads. */
async function problems(edit: (text: string) => string): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), "rdd-config-")), "dataset.yaml");
  const text = edit(DATASET_CONFIG);
  expect(text).not.toBe(DATASET_CONFIG);
  writeFileSync(file, text);
  try {
    await loadDatasetConfig(file);
    return [];
  } catch (error) {
    const all = error instanceof PipelineErrors ? error.errors : [error];
    return all.map((e) => String(e).replace(file, "dataset.yaml"));
  }
}

const lineOf = (needle: string) => DATASET_CONFIG.slice(0, DATASET_CONFIG.indexOf(needle)).split("\n").length;

describe("the dataset configuration", () => {
  it("loads the memo's, with every series and chart, each chart's options as its kind reads them", async () => {
    const config = await loadDatasetConfig(CONFIG_FIXTURE);
    expect(config.series.map((s) => s.table)).toEqual(["trade_turnover"]);
    expect(config.units.person!.accepts).toEqual(["count"]);
    expect(config.charts).toEqual([
      {
        file: "trade-turnover.svg",
        kind: "series",
        series: "trade-turnover-rus-prk",
        beside: ["trade_projection", "trade_turnover"],
      },
      { file: "events-timeline.svg", kind: "timeline" },
    ]);
  });

  it.each([
    [
      "a measure in an undefined unit",
      (t: string) => t.replace("border_length: { unit: km,", "border_length: { unit: mile,"),
      'unit "mile" is not defined',
      "border_length: { unit",
    ],
    [
      "a series of an undefined measure",
      (t: string) => t.replace("    measure: trade_turnover\n", "    measure: trade_volume\n"),
      'measure "trade_volume" is not defined',
      "    measure: trade_turnover\n",
    ],
    [
      "a series between undefined actors",
      (t: string) => t.replace("    counterpart: PRK\n", "    counterpart: DPRK\n"),
      'actor "DPRK" is not defined',
      "    counterpart: PRK\n",
    ],
    [
      "a chart of an undefined series",
      (t: string) => t.replace("    series: trade-turnover-rus-prk\n", "    series: trade-rus-prk\n"),
      'series "trade-rus-prk" is not defined',
      "    series: trade-turnover-rus-prk\n",
    ],
    [
      "a chart beside an undefined measure",
      (t: string) => t.replace("beside: [trade_projection,", "beside: [trade_guess,"),
      'measure "trade_guess" is not defined',
      "beside: [trade_projection,",
    ],
    [
      "a series table named like a contract table",
      (t: string) => t.replace("    table: trade_turnover\n", "    table: figures\n"),
      'table "figures" is one of the data contract\'s own tables',
      "    table: trade_turnover\n",
    ],
    [
      "a series table named as a link table of the SQLite database",
      (t: string) => t.replace("    table: trade_turnover\n", "    table: event_actors\n"),
      'table "event_actors" is one of the data contract\'s own tables',
      "    table: trade_turnover\n",
    ],
    [
      "series without the units of their changes",
      (t: string) => t.replace(" growth_rate: percent/year ", " "),
      "derived_units.growth_rate must name a unit",
      "  - id: trade-turnover-rus-prk",
    ],
    [
      "a derived unit that is not a unit",
      (t: string) => t.replace("  percent/year: {", "  percent_per_year: {"),
      'unit "percent/year" is not defined',
      "derived_units:",
    ],
    [
      "a package title that names the sources by hand",
      (t: string) =>
        t.replace("title: Figures, events and indicators from {sources}", "title: Figures from PONARS Memo 428"),
      "package.title must say where the sources are named with {sources}",
      "  title: Figures, events",
    ],
    [
      "a homepage that is no web address",
      (t: string) => t.replace("package:\n", "package:\n  homepage: github.com/x\n"),
      "package.homepage: Invalid URL",
      "  title: Figures, events",
    ],
    [
      "a chart of a kind that has no module",
      (t: string) => t.replace("kind: timeline", "kind: pie"),
      'chart kind "pie" has no module pipeline/formats/charts/kinds/pie.ts',
      "kind: timeline",
    ],
    [
      "a chart with an option its kind does not take",
      (t: string) => t.replace("    kind: timeline\n", "    kind: timeline\n    series: trade-turnover-rus-prk\n"),
      'charts item 2.series: Unrecognized key: "series" (a timeline chart)',
      "\n# end",
    ],
    [
      "a series chart without its series",
      (t: string) => t.replace("    series: trade-turnover-rus-prk\n", ""),
      "charts item 1.series: Invalid input: expected string, received undefined (a series chart)",
      "  - file: trade-turnover.svg",
    ],
    [
      "a series chart with a malformed option",
      (t: string) => t.replace("beside: [trade_projection, trade_turnover]", "beside: trade_projection"),
      "charts item 1.beside: Invalid input: expected array, received string (a series chart)",
      "beside: [trade_projection",
    ],
  ])("refuses %s, naming the line", async (_, edit, message, at) => {
    const found = await problems(edit);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    // "\n# end" stands for the line the edit adds at the end of the file.
    const line = at === "\n# end" ? DATASET_CONFIG.split("\n").length : lineOf(at);
    expect(found[0]).toMatch(new RegExp(`^dataset\\.yaml:${line}: `));
  });

  it("refuses an unknown key and a malformed term, each at its line", async () => {
    const found = await problems((t) =>
      t.replace("  km: { name: kilometres,", "  km: { label: kilometres, name: kilometres,"),
    );
    expect(found[0]).toMatch(/^dataset\.yaml:\d+: units\.km: Unrecognized key: "label"/);
  });
});

describe("the contract's tables", () => {
  it("are the tables every dataset publishes before its series", async () => {
    const config = await loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));
    const names = tableDefinitions({ ...config, series: [] }).all.map((table) => table.name);
    expect([...names].sort()).toEqual([...CONTRACT_TABLES].sort());
  });

  it("name every link table of the database in LINK_TABLES, so that no series takes its name", async () => {
    const config = await loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));
    const links = tableDefinitions(config).all.flatMap((table) =>
      table.columns.flatMap((c) => (c.link ? [c.link.table] : [])),
    );
    expect(links.sort()).toEqual(Object.values(LINK_TABLES).sort());
  });
});
