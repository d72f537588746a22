/**
 * `npm run release -- <major|minor|patch>`: rebuild, diff the data cell by cell against the previous release,
 * refuse a bump smaller than the diff needs, then bump every version field, rebuild, and write the release
 * manifest and the changelog entry.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import semver from "semver";
import { build } from "../build.ts";
import { PipelineError } from "../errors.ts";
import type { TableSchemaField } from "../package/table-schema.ts";
import { changelogEntry, prependEntry } from "./changelog.ts";
import { diffTables, isAtLeast, requiredBump, type Bump, type ReleaseTable, type TableDiff } from "./diff.ts";
import { manifestOf, manifestPath, manifestText, readManifest, readTree, releasedVersions } from "./manifest.ts";
import { releasedFiles } from "./previous-release.ts";

export interface ReleaseResult {
  version: string;
  previous: string | null;
  required: Bump | null;
  diffs: TableDiff[];
  entry: string;
}

export async function release(root: string, bump: Bump, date: string): Promise<ReleaseResult> {
  const paths = { sources: join(root, "sources"), dist: join(root, "dist"), releases: join(root, "releases"), pkg: join(root, "package.json") };
  const current = readJson(paths.pkg).version as string;
  const previous = releasedVersions(paths.releases).at(-1) ?? null;
  const next = semver.inc(current, bump);
  if (next === null) throw new PipelineError(`package.json's version "${current}" is not semantic`, { file: paths.pkg });
  if (previous !== null && !semver.gt(next, previous)) {
    throw new PipelineError(`${next} would not come after the last release, ${previous}`, { file: paths.pkg });
  }

  // The check runs on a scratch build, so a refused release leaves every file as it was.
  const scratch = mkdtempSync(join(tmpdir(), "rdd-release-"));
  let candidate: Map<string, Buffer>;
  try {
    await build({ sourcesDir: paths.sources, outDir: join(scratch, "dist"), cache: false });
    candidate = readTree(join(scratch, "dist"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const previousFiles = previous === null ? new Map<string, Buffer>() : releasedFiles(root, manifestPath(paths.releases, previous), readManifest(paths.releases, previous)!);
  const diffs = diffTables(releaseTables(previousFiles), releaseTables(candidate));
  // Files beside the tables (charts, package entries, schemas) count as corrections when they alone changed.
  const otherFiles = previous === null ? [] : otherFilesChanged(previousFiles, candidate);
  const required = requiredBump(diffs) ?? (otherFiles.length > 0 ? "patch" : null);
  if (previous !== null && required === null) throw new PipelineError(`no data changed since ${previous}: nothing to release`, { file: paths.dist });
  if (!isAtLeast(bump, required)) {
    throw new PipelineError(`a ${bump} release is too small: the changes since ${previous ?? "the start"} need a ${required} release (${reasons(diffs)})`, { file: paths.dist });
  }

  setVersion(paths.pkg, next, root);
  await build({ sourcesDir: paths.sources, outDir: paths.dist, cache: false });
  const manifest = manifestOf(next, readTree(paths.dist));
  mkdirSync(paths.releases, { recursive: true });
  writeFileSync(manifestPath(paths.releases, next), manifestText(manifest));
  const entry = changelogEntry(next, date, bump, previous, diffs, manifest.records, otherFiles);
  const changelog = join(root, "CHANGELOG.md");
  writeFileSync(changelog, prependEntry(existsSync(changelog) ? readFileSync(changelog, "utf8") : null, entry));
  return { version: next, previous, required, diffs, entry };
}

/**
 * Files beside the tables that differ between two builds: charts, package entries, schemas, and the descriptor
 * when more than its version changed. The tables' own files are judged by the cell-level diff instead.
 */
export function otherFilesChanged(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const comparable = (path: string, bytes: Buffer | undefined) =>
    bytes && path === "datapackage.json" ? JSON.stringify({ ...JSON.parse(bytes.toString("utf8")), version: null }) : bytes?.toString("base64");
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((path) => !path.startsWith("data/"))
    .filter((path) => !before.has(path) || !after.has(path) || comparable(path, before.get(path)) !== comparable(path, after.get(path)))
    .sort();
}

/** The published tables of a release, as the diff reads them: CSV text, primary key and Table Schema fields. */
function releaseTables(files: Map<string, Buffer>): ReleaseTable[] {
  const descriptor = JSON.parse(files.get("datapackage.json")?.toString("utf8") ?? '{"resources":[]}') as {
    resources: { name: string; schema?: { fields: TableSchemaField[]; primaryKey: string[] } }[];
  };
  return descriptor.resources.flatMap((resource) => {
    const csv = files.get(`data/${resource.name}.csv`);
    if (!resource.schema || !csv) return [];
    return [{ name: resource.name, csv: csv.toString("utf8"), primaryKey: resource.schema.primaryKey, fields: resource.schema.fields }];
  });
}

/**
 * package.json (and its lockfile's copy) and CITATION.cff carry the version; datapackage.json takes it from
 * package.json at build time.
 */
function setVersion(pkgPath: string, version: string, root: string): void {
  const text = readFileSync(pkgPath, "utf8");
  writeFileSync(pkgPath, text.replace(/("version":\s*)"[^"]*"/, `$1"${version}"`));
  const lockPath = join(root, "package-lock.json");
  if (existsSync(lockPath)) {
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    lock.version = version;
    lock.packages[""].version = version;
    writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
  }
  const citation = join(root, "CITATION.cff");
  if (existsSync(citation)) writeFileSync(citation, readFileSync(citation, "utf8").replace(/^version: .*$/m, `version: "${version}"`));
}

function reasons(diffs: TableDiff[]): string {
  const parts = diffs.flatMap((d) => [
    ...(d.status !== "present" ? [`table ${d.table} ${d.status}`] : []),
    ...d.columnsRemoved.map((c) => `${d.table}.${c} removed`),
    ...d.columnsTightened.map((c) => `${d.table}.${c} tightened`),
    ...(d.removed.length ? [`${d.removed.length} ${d.table} record(s) removed`] : []),
    ...d.columnsAdded.map((c) => `${d.table}.${c} added`),
    ...(d.added.length ? [`${d.added.length} ${d.table} record(s) added`] : []),
    ...(d.changed.length ? [`${d.changed.length} ${d.table} record(s) changed`] : []),
  ]);
  return parts.join(", ");
}

function readJson(path: string) {
  return JSON.parse(readFileSync(path, "utf8"));
}
