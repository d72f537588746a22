/** Every table as a JSON array of records, `data/<table>.json`, each record valid against its JSON Schema. */
import { cell, type Table } from "../../tables/index.ts";
import { describeEach, resourceName, utf8, type Format } from "../format.ts";
import { schemaPath } from "../json-schema/index.ts";

/** The rows as records with every column in the schema's order, a missing value as null. */
export function toJson(table: Pick<Table, "columns" | "rows">): string {
  const rows = table.rows.map((row) =>
    Object.fromEntries(table.columns.map(({ name }) => [name, cell(row, name) ?? null])),
  );
  return JSON.stringify(rows, null, 2) + "\n";
}

const path = (table: Pick<Table, "name">) => `data/${table.name}.json`;

export const format: Format<"tables"> = {
  name: "json",
  reads: ["tables"],
  write: ({ tables }) => new Map(tables.all.map((table) => [path(table), utf8(toJson(table))])),
  describe: ({ tables }) =>
    describeEach(tables.all, path, (table) => ({
      name: resourceName(path(table)),
      format: "json",
      mediatype: "application/json",
      encoding: "utf-8",
      title: table.title,
      description: `${table.title}, as a JSON array of records; each record is valid against ${schemaPath(table)}.`,
    })),
};
