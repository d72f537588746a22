/**
 * A new source is a folder: the two fixture sources (a port authority's annual report and a city's ridership
 * note, fictional, with measures, units, actors and series the memo does not have) build alone and beside the
 * memo, with no code change, and adding them changes nothing the memo publishes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../pipeline/build.ts";
import { CONFIG_FILE, loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { assertCurated } from "../../pipeline/curation/to-curate.ts";
import { ROOT } from "../helpers/cli.ts";
import { sourceFolders } from "../../pipeline/io/input-files.ts";
import { FIXTURE_SOURCES, REPO_SOURCES, repoSourcesWithFixtures, mergeDatasetConfigs } from "../helpers/sources.ts";

type Row = Record<string, unknown>;

/** A build's published tables by name, and the folder it wrote. */
interface Built {
  (table: string): Row[];
  outDir: string;
}

/** A build's folder, its published tables read back by name. */
function readBack(outDir: string): Built {
  const read = (table: string) => JSON.parse(readFileSync(join(outDir, "data", `${table}.json`), "utf8")) as Row[];
  return Object.assign(read, { outDir });
}

/** Builds `sourcesDir` into a fresh folder. */
async function buildInto(sourcesDir: string): Promise<Built> {
  const outDir = join(mkdtempSync(join(tmpdir(), "rdd-out-")), "dist");
  await build({ sourcesDir, outDir });
  return readBack(outDir);
}

const FIXTURE_IDS = ["halvard-port-2023", "halvard-transit-2024"];
const memoConfig = () => loadDatasetConfig(join(REPO_SOURCES, CONFIG_FILE));
const fixtureConfig = () => loadDatasetConfig(join(FIXTURE_SOURCES, CONFIG_FILE));

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

  it("use measures, units, actors, event types and series that the memo's configuration does not define", async () => {
    // The memo's configuration as frozen for the tests: sources/dataset.yaml may come to define any of them.
    const memo = await loadDatasetConfig(join(ROOT, "tests", "fixtures", "config", CONFIG_FILE));
    const fixtures = await fixtureConfig();
    for (const kind of ["measures", "units", "actors", "event_types"] as const) {
      const only = Object.keys(fixtures[kind]).filter((term) => !(term in memo[kind]));
      expect(only.length, kind).toBeGreaterThan(0);
    }
    expect(fixtures.series.filter((s) => !memo.series.some((m) => m.id === s.id)).length).toBeGreaterThan(0);
  });
});

describe("merging dataset configurations", () => {
  it("takes the union of terms, series and charts, with the first file's package metadata", async () => {
    const merged = await mergeDatasetConfigs([join(REPO_SOURCES, CONFIG_FILE), join(FIXTURE_SOURCES, CONFIG_FILE)]);
    const memo = await memoConfig();
    const fixtures = await fixtureConfig();
    for (const kind of ["units", "measures", "actors", "event_types"] as const) {
      expect(Object.keys(merged[kind]).sort()).toEqual(
        [...new Set([...Object.keys(memo[kind]), ...Object.keys(fixtures[kind])])].sort(),
      );
    }
    const union = (first: string[], second: string[]) => [...new Set([...first, ...second])];
    expect(merged.series.map((s) => s.id)).toEqual(
      union(
        memo.series.map((s) => s.id),
        fixtures.series.map((s) => s.id),
      ),
    );
    expect(merged.charts.map((c) => c.file)).toEqual(
      union(
        memo.charts.map((c) => c.file),
        fixtures.charts.map((c) => c.file),
      ),
    );
    expect(merged.package).toEqual(memo.package);
  });

  it("keeps the first file's definition of a term both define, with the units each accepts", async () => {
    const other = join(mkdtempSync(join(tmpdir(), "rdd-config-")), CONFIG_FILE);
    writeFileSync(
      other,
      readFileSync(join(FIXTURE_SOURCES, CONFIG_FILE), "utf8").replace(
        'tonne: { name: metric tonnes, suffix: " t", accepts: [t] }',
        "tonne: { name: tonnes, accepts: [tonnes] }",
      ),
    );
    const merged = await mergeDatasetConfigs([join(FIXTURE_SOURCES, CONFIG_FILE), other]);
    expect(merged.units.tonne).toEqual({ name: "metric tonnes", suffix: " t", accepts: ["t", "tonnes"] });
  });

  it("refuses a measure that two files give different units, naming both", async () => {
    const other = join(mkdtempSync(join(tmpdir(), "rdd-config-")), CONFIG_FILE);
    writeFileSync(
      other,
      readFileSync(join(FIXTURE_SOURCES, CONFIG_FILE), "utf8").replace(
        "cargo_throughput: { unit: tonne,",
        "cargo_throughput: { unit: count,",
      ),
    );
    await expect(mergeDatasetConfigs([join(FIXTURE_SOURCES, CONFIG_FILE), other])).rejects.toThrow(
      /measures "cargo_throughput" has the unit tonne in .*sources-extra\/dataset\.yaml and count in .*dataset\.yaml/,
    );
  });
});

describe("building the fixture sources alone", () => {
  let table: Built;
  beforeAll(async () => {
    table = await buildInto(FIXTURE_SOURCES);
  });

  it("publishes both sources and every figure, in the units their configuration defines", () => {
    expect(table("sources").map((s) => s.id)).toEqual(FIXTURE_IDS);
    const figures = table("figures");
    expect(figures).toHaveLength(19);
    expect(new Set(figures.map((f) => f.source_id))).toEqual(new Set(FIXTURE_IDS));
    expect(figures.find((f) => f.id === "cargo-throughput-hpa-2023")).toMatchObject({
      value: 14200000,
      unit: "tonne",
      subject: "HPA",
      counterpart: null,
    });
    expect(figures.find((f) => f.id === "bus-fleet-htc-2024-05")).toMatchObject({
      value: 212,
      unit: "vehicle",
      period_start: "2024-05",
    });
    expect(
      table("events")
        .map((e) => e.event_type)
        .sort(),
    ).toEqual(["agreement", "fare_change", "infrastructure"]);
  });

  it("keeps two sources' observations of one period as two rows, each change computed within its own source", () => {
    const rows = table("ferry_passengers").map((r) => [
      r.figure_id,
      r.source_id,
      r.period_start,
      r.value,
      r.previous_figure_id ?? null,
    ]);
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
  beforeAll(async () => {
    merged = await buildInto(await repoSourcesWithFixtures());
    // The repository's own sources are the committed dist/, which the dataset's own test holds equal to a fresh build.
    memo = readBack(join(ROOT, "dist"));
  });

  it("publishes every source and an explorer page for each", () => {
    const ids = [...new Set([...FIXTURE_IDS, ...memo("sources").map((s) => String(s.id))])].sort();
    expect(merged("sources").map((s) => s.id)).toEqual(ids);
    for (const id of ids) expect(existsSync(join(merged.outDir, "explorer", `${id}.html`))).toBe(true);
  });

  it("leaves every row the memo publishes alone unchanged", () => {
    for (const name of ["sources", "figures", "events", "mentions", "indicators", "trade_turnover"]) {
      const rows = merged(name);
      for (const row of memo(name)) expect(rows).toContainEqual(row);
    }
    const fromFixtures = merged("figures").filter((f) => FIXTURE_IDS.includes(String(f.source_id)));
    expect(fromFixtures).toHaveLength(19);
    // Every figure of either, once: a fixture that sources/ holds too is one source.
    const ids = new Set([...memo("figures"), ...fromFixtures].map((f) => f.id));
    expect(merged("figures")).toHaveLength(ids.size);
  });
});
