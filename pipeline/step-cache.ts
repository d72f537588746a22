/**
 * Reuse of a costly build step's output when nothing it reads has changed, in the manner of OWID's ETL: a
 * step's outputs are kept under the SHA-256 of its inputs (its code, its dependencies' versions, its data) in
 * node_modules/.cache, outside the published files, and a step whose checksum is there is not run again.
 * `npm run verify`, `npm run release` and CI's reproducibility builds run cold, so a reused output can never
 * hide a difference from a full build.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Files } from "./publish.ts";

/** Where unchanged steps' outputs are kept between builds, or null for a cold build that runs every step. */
export function stepCacheDir(root: string, cache: boolean): string | null {
  return cache ? join(root, "node_modules", ".cache", "russia-dprk-data") : null;
}

/** The checksum of a step's inputs: source files and package versions by path, plus its data. */
export function inputsKey(root: string, { files, packages, data }: { files: string[]; packages: string[]; data?: unknown }): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`file ${file}\0`).update(readFileSync(join(root, file))).update("\0");
  for (const name of packages) {
    const { version } = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string };
    hash.update(`package ${name}@${version}\0`);
  }
  if (data !== undefined) hash.update(`data ${JSON.stringify(data)}`);
  return hash.digest("hex");
}

/** Every source file of a folder with the given extension, sorted, as root-relative paths. */
export function sourceFiles(root: string, folder: string, extension = ".ts"): string[] {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** The step's cached files for `key`, else the step run afresh and cached; with no cache folder, always run. */
export async function cachedStep(cacheDir: string | null, step: string, key: string, run: () => Promise<Files>): Promise<Files> {
  if (cacheDir === null) return run();
  const entry = join(cacheDir, `${step}-${key}.json`);
  try {
    return new Map(JSON.parse(readFileSync(entry, "utf8")) as [string, string][]);
  } catch {
    const files = await run();
    store(cacheDir, step, entry, files);
    return files;
  }
}

/** Keeps one entry per step: the new one replaces the old, written whole before it becomes visible. */
function store(cacheDir: string, step: string, entry: string, files: Files): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) if (name.startsWith(`${step}-`)) rmSync(join(cacheDir, name), { force: true });
  const partial = `${entry}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify([...files]));
  renameSync(partial, entry);
}
