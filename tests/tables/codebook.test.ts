/**
 * The codebook: actors, units, measures, event types and series as published tables, named and defined by
 * sources/dataset.yaml, and every code in the data tables a foreign key to them that validators follow (DuckDB
 * over the CSV files by the descriptor's keys, SQLite's own foreign_key_check). A term defined twice stops the
 * build at its line.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { brokenSources, errorLines, ROOT, runInProcess, snapshot, STACK_TRACE } from "../helpers/cli.ts";
import { DATASET_CONFIG } from "../helpers/published.ts";

const DATA = join(ROOT, "dist", "data");
const descriptor = JSON.parse(readFileSync(join(ROOT, "dist", "datapackage.json"), "utf8")) as {
  resources: {
    name: string;
    type?: string;
    schema?: { foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
  }[];
};
const read = (table: string) =>
  JSON.parse(readFileSync(join(DATA, `${table}.json`), "utf8")) as Record<string, unknown>[];
const sql = (text: string) => `'${text.replace(/'/g, "''")}'`;

let duckdb: DuckDBConnection;
beforeAll(async () => {
  duckdb = await (await DuckDBInstance.create(":memory:")).connect();
});
afterAll(() => duckdb?.closeSync());

/** Each foreign key of the descriptor that a CSV row breaks, as `table.field = value` (DuckDB joins the files). */
async function danglingKeys(dir: string): Promise<string[]> {
  const csv = (table: string) => `read_csv(${sql(join(dir, `${table}.csv`))}, header = true, all_varchar = true)`;
  const found: string[] = [];
  for (const resource of descriptor.resources) {
    for (const key of resource.schema?.foreignKeys ?? []) {
      const [field] = key.fields;
      const [target] = key.reference.fields;
      const rows = await duckdb.runAndReadAll(
        `SELECT c."${field}" AS value FROM ${csv(resource.name)} c WHERE c."${field}" IS NOT NULL AND NOT EXISTS ` +
          `(SELECT 1 FROM ${csv(key.reference.resource)} p WHERE p."${target}" = c."${field}")`,
      );
      for (const row of rows.getRowObjectsJson()) found.push(`${resource.name}.${field} = ${row.value}`);
    }
  }
  return found;
}

describe("the codebook tables", () => {
  it("hold every term sources/dataset.yaml defines, with its name and definition", () => {
    expect(read("actors")).toEqual(Object.entries(DATASET_CONFIG.actors).map(([code, { name }]) => ({ code, name })));
    expect(read("units").map((u) => [u.code, u.name])).toEqual(
      Object.entries(DATASET_CONFIG.units).map(([code, { name }]) => [code, name]),
    );
    expect(read("measures").map((m) => [m.code, m.unit, m.description])).toEqual(
      Object.entries(DATASET_CONFIG.measures).map(([code, { unit, description }]) => [code, unit, description]),
    );
    expect(read("event_types").map((e) => [e.code, e.description])).toEqual(
      Object.entries(DATASET_CONFIG.event_types).map(([code, { description }]) => [code, description]),
    );
    expect(read("series").map((s) => s.id)).toEqual(DATASET_CONFIG.series.map((s) => s.id));
    for (const table of ["measures", "event_types"])
      for (const row of read(table)) expect(String(row.name), String(row.code)).toMatch(/^[A-Z]/);
  });

  it("are what the data tables' codes point to, by foreign keys in datapackage.json", () => {
    const keysOf = (table: string) =>
      descriptor.resources
        .find((r) => r.name === table)!
        .schema!.foreignKeys!.map((key) => `${key.fields[0]} → ${key.reference.resource}.${key.reference.fields[0]}`);
    expect(keysOf("figures")).toEqual(
      expect.arrayContaining([
        "measure → measures.code",
        "subject → actors.code",
        "counterpart → actors.code",
        "unit → units.code",
      ]),
    );
    expect(keysOf("events")).toContain("event_type → event_types.code");
    expect(keysOf("indicators")).toContain("unit → units.code");
    expect(keysOf("measures")).toContain("unit → units.code");
    expect(keysOf("series")).toEqual(["measure → measures.code", "subject → actors.code", "counterpart → actors.code"]);
  });
});

