/**
 * Documentation generated from the data contract: the data dictionary (docs/DATA_DICTIONARY.md and a summary
 * in README.md) from the published tables' column descriptions and the files the formats describe, the record
 * counts in docs/DATASHEET.md and the README's indicator list from the published rows, and every text that names
 * the sources (sources.ts). Hand-written text stays outside the `<!-- name:start -->`/`<!-- name:end -->` markers.
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CSV_DIALECT } from "../formats/csv/index.ts";
import type { FileDescription } from "../formats/format.ts";
import { PipelineError } from "../io/errors.ts";
import { writeFileAtomically } from "../io/write-file.ts";
import { LIST_DELIMITER, type Column } from "../tables/columns.ts";
import type { Table, TableDefinition, Tables } from "../tables/index.ts";
import type { Source } from "../../schemas/index.ts";
import {
  citationCff,
  datasheetSources,
  howToCite,
  readmeOpening,
  withPackageDescription,
  type PackageTexts,
} from "./sources.ts";
import { sentence } from "../text/sentence.ts";

export const DICTIONARY_PATH = "docs/DATA_DICTIONARY.md";
export const DATASHEET_PATH = "docs/DATASHEET.md";
export const CITATION_PATH = "CITATION.cff";

/** A column as the data dictionary shows it. */
export interface DictionaryColumn {
  name: string;
  type: string;
  unit: string;
  allowed: string;
  nullable: boolean;
  description: string;
}

export function tableColumns(table: Pick<TableDefinition, "columns" | "foreignKeys">): DictionaryColumn[] {
  const hasUnitColumn = table.columns.some((column) => column.name === "unit");
  return table.columns.map((column) => {
    // A code of a codebook: the codebook's table names and defines each one.
    const codebook =
      column.link?.codebook ??
      table.foreignKeys.find((key) => key.fields === column.name && key.resourceFields === "code")?.resource;
    return {
      name: column.name,
      type: column.kind === "list" ? "list of string" : column.kind === "text" ? "string" : column.kind,
      unit: column.unit ?? unitOrFormat(column, hasUnitColumn),
      allowed: codebook === undefined ? allowedValues(column) : codesOf(column, codebook),
      nullable: column.nullable,
      description: column.description,
    };
  });
}

function codesOf(column: Column, codebook: string): string {
  const codes = `a \`code\` of [\`${codebook}\`](#${codebook})`;
  return column.kind === "list" && column.minItems !== undefined ? `at least ${column.minItems}, each ${codes}` : codes;
}

const TEXT_FORMATS: Record<NonNullable<Column["textFormat"]>, string> = {
  "partial date": "ISO 8601 partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date",
  slug: "lowercase slug: letters, digits, single hyphens",
  url: "URL",
};

function unitOrFormat(column: Column, hasUnitColumn: boolean): string {
  const { name, kind, textFormat, pattern } = column;
  if (hasUnitColumn && (name === "value" || name === "value_high")) return "see `unit`";
  if (name === "char_start" || name === "char_end") return "Unicode code points";
  if (kind === "list") return `\`${LIST_DELIMITER}\`-separated in CSV`;
  if (textFormat !== undefined) return TEXT_FORMATS[textFormat];
  if (kind === "date") return "ISO 8601 date `YYYY-MM-DD`";
  if (pattern !== undefined) return `matches \`${pattern}\``;
  return "";
}

