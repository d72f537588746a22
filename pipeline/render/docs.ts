/**
 * Documentation generated from the data contract: the data dictionary (docs/DATA_DICTIONARY.md and a summary
 * in README.md) from the Zod schemas of the published tables, and the record counts in docs/DATASHEET.md from
 * the published JSON. Hand-written text stays outside the `<!-- name:start -->`/`<!-- name:end -->` markers.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { isoPartialDate } from "../../schemas/index.ts";
import { id as slug } from "../../schemas/fields.ts";
import { splitNullable, type JsonSchemaNode } from "../tables/json-schema-node.ts";
import type { PublishedTable } from "../formats/format.ts";
import { LIST_DELIMITER } from "../formats/csv/table-schema.ts";
import { CSV_DIALECT } from "../publish/write-atomically.ts";
import type { TableSpec } from "../tables/index.ts";

export const DICTIONARY_PATH = "docs/DATA_DICTIONARY.md";
export const DATASHEET_PATH = "docs/DATASHEET.md";

export interface Column {
  name: string;
  type: string;
  unit: string;
  allowed: string;
  nullable: boolean;
  description: string;
}

const PARTIAL_DATE_PATTERN = patternOf(isoPartialDate);
const SLUG_PATTERN = patternOf(slug);

export function tableColumns(table: TableSpec): Column[] {
  const properties = (z.toJSONSchema(table.schema) as { properties: Record<string, JsonSchemaNode> }).properties;
  const hasUnitColumn = "unit" in properties;
  return Object.entries(properties).map(([name, property]) => {
    const { value: schema, nullable } = splitNullable(property);
    return {
      name,
      type: typeName(schema),
      unit: table.units?.[name] ?? unitOrFormat(name, schema, hasUnitColumn),
      allowed: allowedValues(schema),
      nullable,
      description: property.description ?? schema.description ?? "",
    };
  });
}

/** The nullable wrapper, in either of the two shapes Zod writes it, taken off. */
function typeName(schema: JsonSchemaNode): string {
  if (schema.type === "array") return `list of ${typeName(schema.items ?? {})}`;
  if (schema.format === "date") return "date";
  return String(schema.type ?? "any");
}

function unitOrFormat(name: string, schema: JsonSchemaNode, hasUnitColumn: boolean): string {
  if (hasUnitColumn && (name === "value" || name === "value_high")) return "see `unit`";
  if (name === "char_start" || name === "char_end") return "Unicode code points";
  if (schema.type === "array") return `\`${LIST_DELIMITER}\`-separated in CSV`;
  if (schema.pattern === PARTIAL_DATE_PATTERN) return "ISO 8601 partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date";
  if (schema.pattern === SLUG_PATTERN) return "lowercase slug: letters, digits, single hyphens";
  if (schema.format === "uri") return "URL";
  if (schema.format === "date") return "ISO 8601 date `YYYY-MM-DD`";
  if (schema.pattern !== undefined) return `matches \`${schema.pattern}\``;
  return "";
}

function allowedValues(schema: JsonSchemaNode): string {
  if (schema.type === "array") {
    const items = allowedValues(schema.items ?? {});
    if (schema.minItems === undefined) return items;
    return items === "" ? `at least ${schema.minItems}` : `at least ${schema.minItems} of ${items}`;
  }
  if (schema.enum !== undefined) return schema.enum.map((value) => `\`${value}\``).join(", ");
  const limits = [
    schema.minLength === 1 ? "non-empty" : "",
    schema.maxLength === undefined ? "" : `at most ${schema.maxLength} characters`,
    schema.exclusiveMinimum === undefined ? "" : `> ${schema.exclusiveMinimum}`,
    // z.int() bounds every integer to the safe range; only a real lower bound is worth saying.
    schema.minimum === undefined || schema.minimum === Number.MIN_SAFE_INTEGER ? "" : `≥ ${schema.minimum}`,
  ];
  return limits.filter(Boolean).join(", ");
}

