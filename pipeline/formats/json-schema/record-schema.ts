/** The JSON Schema of one table's record, generated from its Zod schema; a table's JSON file is an array of them. */
import { z } from "zod";

export function recordJsonSchema(schema: z.ZodObject, table: string): Record<string, unknown> {
  return { title: `${table} record`, ...z.toJSONSchema(schema) };
}
