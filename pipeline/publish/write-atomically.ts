/**
 * publish: write the build's files into the output folder atomically: into a staging sibling folder, then
 * swapped in. (The files are deterministic already: fixed row order, schema key order, no timestamps.)
 *
 * The swap takes two renames (the old folder aside, the new one in), and Node has no atomic exchange, so a
 * kill between them leaves no output folder for an instant. Every publish, and every build before it starts,
 * first recovers: it puts a folder moved aside back in place if the output folder is missing, and removes
 * every staging and moved-aside folder a killed run left. After any kill and the next run's start, the output
 * folder is therefore the old or the new build, whole. Crash points (crash-point.ts) mark each step for the
 * fault-injection tests.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { crashPoint } from "../io/crash-point.ts";
import { PipelineError } from "../io/errors.ts";
import { exists, readInputFile } from "../io/input-files.ts";
import { abandoned } from "../io/leftovers.ts";

/** What `writeAtomically` writes: text, or bytes as they are. */
export type FileContent = string | Uint8Array;

/**
 * Marks a folder as a build output: every build writes its descriptor there, naming the package. A folder
 * holding none, or another package's, is not ours to replace.
 */
export const OUTPUT_MARKER = "datapackage.json";

const STAGING = ".staging-";
const PREVIOUS = ".previous-";

/**
 * Replaces `outDir` with exactly `files`. On a failure the old folder is left as it was; on a kill it is
 * restored or replaced whole by the next run (see recoverInterruptedPublish). Refuses to replace a folder that is
 * not a previous output of the same package.
 */
export function writeAtomically(outDir: string, files: ReadonlyMap<string, FileContent>): void {
  recoverInterruptedPublish(outDir);
  checkReplaceable(outDir, packageNameIn(files.get(OUTPUT_MARKER)));
  const staging = `${outDir}${STAGING}${process.pid}`;
  const previous = `${outDir}${PREVIOUS}${process.pid}`;
  try {
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      crashPoint("publish:staging");
    }
    crashPoint("publish:staged");
    let hadPrevious = true;
    try {
      renameSync(outDir, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      hadPrevious = false;
    }
    crashPoint("publish:old-moved-aside");
    try {
      renameSync(staging, outDir);
    } catch (error) {
      if (hadPrevious) renameSync(previous, outDir);
      throw error;
    }
    crashPoint("publish:new-moved-in");
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
    crashPoint("publish:previous-removed");
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Finishes what a killed publish into `outDir` left: a folder moved aside goes back in place when `outDir` is
 * missing, then every staging and moved-aside folder of a process that no longer runs is removed. A publish in
 * progress in another process is left alone.
 */
export function recoverInterruptedPublish(outDir: string): void {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const previous = abandoned(parent, `${name}${PREVIOUS}`);
  // A publish moves its output aside only after recovering, so with `outDir` missing there is one such folder.
  if (previous.length > 0 && !exists(outDir)) {
    renameSync(join(parent, previous.shift()!), outDir);
    crashPoint("publish:recovery-restored");
  }
  for (const leftover of [...previous, ...abandoned(parent, `${name}${STAGING}`)])
    rmSync(join(parent, leftover), { recursive: true, force: true });
}

/**
 * Refuses, touching nothing, to replace an existing folder unless it is empty or a previous build output of
 * `packageName` (its OUTPUT_MARKER names it): `--out sources` must not delete the sources.
 */
export function checkReplaceable(outDir: string, packageName: string | null): void {
  if (!exists(outDir)) return;
  if (!lstatSync(outDir).isDirectory())
    throw new PipelineError("not a folder (a file or a symlink): refusing to replace it", { file: outDir });
  if (readdirSync(outDir).length === 0) return;
  const marker = join(outDir, OUTPUT_MARKER);
  if (packageName === null || !existsSync(marker) || packageNameIn(readInputFile(marker)) !== packageName) {
    throw new PipelineError(
      `not a previous build output (no ${OUTPUT_MARKER} of ${packageName ?? "this package"} in it): refusing to ` +
        `replace it; choose another --out or remove the folder`,
      { file: outDir },
    );
  }
}

/** The `name` a descriptor gives, or null when there is none. */
function packageNameIn(descriptor: FileContent | undefined): string | null {
  if (descriptor === undefined) return null;
  try {
    const { name } = JSON.parse(
      typeof descriptor === "string" ? descriptor : Buffer.from(descriptor).toString("utf8"),
    ) as { name?: unknown };
    return typeof name === "string" ? name : null;
  } catch {
    return null;
  }
}
