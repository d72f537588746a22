/**
 * TypeScript declarations for the data entry, printed from each table's Zod schema (through its JSON Schema),
 * so the typed data needs no Zod at run time or at type-check time. A type test checks that they equal
 * `z.infer` of the same schemas.
 */
import { z } from "zod";
import { splitNullable, type JsonSchemaNode } from "../../tables/json-schema-node.ts";

/** The TypeScript type of a JSON Schema node, for the subset of types the tables use. */
export function typeOf(node: JsonSchemaNode): string {
  const { value, nullable } = splitNullable(node);
  if (nullable) return `${typeOf(value)} | null`;
  if (node.anyOf) return node.anyOf.map(typeOf).join(" | ");
  if (node.enum) return node.enum.map((member) => JSON.stringify(member)).join(" | ");
  switch (node.type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "array":
      return `${wrap(typeOf(node.items ?? {}))}[]`;
    default:
      throw new Error(`no TypeScript type for JSON Schema ${JSON.stringify(node)}`);
  }
}

function wrap(type: string): string {
  return type.includes("|") ? `(${type})` : type;
}

/** `export interface Name { ... }` with each column's description as its doc comment. */
export function interfaceFor(name: string, schema: z.ZodObject): string {
  const json = z.toJSONSchema(schema) as JsonSchemaNode;
  const lines = Object.entries(json.properties ?? {}).map(([column, node]) => {
    const doc = splitNullable(node).description;
    const comment = doc ? `  /** ${doc.replaceAll("*/", "*\\/")} */\n` : "";
    return `${comment}  ${column}: ${typeOf(node)};`;
  });
  const doc = json.description ? `/** ${json.description} */\n` : "";
  return `${doc}export interface ${name} {\n${lines.join("\n")}\n}`;
}

/** `export type Name = "a" | "b";` for a vocabulary, or for the ids present in the data. */
export function unionOf(name: string, values: readonly string[], doc: string): string {
  const members = values.length === 0 ? "never" : values.map((value) => JSON.stringify(value)).join("\n  | ");
  return `/** ${doc} */\nexport type ${name} =\n  | ${members};`;
}
