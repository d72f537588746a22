/**
 * The table model: one definition per published table (name, title, schema, keys, row order, where its rows
 * come from), built from the dataset configuration's vocabularies and series, with its columns described once
 * (columns.ts). A table is a definition with its rows, typed: `tables.figures.rows` is `Figure[]`.
 */
import type { z } from "zod";
import {
  actorEntrySchema,
  eventTypeEntrySchema,
  measureEntrySchema,
  seriesEntrySchema,
  unitEntrySchema,
  type ActorEntry,
  type EventTypeEntry,
  type MeasureEntry,
  type SeriesEntry,
  type UnitEntry,
  eventSchema,
  figureSchema,
  indicatorSchema,
  mentionSchema,
  seriesSchema,
  sourceSchema,
  type Event,
  type Figure,
  type Indicator,
  type Mention,
  type SeriesObservation,
  type Source,
  type Terms,
  type Vocabulary,
} from "../../schemas/index.ts";
import type { DatasetConfig, SeriesDefinition } from "../config/dataset-config.ts";
import type { Codebook } from "./codebook.ts";
import { columnsOf, recordJsonSchema, type Column, type ColumnDeclarations, type JsonSchemaNode } from "./columns.ts";

export interface ForeignKey {
  fields: string;
  resource: string;
  resourceFields: string;
}

/** What the build has made when the tables are filled: each definition picks its own rows from it. */
export interface TableData {
  sources: Source[];
  figures: Figure[];
  events: Event[];
  indicators: Indicator[];
  mentions: Mention[];
  /** Each series' observations, by series id. */
  series: ReadonlyMap<string, SeriesObservation[]>;
  /** The dataset configuration's terms and series (codebook.ts). */
  codebook: Codebook;
}

export interface TableDefinition<Row extends object = object> {
  name: string;
  title: string;
  /** What one row is: the schema's description. */
  description: string;
  schema: z.ZodObject;
  /** The record's JSON Schema, from `schema`. */
  jsonSchema: JsonSchemaNode & Record<string, unknown>;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Columns that order the rows, first to last. */
  orderBy: string[];
  /** For a series table: the series it publishes. */
  series?: SeriesDefinition;
  /** The type name of a row in the package's entries, where the table's name would give a taken one. */
  entryType?: string;
  /** A codebook table: its rows name and define the codes the data tables use. */
  codebook: boolean;
  rowsOf(data: TableData): Row[];
}

export interface Table<Row extends object = object> extends TableDefinition<Row> {
  /** In the table's row order. */
  rows: readonly Row[];
}

/** Every published table's definition, by role, and all of them in their published order. */
export interface TableDefinitions {
  sources: TableDefinition<Source>;
  figures: TableDefinition<Figure>;
  events: TableDefinition<Event>;
  indicators: TableDefinition<Indicator>;
  mentions: TableDefinition<Mention>;
  actors: TableDefinition<ActorEntry>;
  units: TableDefinition<UnitEntry>;
  measures: TableDefinition<MeasureEntry>;
  eventTypes: TableDefinition<EventTypeEntry>;
  seriesCodebook: TableDefinition<SeriesEntry>;
  /** One table per series of the configuration, by series id. */
  series: ReadonlyMap<string, TableDefinition<SeriesObservation>>;
  all: TableDefinition[];
}

type RowOf<D> = D extends TableDefinition<infer Row> ? Row : never;

/** The published tables with their rows: the definitions' shape, each definition now a table. */
export type Tables = { [K in Exclude<keyof TableDefinitions, "series" | "all">]: Table<RowOf<TableDefinitions[K]>> } & {
  series: ReadonlyMap<string, Table<SeriesObservation>>;
  all: Table[];
};

/** The tables every dataset publishes, whatever its series: a series table needs a name of its own. */
export const CONTRACT_TABLES = [
  "sources",
  "figures",
  "events",
  "indicators",
  "mentions",
  "actors",
  "units",
  "measures",
  "event_types",
  "series",
] as const;

/** The tables of the SQLite database that hold a list column, one row per item (`links` below). */
export const LINK_TABLES = {
  eventActors: "event_actors",
  indicatorInputs: "indicator_inputs",
  mentionRecords: "mention_records",
} as const;

/** Every table name a series may not take: the contract's tables and the database's link tables. */
export const RESERVED_TABLE_NAMES: readonly string[] = [...CONTRACT_TABLES, ...Object.values(LINK_TABLES)];

const toSource: ForeignKey = { fields: "source_id", resource: "sources", resourceFields: "id" };
/** A column holding a codebook's code: a key to that codebook's table. */
const toCode = (fields: string, resource: string): ForeignKey => ({ fields, resource, resourceFields: "code" });

