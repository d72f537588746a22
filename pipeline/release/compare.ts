/**
 * What changed between two releases (or a release and the candidate): every table cell by cell (diff.ts), the
 * files added, removed and changed, the vocabulary of sources/dataset.yaml (vocabulary.ts), and the sources added
 * and removed. `release` writes it into CHANGELOG.md; `npm run diff` prints it for any two releases.
 */
import type { TableSchemaField } from "../formats/csv/table-schema.ts";
import { shortName, type Cited } from "../render/citation.ts";
import { diffTables, type ReleaseTable, type TableDiff } from "./diff.ts";
import { manifestOf } from "./manifest.ts";
import { vocabularyChanges, type VocabularyChange } from "./vocabulary.ts";

/** A release's files (paths relative to dist/) and the text of its sources/dataset.yaml, if it had one. */
export interface ReleaseContents {
  files: Map<string, Buffer>;
  config: string | null;
}

export interface FileChanges {
  added: string[];
  removed: string[];
  /** Files beside the tables whose content changed; the tables' own files are compared cell by cell instead. */
  changed: string[];
}

export interface ReleaseChanges {
  diffs: TableDiff[];
  /** Record counts per table in the later release. */
  records: Record<string, number>;
  files: FileChanges;
  /** null when the earlier release defined its vocabulary outside sources/dataset.yaml. */
  vocabulary: VocabularyChange[] | null;
  /** The sources added and removed, each by id with a short name where the release has its record. */
  sourcesAdded: { id: string; name: string }[];
  sourcesRemoved: { id: string; name: string }[];
}

export function compareReleases(before: ReleaseContents, after: ReleaseContents): ReleaseChanges {
  const diffs = diffTables(releaseTables(before.files), releaseTables(after.files));
  const sources = diffs.find((d) => d.table === "sources");
  const named = (files: Map<string, Buffer>) => (id: string) => ({ id, name: sourceName(files, id) });
  return {
    diffs,
    records: manifestOf("", after.files).records,
    files: fileChanges(before.files, after.files),
    vocabulary: vocabularyChanges(before.config, after.config),
    sourcesAdded: (sources?.added ?? []).map(named(after.files)),
    sourcesRemoved: (sources?.removed ?? []).map(named(before.files)),
  };
}

/** The descriptor as compared: what changes with every release (its version and date) left out. */
function comparable(path: string, bytes: Buffer): string {
  if (path !== "datapackage.json") return bytes.toString("base64");
  return JSON.stringify({ ...JSON.parse(bytes.toString("utf8")), version: null, created: null });
}

export function fileChanges(before: Map<string, Buffer>, after: Map<string, Buffer>): FileChanges {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  // A table's CSV is compared cell by cell (diff.ts); its JSON, Parquet and the database are files like any other.
  const comparedByCells = new Set(
    [...releaseTables(before), ...releaseTables(after)].map((table) => `data/${table.name}.csv`),
  );
  return {
    added: paths.filter((path) => !before.has(path)),
    removed: paths.filter((path) => !after.has(path)),
    changed: paths.filter(
      (path) =>
        !comparedByCells.has(path) &&
        before.has(path) &&
        after.has(path) &&
        comparable(path, before.get(path)!) !== comparable(path, after.get(path)!),
    ),
  };
}

interface DescribedResource {
  name: string;
  type?: string;
  schema?: { fields: TableSchemaField[]; primaryKey: string[] };
}

function resourcesOf(files: Map<string, Buffer>): DescribedResource[] {
  const descriptor = files.get("datapackage.json");
  return descriptor === undefined
    ? []
    : ((JSON.parse(descriptor.toString("utf8")).resources ?? []) as DescribedResource[]);
}

/** The published tables of a release, as the diff reads them: CSV text, primary key and Table Schema fields. */
export function releaseTables(files: Map<string, Buffer>): ReleaseTable[] {
  return resourcesOf(files).flatMap((resource) => {
    const csv = files.get(`data/${resource.name}.csv`);
    if (!resource.schema || !csv) return [];
    return [
      {
        name: resource.name,
        csv: csv.toString("utf8"),
        primaryKey: resource.schema.primaryKey,
        fields: resource.schema.fields,
      },
    ];
  });
}

/** A source's short name from a release's sources table, or its id alone when the release has no record of it. */
function sourceName(files: Map<string, Buffer>, id: string): string {
  const rows = JSON.parse(files.get("data/sources.json")?.toString("utf8") ?? "[]") as (Cited & { id: string })[];
  const source = rows.find((row) => row.id === id);
  return source === undefined ? id : shortName(source);
}
