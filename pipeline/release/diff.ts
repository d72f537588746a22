/**
 * A cell-level diff between two releases' tables, by primary key, with daff: records added, removed and
 * changed (which cells, from what to what), columns added and removed, and schema changes that tighten a
 * constraint. From the diff follows the smallest version bump it allows.
 */
import daff from "daff";
import Papa from "papaparse";
import type { TableSchemaField } from "../formats/csv/table-schema.ts";

export type Bump = "major" | "minor" | "patch";

export interface CellChange {
  column: string;
  from: string;
  to: string;
}

/** Between the values of a key of several columns; no key column holds a tab. */
export const KEY_SEPARATOR = "\t";

export interface TableDiff {
  table: string;
  /** The key's columns, which name each record below (its values joined by KEY_SEPARATOR). */
  primaryKey: string[];
  status: "added" | "removed" | "present";
  columnsAdded: string[];
  columnsRemoved: string[];
  /** Columns whose type changed or whose constraints tightened, with what changed. */
  columnsTightened: string[];
  added: string[];
  removed: string[];
  changed: { key: string; cells: CellChange[] }[];
}

export interface ReleaseTable {
  name: string;
  csv: string;
  primaryKey: string[];
  fields: TableSchemaField[];
}

const BUMP_ORDER: Bump[] = ["patch", "minor", "major"];

export function diffTables(before: ReleaseTable[], after: ReleaseTable[]): TableDiff[] {
  const names = [...new Set([...before.map((t) => t.name), ...after.map((t) => t.name)])].sort();
  return names.map((name) => {
    const old = before.find((t) => t.name === name);
    const now = after.find((t) => t.name === name);
    if (!old) return { ...emptyDiff(name, "added", now!.primaryKey), added: keysOf(now!) };
    if (!now) return { ...emptyDiff(name, "removed", old.primaryKey), removed: keysOf(old) };
    return diffTable(old, now);
  });
}

function emptyDiff(table: string, status: TableDiff["status"], primaryKey: string[]): TableDiff {
  return {
    table,
    primaryKey,
    status,
    columnsAdded: [],
    columnsRemoved: [],
    columnsTightened: [],
    added: [],
    removed: [],
    changed: [],
  };
}

function rowsOf(table: ReleaseTable): string[][] {
  return Papa.parse<string[]>(table.csv, { skipEmptyLines: true }).data;
}

function keyOf(header: string[], row: string[], primaryKey: string[]): string {
  return primaryKey.map((column) => row[header.indexOf(column)] ?? "").join(KEY_SEPARATOR);
}

function keysOf(table: ReleaseTable): string[] {
  const [header = [], ...rows] = rowsOf(table);
  return rows.map((row) => keyOf(header, row, table.primaryKey));
}

function diffTable(old: ReleaseTable, now: ReleaseTable): TableDiff {
  const before = rowsOf(old);
  const after = rowsOf(now);
  const flags = new daff.CompareFlags();
  for (const column of now.primaryKey) flags.addPrimaryKey(column);
  flags.unchanged_context = 0;
  flags.show_unchanged = false;
  const alignment = daff.compareTables(new daff.TableView(before), new daff.TableView(after), flags).align();
  const highlighted = new daff.TableView([]);
  new daff.TableDiff(alignment, flags).hilite(highlighted);
  const rows = highlighted.data as (string | null)[][];

  const diff = emptyDiff(now.name, "present", now.primaryKey);
  const header = rows.find((row) => row[0] === "@@") ?? [];
  const schemaRow = rows.find((row) => row[0] === "!");
  header.forEach((column, i) => {
    if (schemaRow?.[i] === "+++") diff.columnsAdded.push(String(column));
    if (schemaRow?.[i] === "---") diff.columnsRemoved.push(String(column));
  });
  const [oldHeader = [], ...oldRows] = before;
  const [newHeader = [], ...newRows] = after;
  const oldByKey = new Map(oldRows.map((row) => [keyOf(oldHeader, row, old.primaryKey), row]));
  const newByKey = new Map(newRows.map((row) => [keyOf(newHeader, row, now.primaryKey), row]));
  const keyIn = (row: (string | null)[]) =>
    now.primaryKey.map((column) => row[header.indexOf(column)] ?? "").join(KEY_SEPARATOR);
  for (const row of rows) {
    if (row[0] === "+++") diff.added.push(keyIn(row));
    if (row[0] === "---") diff.removed.push(keyIn(row));
    if (row[0] === "->") {
      // daff marks the row; its cells are compared by key here, so values that hold "->" stay intact.
      const key = keyIn(row);
      const from = oldByKey.get(key)!;
      const to = newByKey.get(key)!;
      const cells = newHeader
        .filter((column) => oldHeader.includes(column))
        .map((column) => ({
          column,
          from: from[oldHeader.indexOf(column)] ?? "",
          to: to[newHeader.indexOf(column)] ?? "",
        }))
        .filter((cell) => cell.from !== cell.to);
      if (cells.length > 0) diff.changed.push({ key, cells });
    }
  }
  diff.columnsTightened = tightenedColumns(old.fields, now.fields);
  return diff;
}

/** Columns present in both whose type changed or whose constraints allow less than before. */
function tightenedColumns(before: TableSchemaField[], after: TableSchemaField[]): string[] {
  const tightened: string[] = [];
  for (const field of after) {
    const previous = before.find((f) => f.name === field.name);
    if (!previous) continue;
    const reasons: string[] = [];
    if (previous.type !== field.type) reasons.push(`type ${previous.type} → ${field.type}`);
    if (!previous.constraints.required && field.constraints.required) reasons.push("now required");
    const lost = (previous.constraints.enum ?? []).filter(
      (value) => field.constraints.enum && !field.constraints.enum.includes(value),
    );
    if (lost.length > 0 || (!previous.constraints.enum && field.constraints.enum))
      reasons.push(`allowed values narrowed${lost.length ? ` (${lost.join(", ")} removed)` : ""}`);
    if (previous.constraints.pattern !== field.constraints.pattern && field.constraints.pattern !== undefined)
      reasons.push("pattern changed");
    if ((field.constraints.minimum ?? -Infinity) > (previous.constraints.minimum ?? -Infinity))
      reasons.push("minimum raised");
    if (reasons.length > 0) tightened.push(`${field.name} (${reasons.join("; ")})`);
  }
  return tightened;
}

/** The smallest bump the diff allows, or null when nothing changed. */
export function requiredBump(diffs: TableDiff[]): Bump | null {
  let required: Bump | null = null;
  const need = (bump: Bump) => {
    if (required === null || BUMP_ORDER.indexOf(bump) > BUMP_ORDER.indexOf(required)) required = bump;
  };
  for (const d of diffs) {
    if (d.status === "removed" || d.columnsRemoved.length > 0 || d.columnsTightened.length > 0 || d.removed.length > 0)
      need("major");
    if (d.status === "added" || d.columnsAdded.length > 0 || d.added.length > 0) need("minor");
    if (d.changed.length > 0) need("patch");
  }
  return required;
}

export function isAtLeast(bump: Bump, required: Bump | null): boolean {
  return required === null || BUMP_ORDER.indexOf(bump) >= BUMP_ORDER.indexOf(required);
}
