/**
 * A Frictionless Table Schema (v2) for a table's CSV file, generated from its Zod schema: field types,
 * descriptions, enum and pattern constraints, `required` for columns that are never empty, and keys.
 */
import { z } from "zod";
import type { TableSpec } from "../../tables/index.ts";
import { splitNullable, type JsonSchemaNode } from "../../tables/json-schema-node.ts";

export interface TableSchemaField {
  name: string;
  type: "string" | "number" | "integer" | "date" | "list";
  description: string;
  /** For a list: the separator of its items in a CSV cell, and their type. */
  delimiter?: string;
  itemType?: "string";
  constraints: { required: boolean; enum?: string[]; pattern?: string; minimum?: number; minLength?: number };
}

/** The separator of a list's items in a CSV cell. */
export const LIST_DELIMITER = ";";

export function tableSchema(spec: TableSpec) {
  const json = z.toJSONSchema(spec.schema) as JsonSchemaNode;
  const fields = Object.entries(json.properties ?? {}).map(([name, node]) => field(name, node));
  return {
    fields,
    missingValues: [""],
    primaryKey: spec.primaryKey,
    // The profile wants at least one foreign key where the property is present.
    ...(spec.foreignKeys.length > 0
      ? { foreignKeys: spec.foreignKeys.map((key) => ({ fields: [key.fields], reference: { resource: key.resource, fields: [key.resourceFields] } })) }
      : {}),
  };
}

function field(name: string, node: JsonSchemaNode): TableSchemaField {
  const { value, nullable, description = "" } = splitNullable(node);
  if (value.type === "array") {
    // A list is one CSV cell with its items joined by the delimiter; the JSON file holds a real array.
    const minItems = value.minItems ?? 0;
    return {
      name,
      type: "list",
      delimiter: LIST_DELIMITER,
      itemType: "string",
      description,
      constraints: { required: !nullable && minItems > 0, ...(minItems > 0 ? { minLength: minItems } : {}) },
    };
  }
  const type = value.format === "date" ? "date" : value.type === "integer" ? "integer" : value.type === "number" ? "number" : "string";
  return {
    name,
    type,
    description,
    constraints: {
      required: !nullable,
      ...(value.enum ? { enum: value.enum } : {}),
      // A date column's type says all its pattern would.
      ...(value.pattern && type !== "date" ? { pattern: value.pattern } : {}),
      ...(value.minimum !== undefined && value.minimum > Number.MIN_SAFE_INTEGER ? { minimum: value.minimum } : {}),
    },
  };
}
