/**
 * A source's expectations (`sources/<id>/expectations.yaml`, optional): what its published records must be, read
 * off the text by hand, as data in the source's folder rather than cases in a test. The source-generic tests check
 * every folder's file against the build; a curator who changes a source changes its expectations with it.
 *
 * - `counts`: the rows of this source in each table that has a `source_id`;
 * - `records`: per table, records named by their key (the table's primary key without `source_id`), with the
 *   columns to check; `contains`/`lacks` check that a text column holds (or does not hold) each phrase. A number
 *   is compared at the precision it is written to (`15.87` matches 15.873…; `17` only 17);
 * - `absent`: per table, keys this source must not publish (records removed on purpose);
 * - `sets`: the keys of exactly the rows of this source where the given columns have the given values;
 * - `charts`: per chart file, texts it must show.
 *
 * The file is checked against its schema first: a mistake in it is one line naming its `file:line`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { loadYamlDocument } from "../../pipeline/io/yaml-file.ts";
import type { Published, PublishedTable, Row } from "./published-files.ts";

export const EXPECTATIONS_FILE = "expectations.yaml";

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const phrases = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const recordExpectation = z
  .object({
    contains: z.record(z.string(), phrases).optional(),
    lacks: z.record(z.string(), phrases).optional(),
  })
  .catchall(cellValue);
const tableName = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a table name");

export const expectationsSchema = z
  .object({
    counts: z.record(tableName, z.int().nonnegative()).optional(),
    records: z.record(tableName, z.array(recordExpectation)).optional(),
    absent: z.record(tableName, z.array(z.union([z.string(), z.number()]))).optional(),
    sets: z
      .array(z.object({ table: tableName, where: z.record(z.string(), cellValue), keys: z.array(z.string()) }).strict())
      .optional(),
    charts: z.record(z.string().regex(/\.svg$/, "must be a chart file name"), z.array(z.string().min(1))).optional(),
  })
  .strict();

export type Expectations = z.output<typeof expectationsSchema>;

const SOURCE_COLUMN = "source_id";

/** The expectations file of a source folder, if it has one. */
export function expectationsFile(sourceDir: string): string | null {
  const file = join(sourceDir, EXPECTATIONS_FILE);
  return existsSync(file) ? file : null;
}

/**
 * Every way the published output differs from the source's expectations, each naming the expectation's line;
 * none when the folder has no expectations file. A malformed file throws its own `file:line` errors.
 */
