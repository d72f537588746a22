/** One JSON Schema (draft 2020-12) per table, its record's, from the table model: `schemas/<table>.schema.json`. */
import type { Table } from "../../tables/index.ts";
import { resourceName, utf8, type FileDescription, type Format } from "../format.ts";

/** Where a table's record schema is published, relative to the output folder. */
export const schemaPath = (table: Pick<Table, "name">) => `schemas/${table.name}.schema.json`;

export const format: Format<"tables" | "packageMetadata"> = {
  name: "json-schema",
  reads: ["tables", "packageMetadata"],
  write: ({ tables, packageMetadata }) =>
    new Map(
      tables.all.map((table) => {
        const document = {
          title: `${table.name} record`,
          ...table.jsonSchema,
          $id: `https://unpkg.com/${packageMetadata.name}/dist/${schemaPath(table)}`,
        };
        return [schemaPath(table), utf8(JSON.stringify(document, null, 2) + "\n")];
      }),
    ),
  describe: ({ tables }) =>
    new Map(
      tables.all.map((table): [string, FileDescription] => [
        schemaPath(table),
        {
          resource: {
            name: resourceName(schemaPath(table)),
            format: "json",
            mediatype: "application/json",
            encoding: "utf-8",
          },
          tables: [],
        },
      ]),
    ),
};