function patternOf(schema: z.ZodType): string | undefined {
  return (z.toJSONSchema(schema) as JsonSchemaNode).pattern;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

const GENERATED_NOTE = "<!-- Generated from schemas/ by pipeline/render/docs.ts: edit the schemas, not this text. -->";

export function dataDictionary(specs: TableSpec[]): string {
  const intro = [
    "# Data dictionary",
    "",
    GENERATED_NOTE,
    "",
    "Every published table is in `dist/data/` as `<table>.csv`, `<table>.json` and `<table>.parquet`, with the same",
    "columns in the same order, and in one SQLite database, `dist/data/<package name>.sqlite`. Every column is",
    "present in every row; a **nullable** column may be empty (an empty cell in CSV, `null` in JSON and Parquet, NULL",
    `in SQLite). Lists are \`${LIST_DELIMITER}\`-separated in CSV, arrays in JSON, lists in Parquet and link tables in SQLite. CSV files`,
    `are RFC 4180, UTF-8, with \`${JSON.stringify(CSV_DIALECT.newline).slice(1, -1)}\` line ends.`,
    "",
    "A date kept at the text's precision (`2014`, `2014-10`) has two companion columns of type date,",
    "`*_first_day` and `*_last_day`, giving the interval it stands for: use those to filter, sort, join and plot,",
    "and the precise column to quote or label.",
    "",
    "**Several sources.** Every record keeps its `source_id`. Two sources reporting the same period are two",
    "observations, never merged or averaged. A series table (one per series the dataset configuration defines)",
    "orders each source's observations by period and computes each change from the preceding observation *of the",
    "same source*; series indicators are likewise computed within one source. An indicator defined in a source's",
    "`indicators.yaml` may take figures of any source; its `inputs` name them.",
    "",
    "Tables: " + specs.map((table) => `[\`${table.name}\`](#${table.name})`).join(", ") + ".",
  ];
  return [...intro, ...specs.flatMap(tableSection)].join("\n") + "\n";
}

function tableSection(table: TableSpec): string[] {
  const keys = [`Primary key: ${codeList(table.primaryKey)}.`, `Rows ordered by ${codeList(table.orderBy)}.`];
  const references = table.foreignKeys.map((key) => `\`${key.fields}\` → \`${key.resource}.${key.resourceFields}\``);
  if (references.length > 0) keys.push(`References: ${references.join(", ")}.`);
  return [
    "",
    `## ${table.name}`,
    "",
    sentence(table.schema.description ?? table.title),
    "",
    `Files: \`dist/data/${table.name}.csv\`, \`dist/data/${table.name}.json\`, \`dist/data/${table.name}.parquet\`. ${keys.join(" ")}`,
    "",
    "| column | type | unit / format | allowed values | required / nullable | description |",
    "|---|---|---|---|---|---|",
    ...tableColumns(table).map(
      (c) => `| \`${c.name}\` | ${c.type} | ${cell(c.unit)} | ${cell(c.allowed)} | ${c.nullable ? "nullable" : "required"} | ${cell(c.description)} |`,
    ),
  ];
}

/** The README's summary: each table and its columns, pointing to the full dictionary. */
export function readmeSection(specs: TableSpec[]): string {
  return [
    "",
    GENERATED_NOTE,
    "",
    "| table | columns |",
    "|---|---|",
    ...specs.map((table) => `| [\`${table.name}\`](${DICTIONARY_PATH}#${table.name}) | ${codeList(Object.keys(table.schema.shape))} |`),
    "",
    `Types, units, allowed values and descriptions of every column: [${DICTIONARY_PATH}](${DICTIONARY_PATH}).`,
    "",
  ].join("\n");
}

export function dictionaryFiles(specs: TableSpec[]): Map<string, string> {
  return new Map([[DICTIONARY_PATH, dataDictionary(specs)]]);
}

export function updateReadme(readme: string, specs: TableSpec[]): string {
  return replaceBetweenMarkers(readme, "dictionary", readmeSection(specs));
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`, keeping the markers. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`no "${start}" ... "${end}" markers, in that order`);
  return text.slice(0, from + start.length) + content + text.slice(to);
}

function codeList(names: string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}

function sentence(text: string): string {
  return text === "" || text.endsWith(".") ? text : `${text}.`;
}

/** A table cell: pipes escaped, on one line, a dash when empty. */
function cell(text: string): string {
  return text === "" ? "—" : text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

// ---------------------------------------------------------------------------------------------------------------
// Datasheet counts

/** Each published table's rows, by table name, in the tables' order. */
export type PublishedData = Record<string, Record<string, unknown>[]>;

export function publishedData(tables: PublishedTable[]): PublishedData {
  return Object.fromEntries(tables.map(({ spec, rows }) => [spec.name, rows as Record<string, unknown>[]]));
}

/** The counts the datasheet quotes, as markdown, from the published data. */
export function datasheetCounts(data: PublishedData): string {
  const rows = (name: string) => data[name] ?? [];
  const quantities = rows("mentions").filter((m) => m.kind === "quantity");
  const lines = [
    "",
    "<!-- Generated from dist/data/ by pipeline/render/docs.ts. -->",
    "",
    "| table | rows |",
    "|---|---|",
    ...Object.keys(data).map((name) => `| \`${name}\` | ${data[name]!.length} |`),
    "",
    `- Figures by claim type: ${tally(rows("figures"), "claim_type")}.`,
    `- Figures by hedge (\`qualifier\`): ${tally(rows("figures"), "qualifier")}.`,
    `- Events by date basis: ${tally(rows("events"), "date_basis")}; by date precision: ${tally(rows("events"), "date_precision")}.`,
    `- Mentions: ${tally(rows("mentions"), "kind")}. Quantity mentions used by a figure: ${quantities.filter((m) => (m.used_by as string[]).length > 0).length}; dismissed: ${quantities.filter((m) => m.dismissed !== null).length}.`,
    "",
  ];
  return lines.join("\n");
}