function allowedValues(column: Column): string {
  const values = column.allowed?.map((value) => `\`${value}\``).join(", ") ?? "";
  if (column.kind === "list") {
    if (column.minItems === undefined) return values;
    return values === "" ? `at least ${column.minItems}` : `at least ${column.minItems} of ${values}`;
  }
  if (values !== "") return values;
  const limits = [
    column.minLength === 1 ? "non-empty" : "",
    column.maxLength === undefined ? "" : `at most ${column.maxLength} characters`,
    column.exclusiveMinimum === undefined ? "" : `> ${column.exclusiveMinimum}`,
    // z.int() bounds every integer to the safe range; only a real lower bound is worth saying.
    column.minimum === undefined || column.minimum === Number.MIN_SAFE_INTEGER ? "" : `≥ ${column.minimum}`,
  ];
  return limits.filter(Boolean).join(", ");
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

const GENERATED_NOTE = "<!-- Generated from schemas/ by pipeline/render/docs.ts: edit the schemas, not this text. -->";

/** Each table's files, by path, as the formats describe them: those that hold that table alone. */
function filesOf(table: string, files: ReadonlyMap<string, FileDescription>): string[] {
  return [...files]
    .filter(([, { tables }]) => tables.length === 1 && tables[0] === table)
    .map(([path]) => path)
    .sort();
}

export function dataDictionary(specs: readonly TableDefinition[], files: ReadonlyMap<string, FileDescription>): string {
  const [first] = specs;
  const perTable =
    first === undefined
      ? []
      : filesOf(first.name, files).map(
          (path) => `\`${path.replace(`/${first.name}.`, "/<table>.").replace(/^data\//, "")}\``,
        );
  const intro = [
    "# Data dictionary",
    "",
    GENERATED_NOTE,
    "",
    `Every published table is in \`dist/data/\` as ${inWords(perTable)}, with the same`,
    "columns in the same order, and in one SQLite database, `dist/data/<package name>.sqlite`. Every column is",
    "present in every row; a **nullable** column may be empty (an empty cell in CSV, `null` in JSON and Parquet, NULL",
    `in SQLite). Lists are \`${LIST_DELIMITER}\`-separated in CSV, arrays in JSON, lists in Parquet and link ` +
      `tables in SQLite. CSV files`,
    `are RFC 4180, UTF-8, with \`${JSON.stringify(CSV_DIALECT.newline).slice(1, -1)}\` line ends.`,
    "",
    "A date kept at the text's precision (`2014`, `2014-10`) has two companion columns of type date,",
    "`*_first_day` and `*_last_day`, giving the interval it stands for: use those to filter, sort, join and plot,",
    "and the precise column to quote or label.",
    "",
    "**Codebook.** The tables " +
      inWords(specs.filter((table) => table.codebook).map((table) => `[\`${table.name}\`](#${table.name})`)) +
      " name and define every code the",
    "data tables use, as sources/dataset.yaml gives them; a data column that holds a code is a foreign key to its",
    "codebook's `code` in datapackage.json and in SQLite.",
    "",
    "**Several sources.** Every record keeps its `source_id`. Two sources reporting the same period are two",
    "observations, never merged or averaged. A series table (one per series the dataset configuration defines)",
    "orders each source's observations by period and computes each change from the preceding observation *of the",
    "same source*; series indicators are likewise computed within one source. An indicator defined in a source's",
    "`indicators.yaml` may take figures of any source; its `inputs` name them.",
    "",
    "Tables: " + specs.map((table) => `[\`${table.name}\`](#${table.name})`).join(", ") + ".",
  ];
  return [...intro, ...specs.flatMap((table) => tableSection(table, filesOf(table.name, files)))].join("\n") + "\n";
}

/** "a, b and c". */
function inWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function tableSection(table: TableDefinition, files: string[]): string[] {
  const order =
    table.orderBy.length === 0
      ? "Rows in the order sources/dataset.yaml gives them."
      : `Rows ordered by ${codeList(table.orderBy)}.`;
  const keys = [`Primary key: ${codeList(table.primaryKey)}.`, order];
  const references = table.foreignKeys.map((key) => `\`${key.fields}\` → \`${key.resource}.${key.resourceFields}\``);
  if (references.length > 0) keys.push(`References: ${references.join(", ")}.`);
  return [
    "",
    `## ${table.name}`,
    "",
    sentence(table.description),
    "",
    `Files: ${files.map((path) => `\`dist/${path}\``).join(", ")}. ${keys.join(" ")}`,
    "",
    "| column | type | unit / format | allowed values | required / nullable | description |",
    "|---|---|---|---|---|---|",
    ...tableColumns(table).map(
      (c) =>
        `| \`${c.name}\` | ${c.type} | ${cell(c.unit)} | ${cell(c.allowed)} | ` +
        `${c.nullable ? "nullable" : "required"} | ${cell(c.description)} |`,
    ),
    ...(table.codebook && "rows" in table ? codebookRows(table as Table) : []),
  ];
}

