/**
 * The kind of each published column, read from the table's Zod schema through its JSON Schema, for the formats
 * that type their columns (Parquet, SQLite): one column kind, one type, in every table and format.
 */
import { z } from "zod";
import { splitNullable, type JsonSchemaNode } from "./json-schema-node.ts";
import type { TableSpec } from "./index.ts";

export interface Column {
  name: string;
  /** text; integer (64-bit); number (double); date (a real calendar day); list (of text). */
  kind: "text" | "integer" | "number" | "date" | "list";
  nullable: boolean;
  description: string;
  /** The vocabulary of a text column, or of a list's items. */
  allowed?: string[];
}

const cache = new WeakMap<object, Column[]>();

export function columnsOf(spec: Pick<TableSpec, "schema">): Column[] {
  let columns = cache.get(spec.schema);
  if (!columns) cache.set(spec.schema, (columns = readColumns(spec.schema)));
  return columns;
}

function readColumns(schema: TableSpec["schema"]): Column[] {
  const json = z.toJSONSchema(schema) as JsonSchemaNode;
  return Object.entries(json.properties ?? {}).map(([name, node]) => {
    const { value, nullable, description = "" } = splitNullable(node);
    const allowed = value.type === "array" ? value.items?.enum : value.enum;
    return { name, kind: kindOf(value), nullable, description, ...(allowed ? { allowed } : {}) };
  });
}

function kindOf(node: JsonSchemaNode): Column["kind"] {
  if (node.type === "array") return "list";
  if (node.type === "integer") return "integer";
  if (node.type === "number") return "number";
  if (node.format === "date") return "date";
  return "text";
}

/** Days since 1970-01-01 of an ISO calendar date, as Parquet's DATE stores it. */
export function epochDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}
