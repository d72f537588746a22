/**
 * A Frictionless Table Schema (v2) for a table's CSV file, generated from its Zod schema: field types,
 * descriptions, enum and pattern constraints, `required` for columns that are never empty, and keys.
 */
import { z } from "zod";
import type { TableSpec } from "../tables.ts";
import { splitNullable, type JsonSchemaNode } from "./json-schema-node.ts";

export interface TableSchemaField {
  name: string;
  type: "string" | "number" | "integer";
  description: string;
  constraints: { required: boolean; enum?: string[]; pattern?: string; minimum?: number };
}

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
    // A list is one CSV cell with its items joined by ";"; the JSON file holds a real array.
    const items = value.items ?? {};
    return {
      name,
      type: "string",
      description: `${description} (a ";"-separated list in CSV)`,
      constraints: { required: !nullable && (value.minItems ?? 0) > 0, ...(items.enum ? { pattern: listPattern(items.enum) } : {}) },
    };
  }
  const type = value.type === "integer" ? "integer" : value.type === "number" ? "number" : "string";
  return {
    name,
    type,
    description,
    constraints: {
      required: !nullable,
      ...(value.enum ? { enum: value.enum } : {}),
      ...(value.pattern ? { pattern: value.pattern } : {}),
      ...(value.minimum !== undefined && value.minimum > Number.MIN_SAFE_INTEGER ? { minimum: value.minimum } : {}),
    },
  };
}

/** A pattern for a ";"-separated list of vocabulary values. */
function listPattern(values: string[]): string {
  const item = `(${values.join("|")})`;
  return `^${item}(;${item})*$`;
}
