/**
 * TypeScript declarations for the data entry, printed from each table's column descriptions, so the typed data
 * needs no Zod at run time or at type-check time. A type test checks that they equal `z.infer` of the same schemas.
 */
import type { Column } from "../../tables/columns.ts";
import type { TableDefinition } from "../../tables/index.ts";

/** The TypeScript type of a column's values. */
export function typeOf(column: Column): string {
  const value = (allowed: string[] | undefined) =>
    allowed ? allowed.map((member) => JSON.stringify(member)).join(" | ") : "string";
  const type = (() => {
    switch (column.kind) {
      case "text":
        return value(column.allowed);
      case "date":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "list":
        return `${wrap(value(column.allowed))}[]`;
    }
  })();
  return column.nullable ? `${type} | null` : type;
}

function wrap(type: string): string {
  return type.includes("|") ? `(${type})` : type;
}

/** `export interface Name { ... }` with each column's description as its doc comment. */
export function interfaceFor(name: string, table: Pick<TableDefinition, "columns" | "schema">): string {
  const lines = table.columns.map((column) => {
    const comment = column.description ? `  /** ${column.description.replaceAll("*/", "*\\/")} */\n` : "";
    return `${comment}  ${column.name}: ${typeOf(column)};`;
  });
  const description = table.schema.description;
  const doc = description ? `/** ${description} */\n` : "";
  return `${doc}export interface ${name} {\n${lines.join("\n")}\n}`;
}

/** `export type Name = "a" | "b";` for a vocabulary, or for the ids present in the data. */
export function unionOf(name: string, values: readonly string[], doc: string): string {
  const members = values.length === 0 ? "never" : values.map((value) => JSON.stringify(value)).join("\n  | ");
  return `/** ${doc} */\nexport type ${name} =\n  | ${members};`;
}
