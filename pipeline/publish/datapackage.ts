/**
 * The Frictionless Data Package (v2) descriptor, generated from the files of the build: one resource per
 * published data, schema and chart file with its size and SHA-256, and a Table Schema for each CSV table.
 * It holds no timestamp, so it changes only when the data or the version does.
 */
import { sha256 } from "../io/sha256.ts";
import type { Source } from "../../schemas/index.ts";
import type { DatasetConfig } from "../config/dataset-config.ts";
import type { Files, PackageMetadata } from "../formats/format.ts";
import { CSV_DIALECT } from "./write-atomically.ts";
import type { TableSpec } from "../tables/index.ts";
import { tableSchema } from "../formats/csv/table-schema.ts";

export interface DescriptorInput {
  files: Files;
  metadata: PackageMetadata;
  config: DatasetConfig;
  specs: TableSpec[];
  sources: Source[];
}

export const DATA_LICENSE = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" };

const MEDIA_TYPES: Record<string, string> = {
  csv: "text/csv",
  json: "application/json",
  svg: "image/svg+xml",
  parquet: "application/vnd.apache.parquet",
  sqlite: "application/vnd.sqlite3",
};
const BINARY = new Set(["parquet", "sqlite"]);
const DESCRIBED_FOLDERS = ["data/", "schemas/", "charts/"];

export function datapackage({ files, metadata, config, specs, sources }: DescriptorInput): string {
  const resources = [...files.keys()]
    .filter((path) => DESCRIBED_FOLDERS.some((folder) => path.startsWith(folder)))
    .sort()
    .map((path) => resource(path, files.get(path)!, specs));
  const descriptor = {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: metadata.name,
    title: config.package.title,
    description: config.package.description,
    version: metadata.version,
    licenses: [DATA_LICENSE],
    contributors: [
      { title: `${metadata.name} contributors`, roles: ["creator"] },
      ...sources.map((source) => ({ title: source.author, organization: source.affiliation ?? undefined, roles: ["author of the source"] })),
    ],
    sources: sources.map((source) => ({
      title: `${source.author}, "${source.title}", ${source.series} No. ${source.number}, ${source.publisher}, ${source.published}`,
      ...(source.url ? { path: source.url } : {}),
    })),
    keywords: config.package.keywords,
    resources,
  };
  return JSON.stringify(descriptor, null, 2) + "\n";
}

function resource(path: string, content: Uint8Array, specs: TableSpec[]) {
  const [folder = "", file = ""] = path.split("/");
  const [stem = "", extension = ""] = file.split(/\.(?=[^.]+$)/);
  const table = specs.find((spec) => folder === "data" && spec.name === stem);
  const common = {
    name: `${folder}-${stem.replace(/[^a-z0-9]+/g, "-")}-${extension}`,
    path,
    format: extension,
    mediatype: MEDIA_TYPES[extension] ?? "application/octet-stream",
    ...(BINARY.has(extension) ? {} : { encoding: "utf-8" }),
    bytes: content.byteLength,
    hash: `sha256:${sha256(content)}`,
  };
  if (extension === "sqlite") {
    return {
      ...common,
      title: "Every table in one SQLite database",
      description: "Every table in one SQLite database: STRICT tables, primary and foreign keys, vocabularies as CHECK constraints; list columns as link tables (event_actors, indicator_inputs, mention_records). data/metadata.json describes it for Datasette.",
    };
  }
  if (!table) return common;
  if (extension === "parquet") {
    return { ...common, title: table.title, description: `${table.title}, as Parquet: dates as DATE, counts and offsets as BIGINT, numbers as DOUBLE, lists as LIST<VARCHAR>, column descriptions in the file's metadata.` };
  }
  if (extension === "json") {
    return { ...common, title: table.title, description: `${table.title}, as a JSON array of records; each record is valid against schemas/${table.name}.schema.json.` };
  }
  return {
    ...common,
    name: table.name,
    type: "table",
    title: table.title,
    description: `${table.title}, as CSV.`,
    dialect: { header: true, delimiter: CSV_DIALECT.delimiter, lineTerminator: CSV_DIALECT.newline, quoteChar: CSV_DIALECT.quoteChar },
    schema: tableSchema(table),
  };
}
