/**
 * The column model: every published column described once, from the table's Zod schema through its JSON Schema
 * (the one place a table's schema is turned into column types). Every format, the Table Schemas, the TypeScript
 * declarations, the SQLite tables and the data dictionary read these descriptions, never the schema itself.
 */
import { z } from "zod";
import { id as slug, isoPartialDate } from "../../schemas/fields.ts";

/** The part of JSON Schema that Zod emits for the tables' columns. */
export interface JsonSchemaNode {
  type?: string | string[];
  enum?: string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  description?: string;
}

/** The list column's table in a relational format: one row per item, pointing at its parent row. */
export interface ListLink {
  /** The link table's name, such as `event_actors`. */
  table: string;
  /** The tables whose `id` an item is; none for an item that is a vocabulary term. */
  references: string[];
  /** For an item that is a vocabulary term: the codebook table whose `code` it is. */
  codebook?: string;
}

export interface Column {
  name: string;
  /** text; integer (64-bit); number (double); date (a real calendar day); list (of text). */
  kind: "text" | "integer" | "number" | "date" | "list";
  nullable: boolean;
  description: string;
  /** The vocabulary of a text column, or of a list's items. */
  allowed?: string[];
  /** What a text column holds, where the schema says so by a shared field type. */
  textFormat?: "partial date" | "slug" | "url";
  /** The regular expression the schema gives a text or date column. */
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  /** For a list: the fewest items it holds. */
  minItems?: number;
  /** For a list: what its items are, in words (a vocabulary's description). */
  itemDescription?: string;
  /** For a list: its link table. */
  link?: ListLink;
  /** The unit the table's definition gives a column whose schema states it only in words. */
  unit?: string;
}

/** The separator of a list's items in a text cell (CSV). */
export const LIST_DELIMITER = ";";

/** What the table's definition adds to its schema: units and the list columns' link tables, by column. */
export interface ColumnDeclarations {
  units?: Record<string, string>;
  links?: Record<string, ListLink>;
}

/** A record's JSON Schema (draft 2020-12), generated from its Zod schema. */
export function recordJsonSchema(schema: z.ZodObject): JsonSchemaNode & Record<string, unknown> {
  return z.toJSONSchema(schema) as JsonSchemaNode & Record<string, unknown>;
}

/**
 * The columns of a record's JSON Schema, in order. Every list column must declare its link table, and a unit or
 * link may be declared only for a column the schema has.
 */
export function columnsOf(json: JsonSchemaNode, { units = {}, links = {} }: ColumnDeclarations = {}): Column[] {
  const properties = json.properties ?? {};
  for (const name of [...Object.keys(units), ...Object.keys(links)]) {
    if (!(name in properties))
      throw new Error(`column ${name}: a unit or link table is declared for a column the schema does not have`);
  }
  return Object.entries(properties).map(([name, node]) => {
    const { value, nullable, description = "" } = splitNullable(node);
    const kind = kindOf(value);
    const unit = units[name];
    const column: Column = { name, kind, nullable, description, ...(unit === undefined ? {} : { unit }) };
    if (kind === "list") {
      const link = links[name];
      if (link === undefined)
        throw new Error(`column ${name}: a list column needs a link table in its table's definition`);
      const items = value.items ?? {};
      return {
        ...column,
        ...(items.enum ? { allowed: items.enum } : {}),
        ...(value.minItems === undefined ? {} : { minItems: value.minItems }),
        ...(items.description === undefined ? {} : { itemDescription: items.description }),
        link,
      };
    }
    const textFormat = textFormatOf(value);
    return {
      ...column,
      ...(value.enum ? { allowed: value.enum } : {}),
      ...(textFormat === undefined ? {} : { textFormat }),
      ...(value.pattern === undefined ? {} : { pattern: value.pattern }),
      ...(value.minimum === undefined ? {} : { minimum: value.minimum }),
      ...(value.exclusiveMinimum === undefined ? {} : { exclusiveMinimum: value.exclusiveMinimum }),
      ...(value.minLength === undefined ? {} : { minLength: value.minLength }),
      ...(value.maxLength === undefined ? {} : { maxLength: value.maxLength }),
    };
  });
}

/** Splits `{type: ["string", "null"]}` or `{anyOf: [X, {type: "null"}]}` into X and whether null is allowed. */
function splitNullable(node: JsonSchemaNode): {
  value: JsonSchemaNode;
  nullable: boolean;
  description: string | undefined;
} {
  if (Array.isArray(node.type)) {
    const types = node.type.filter((type) => type !== "null");
    const [only] = types;
    return {
      value: { ...node, type: types.length === 1 ? only : types },
      nullable: types.length < node.type.length,
      description: node.description,
    };
  }
  const nonNull = node.anyOf?.filter((option) => option.type !== "null");
  if (node.anyOf && nonNull?.length === 1) {
    return {
      value: nonNull[0]!,
      nullable: nonNull.length < node.anyOf.length,
      description: node.description ?? nonNull[0]!.description,
    };
  }
  return { value: node, nullable: false, description: node.description };
}

function kindOf(node: JsonSchemaNode): Column["kind"] {
  if (node.type === "array") return "list";
  if (node.type === "integer") return "integer";
  if (node.type === "number") return "number";
  if (node.format === "date") return "date";
  if (node.type === "string") return "text";
  throw new Error(`no column kind for JSON Schema ${JSON.stringify(node)}`);
}

const PARTIAL_DATE_PATTERN = recordJsonSchema(z.object({ date: isoPartialDate })).properties!.date!.pattern;
const SLUG_PATTERN = recordJsonSchema(z.object({ id: slug })).properties!.id!.pattern;

function textFormatOf(node: JsonSchemaNode): Column["textFormat"] {
  if (node.pattern !== undefined && node.pattern === PARTIAL_DATE_PATTERN) return "partial date";
  if (node.pattern !== undefined && node.pattern === SLUG_PATTERN) return "slug";
  if (node.format === "uri") return "url";
  return undefined;
}
