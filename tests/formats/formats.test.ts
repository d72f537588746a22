/**
 * The typed formats as an independent engine reads them: DuckDB opens every CSV (typed by the Table Schema),
 * every Parquet file and checks the column types and that each holds exactly the JSON's records. DuckDB's
 * SQLite reader is an extension it would download, which is impossible here, so the SQLite file is checked
 * with sql.js and the system's `sqlite3` shell instead.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import initSqlJs, { type Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../pipeline/formats/csv/index.ts";
import { parquetFiles } from "../../pipeline/formats/parquet/write.ts";
import { sqliteFiles } from "../../pipeline/formats/sqlite/database.ts";
import type { TableSchemaField } from "../../pipeline/formats/csv/table-schema.ts";
import { ROOT } from "../helpers/cli.ts";
import { publishedTables } from "../helpers/published.ts";

const TABLES = publishedTables().all;
const DATA = join(ROOT, "dist", "data");
const SQLITE = join(DATA, "russia-dprk-data.sqlite");
const descriptor = JSON.parse(readFileSync(join(ROOT, "dist", "datapackage.json"), "utf8"));
const fieldsOf = (table: string): TableSchemaField[] =>
  descriptor.resources.find((r: { name: string }) => r.name === table).schema.fields;
const recordsOf = (table: string): Record<string, unknown>[] =>
  JSON.parse(readFileSync(join(DATA, `${table}.json`), "utf8"));
const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The DuckDB type each Table Schema type must arrive as, whatever the format. */
const DUCKDB_TYPES: Record<TableSchemaField["type"], string> = {
  string: "VARCHAR",
  integer: "BIGINT",
  number: "DOUBLE",
  date: "DATE",
  list: "VARCHAR[]",
};

let duckdb: DuckDBConnection;
beforeAll(async () => {
  duckdb = await (await DuckDBInstance.create(":memory:")).connect();
});
afterAll(() => duckdb?.closeSync());

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await duckdb.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Column name → DuckDB type of a query's result. */
async function typesOf(sql: string): Promise<Record<string, string>> {
  return Object.fromEntries((await rows(`DESCRIBE ${sql}`)).map((r) => [r.column_name, r.column_type]));
}

/** Each row of a query as the JSON file writes it: DATE as ISO text, numbers as numbers, lists as arrays. */
async function asJson(sql: string): Promise<unknown[]> {
  return (await rows(`SELECT to_json(t)::VARCHAR AS j FROM (${sql}) t`)).map((r) => JSON.parse(r.j as string));
}

/** A CSV file read with the Table Schema's types; a list column split on its delimiter, a formula guard removed. */
function typedCsv(table: string, dir = DATA): string {
  const fields = fieldsOf(table);
  const columns = fields
    .map((f) => `${sqlText(f.name)}: ${sqlText(f.type === "list" ? "VARCHAR" : DUCKDB_TYPES[f.type])}`)
    .join(", ");
  const read =
    `read_csv(${sqlText(join(dir, `${table}.csv`))}, header = true, auto_detect = false, delim = ',', quote = ` +
    `'"', escape = '"', nullstr = '', columns = ` +
    `{${columns}})`;
  const select = fields.map(({ name, type, delimiter }) => {
    const column = `"${name}"`;
    if (type === "list") return `coalesce(string_split(${column}, ${sqlText(delimiter!)}), []::VARCHAR[]) AS ${column}`;
    if (type === "string")
      return `CASE WHEN regexp_matches(${column}, '^''[=+\\-@]') THEN ${column}[2:] ELSE ${column} END AS ${column}`;
    return column;
  });
  return `SELECT ${select.join(", ")} FROM ${read}`;
}

