/**
 * Reuse of a costly output step's files when nothing it reads has changed, in the manner of OWID's ETL: a
 * step's files are kept under the SHA-256 of its inputs (the source files of its own import graph, the
 * versions of the packages it names, the data it reads) in node_modules/.cache, outside the published files,
 * and a step whose checksum is there is not run again. Each file is kept with its SHA-256, checked before the
 * file is reused: an entry edited or damaged since it was written runs the step again. `npm run verify`, `npm run
 * release` and CI's reproducibility builds run cold, so a reused output can never hide a difference from a full
 * build; a cold build still stores what it computed, so an entry forged with matching checksums does not outlive
 * it.
 *
 * The cache never fails a build: an entry that cannot be written (a full or read-only disk) leaves no partial
 * file, and the build warns once and goes on without writing to the cache.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { adviceFor, whatHappened } from "../io/file-system-errors.ts";
import { readInputFile } from "../io/input-files.ts";
import { sha256 } from "../io/sha256.ts";
import { makeFolders } from "../io/write-file.ts";
import type { Files } from "./format.ts";

/** The step cache of one build: its folder, and where to warn when it cannot be written. */
export interface StepCache {
  dir: string;
  warn: (line: string) => void;
  /** False once a write failed: the rest of the build goes without writing to the cache. */
  writable: boolean;
  /** False for a cold build, which runs every step (and stores what it computed). */
  reusable: boolean;
}

/** The build's step cache; `reuse` false for a cold build. */
export function stepCache(root: string, reuse: boolean, warn: (line: string) => void): StepCache {
  return { dir: join(root, "node_modules", ".cache", "russia-dprk-data"), warn, writable: true, reusable: reuse };
}

/** Larger than any step's files; a larger entry is not the cache's, and is not read. */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

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

/** The step's cached files for `key`, else the step run afresh and cached; a cold build always runs it. */
export async function cachedStep(
  cache: StepCache,
  step: string,
  key: string,
  run: () => Promise<Files>,
): Promise<Files> {
  const entry = join(cache.dir, `${step}.${key}.json`);
  const reused = cache.reusable ? reuse(entry) : null;
  if (reused !== null) return reused;
  const files = await run();
  store(cache, step, entry, files);
  return files;
}

/** An entry's files, each as its recorded SHA-256 says; null for a missing, damaged or edited entry. */
function reuse(entry: string): Files | null {
  let stored: unknown;
  try {
    stored = JSON.parse(readInputFile(entry, { maxBytes: MAX_ENTRY_BYTES }).toString("utf8"));
  } catch {
    return null;
  }
  const listed = (stored as { files?: unknown } | null)?.files;
  if (!Array.isArray(listed)) return null;
  const files: Files = new Map();
  for (const item of listed as unknown[]) {
    if (!Array.isArray(item) || item.length !== 3 || !item.every((field) => typeof field === "string")) return null;
    const [path, digest, base64] = item as [string, string, string];
    const bytes = Buffer.from(base64, "base64");
    if (!isOutputPath(path) || sha256(bytes) !== digest) return null;
    files.set(path, new Uint8Array(bytes));
  }
  return files;
}

/** A path inside the output folder: relative, and no part of it empty, "." or "..". */
function isOutputPath(path: string): boolean {
  return !isAbsolute(path) && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/**
 * Keeps one entry per step: the new one replaces the old, written whole before it becomes visible. An entry is
 * named `<step>.<key>.json`: a step's name has no dot, so one step never takes another's entries for its own
 * ("json" and "json-schema"). A write that fails removes its partial file and turns the cache's writing off. The
 * step's other entries go once the new one is in place, never another run's partial file.
 */
function store(cache: StepCache, step: string, entry: string, files: Files): void {
  if (!cache.writable) return;
  const partial = `${entry}.${process.pid}.tmp`;
  try {
    makeFolders(cache.dir);
    const stored = [...files].map(([path, bytes]) => [path, sha256(bytes), Buffer.from(bytes).toString("base64")]);
    writeFileSync(partial, JSON.stringify({ files: stored }));
    renameSync(partial, entry);
    for (const name of readdirSync(cache.dir))
      if (name.startsWith(`${step}.`) && name.endsWith(".json") && join(cache.dir, name) !== entry)
        rmSync(join(cache.dir, name), { force: true });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
    try {
      rmSync(partial, { force: true });
    } catch {
      // A file system that refuses even this holds no partial file either.
    }
    cache.writable = false;
    cache.warn(
      `warning: ${cache.dir}: cannot keep the build cache (${whatHappened(error as NodeJS.ErrnoException)}), so ` +
        `this build goes on without it: ${adviceFor(error as NodeJS.ErrnoException)}, or build with --cold`,
    );
  }
}
