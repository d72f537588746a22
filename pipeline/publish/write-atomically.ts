/**
 * publish: write the build's files into the output folder atomically. (The files are deterministic already:
 * fixed row order, schema key order, no timestamps.)
 *
 * The files are first written into a work folder (io/work-folder.ts) beside the output folder,
 * `<out>.publish-<pid>/new/`; then the old output is moved into it (`old/`) and the new one out of it, two
 * renames. Node has no atomic exchange, so a kill between them leaves no output folder for an instant: every
 * command that reads or writes the output first recovers (recoverInterruptedPublish), moving the old output
 * back and removing the work folders of killed runs. After any kill and the next run's start, the output folder
 * is therefore the old or the new build, whole.
 *
 * An output folder that is a mount point (a container volume) cannot be renamed (EBUSY), nor can a folder be
 * renamed onto another file system: its contents are replaced instead, with a work folder inside it,
 * `<out>/.publish-<pid>/`. The new files are written into it and marked complete by one rename; then the old
 * entries are moved into it and the new ones out of it. A kill before the mark leaves the old output; a kill
 * after it is finished by the next run's recovery, which completes the moves. Crash points (crash-point.ts)
 * mark each step for the fault-injection tests.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { crashPoint } from "../io/crash-point.ts";
import { PipelineError } from "../io/errors.ts";
import { adviceFor, isFileSystemError, whatHappened } from "../io/file-system-errors.ts";
import { exists, readInputFile } from "../io/input-files.ts";
import { abandonedWorkFolders, makeWorkFolder } from "../io/work-folder.ts";

/** What `writeAtomically` writes: text, or bytes as they are. */
export type FileContent = string | Uint8Array;

/**
 * Marks a folder as a build output: every build writes its descriptor there, naming the package. A folder
 * holding none, or another package's, is not ours to replace.
 */
export const OUTPUT_MARKER = "datapackage.json";

/** A publish's work folder: `<out><WORK>` beside the output folder, or `<WORK>` inside one replaced in place. */
const WORK = ".publish-";
/** Inside a work folder: the new output while it is written, once complete, and the old output moved aside. */
const STAGING = "staging";
const NEW = "new";
const OLD = "old";
/** Inside the work folder of a publish in place: the old entries are all moved aside, the new ones go in. */
const MOVING_IN = "moving-in";

/**
 * Replaces `outDir` with exactly `files`. On a failure the old folder is left as it was; on a kill it is
 * restored or replaced whole by the next run (see recoverInterruptedPublish). Refuses to replace a folder that is
 * not a previous output of the same package.
 */
export function writeAtomically(outDir: string, files: ReadonlyMap<string, FileContent>): void {
  recoverInterruptedPublish(outDir);
  checkReplaceable(outDir, packageNameIn(files.get(OUTPUT_MARKER)));
  let inPlace = isMountPoint(outDir);
  try {
    if (!inPlace) inPlace = !publishBeside(outDir, files);
    if (inPlace) publishInPlace(outDir, files);
  } catch (error) {
    if (isFileSystemError(error)) throw publishProblem(error, outDir, files, inPlace);
    throw error;
  }
}

/** The new output written beside `outDir` and swapped in by two renames; false when `outDir` cannot be renamed. */
function publishBeside(outDir: string, files: ReadonlyMap<string, FileContent>): boolean {
  const work = makeWorkFolder(`${outDir}${WORK}${process.pid}`);
  let keepWork = false;
  try {
    writeFiles(join(work, NEW), files);
    crashPoint("publish:staged");
    let hadPrevious = true;
    try {
      renameSync(outDir, join(work, OLD));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EBUSY" || code === "EXDEV") return false; // a mount point: replace its contents instead
      if (code !== "ENOENT") throw error;
      hadPrevious = false;
    }
    crashPoint("publish:old-moved-aside");
    try {
      renameSync(join(work, NEW), outDir);
    } catch (error) {
      // Put the old output back; should that fail too, the work folder keeps it for the next run's recovery.
      keepWork = hadPrevious;
      if (hadPrevious) renameSync(join(work, OLD), outDir);
      keepWork = false;
      throw error;
    }
    crashPoint("publish:new-moved-in");
    rmSync(work, { recursive: true, force: true });
    crashPoint("publish:previous-removed");
    return true;
  } finally {
    if (!keepWork) rmSync(work, { recursive: true, force: true });
  }
}