export function vocabularyOf(config: DatasetConfig): Vocabulary {
  const terms = (record: Record<string, unknown>) => Object.keys(record) as unknown as Terms;
  return {
    measures: terms(config.measures),
    units: terms(config.units),
    actors: terms(config.actors),
    eventTypes: terms(config.event_types),
  };
}

interface DefinitionInput<Row extends object> extends ColumnDeclarations {
  name: string;
  title: string;
  schema: z.ZodObject;
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
  orderBy: string[];
  series?: SeriesDefinition;
  entryType?: string;
  codebook?: boolean;
  rowsOf(data: TableData): Row[];
}

/** A table's definition, its columns read from its schema once. */
function define<Row extends object>({
  units,
  links,
  foreignKeys = [],
  codebook = false,
  ...input
}: DefinitionInput<Row>): TableDefinition<Row> {
  const jsonSchema = recordJsonSchema(input.schema);
  return {
    ...input,
    codebook,
    description: input.schema.description ?? input.title,
    jsonSchema,
    columns: columnsOf(jsonSchema, { ...(units ? { units } : {}), ...(links ? { links } : {}) }),
    foreignKeys,
  };
}

const defined = new WeakMap<DatasetConfig, TableDefinitions>();

/** The definitions of a configuration's tables, built once per configuration. */
export function tableDefinitions(config: DatasetConfig): TableDefinitions {
  const known = defined.get(config);
  if (known !== undefined) return known;
  const definitions = defineTables(config);
  defined.set(config, definitions);
  return definitions;
}

function defineTables(config: DatasetConfig): TableDefinitions {
  const vocabulary = vocabularyOf(config);
  const sources = define<Source>({
    name: "sources",
    title: "Source documents",
    schema: sourceSchema,
    primaryKey: ["id"],
    orderBy: ["id"],
    units: { bytes: "bytes" },
    rowsOf: (data) => data.sources,
  });
  const figures = define<Figure>({
    name: "figures",
    title: "Figures: every number stated in a source",
    schema: figureSchema(vocabulary),
    primaryKey: ["id"],
    foreignKeys: [
      toSource,
      toCode("measure", "measures"),
      toCode("subject", "actors"),
      toCode("counterpart", "actors"),
      toCode("unit", "units"),
    ],
    orderBy: ["source_id", "measure", "subject", "counterpart", "period_start", "period_end", "id"],
    rowsOf: (data) => data.figures,
  });
  const events = define<Event>({
    name: "events",
    title: "Events: every dated happening in a source",
    schema: eventSchema(vocabulary),
    primaryKey: ["id"],
    foreignKeys: [toSource, toCode("event_type", "event_types")],
    orderBy: ["date_start", "date_end", "id"],
    links: { actors: { table: LINK_TABLES.eventActors, references: [], codebook: "actors" } },
    rowsOf: (data) => data.events,
  });
  const indicators = define<Indicator>({
    name: "indicators",
    title: "Indicators computed from the figures",
    schema: indicatorSchema(vocabulary),
    primaryKey: ["id"],
    foreignKeys: [toCode("unit", "units")],
    orderBy: ["id"],
    units: { tolerance: "see `unit`" },
    links: { inputs: { table: LINK_TABLES.indicatorInputs, references: ["figures"] } },
    rowsOf: (data) => data.indicators,
  });
  const series = new Map(config.series.map((definition) => [definition.id, seriesTable(config, definition)]));
  const mentions = define<Mention>({
    name: "mentions",
    title: "Mentions: every quantity and time expression found in a source, and what became of it",
    schema: mentionSchema,
    primaryKey: ["source_id", "char_start"],
    foreignKeys: [toSource],
    orderBy: ["source_id", "char_start"],
    links: { used_by: { table: LINK_TABLES.mentionRecords, references: ["figures", "events"] } },
    rowsOf: (data) => data.mentions,
  });
  const codebook = defineCodebook();
  const all = [
    sources,
    figures,
    events,
    indicators,
    ...series.values(),
    mentions,
    codebook.actors,
    codebook.units,
    codebook.measures,
    codebook.eventTypes,
    codebook.seriesCodebook,
  ] as TableDefinition[];
  return { sources, figures, events, indicators, mentions, ...codebook, series, all };
}

/**
 * The codebook's tables: each vocabulary the data tables' codes come from, and the series, with names and
 * definitions from the dataset configuration. Rows in the configuration's order, the order a curator wrote them.
 */
