/**
 * A Frictionless Table Schema (v2) for a table's CSV file, from its column descriptions: field types,
 * descriptions, enum and pattern constraints, `required` for columns that are never empty, and keys.
 */
import { LIST_DELIMITER, type Column } from "../../tables/columns.ts";
import type { TableDefinition } from "../../tables/index.ts";

export interface TableSchemaField {
  name: string;
  type: "string" | "number" | "integer" | "date" | "list";
  description: string;
  /** For a list: the separator of its items in a CSV cell, and their type. */
  delimiter?: string;
  itemType?: "string";
  constraints: { required: boolean; enum?: string[]; pattern?: string; minimum?: number; minLength?: number };
}

const FIELD_TYPES: Record<Column["kind"], TableSchemaField["type"]> = {
  text: "string",
  integer: "integer",
  number: "number",
  date: "date",
  list: "list",
};

export function tableSchema(table: Pick<TableDefinition, "columns" | "primaryKey" | "foreignKeys">) {
  return {
    fields: table.columns.map(field),
    missingValues: [""],
    primaryKey: table.primaryKey,
    // The profile wants at least one foreign key where the property is present.
    ...(table.foreignKeys.length > 0
      ? {
          foreignKeys: table.foreignKeys.map((key) => ({
            fields: [key.fields],
            reference: { resource: key.resource, fields: [key.resourceFields] },
          })),
        }
      : {}),
  };
}

function field(column: Column): TableSchemaField {
  const { name, kind, nullable, description } = column;
  if (kind === "list") {
    // A list is one CSV cell with its items joined by the delimiter; the JSON file holds a real array.
    const minItems = column.minItems ?? 0;
    return {
      name,
      type: "list",
      delimiter: LIST_DELIMITER,
      itemType: "string",
      description,
      constraints: { required: !nullable && minItems > 0, ...(minItems > 0 ? { minLength: minItems } : {}) },
    };
  }
  const { allowed, pattern, minimum } = column;
  return {
    name,
    type: FIELD_TYPES[kind],
    description,
    constraints: {
      required: !nullable,
      ...(allowed ? { enum: allowed } : {}),
      // A date column's type says all its pattern would.
      ...(pattern !== undefined && kind !== "date" ? { pattern } : {}),
      // Zod bounds every integer to the safe range; only a real lower bound is a constraint worth stating.
      ...(minimum !== undefined && minimum > Number.MIN_SAFE_INTEGER ? { minimum } : {}),
    },
  };
}
