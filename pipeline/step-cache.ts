/**
 * Reuse of a costly build step's earlier output when nothing it reads has changed, in the manner of OWID's ETL:
 * each output file carries the SHA-256 of the step's inputs (its code, its dependencies' versions, its data),
 * and a step whose checksum matches the files already in the output folder is not run again. `npm run verify`
 * always builds into an empty folder, so a reused file can never hide a difference from a full build.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Files } from "./publish.ts";

const MARKER = /inputs sha256:([0-9a-f]{64})/;

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

/** The marker a step writes into each text output, inside the comment syntax of the file's format. */
export function inputsMarker(key: string): string {
  return `inputs sha256:${key}`;
}

/** Every source file of a folder with the given extension, sorted, as root-relative paths. */
export function sourceFiles(root: string, folder: string, extension = ".ts"): string[] {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/**
 * The step's files under `prefix` from `previousDir` when they carry `key` (JSON files, which cannot hold a
 * comment, travel with the others), else the step run afresh.
 */
export async function reuseOrRun(previousDir: string, prefix: string, key: string, run: () => Promise<Files>): Promise<Files> {
  const previous = filesUnder(previousDir, prefix);
  const marked = [...previous].filter(([path]) => !path.endsWith(".json"));
  const current = marked.length > 0 && marked.every(([, text]) => MARKER.exec(text)?.[1] === key);
  return current ? previous : run();
}

function filesUnder(dir: string, prefix: string): Files {
  const files: Files = new Map();
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path), "utf8"));
    }
  };
  walk(prefix.replace(/\/$/, ""));
  return files;
}
