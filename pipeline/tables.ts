/**
 * The published tables: their schemas, keys and row order, in one place for the CSV/JSON writer, the Data
 * Package descriptor and the typed npm entry.
 */
import type { z } from "zod";
import { eventSchema, figureSchema, indicatorSchema, mentionSchema, sourceSchema, tradeTurnoverSchema } from "../schemas/index.ts";

export interface ForeignKey {
  fields: string;
  resource: string;
  resourceFields: string;
}

export interface TableSpec {
  name: "sources" | "figures" | "events" | "indicators" | "trade_turnover" | "mentions";
  title: string;
  schema: z.ZodObject;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Columns that order the rows, first to last. */
  orderBy: string[];
}

const toSource: ForeignKey = { fields: "source_id", resource: "sources", resourceFields: "id" };

export const TABLES: TableSpec[] = [
  { name: "sources", title: "Source documents", schema: sourceSchema, primaryKey: ["id"], foreignKeys: [], orderBy: ["id"] },
  {
    name: "figures",
    title: "Figures: every number stated in a source",
    schema: figureSchema,
    primaryKey: ["id"],
    foreignKeys: [toSource],
    orderBy: ["source_id", "measure", "subject", "counterpart", "period_start", "period_end", "id"],
  },
  {
    name: "events",
    title: "Events: every dated happening in a source",
    schema: eventSchema,
    primaryKey: ["id"],
    foreignKeys: [toSource],
    orderBy: ["date_start", "date_end", "id"],
  },
  { name: "indicators", title: "Indicators computed from the figures", schema: indicatorSchema, primaryKey: ["id"], foreignKeys: [], orderBy: ["id"] },
  {
    name: "trade_turnover",
    title: "Russian–North Korean trade turnover, one row per observation",
    schema: tradeTurnoverSchema,
    primaryKey: ["figure_id"],
    foreignKeys: [
      { fields: "figure_id", resource: "figures", resourceFields: "id" },
      { fields: "previous_figure_id", resource: "figures", resourceFields: "id" },
    ],
    orderBy: ["year"],
  },
  {
    name: "mentions",
    title: "Mentions: every quantity and time expression found in a source, and what became of it",
    schema: mentionSchema,
    primaryKey: ["source_id", "char_start"],
    foreignKeys: [toSource],
    orderBy: ["source_id", "char_start"],
  },
];

/** Orders rows by the given keys, nulls first, then by string or number comparison. */
export function byKeys(...keys: string[]) {
  return (a: object, b: object): number => {
    for (const key of keys) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      if (x === y) continue;
      if (x === null || x === undefined) return -1;
      if (y === null || y === undefined) return 1;
      return (x as string | number) < (y as string | number) ? -1 : 1;
    }
    return 0;
  };
}