/** A codebook table's rows as the dictionary lists them: each code with its name and definition. */
function codebookRows(table: Table): string[] {
  const columns = table.columns.map((column) => column.name);
  return [
    "",
    `The ${table.name} that sources/dataset.yaml defines:`,
    "",
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...table.rows.map(
      (row) =>
        `| ${table.columns
          .map(({ name }, i) => {
            const value = (row as Record<string, unknown>)[name];
            return i === 0 ? `\`${value}\`` : cell(value === null ? "" : String(value));
          })
          .join(" | ")} |`,
    ),
  ];
}

/** The README's summary: each table and its columns, pointing to the full dictionary. */
export function readmeSection(specs: readonly TableDefinition[]): string {
  return [
    "",
    GENERATED_NOTE,
    "",
    "| table | columns |",
    "|---|---|",
    ...specs.map(
      (table) =>
        `| [\`${table.name}\`](${DICTIONARY_PATH}#${table.name}) | ` +
        `${codeList(table.columns.map((column) => column.name))} |`,
    ),
    "",
    `Types, units, allowed values and descriptions of every column: [${DICTIONARY_PATH}](${DICTIONARY_PATH}).`,
    "",
  ].join("\n");
}

export function updateReadme(readme: string, specs: readonly TableDefinition[]): string {
  return replaceBetweenMarkers(readme, "dictionary", readmeSection(specs));
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`, keeping the markers. */
/** A document whose generated part is no longer between its markers: the text around it cannot be kept. */
class MissingMarkers extends Error {}

export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new MissingMarkers(`no "${start}" ... "${end}" markers, in that order`);
  return text.slice(0, from + start.length) + content + text.slice(to);
}

function codeList(names: string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}

/** A table cell: pipes escaped, on one line, a dash when empty. */
function cell(text: string): string {
  return text === "" ? "—" : text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

// ---------------------------------------------------------------------------------------------------------------
// Datasheet counts

/** The counts the datasheet quotes, as markdown, from the published tables. */
export function datasheetCounts(tables: Tables): string {
  const { figures, events, mentions } = tables;
  const quantities = mentions.rows.filter((m) => m.kind === "quantity");
  const lines = [
    "",
    "<!-- Generated from dist/data/ by pipeline/render/docs.ts. -->",
    "",
    "| table | rows |",
    "|---|---|",
    ...tables.all.map((table) => `| \`${table.name}\` | ${table.rows.length} |`),
    "",
    `- Figures by claim type: ${tally(figures.rows, "claim_type")}.`,
    `- Figures by hedge (\`qualifier\`): ${tally(figures.rows, "qualifier")}.`,
    `- Events by date basis: ${tally(events.rows, "date_basis")}; by date precision: ` +
      `${tally(events.rows, "date_precision")}.`,
    `- Mentions: ${tally(mentions.rows, "kind")}. Quantity mentions used by a figure: ` +
      `${quantities.filter((m) => m.used_by.length > 0).length}; dismissed: ` +
      `${quantities.filter((m) => m.dismissed !== null).length}.`,
    "",
  ];
  return lines.join("\n");
}

/** "reported 19, estimate 1": each value of `column` with its count, most frequent first, ties by name. */
function tally<Row extends object>(rows: readonly Row[], column: keyof Row & string): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row[column]), (counts.get(String(row[column])) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([value, count]) => `\`${value}\` ${count}`)
    .join(", ");
}

