/**
 * publish: write every table as CSV and JSON under the output folder, atomically (into a temporary sibling
 * folder, then swapped in) and deterministically (fixed row order, schema key order, no timestamps).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import type { z } from "zod";
import { LIST_DELIMITER } from "./package/table-schema.ts";

export interface Table {
  name: string;
  /** Gives the column order: the schema's keys. */
  schema: z.ZodObject;
  rows: object[];
}

/** RFC 4180 with "\n" line ends; text cells starting with = + - @ get a leading ' against formula injection. */
export const CSV_DIALECT = { delimiter: ",", newline: "\n", quoteChar: '"', escapeFormulae: true } as const;

export function toCsv(table: Table): string {
  const columns = Object.keys(table.schema.shape);
  const data = table.rows.map((row) =>
    columns.map((column) => {
      const value = (row as Record<string, unknown>)[column];
      return Array.isArray(value) ? value.join(LIST_DELIMITER) : value;
    }),
  );
  return Papa.unparse({ fields: columns, data }, CSV_DIALECT) + "\n";
}

export function toJson(table: Table): string {
  const columns = Object.keys(table.schema.shape);
  const rows = table.rows.map((row) => Object.fromEntries(columns.map((column) => [column, (row as Record<string, unknown>)[column] ?? null])));
  return JSON.stringify(rows, null, 2) + "\n";
}

/** The files of a build, by path relative to the output folder. */
export type Files = Map<string, string | Uint8Array>;

export function tableFiles(tables: Table[]): Files {
  const files: Files = new Map();
  for (const table of tables) {
    files.set(`data/${table.name}.csv`, toCsv(table));
    files.set(`data/${table.name}.json`, toJson(table));
  }
  return files;
}

/** Replaces `outDir` with exactly `files`; on any failure the old folder is left as it was. */
export function writeAtomically(outDir: string, files: Files): void {
  const staging = `${outDir}.staging-${process.pid}`;
  const previous = `${outDir}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    let hadPrevious = true;
    try {
      renameSync(outDir, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      hadPrevious = false;
    }
    try {
      renameSync(staging, outDir);
    } catch (error) {
      if (hadPrevious) renameSync(previous, outDir);
      throw error;
    }
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
