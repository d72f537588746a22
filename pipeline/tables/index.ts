/**
 * The published tables: their schemas, keys and row order, built from the dataset configuration (its
 * vocabularies and its series), in one place for every output step.
 */
import type { z } from "zod";
import { eventSchema, figureSchema, indicatorSchema, mentionSchema, seriesSchema, sourceSchema, type Terms, type Vocabulary } from "../../schemas/index.ts";
import type { DatasetConfig, SeriesDefinition } from "../config/dataset-config.ts";

export interface ForeignKey {
  fields: string;
  resource: string;
  resourceFields: string;
}

export interface TableSpec {
  name: string;
  title: string;
  schema: z.ZodObject;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Columns that order the rows, first to last. */
  orderBy: string[];
  /** For a series table: the series it publishes. */
  series?: string;
  /** Units of the columns whose unit the schema gives only in words, by column. */
  units?: Record<string, string>;
}

/** The tables every dataset publishes, whatever its series: a series table needs a name of its own. */
export const CONTRACT_TABLES = ["sources", "figures", "events", "indicators", "mentions"] as const;

const toSource: ForeignKey = { fields: "source_id", resource: "sources", resourceFields: "id" };

export function vocabularyOf(config: DatasetConfig): Vocabulary {
  const terms = (record: Record<string, unknown>) => Object.keys(record) as unknown as Terms;
  return { measures: terms(config.measures), units: terms(config.units), actors: terms(config.actors), eventTypes: terms(config.event_types) };
}

export function tableSpecs(config: DatasetConfig): TableSpec[] {
  const vocabulary = vocabularyOf(config);
  return [
    { name: "sources", title: "Source documents", schema: sourceSchema, primaryKey: ["id"], foreignKeys: [], orderBy: ["id"], units: { bytes: "bytes" } },
    {
      name: "figures",
      title: "Figures: every number stated in a source",
      schema: figureSchema(vocabulary),
      primaryKey: ["id"],
      foreignKeys: [toSource],
      orderBy: ["source_id", "measure", "subject", "counterpart", "period_start", "period_end", "id"],
    },
    {
      name: "events",
      title: "Events: every dated happening in a source",
      schema: eventSchema(vocabulary),
      primaryKey: ["id"],
      foreignKeys: [toSource],
      orderBy: ["date_start", "date_end", "id"],
    },
    {
      name: "indicators",
      title: "Indicators computed from the figures",
      schema: indicatorSchema(vocabulary),
      primaryKey: ["id"],
      foreignKeys: [],
      orderBy: ["id"],
      units: { tolerance: "see `unit`" },
    },
    ...config.series.map((series) => seriesSpec(config, series)),
    {
      name: "mentions",
      title: "Mentions: every quantity and time expression found in a source, and what became of it",
      schema: mentionSchema,
      primaryKey: ["source_id", "char_start"],
      foreignKeys: [toSource],
      orderBy: ["source_id", "char_start"],
    },
  ];
}

/** A series table: its observations' own unit for values and changes, percent and years for the rest. */
function seriesSpec(config: DatasetConfig, series: SeriesDefinition): TableSpec {
  const unitName = config.units[config.measures[series.measure]!.unit]!.name;
  return {
    name: series.table,
    title: `${series.title}, one row per observation`,
    schema: seriesSchema(series.title, unitName),
    primaryKey: ["figure_id"],
    foreignKeys: [
      { fields: "figure_id", resource: "figures", resourceFields: "id" },
      { fields: "previous_figure_id", resource: "figures", resourceFields: "id" },
      toSource,
    ],
    orderBy: ["year", "source_id", "figure_id"],
    series: series.id,
    units: { year: "decimal years", value: unitName, years_since_previous: "years", change_abs: unitName, change_pct: "percent", cagr_pct: "percent per year" },
  };
}

/** How a table is named in the package's entries (data and Zod schemas alike): "trade_turnover" → array `tradeTurnover`, type `TradeTurnover`; a table keyed
 * by `id` also gets a lookup ("figures" → `figure(id)`) and an id type (`FigureId`). */
export function entryNames(table: Pick<TableSpec, "name" | "primaryKey">): { array: string; type: string; lookup?: string; idType?: string } {
  const camel = table.name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const singular = camel.replace(/s$/, "");
  const type = singular[0]!.toUpperCase() + singular.slice(1);
  const keyedById = table.primaryKey.length === 1 && table.primaryKey[0] === "id";
  return keyedById ? { array: camel, type, lookup: singular, idType: `${type}Id` } : { array: camel, type };
}

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
