/** One JSON Schema (draft 2020-12) per table, generated from its Zod schema: `schemas/<table>.schema.json`. */
import { z } from "zod";
import type { Files } from "../publish.ts";
import { TABLES } from "../tables.ts";

/** The schema of one record; a table's JSON file is an array of them. */
export function recordJsonSchema(schema: z.ZodObject, table: string): Record<string, unknown> {
  return { title: `${table} record`, ...z.toJSONSchema(schema) };
}

export function jsonSchemaFiles(): Files {
  return new Map(
    TABLES.map(({ name, schema }) => {
      const document = { ...recordJsonSchema(schema, name), $id: `https://unpkg.com/russia-dprk-data/dist/schemas/${name}.schema.json` };
      return [`schemas/${name}.schema.json`, JSON.stringify(document, null, 2) + "\n"];
    }),
  );
}
