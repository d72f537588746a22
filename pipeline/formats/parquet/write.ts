/**
 * Parquet: one file per table, `data/<table>.parquet`, with logical types from the column model (DATE, BIGINT,
 * DOUBLE, VARCHAR, LIST<VARCHAR>) and each column's description in the file's key-value metadata. Written by
 * hyparquet-writer (pure JavaScript, no clock, no locale): the same rows give the same bytes.
 */
import { parquetWriteBuffer } from "hyparquet-writer";
import type { Column } from "../../tables/columns.ts";
import { cell as cellOf, type Table } from "../../tables/index.ts";
import { parquetPath } from "./index.ts";

type SchemaElement = Parameters<typeof parquetWriteBuffer>[0]["schema"] extends (infer E)[] | undefined ? E : never;

const STRING = { type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } } as const;

export function parquetFiles(tables: readonly Table[]): Map<string, Uint8Array> {
  return new Map(tables.map((table) => [parquetPath(table), parquetTable(table)]));
}

function parquetTable({ columns, rows, description }: Table): Uint8Array {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }, ...columns.flatMap(schemaElements)];
  const columnData = columns.map((column) => ({
    name: column.name,
    data: rows.map((row) => cell(column, cellOf(row, column.name) ?? null)),
  }));
  const kvMetadata = [
    { key: "description", value: description },
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
      return [
        { name: column.name, type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" }, repetition_type },
      ];
    case "list":
      // The standard three-level list: <name> (LIST) > list (repeated) > element.
      return [
        { name: column.name, repetition_type, converted_type: "LIST", logical_type: { type: "LIST" }, num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", ...STRING, repetition_type: "REQUIRED" },
      ];
  }
}

/** Days since 1970-01-01 of an ISO calendar date, as Parquet's DATE stores it. */
function epochDay(isoDate: string): number {
  return (
    Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000
  );
}

function cell(column: Column, value: unknown): unknown {
  if (value === null) return null;
  if (column.kind === "integer") return BigInt(value as number);
  if (column.kind === "date") return epochDay(value as string);
  return value;
}