export function expectationProblems(sourceDir: string, sourceId: string, published: Published): PipelineError[] {
  const file = expectationsFile(sourceDir);
  if (file === null) return [];
  const { value: expected, lineOf } = loadYamlDocument(file, expectationsSchema);
  const problems: PipelineError[] = [];
  const problem = (message: string, path: (string | number)[], record?: string) =>
    problems.push(new PipelineError(message, { file, line: lineOf(...path), ...(record ? { record } : {}) }));

  const table = (name: string, path: (string | number)[]): PublishedTable | undefined => {
    const found = published.tables.get(name);
    if (found === undefined) problem(`no published table "${name}"`, path);
    return found;
  };
  /** The table's rows of this source; every row for a table that has no source column. */
  const rowsOf = (t: PublishedTable) =>
    t.columns.includes(SOURCE_COLUMN) ? t.rows.filter((row) => row[SOURCE_COLUMN] === sourceId) : t.rows;
  const keyColumns = (t: PublishedTable) => t.primaryKey.filter((column) => column !== SOURCE_COLUMN);
  const keyOf = (t: PublishedTable, row: Row) =>
    keyColumns(t)
      .map((column) => String(row[column]))
      .join("@");

  for (const [name, count] of Object.entries(expected.counts ?? {})) {
    const t = table(name, ["counts", name]);
    if (t === undefined) continue;
    if (!t.columns.includes(SOURCE_COLUMN))
      problem(`${name} has no ${SOURCE_COLUMN}: no count per source`, ["counts", name]);
    else if (rowsOf(t).length !== count)
      problem(`${name}: ${rowsOf(t).length} rows of ${sourceId}, expected ${count}`, ["counts", name]);
  }

  for (const [name, records] of Object.entries(expected.records ?? {})) {
    const t = table(name, ["records", name]);
    if (t === undefined) continue;
    const rows = new Map(rowsOf(t).map((row) => [keyOf(t, row), row]));
    records.forEach((record, index) => {
      const at = (...path: (string | number)[]) => ["records", name, index, ...path];
      const missingKey = keyColumns(t).find((column) => !(column in record));
      if (missingKey !== undefined) {
        problem(`${name}: a record expectation needs its key column ${missingKey}`, at());
        return;
      }
      const key = keyColumns(t)
        .map((column) => String(record[column]))
        .join("@");
      const row = rows.get(key);
      if (row === undefined) {
        problem(`${name}: no row of ${sourceId} with key ${key}`, at(), key);
        return;
      }
      const { contains = {}, lacks = {}, ...cells } = record;
      for (const [column, want] of Object.entries(cells)) {
        if (!t.columns.includes(column)) problem(`${name} has no column ${column}`, at(column), key);
        else if (!matches(row[column], want))
          problem(`${column} is ${JSON.stringify(row[column])}, expected ${JSON.stringify(want)}`, at(column), key);
      }
      for (const [kind, phrasesOf] of [
        ["contains", contains],
        ["lacks", lacks],
      ] as const) {
        for (const [column, wanted] of Object.entries(phrasesOf)) {
          const text = String(row[column] ?? "");
          for (const phrase of typeof wanted === "string" ? [wanted] : wanted) {
            if (text.includes(phrase) !== (kind === "contains"))
              problem(`${column} ${kind === "contains" ? "lacks" : "contains"} "${phrase}"`, at(kind, column), key);
          }
        }
      }
    });
  }

  for (const [name, keys] of Object.entries(expected.absent ?? {})) {
    const t = table(name, ["absent", name]);
    if (t === undefined) continue;
    const present = new Set(t.rows.map((row) => keyOf(t, row)));
    keys.forEach((key, index) => {
      if (present.has(String(key))) problem(`${name}: ${key} is published, expected absent`, ["absent", name, index]);
    });
  }

  (expected.sets ?? []).forEach((set, index) => {
    const t = table(set.table, ["sets", index, "table"]);
    if (t === undefined) return;
    const found = rowsOf(t)
      .filter((row) => Object.entries(set.where).every(([column, value]) => isDeepStrictEqual(row[column], value)))
      .map((row) => keyOf(t, row))
      .sort();
    const wanted = [...set.keys].sort();
    if (!isDeepStrictEqual(found, wanted))
      problem(`${set.table} where ${JSON.stringify(set.where)}: ${found.join(", ")}, expected ${wanted.join(", ")}`, [
        "sets",
        index,
      ]);
  });

  for (const [chart, texts] of Object.entries(expected.charts ?? {})) {
    const svg = published.charts.get(chart);
    if (svg === undefined) {
      problem(`no published chart ${chart}`, ["charts", chart]);
      continue;
    }
    const shown = decodeEntities(svg);
    texts.forEach((text, index) => {
      if (!shown.includes(text)) problem(`${chart} does not show "${text}"`, ["charts", chart, index]);
    });
  }
  return problems;
}

/** A cell against its expectation: a number at the precision it is written to, anything else equal. */
function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    const decimals = String(expected).split(".")[1]?.length ?? 0;
    if (decimals === 0 || /e/i.test(String(expected))) return actual === expected;
    return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals + Number.EPSILON * Math.abs(expected);
  }
  return isDeepStrictEqual(actual, expected);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** SVG text with its character references decoded, as a reader sees it. */
function decodeEntities(svg: string): string {
  return svg.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? entity;
  });
}
