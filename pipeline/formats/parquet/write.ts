/**
 * Parquet: one file per table, `data/<table>.parquet`, with logical types from the Zod schemas (DATE, BIGINT,
 * DOUBLE, VARCHAR, LIST<VARCHAR>) and each column's description in the file's key-value metadata. Written by
 * hyparquet-writer (pure JavaScript, no clock, no locale): the same rows give the same bytes.
 */
import { parquetWriteBuffer } from "hyparquet-writer";
import type { TableSpec } from "../../tables/index.ts";
import { columnsOf, epochDay, type Column } from "../../tables/columns.ts";

type SchemaElement = Parameters<typeof parquetWriteBuffer>[0]["schema"] extends (infer E)[] | undefined ? E : never;

const STRING = { type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } } as const;

export async function parquetFiles(tables: { spec: TableSpec; rows: object[] }[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const { spec, rows } of tables) files.set(`data/${spec.name}.parquet`, parquetTable(spec, rows));
  return files;
}

function parquetTable(spec: TableSpec, rows: object[]): Uint8Array {
  const columns = columnsOf(spec);
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }, ...columns.flatMap(schemaElements)];
  const columnData = columns.map((column) => ({
    name: column.name,
    data: rows.map((row) => cell(column, (row as Record<string, unknown>)[column.name] ?? null)),
  }));
  const kvMetadata = [
    { key: "description", value: spec.schema.description ?? spec.title },
    ...columns.map((column) => ({ key: `description:${column.name}`, value: column.description })),
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, kvMetadata }));
}

function schemaElements(column: Column): SchemaElement[] {
  const repetition_type = column.nullable ? "OPTIONAL" : "REQUIRED";
  switch (column.kind) {
    case "text":
      return [{ name: column.name, ...STRING, repetition_type }];
    case "integer":
      return [{ name: column.name, type: "INT64", repetition_type }];
    case "number":
      return [{ name: column.name, type: "DOUBLE", repetition_type }];
    case "date":
      return [{ name: column.name, type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" }, repetition_type }];
    case "list":
      // The standard three-level list: <name> (LIST) > list (repeated) > element.
      return [
        { name: column.name, repetition_type, converted_type: "LIST", logical_type: { type: "LIST" }, num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", ...STRING, repetition_type: "REQUIRED" },
      ];
  }
}

function cell(column: Column, value: unknown): unknown {
  if (value === null) return null;
  if (column.kind === "integer") return BigInt(value as number);
  if (column.kind === "date") return epochDay(value as string);
  return value;
}