describe("the foreign keys", () => {
  it("hold in every CSV file, as DuckDB joins them by the descriptor", async () => {
    expect(await danglingKeys(DATA)).toEqual([]);
  });

  it("are followed: a code no codebook defines is found", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rdd-keys-"));
    for (const resource of descriptor.resources.filter((r) => r.type === "table"))
      copyFileSync(join(DATA, `${resource.name}.csv`), join(dir, `${resource.name}.csv`));
    const measures = readFileSync(join(dir, "measures.csv"), "utf8");
    writeFileSync(join(dir, "measures.csv"), measures.replace(/\ntrade_turnover,[^\n]*/, ""));
    const dangling = await danglingKeys(dir);
    expect(dangling.length).toBeGreaterThan(0);
    expect(new Set(dangling)).toEqual(new Set(["figures.measure = trade_turnover", "series.measure = trade_turnover"]));
  });

  it("hold in the SQLite database, by SQLite's own foreign_key_check", (context) => {
    const python = spawnSync("python3", ["--version"]);
    if (python.error !== undefined) context.skip("python3 is not installed, and with it SQLite's command line");
    const check = (file: string, setup = "") =>
      spawnSync(
        "python3",
        [
          "-c",
          "import sqlite3, sys, json\n" +
            "db = sqlite3.connect(sys.argv[1])\n" +
            `${setup}\n` +
            "print(json.dumps(db.execute('PRAGMA foreign_key_check').fetchall()))",
          file,
        ],
        { encoding: "utf8" },
      );
    const database = join(DATA, "russia-dprk-data.sqlite");
    const clean = check(database);
    expect(clean.stderr).toBe("");
    expect(JSON.parse(clean.stdout)).toEqual([]);
    const copy = join(mkdtempSync(join(tmpdir(), "rdd-sqlite-")), "copy.sqlite");
    copyFileSync(database, copy);
    // Python's sqlite3 does not enforce foreign keys unless asked: the delete goes through, the check finds it.
    const broken = check(copy, "db.execute(\"DELETE FROM actors WHERE code = 'RUS'\")");
    const dangling = JSON.parse(broken.stdout) as [string, number, string, number][];
    expect(new Set(dangling.map(([table, , parent]) => `${table} → ${parent}`))).toEqual(
      new Set(["figures → actors", "event_actors → actors", "series → actors"]),
    );
  });
});

/** The configuration with `lines` added first in its actors, as a curator would add an actor. */
const withActors = (config: string, ...lines: string[]) =>
  config.replace(/^actors:\n/m, `actors:\n${lines.join("\n")}\n`);
const [[FIRST_CODE, { name: FIRST_NAME }]] = Object.entries(DATASET_CONFIG.actors) as [[string, { name: string }]];
/** The first actor's code in the other case: "RUS" → "rus". */
const OTHER_CASE = [...FIRST_CODE].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");

describe("a term defined twice", () => {
  it.each([
    [
      "a code written twice",
      (config: string) => withActors(config, `  ${FIRST_CODE}: { name: Another name }`),
      /dataset\.yaml:\d+: YAML syntax error: Map keys must be unique/,
    ],
    [
      "a code in another case",
      (config: string) => withActors(config, `  ${OTHER_CASE}: { name: Another name }`),
      new RegExp(
        `dataset\\.yaml:\\d+: actors: "${FIRST_CODE}" is "${OTHER_CASE}" \\(line \\d+\\) in another case: a term is defined once$`,
      ),
    ],
    [
      "two codes with one name",
      (config: string) => withActors(config, `  ZZ_NEW: { name: ${FIRST_NAME} }`),
      new RegExp(
        `dataset\\.yaml:\\d+: actors: "${FIRST_CODE}" has the name "${FIRST_NAME}", as "ZZ_NEW" \\(line \\d+\\) does: a term is defined once$`,
      ),
    ],
  ])("%s: one line at its line, exit 1, nothing published", async (_, edit, message) => {
    const { sourcesDir, outDir } = brokenSources((dir) => {
      const file = join(dirname(dir), "dataset.yaml");
      const before = readFileSync(file, "utf8");
      const after = edit(before);
      expect(after).not.toBe(before);
      writeFileSync(file, after);
    });
    const published = snapshot(outDir);
    const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toHaveLength(1);
    expect(errorLines(result)[0]).toMatch(message);
    expect(snapshot(outDir)).toEqual(published);
  });

  it("a code used and not defined: one line naming where it is used", async () => {
    const { sourcesDir, outDir } = brokenSources((dir) => {
      const file = join(dirname(dir), "dataset.yaml");
      const doc = parseDocument(readFileSync(file, "utf8"));
      const [measure] = Object.keys(DATASET_CONFIG.measures);
      doc.setIn(["measures", measure, "unit"], "mile");
      writeFileSync(file, doc.toString());
    });
    const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.status).toBe(1);
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/dataset\.yaml:\d+: unit "mile" is not defined in dataset\.yaml's units$/),
    ]);
  });
});
