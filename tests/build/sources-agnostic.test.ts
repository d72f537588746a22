/**
 * A new source is a folder: the two fixture sources (a port authority's annual report and a city's ridership
 * note, fictional, with measures, units, actors and series the memo does not have) build alone and beside the
 * memo, with no code change, and adding them changes nothing the memo publishes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONFIG_FILE, loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { sha256 } from "../../pipeline/ingest/index.ts";
import { assertCurated } from "../../pipeline/curation/to-curate.ts";
import { runCli } from "../helpers/cli.ts";
import { FIXTURE_SOURCES, MEMO_SOURCES, memoWithFixtures, mergeDatasetConfigs, sourceFolders } from "../helpers/sources.ts";

type Row = Record<string, unknown>;

/** A build's published tables by name, and the folder it wrote. */
interface Built {
  (table: string): Row[];
  outDir: string;
}

/** Builds `sourcesDir` with the command line into a fresh folder and reads a published table back. */
function buildInto(sourcesDir: string): Built {
  const outDir = join(mkdtempSync(join(tmpdir(), "rdd-out-")), "dist");
  const result = runCli("build", "--sources", sourcesDir, "--out", outDir);
  if (result.status !== 0) throw new Error(`build of ${sourcesDir} failed:\n${result.stderr}`);
  const read = (table: string) => JSON.parse(readFileSync(join(outDir, "data", `${table}.json`), "utf8")) as Row[];
  return Object.assign(read, { outDir });
}

const FIXTURE_IDS = ["halvard-port-2023", "halvard-transit-2024"];
const memoConfig = () => loadDatasetConfig(join(MEMO_SOURCES, CONFIG_FILE)).config;
const fixtureConfig = () => loadDatasetConfig(join(FIXTURE_SOURCES, CONFIG_FILE)).config;

describe("the fixture sources", () => {
  it("are fully curated folders whose texts match their source.json", () => {
    expect(sourceFolders(FIXTURE_SOURCES)).toEqual(FIXTURE_IDS);
    for (const id of FIXTURE_IDS) {
      const dir = join(FIXTURE_SOURCES, id);
      expect(() => assertCurated(dir)).not.toThrow();
      const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
      const text = readFileSync(join(dir, record.file));
      expect([record.id, record.sha256, record.bytes]).toEqual([id, sha256(text), text.length]);
    }
  });

  it("use a measure, a unit, an actor, an event type and series that the memo's configuration does not define", () => {
    const memo = memoConfig();
    const fixtures = fixtureConfig();
    const only = (kind: "measures" | "units" | "actors" | "event_types") => Object.keys(fixtures[kind]).filter((term) => !(term in memo[kind]));
    expect(only("measures")).toContain("ferry_passengers");
    expect(only("units")).toEqual(expect.arrayContaining(["tonne", "passenger", "EUR"]));
    expect(only("actors")).toEqual(["HAL", "HPA", "HTC", "OST", "OIC"]);
    expect(only("event_types")).toEqual(["fare_change"]);
    expect(fixtures.series.map((s) => s.id).filter((id) => !memo.series.some((s) => s.id === id))).toEqual(["ferry-passengers-hal-ost", "cargo-hal-ost"]);
  });
});

describe("merging dataset configurations", () => {
  it("takes the union of terms, series and charts, with the first file's package metadata", () => {
    const merged = mergeDatasetConfigs([join(MEMO_SOURCES, CONFIG_FILE), join(FIXTURE_SOURCES, CONFIG_FILE)]);
    const memo = memoConfig();
    const fixtures = fixtureConfig();
    for (const kind of ["units", "measures", "actors", "event_types"] as const) {
      expect(Object.keys(merged[kind]).sort()).toEqual([...new Set([...Object.keys(memo[kind]), ...Object.keys(fixtures[kind])])].sort());
    }
    expect(merged.series.map((s) => s.id)).toEqual(["trade-turnover-rus-prk", "ferry-passengers-hal-ost", "cargo-hal-ost"]);
    expect(merged.charts.map((c) => c.file)).toEqual(["trade-turnover.svg", "events-timeline.svg", "ferry-passengers.svg"]);
    expect(merged.package).toEqual(memo.package);
  });

  it("refuses a term defined differently in two files, naming both", () => {
    const other = join(mkdtempSync(join(tmpdir(), "rdd-config-")), CONFIG_FILE);
    writeFileSync(other, readFileSync(join(FIXTURE_SOURCES, CONFIG_FILE), "utf8").replace('percent: { name: percent (90 = 90%), suffix: "%" }', 'percent: { name: percent (0.9 = 90%) }'));
    expect(() => mergeDatasetConfigs([join(MEMO_SOURCES, CONFIG_FILE), other])).toThrow(/units "percent" is defined differently in .*sources\/dataset\.yaml and .*dataset\.yaml/);
  });
});