/** The output folder's contents replaced (see the module's comment); `outDir` exists. */
function publishInPlace(outDir: string, files: ReadonlyMap<string, FileContent>): void {
  const work = makeWorkFolder(join(outDir, `${WORK}${process.pid}`));
  let complete = false;
  try {
    writeFiles(join(work, STAGING), files);
    crashPoint("publish:staged");
    renameSync(join(work, STAGING), join(work, NEW));
    complete = true;
    finishInPlace(outDir, work);
  } finally {
    // Once complete, the work folder holds the old or the new output: only the move's end, or the next run's
    // recovery, removes it.
    if (!complete) rmSync(work, { recursive: true, force: true });
  }
}

/** Moves the old entries of `outDir` into the work folder, the new ones out of it, and removes it. Repeatable. */
function finishInPlace(outDir: string, work: string): void {
  const movingIn = join(work, MOVING_IN);
  if (!existsSync(movingIn)) {
    mkdirSync(join(work, OLD), { recursive: true });
    for (const name of readdirSync(outDir))
      if (!isWorkFolderName(name)) renameSync(join(outDir, name), join(work, OLD, name));
    crashPoint("publish:old-moved-aside");
    writeFileSync(movingIn, "");
  }
  for (const name of readdirSync(join(work, NEW))) renameSync(join(work, NEW, name), join(outDir, name));
  crashPoint("publish:new-moved-in");
  rmSync(work, { recursive: true, force: true });
  crashPoint("publish:previous-removed");
}

/** Writes every file under `folder`, in path order. */
function writeFiles(folder: string, files: ReadonlyMap<string, FileContent>): void {
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    crashPoint("publish:staging");
  }
}

/**
 * Finishes what a killed publish into `outDir` left, touching only work folders of processes that no longer run:
 * beside the output, an old output moved aside goes back in place when `outDir` is missing, and the work folder
 * is removed; inside it, a publish in place whose new files were complete is finished. A publish in progress in
 * another process is left alone.
 */
export function recoverInterruptedPublish(outDir: string): void {
  const parent = dirname(outDir);
  for (const name of abandonedWorkFolders(parent, `${basename(outDir)}${WORK}`)) {
    const work = join(parent, name);
    // A publish moves its output aside only after recovering, so with `outDir` missing there is one such folder.
    if (!exists(outDir) && existsSync(join(work, OLD))) {
      renameSync(join(work, OLD), outDir);
      crashPoint("publish:recovery-restored");
    }
    rmSync(work, { recursive: true, force: true });
  }
  if (!isDirectory(outDir)) return;
  for (const name of abandonedWorkFolders(outDir, WORK)) {
    const work = join(outDir, name);
    if (existsSync(join(work, NEW))) finishInPlace(outDir, work);
    else rmSync(work, { recursive: true, force: true });
  }
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

/**
 * A failure of the disk while publishing, in one line naming the folder written to: what happened, that the old
 * output is kept, what to do.
 */
function publishProblem(
  error: NodeJS.ErrnoException,
  outDir: string,
  files: ReadonlyMap<string, FileContent>,
  inPlace: boolean,
): PipelineError {
  const folder = inPlace ? outDir : dirname(outDir);
  const size = [...files.values()].reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  const kept = exists(outDir) ? "the old output is as it was" : "nothing was written";
  const written = `the new build (${megabytes(size)}) is written ${inPlace ? "inside it" : "there"} before it replaces`;
  const replaces = inPlace ? "the old one" : outDir;
  if (["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM"].includes(error.code!)) {
    return new PipelineError(
      `${whatHappened(error)}: ${written} ${replaces}; ${kept}: ${adviceFor(error)}` +
        (error.code === "ENOSPC" || error.code === "EDQUOT" ? "" : ", or choose another --out"),
      { file: folder },
    );
  }
  return new PipelineError(`${whatHappened(error)} at ${error.path ?? folder}; ${kept}: ${adviceFor(error)}`, {
    file: outDir,
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Whether `name` is a publish's work folder inside an output folder replaced in place. */
function isWorkFolderName(name: string): boolean {
  return name.startsWith(WORK) && /^\d+$/.test(name.slice(WORK.length));
}

/** Whether `path` is a folder on another file system than its parent's (a mount point such as a volume). */
function isMountPoint(path: string): boolean {
  if (!isDirectory(path)) return false;
  return statSync(path).dev !== statSync(dirname(path)).dev;
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
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