export function updateDatasheet(datasheet: string, tables: Tables): string {
  return replaceBetweenMarkers(datasheet, "counts", datasheetCounts(tables));
}

// ---------------------------------------------------------------------------------------------------------------
// README indicator list

const SIGNIFICANT = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/** One line per indicator: id, name, value to four significant digits, unit and qualifier. */
export function indicatorList(tables: Tables): string {
  const lines = tables.indicators.rows.map((row) => {
    const hedge = row.qualifier === "exact" ? "" : `, ${row.qualifier.replaceAll("_", " ")}`;
    return `- \`${row.id}\`: ${row.name}: **${SIGNIFICANT.format(row.value)} ${row.unit}**${hedge}`;
  });
  return [
    "",
    "<!-- Generated from the indicators table by pipeline/render/docs.ts; values rounded here only. -->",
    "",
    ...lines,
    "",
  ].join("\n");
}

export function updateIndicators(readme: string, tables: Tables): string {
  return replaceBetweenMarkers(readme, "indicators", indicatorList(tables));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** What the documentation is generated from: a build's tables, its files and what the formats say of them. */
export interface DocsInput {
  tables: Tables;
  /** The files the build wrote, datapackage.json among them. */
  files: ReadonlyMap<string, Uint8Array>;
  descriptions: ReadonlyMap<string, FileDescription>;
}

/** The package as the built datapackage.json describes it. */
export function packageTexts(files: ReadonlyMap<string, Uint8Array>): PackageTexts {
  const bytes = files.get("datapackage.json");
  if (bytes === undefined) throw new Error("the build wrote no datapackage.json");
  return JSON.parse(new TextDecoder().decode(bytes)) as PackageTexts;
}

/**
 * Regenerates docs/DATA_DICTIONARY.md, the generated parts of README.md and docs/DATASHEET.md, CITATION.cff and
 * package.json's description from what the build published, writing only the files whose text changed. Returns
 * their paths relative to `root`.
 */
export async function writeDocs(root: string, { tables, files, descriptions }: DocsInput): Promise<string[]> {
  const pkg = packageTexts(files);
  const sources = tables.sources.rows;
  const updates: [string, (text: string) => string][] = [
    [DICTIONARY_PATH, () => dataDictionary(tables.all, descriptions)],
    [
      "README.md",
      (text) => updateReadmeSources(updateIndicators(updateReadme(text, tables.all), tables), pkg, sources),
    ],
    [
      DATASHEET_PATH,
      (text) => replaceBetweenMarkers(updateDatasheet(text, tables), "sources", datasheetSources(sources)),
    ],
    [CITATION_PATH, () => citationCff(pkg, sources)],
    ["package.json", (text) => withPackageDescription(text, pkg.description)],
  ];
  const changed: string[] = [];
  for (const [path, update] of updates) if (await rewrite(join(root, path), update)) changed.push(path);
  return changed;
}

/** The README's opening paragraph and its "How to cite", from the sources. */
export function updateReadmeSources(readme: string, pkg: PackageTexts, sources: readonly Source[]): string {
  return replaceBetweenMarkers(
    replaceBetweenMarkers(readme, "sources", readmeOpening(sources)),
    "citation",
    howToCite(pkg, sources),
  );
}

/**
 * Writes `update`'s result when it differs from the file's text (a missing file reads as empty), whole or not at
 * all; true if written.
 */
async function rewrite(file: string, update: (text: string) => string): Promise<boolean> {
  const before = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  let after: string;
  try {
    after = update(before);
  } catch (error) {
    if (!(error instanceof MissingMarkers)) throw error;
    const advice = "put them back around the generated part (git diff shows where), then build again";
    throw new PipelineError(`${error.message}: ${advice}`, { file });
  }
  if (after === before) return false;
  await mkdir(dirname(file), { recursive: true });
  writeFileAtomically(file, after);
  return true;
}