describe("building the fixture sources alone", () => {
  let table: Built;
  beforeAll(() => {
    table = buildInto(FIXTURE_SOURCES);
  });

  it("publishes both sources and every figure, in the units their configuration defines", () => {
    expect(table("sources").map((s) => s.id)).toEqual(FIXTURE_IDS);
    const figures = table("figures");
    expect(figures).toHaveLength(19);
    expect(new Set(figures.map((f) => f.source_id))).toEqual(new Set(FIXTURE_IDS));
    expect(figures.find((f) => f.id === "cargo-throughput-hpa-2023")).toMatchObject({ value: 14200000, unit: "tonne", subject: "HPA", counterpart: null });
    expect(figures.find((f) => f.id === "bus-fleet-htc-2024-05")).toMatchObject({ value: 212, unit: "vehicle", period_start: "2024-05" });
    expect(table("events").map((e) => e.event_type).sort()).toEqual(["agreement", "fare_change", "infrastructure"]);
  });

  it("keeps two sources' observations of one period as two rows, each change computed within its own source", () => {
    const rows = table("ferry_passengers").map((r) => [r.figure_id, r.source_id, r.period_start, r.value, r.previous_figure_id ?? null]);
    expect(rows).toEqual([
      ["ferry-passengers-hal-ost-2022", "halvard-transit-2024", "2022", 1100000, null],
      ["ferry-passengers-hal-ost-2023-port", "halvard-port-2023", "2023", 1400000, null],
      ["ferry-passengers-hal-ost-2023-city", "halvard-transit-2024", "2023", 1350000, "ferry-passengers-hal-ost-2022"],
    ]);
    expect(table("cargo_hal_ost").map((r) => r.change_abs ?? null)).toEqual([null, 700000]);
  });

  it("accounts for every quantity mention and writes an explorer page per source", () => {
    const quantities = table("mentions").filter((m) => m.kind === "quantity");
    expect(quantities).toHaveLength(19);
    for (const m of quantities) expect((m.used_by as string[]).length > 0 || m.dismissed !== null).toBe(true);
    for (const id of FIXTURE_IDS) expect(existsSync(join(table.outDir, "explorer", `${id}.html`))).toBe(true);
  });

  it("draws each chart under the file name dataset.yaml gives it, naming the sources it draws from", () => {
    const svg = readFileSync(join(table.outDir, "charts", "ferry-passengers.svg"), "utf8");
    const authors = table("sources").map((s) => String(s.author));
    for (const author of authors) expect(svg).toContain(author.replaceAll("&", "&amp;"));
    expect(existsSync(join(table.outDir, "charts", "trade-turnover.svg"))).toBe(false);
  });
});

describe("building the memo with the fixture sources", () => {
  let merged: Built;
  let memo: Built;
  beforeAll(() => {
    merged = buildInto(memoWithFixtures());
    memo = buildInto(MEMO_SOURCES);
  });

  it("publishes all three sources and an explorer page for each", () => {
    expect(merged("sources").map((s) => s.id)).toEqual([...FIXTURE_IDS, "ponars-pm-428"]);
    for (const id of [...FIXTURE_IDS, "ponars-pm-428"]) expect(existsSync(join(merged.outDir, "explorer", `${id}.html`))).toBe(true);
  });

  it("leaves every row the memo publishes alone unchanged", () => {
    for (const name of ["sources", "figures", "events", "mentions", "indicators", "trade_turnover"]) {
      const rows = merged(name);
      for (const row of memo(name)) expect(rows).toContainEqual(row);
    }
    const fromFixtures = merged("figures").filter((f) => f.source_id !== "ponars-pm-428");
    expect(fromFixtures).toHaveLength(19);
    expect(merged("figures")).toHaveLength(memo("figures").length + 19);
  });
});