/** "reported 19, estimate 1": each value of `column` with its count, most frequent first, ties by name. */
function tally(rows: Record<string, unknown>[], column: string): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row[column]), (counts.get(String(row[column])) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([value, count]) => `\`${value}\` ${count}`)
    .join(", ");
}

export function updateDatasheet(datasheet: string, data: PublishedData): string {
  return replaceBetweenMarkers(datasheet, "counts", datasheetCounts(data));
}

// ---------------------------------------------------------------------------------------------------------------
// README indicator list

const SIGNIFICANT = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/** One line per indicator: id, name, value to four significant digits, unit and qualifier. */
export function indicatorList(data: PublishedData): string {
  const lines = (data.indicators ?? []).map((row) => {
    const hedge = row.qualifier === "exact" ? "" : `, ${String(row.qualifier).replace("_", " ")}`;
    return `- \`${row.id}\`: ${row.name}: **${SIGNIFICANT.format(row.value as number)} ${row.unit}**${hedge}`;
  });
  return ["", "<!-- Generated from the indicators table by pipeline/render/docs.ts; values rounded here only. -->", "", ...lines, ""].join("\n");
}

export function updateIndicators(readme: string, data: PublishedData): string {
  return replaceBetweenMarkers(readme, "indicators", indicatorList(data));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/**
 * Regenerates docs/DATA_DICTIONARY.md and the generated parts of README.md and docs/DATASHEET.md from the tables
 * the build published, writing only the files whose text changed. Returns their paths relative to `root`.
 */
export async function writeDocs(root: string, tables: PublishedTable[]): Promise<string[]> {
  const specs = tables.map((table) => table.spec);
  const data = publishedData(tables);
  const updates: [string, (text: string) => string][] = [
    ...[...dictionaryFiles(specs)].map(([path, content]): [string, (text: string) => string] => [path, () => content]),
    ["README.md", (text) => updateIndicators(updateReadme(text, specs), data)],
    [DATASHEET_PATH, (text) => updateDatasheet(text, data)],
  ];
  const changed: string[] = [];
  for (const [path, update] of updates) if (await rewrite(join(root, path), update)) changed.push(path);
  return changed;
}

/** Writes `update`'s result when it differs from the file's text (a missing file reads as empty); true if written. */
async function rewrite(file: string, update: (text: string) => string): Promise<boolean> {
  const before = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  const after = update(before);
  if (after === before) return false;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, after);
  return true;
}