describe.each(TABLES.map((t) => [t.name] as const))("%s in DuckDB", (table) => {
  const fields = fieldsOf(table);
  const expectedTypes = Object.fromEntries(fields.map((f) => [f.name, DUCKDB_TYPES[f.type]]));
  const parquet = `SELECT * FROM read_parquet(${sqlText(join(DATA, `${table}.parquet`))})`;

  it("the Parquet file has the schema's logical types and exactly the JSON's records", async () => {
    expect(await typesOf(parquet)).toEqual(expectedTypes);
    expect(await asJson(parquet)).toEqual(recordsOf(table));
  });

  it("the Parquet file describes every column in its metadata", async () => {
    const metadata = await rows(
      `SELECT decode(key) AS key, decode(value) AS value FROM ` +
        `parquet_kv_metadata(${sqlText(join(DATA, `${table}.parquet`))})`,
    );
    const described = Object.fromEntries(metadata.map((m) => [m.key, m.value]));
    for (const field of fields) expect(described[`description:${field.name}`], field.name).toBe(field.description);
  });

  it("the CSV file, read with the Table Schema's types, holds exactly the JSON's records", async () => {
    expect(await typesOf(typedCsv(table))).toEqual(expectedTypes);
    expect(await asJson(typedCsv(table))).toEqual(recordsOf(table));
  });
});

describe("one column kind, one type", () => {
  it(
    "dates are DATE, offsets and counts BIGINT, lists lists, and a column of the same name has the same type in " +
      "every table",
    async () => {
      const seen = new Map<string, string>();
      for (const { name } of TABLES) {
        const types = await typesOf(`SELECT * FROM read_parquet(${sqlText(join(DATA, `${name}.parquet`))})`);
        for (const [column, type] of Object.entries(types)) {
          if (/_(first|last)_day$/.test(column)) expect(type, `${name}.${column}`).toBe("DATE");
          if (/^(char_start|char_end|bytes)$/.test(column)) expect(type, `${name}.${column}`).toBe("BIGINT");
          if (/^(period|date)_(start|end)$|^published$/.test(column)) expect(type, `${name}.${column}`).toBe("VARCHAR");
          if (seen.has(column)) expect(type, `${name}.${column}`).toBe(seen.get(column));
          seen.set(column, type);
        }
      }
      expect(seen.get("actors")).toBe("VARCHAR[]");
    },
  );

  it("the Table Schema gives a column of the same name the same type in every table", () => {
    const declared = new Map<string, string>();
    for (const { name } of TABLES) {
      for (const field of fieldsOf(name)) {
        expect(field.type, `${name}.${field.name}`).toBe(declared.get(field.name) ?? field.type);
        declared.set(field.name, field.type);
      }
    }
  });

  it("an all-empty column keeps its declared type", async () => {
    // The sources table with no url known for any source, written by the same writers.
    const sources = TABLES.find((table) => table.name === "sources")!;
    const empty = { ...sources, rows: sources.rows.map((row) => ({ ...row, url: null })) };
    const dir = join(mkdtempSync(join(tmpdir(), "rdd-empty-")), "data");
    mkdirSync(dir);
    writeFileSync(join(dir, "sources.parquet"), (await parquetFiles([empty])).get("data/sources.parquet")!);
    writeFileSync(join(dir, "sources.csv"), toCsv(empty));
    const parquet = await typesOf(`SELECT url FROM read_parquet(${sqlText(join(dir, "sources.parquet"))})`);
    const csv = await typesOf(`SELECT url FROM (${typedCsv("sources", dir)})`);
    expect([parquet.url, csv.url]).toEqual(["VARCHAR", "VARCHAR"]);
  });
});

describe("the writers", () => {
  it("write the same bytes for the same rows, at any time", async () => {
    const tables = TABLES;
    const [parquet, sqlite] = [await parquetFiles(tables), await sqliteFiles(tables, "russia-dprk-data", "title")];
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock-stamped file would now differ
    expect(await parquetFiles(tables)).toEqual(parquet);
    expect(await sqliteFiles(tables, "russia-dprk-data", "title")).toEqual(sqlite);
    expect(Buffer.from(parquet.get("data/figures.parquet")!).equals(readFileSync(join(DATA, "figures.parquet")))).toBe(
      true,
    );
  });
});

