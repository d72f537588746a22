/**
 * Every table as CSV, `data/<table>.csv`: RFC 4180 with "\n" line ends, lists joined by LIST_DELIMITER, described
 * in datapackage.json as a tabular resource named after its table, with its dialect and Table Schema.
 */
import Papa from "papaparse";
import { LIST_DELIMITER } from "../../tables/columns.ts";
import { cell, type Table } from "../../tables/index.ts";
import { describeEach, utf8, type Format } from "../format.ts";
import { tableSchema } from "./table-schema.ts";

/**
 * A text cell starting with = + - @, a tab or a carriage return gets a leading ' against formula injection,
 * whatever follows: papaparse's own pattern (`escapeFormulae: true`) has no `s` flag, so it let a cell with a
 * line break in it through unguarded. Numbers are never prefixed.
 */
export const CSV_DIALECT = { delimiter: ",", newline: "\n", quoteChar: '"', escapeFormulae: /^[=+\-@\t\r]/ } as const;

export function toCsv(table: Pick<Table, "columns" | "rows">): string {
  const columns = table.columns.map((column) => column.name);
  const data = table.rows.map((row) =>
    columns.map((column) => {
      const value = cell(row, column);
      return Array.isArray(value) ? value.join(LIST_DELIMITER) : value;
    }),
  );
  return Papa.unparse({ fields: columns, data }, CSV_DIALECT) + "\n";
}

const path = (table: Pick<Table, "name">) => `data/${table.name}.csv`;

export const format: Format<"tables"> = {
  name: "csv",
  reads: ["tables"],
  write: ({ tables }) => new Map(tables.all.map((table) => [path(table), utf8(toCsv(table))])),
  describe: ({ tables }) =>
    describeEach(tables.all, path, (table) => ({
      name: table.name,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      type: "table",
      title: table.title,
      description: `${table.title}, as CSV.`,
      dialect: {
        header: true,
        delimiter: CSV_DIALECT.delimiter,
        lineTerminator: CSV_DIALECT.newline,
        quoteChar: CSV_DIALECT.quoteChar,
      },
      schema: tableSchema(table),
    })),
};