function defineCodebook() {
  const codebookTable = <Row extends object>(
    name: string,
    schema: z.ZodObject,
    entryType: string,
    rowsOf: (codebook: Codebook) => Row[],
    { primaryKey = ["code"], foreignKeys = [] }: { primaryKey?: string[]; foreignKeys?: ForeignKey[] } = {},
  ) =>
    define<Row>({
      name,
      title: `Codebook: ${name.replaceAll("_", " ")}`,
      schema,
      primaryKey,
      foreignKeys,
      orderBy: [],
      entryType,
      codebook: true,
      rowsOf: (data) => rowsOf(data.codebook),
    });
  return {
    actors: codebookTable<ActorEntry>("actors", actorEntrySchema, "ActorEntry", (c) => c.actors),
    units: codebookTable<UnitEntry>("units", unitEntrySchema, "UnitEntry", (c) => c.units),
    measures: codebookTable<MeasureEntry>("measures", measureEntrySchema, "MeasureEntry", (c) => c.measures, {
      foreignKeys: [toCode("unit", "units")],
    }),
    eventTypes: codebookTable<EventTypeEntry>(
      "event_types",
      eventTypeEntrySchema,
      "EventTypeEntry",
      (c) => c.eventTypes,
    ),
    seriesCodebook: codebookTable<SeriesEntry>("series", seriesEntrySchema, "SeriesEntry", (c) => c.series, {
      primaryKey: ["id"],
      foreignKeys: [toCode("measure", "measures"), toCode("subject", "actors"), toCode("counterpart", "actors")],
    }),
  };
}

/** A series table: its observations' own unit for values and changes, percent and years for the rest. */
function seriesTable(config: DatasetConfig, series: SeriesDefinition): TableDefinition<SeriesObservation> {
  const unitName = config.units[config.measures[series.measure]!.unit]!.name;
  return define<SeriesObservation>({
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
    series,
    units: {
      year: "decimal years",
      value: unitName,
      years_since_previous: "years",
      change_abs: unitName,
      change_pct: "percent",
      cagr_pct: "percent per year",
    },
    rowsOf: (data) => data.series.get(series.id) ?? [],
  });
}

/** Each definition with its rows, in its row order. */
export function fillTables(definitions: TableDefinitions, data: TableData): Tables {
  const fill = <Row extends object>(definition: TableDefinition<Row>): Table<Row> => ({
    ...definition,
    rows: [...definition.rowsOf(data)].sort(byKeys(...definition.orderBy)),
  });
  const filled = new Map<TableDefinition, Table>(definitions.all.map((definition) => [definition, fill(definition)]));
  const table = <Row extends object>(definition: TableDefinition<Row>) =>
    filled.get(definition as TableDefinition) as Table<Row>;
  return {
    sources: table(definitions.sources),
    figures: table(definitions.figures),
    events: table(definitions.events),
    indicators: table(definitions.indicators),
    mentions: table(definitions.mentions),
    actors: table(definitions.actors),
    units: table(definitions.units),
    measures: table(definitions.measures),
    eventTypes: table(definitions.eventTypes),
    seriesCodebook: table(definitions.seriesCodebook),
    series: new Map([...definitions.series].map(([id, definition]) => [id, table(definition)])),
    all: [...filled.values()],
  };
}

/** A row's cell in a column: rows are records keyed by column name. */
export function cell(row: object, column: string): unknown {
  return (row as Record<string, unknown>)[column];
}

/**
 * How a table is named in the package's entries (data and Zod schemas alike): "trade_turnover" → array
 * `tradeTurnover`, type `TradeTurnover`; a table keyed by `id` also gets a lookup ("figures" → `figure(id)`) and
 * an id type (`FigureId`).
 */
export function entryNames(table: Pick<TableDefinition, "name" | "primaryKey" | "entryType">): {
  array: string;
  type: string;
  lookup?: string;
  idType?: string;
} {
  const camel = table.name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  // A codebook table's rows are looked up by code in its array; its type name is its own.
  if (table.entryType !== undefined) return { array: camel, type: table.entryType };
  const singular = camel.replace(/s$/, "");
  const type = singular[0]!.toUpperCase() + singular.slice(1);
  const keyedById = table.primaryKey.length === 1 && table.primaryKey[0] === "id";
  return keyedById ? { array: camel, type, lookup: singular, idType: `${type}Id` } : { array: camel, type };
}

/** Orders rows by the given keys, nulls first, then by string or number comparison. */
export function byKeys(...keys: string[]) {
  return (a: object, b: object): number => {
    for (const key of keys) {
      const x = cell(a, key);
      const y = cell(b, key);
      if (x === y) continue;
      if (x === null || x === undefined) return -1;
      if (y === null || y === undefined) return 1;
      return (x as string | number) < (y as string | number) ? -1 : 1;
    }
    return 0;
  };
}
