/**
 * Output steps: the index.ts of each folder of pipeline/formats/ exports `step`, one published output
 * (the tables as CSV and JSON, the JSON Schemas, the npm entries, the charts, the explorer, ...). A step
 * declares what it reads from the build; a costly step is reused from the step cache while its code (its own
 * import graph), its packages and the data it reads are unchanged. Published files are bytes, so a binary
 * format is one more step.
 */
import type { DatasetConfig, LoadedConfig } from "../config/dataset-config.ts";
import type { NormalizedText } from "../ingest/index.ts";
import type { Source } from "../../schemas/index.ts";
import type { TableSpec } from "../tables/index.ts";

/** The files of a build, by path relative to the output folder. */
export type Files = Map<string, Uint8Array>;

export interface PublishedTable {
  spec: TableSpec;
  /** In the table's row order. */
  rows: object[];
}

export interface SourceText {
  source: Source;
  /** The text as received, which the records' code point offsets count into. */
  raw: string;
  normalized: NormalizedText;
  /** Each figure's and event's span of the normalized text, by record id, as resolve placed it. */
  spans: Map<string, { start: number; end: number }>;
}

export interface PackageMetadata {
  name: string;
  version: string;
  description: string;
}

/** What the build has computed when the output steps run: the inputs a step may declare. */
export interface BuildProducts {
  config: DatasetConfig;
  /** The configuration with its file and lines, for steps that report a problem in it. */
  loadedConfig: LoadedConfig;
  tables: PublishedTable[];
  texts: SourceText[];
  packageMetadata: PackageMetadata;
  /** The repository root, for steps that run the project's own tools. */
  root: string;
}

export interface OutputStep<R extends keyof BuildProducts = keyof BuildProducts> {
  name: string;
  reads: readonly R[];
  /**
   * Reuse the outputs while this module's import graph, these packages' versions and the data read are
   * unchanged; `folders` adds modules the step loads by name (and so outside its import graph).
   */
  cache?: { packages: string[]; folders?: string[] };
  run(products: Pick<BuildProducts, R>): Files | Promise<Files>;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The table of this name, for steps that read one table. */
export function tableNamed(tables: PublishedTable[], name: string): PublishedTable {
  const table = tables.find((t) => t.spec.name === name);
  if (table === undefined) throw new Error(`no published table named ${name}`);
  return table;
}
