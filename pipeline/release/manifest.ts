/**
 * Release manifests (`releases/<version>.json`): the version, the release before it (its version and its
 * manifest's SHA-256, which chains the manifests: see history.ts), each source text's SHA-256, and the SHA-256
 * and size of every published file, with record counts per table. A build either matches its version's
 * manifest field for field, or it is a new version.
 */
import { readJsonFile } from "../io/json-file.ts";
import { sha256 } from "../io/sha256.ts";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import semver from "semver";

/** The release a manifest follows: its version and the SHA-256 of its manifest file's bytes. */
export interface PreviousRelease {
  version: string;
  sha256: string;
}

export interface Manifest {
  version: string;
  /** null for a first release; absent only in the manifests cut before the chain began (see history.ts). */
  previous?: PreviousRelease | null;
  sources: Record<string, { sha256: string }>;
  records: Record<string, number>;
  files: Record<string, { sha256: string; bytes: number }>;
}

/** Every file under `dir`, by path relative to it (forward slashes), as bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split("\\").join("/"), readFileSync(path));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

export function manifestOf(version: string, files: Map<string, Buffer>, previous?: PreviousRelease | null): Manifest {
  const sources = JSON.parse(files.get("data/sources.json")?.toString("utf8") ?? "[]") as {
    id: string;
    sha256: string;
  }[];
  // The tables are the descriptor's table resources; other JSON beside them (Datasette's metadata) holds no records.
  const { resources = [] } = JSON.parse(files.get("datapackage.json")?.toString("utf8") ?? "{}") as {
    resources?: { name: string; type?: string }[];
  };
  const tables = resources.filter((resource) => resource.type === "table").map((resource) => resource.name);
  const records = Object.fromEntries(
    tables
      .filter((name) => files.has(`data/${name}.json`))
      .sort()
      .map((name) => [name, (JSON.parse(files.get(`data/${name}.json`)!.toString("utf8")) as unknown[]).length]),
  );
  const entries = [...files]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, bytes]) => [path, { sha256: sha256(bytes), bytes: bytes.length }] as const);
  return {
    version,
    ...(previous === undefined ? {} : { previous }),
    sources: Object.fromEntries(sources.map((s) => [s.id, { sha256: s.sha256 }])),
    records,
    files: Object.fromEntries(entries),
  };
}

export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** Each way `files` differs from `manifest`: "changed", "missing" or "not in the manifest", by path. */
export function compareWithManifest(manifest: Manifest, files: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [path, expected] of Object.entries(manifest.files)) {
    const bytes = files.get(path);
    if (!bytes) problems.push(`${path}: missing (the manifest lists it)`);
    else if (sha256(bytes) !== expected.sha256)
      problems.push(
        `${path}: changed (${bytes.length} bytes, sha256 ${sha256(bytes).slice(0, 12)}…; manifest ` +
          `${expected.bytes} bytes, ${expected.sha256.slice(0, 12)}…)`,
      );
  }
  for (const path of files.keys()) if (!(path in manifest.files)) problems.push(`${path}: not in the manifest`);
  return problems.sort();
}

/**
 * Each field of `manifest`, other than its files and its link to the previous release, that differs from what
 * the build gives (`expected`): the version, each source's hash, each table's record count, and any field the
 * build would not write.
 */
export function compareManifestFields(manifest: Manifest, expected: Manifest): string[] {
  const { files: _files, previous: _previous, ...fields } = manifest;
  const { files: _expectedFiles, previous: _expectedPrevious, ...expectedFields } = expected;
  const actual = flatten(fields);
  const wanted = flatten(expectedFields);
  const problems: string[] = [];
  for (const [path, value] of wanted) {
    if (!actual.has(path)) problems.push(`${path}: missing (the build gives ${value})`);
    else if (actual.get(path) !== value)
      problems.push(`${path}: the manifest says ${actual.get(path)}, the build gives ${value}`);
  }
  for (const [path, value] of actual)
    if (!wanted.has(path)) problems.push(`${path}: the manifest says ${value}, the build has no such field`);
  return problems.sort();
}

/** Leaf values by dotted path, as JSON text. */
function flatten(value: unknown, path = "", into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, JSON.stringify(value));
  }
  return into;
}

export function manifestPath(releasesDir: string, version: string): string {
  return join(releasesDir, `${version}.json`);
}

export function readManifest(releasesDir: string, version: string): Manifest | null {
  const path = manifestPath(releasesDir, version);
  return existsSync(path) ? (readJsonFile(path) as Manifest) : null;
}

/** The versions that have a manifest, oldest first. */
export function releasedVersions(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  const versions = readdirSync(releasesDir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((version) => semver.valid(version) !== null);
  return semver.sort(versions);
}
