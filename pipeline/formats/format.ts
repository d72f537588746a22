/**
 * Formats: each folder of pipeline/formats/ is one published output (the tables as CSV, as JSON, as Parquet, in
 * SQLite, their JSON Schemas, the npm entries, the charts, the explorer, ...), and its index.ts exports `format`.
 * A format declares what it reads from the build, writes its files as bytes, and describes each file it writes
 * for datapackage.json (media type, encoding, dialect or schema, resource name), so that the descriptor and the
 * documentation are built from what the formats say, never from a list or a file extension. A costly format is
 * reused from the step cache while its code (its own import graph), its packages and the data it reads are
 * unchanged.
 */
import type { LoadedConfig } from "../config/dataset-config.ts";
import type { NormalizedText } from "../ingest/normalize.ts";
import type { TextRules } from "../ingest/text-format.ts";
import type { Source } from "../../schemas/index.ts";
import type { Table, Tables } from "../tables/index.ts";

/** The files of a build, by path relative to the output folder. */
export type Files = Map<string, Uint8Array>;

export interface SourceText {
  source: Source;
  /** The text as received, which the records' code point offsets count into. */
  raw: string;
  normalized: NormalizedText;
  /** The rules its text format normalizes it by. */
  textFormat: TextRules;
  /** Each figure's and event's span of the normalized text, by record id, as resolve placed it. */
  spans: Map<string, { start: number; end: number }>;
}

export interface PackageMetadata {
  name: string;
  version: string;
  description: string;
  /** The release date of this version (YYYY-MM-DD); null for a version not yet released. */
  released: string | null;
}

/** What the build has computed when the formats run: the inputs a format may declare. */
export interface BuildProducts {
  /** The dataset configuration, with its file and lines for formats that report a problem in it. */
  config: LoadedConfig;
  tables: Tables;
  texts: SourceText[];
  packageMetadata: PackageMetadata;
  /** The repository root, for formats that run the project's own tools. */
  root: string;
}

/**
 * A file as datapackage.json lists it (Frictionless Data Package v2 resource), less what the build measures
 * (path, bytes, hash). Properties after the first four are written in the order given.
 */
export interface Resource {
  /** Unique in the descriptor: a table's CSV takes the table's name, other files resourceName(path). */
  name: string;
  format: string;
  mediatype: string;
  /** For a text file; a binary one has none. */
  encoding?: "utf-8";
  [property: string]: unknown;
}

/** A file a format writes, as the descriptor and the data dictionary see it. */
export interface FileDescription {
  resource: Resource;
  /** The tables the file holds, by name; none for a file that holds no table's rows. */
  tables: string[];
}

export interface Format<R extends keyof BuildProducts = keyof BuildProducts> {
  /** The folder's name, which also names its entries in the step cache. */
  name: string;
  reads: readonly R[];
  /**
   * Reuse the files while this module's import graph, these packages' versions and the data read are
   * unchanged; `folders` adds modules the format loads by name (and so outside its import graph).
   */
  cache?: { packages: string[]; folders?: string[] };
  write(products: Pick<BuildProducts, R>): Files | Promise<Files>;
  /**
   * Each file `write` writes that datapackage.json lists, by path, from the same products (without writing
   * it: a cached format is not run). A web page or the npm entries' code is not a data resource, and not listed.
   */
  describe(products: Pick<BuildProducts, R>): Map<string, FileDescription>;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The descriptions of a format that writes each table to a file of its own: `path` and `resource` of a table. */
export function describeEach(
  tables: readonly Table[],
  path: (table: Table) => string,
  resource: (table: Table) => Resource,
): Map<string, FileDescription> {
  return new Map(tables.map((table) => [path(table), { resource: resource(table), tables: [table.name] }]));
}

/** The resource name of a file other than a table's CSV: "data/trade_turnover.json" → "data-trade-turnover-json". */
export function resourceName(path: string): string {
  const [folder = "", file = ""] = path.split("/");
  const [stem = "", extension = ""] = file.split(/\.(?=[^.]+$)/);
  return `${folder}-${stem.replace(/[^a-z0-9]+/g, "-")}-${extension}`;
}
