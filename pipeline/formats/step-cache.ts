/**
 * Reuse of a costly output step's files when nothing it reads has changed, in the manner of OWID's ETL: a
 * step's files are kept under the SHA-256 of its inputs (the source files of its own import graph, the
 * versions of the packages it names, the data it reads) in node_modules/.cache, outside the published files,
 * and a step whose checksum is there is not run again. `npm run verify`, `npm run release` and CI's
 * reproducibility builds run cold, so a reused output can never hide a difference from a full build.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Files } from "./format.ts";

/** Where unchanged steps' outputs are kept between builds, or null for a cold build that runs every step. */
export function stepCacheDir(root: string, cache: boolean): string | null {
  return cache ? join(root, "node_modules", ".cache", "russia-dprk-data") : null;
}

// A type-only import is not code the step runs, so it does not count: `import type`, `export type`.
const RELATIVE_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+"(\.{1,2}\/[^"]+)"|import\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g;

/** Every project source file the `entries` import, directly or not, themselves included, as sorted absolute paths. */
export function importGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(RELATIVE_IMPORT))
      visit(resolve(dirname(file), match[1] ?? match[2]!));
  };
  for (const entry of entries) visit(resolve(entry));
  return [...seen].sort();
}

/** The TypeScript modules of a folder, sorted, as absolute paths. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => join(folder, name));
}

/** The checksum of a step's inputs: its modules' import graph, its packages' versions, and its data. */
export function inputsKey(
  root: string,
  { modules, packages, data }: { modules: string[]; packages: string[]; data: unknown },
): string {
  const hash = createHash("sha256");
  for (const file of importGraph(modules))
    hash
      .update(`file ${file.slice(root.length)}\0`)
      .update(readFileSync(file))
      .update("\0");
  for (const name of packages) {
    const { version } = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    };
    hash.update(`package ${name}@${version}\0`);
  }
  hash.update(`data ${JSON.stringify(data)}`);
  return hash.digest("hex");
}

/** The step's cached files for `key`, else the step run afresh and cached; with no cache folder, always run. */
export async function cachedStep(
  cacheDir: string | null,
  step: string,
  key: string,
  run: () => Promise<Files>,
): Promise<Files> {
  if (cacheDir === null) return run();
  const entry = join(cacheDir, `${step}.${key}.json`);
  try {
    const stored = JSON.parse(readFileSync(entry, "utf8")) as [string, string][];
    return new Map(stored.map(([path, base64]) => [path, new Uint8Array(Buffer.from(base64, "base64"))]));
  } catch {
    const files = await run();
    store(cacheDir, step, entry, files);
    return files;
  }
}

/**
 * Keeps one entry per step: the new one replaces the old, written whole before it becomes visible. An entry is
 * named `<step>.<key>.json`: a step's name has no dot, so one step never takes another's entries for its own
 * ("json" and "json-schema").
 */
function store(cacheDir: string, step: string, entry: string, files: Files): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir))
    if (name.startsWith(`${step}.`)) rmSync(join(cacheDir, name), { force: true });
  const partial = `${entry}.${process.pid}.tmp`;
  writeFileSync(
    partial,
    JSON.stringify([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString("base64")])),
  );
  renameSync(partial, entry);
}
