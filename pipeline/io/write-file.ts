/**
 * Writing a file whole or not at all: `writeFileAtomically` for a file replaced where one of the user's files
 * stands (the generated docs, package.json, CITATION.cff, a release's plan); `writeNewFile`, flushed, for the files
 * a release, add-source and release-assets stage before they move them into place. A file replaced in place is first written into a work folder beside it (in the same folder, so on the
 * same file system; see work-folder.ts), flushed to the disk, then renamed over the old file in one step: a kill,
 * a power cut or a full disk at any instant leaves the old file whole, and at most a marked work folder that the
 * next write into that folder removes. A failure is one line naming the file.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { crashPoint } from "./crash-point.ts";
import { PipelineError } from "./errors.ts";
import { exists } from "./input-files.ts";
import { adviceFor, isFileSystemError, whatHappened } from "./file-system-errors.ts";
import { makeTemporaryWorkFolder, removeAbandonedWorkFolders } from "./work-folder.ts";

/** The work folder of a write, beside the file it replaces. */
const WORK_PREFIX = ".write-";

/** Replaces (or creates) `path` with `content` in one rename; on any failure the old file is left as it was. */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const folder = dirname(path);
  let work: string | undefined;
  try {
    removeAbandonedWorkFolders(folder, WORK_PREFIX);
    work = makeTemporaryWorkFolder(folder, WORK_PREFIX);
    const written = join(work, basename(path));
    writeNewFile(written, content, modeOf(path));
    crashPoint("write-file:flushed");
    renameSync(written, path);
    syncFolder(folder);
  } catch (error) {
    if (!isFileSystemError(error)) throw withPath(error, path);
    throw new PipelineError(`${whatHappened(error)}: the file is as it was: ${adviceFor(error)}`, { file: path });
  } finally {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes a file that must not exist yet and flushes it to the disk: for a file written into a work folder that is
 * then moved into place whole. An error names the file (a failed write alone does not).
 */
export function writeNewFile(path: string, content: string | Uint8Array, mode = 0o666): void {
  try {
    const descriptor = openSync(path, "wx", mode);
    try {
      writeFileSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    throw withPath(error, path);
  }
}

/**
 * Makes the folder `path` and any missing parent. Node's recursive mkdir reports a read-only or forbidden parent
 * as ENOENT; the missing folders are then made one at a time, so that the failing one throws its real error.
 */
export function makeFolders(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const missing: string[] = [];
    for (let at = path; !exists(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
    for (const folder of missing) mkdirSync(folder);
    throw error;
  }
}

/** The permissions of the file being replaced, kept by its replacement; a new file's by default. */
function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return 0o666;
  }
}

/** Flushes a folder's entries (the rename) to the disk, where the file system allows it. */
function syncFolder(folder: string): void {
  try {
    const descriptor = openSync(folder, "r");
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Not every file system lets a folder be flushed; the rename itself is done.
  }
}

function withPath(error: unknown, path: string): unknown {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string")
    (error as NodeJS.ErrnoException).path ??= path;
  return error;
}