describe("the SQLite database", () => {
  let db: Database;
  beforeAll(async () => {
    db = new (await initSqlJs()).Database(readFileSync(SQLITE));
    db.run("PRAGMA foreign_keys = ON"); // per connection, as in every SQLite client
  });
  afterAll(() => db?.close());
  const query = (sql: string) => {
    const [result] = db.exec(sql);
    return (result?.values ?? []).map((values) => Object.fromEntries(result!.columns.map((c, i) => [c, values[i]])));
  };

  it("passes integrity_check and foreign_key_check, and every table is STRICT with its primary key", () => {
    expect(query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(query("PRAGMA foreign_key_check")).toEqual([]);
    for (const { name, primaryKey } of TABLES) {
      expect(query(`SELECT strict FROM pragma_table_list WHERE name = ${sqlText(name)}`), name).toEqual([
        { strict: 1 },
      ]);
      const key = query(`SELECT name FROM pragma_table_info(${sqlText(name)}) WHERE pk > 0 ORDER BY pk`).map(
        (r) => r.name,
      );
      expect(key, name).toEqual(primaryKey);
    }
  });

  it("holds exactly the JSON's records, lists rebuilt from the link tables in order", () => {
    const lists: Record<string, { column: string; sql: string }> = {
      events: {
        column: "actors",
        sql:
          "SELECT json_group_array(actor) FROM (SELECT actor FROM event_actors WHERE event_id = t.id ORDER BY " +
          "position)",
      },
      indicators: {
        column: "inputs",
        sql:
          "SELECT json_group_array(figure_id) FROM (SELECT figure_id FROM indicator_inputs WHERE indicator_id = " +
          "t.id ORDER BY position)",
      },
      mentions: {
        column: "used_by",
        sql:
          "SELECT json_group_array(coalesce(figure_id, event_id)) FROM (SELECT * FROM mention_records m WHERE " +
          "m.source_id = t.source_id AND m.char_start = t.char_start ORDER BY position)",
      },
    };
    for (const { name, orderBy } of TABLES) {
      const list = lists[name];
      const fields = fieldsOf(name).map((f) => f.name);
      const select = fields.map((f) => (list?.column === f ? `(${list.sql}) AS "${f}"` : `t."${f}"`)).join(", ");
      const found = query(
        // A codebook keeps the configuration's order, which is the order its rows went in.
        `SELECT ${select} FROM "${name}" t ORDER BY ${orderBy.map((c) => `t."${c}"`).join(", ") || "t.rowid"}`,
      ).map((row) => (list ? { ...row, [list.column]: JSON.parse(row[list.column] as string) } : row));
      expect(found, name).toEqual(recordsOf(name));
    }
  });

  it("links indicators to their input figures and mentions to their figures and events by foreign keys", () => {
    const keys = (table: string) =>
      query(`SELECT "from", "table", "to" FROM pragma_foreign_key_list(${sqlText(table)}) ORDER BY "from"`);
    expect(keys("indicator_inputs")).toEqual([
      { from: "figure_id", table: "figures", to: "id" },
      { from: "indicator_id", table: "indicators", to: "id" },
    ]);
    expect(keys("mention_records")).toEqual([
      { from: "char_start", table: "mentions", to: "char_start" },
      { from: "event_id", table: "events", to: "id" },
      { from: "figure_id", table: "figures", to: "id" },
      { from: "source_id", table: "mentions", to: "source_id" },
    ]);
  });

  it("rejects a value outside its vocabulary and a date that is no calendar day", () => {
    db.run("SAVEPOINT probe");
    expect(() => db.run("UPDATE figures SET qualifier = 'roughly' WHERE rowid = 1")).toThrow(/CHECK constraint failed/);
    expect(() => db.run("UPDATE events SET date_first_day = '2015-02-29' WHERE rowid = 1")).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => db.run("INSERT INTO event_actors VALUES ('no-such-event', 1, 'RUS')")).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    db.run("ROLLBACK TO probe");
  });

  it("reads the same in the system's sqlite3 shell", () => {
    const shell = spawnSync(
      "sqlite3",
      [SQLITE, "PRAGMA integrity_check; PRAGMA foreign_key_check; SELECT count(*) FROM figures;"],
      { encoding: "utf8" },
    );
    expect(shell.error, "the sqlite3 shell is needed for this test (apt-get install sqlite3)").toBeUndefined();
    expect(shell.stdout).toBe(`ok\n${recordsOf("figures").length}\n`);
  });
});
