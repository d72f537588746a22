/**
 * Folders this program makes for its own work beside or inside the user's folders: a publish's stage, an
 * add-source's stage, the compiler's scratch folders. Each is named `<prefix><pid>` or `<prefix><pid>-<random>`
 * after the process that made it, and holds a marker file written as soon as the folder exists. A later run
 * removes or moves a folder only when all three hold: the name is exactly of that form, the process is gone, and
 * the marker is in it. A folder merely named like one (`dist.publish-424242-bak`, or a user's folder that happens
 * to match) is the user's and is never touched; a kill in the instant between making a folder and marking it
 * leaves an empty folder, which is left alone too.
 *
 * A process id is reused once its process is gone: where the system tells when a process started (Linux's /proc),
 * the marker's name records it (`<WORK_MARKER>-<start>`), and a folder whose id now belongs to a process that
 * started at another time is a leftover like any other.
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

/** The marker's name: empty, so that it can be written on a full disk (a file without data takes no block). */
export const WORK_MARKER = ".russia-dprk-data-work";
const MARKER_FORM = new RegExp(`^${escapeRegExp(WORK_MARKER)}(?:-(\\d+))?$`);

/** Makes the folder `path` (which must not exist) and marks it as this program's. */
export function makeWorkFolder(path: string): string {
  mkdirSync(path);
  mark(path);
  return path;
}

/** Makes a new folder `<prefix><pid>-<random>` in `parent` and marks it as this program's. */
export function makeTemporaryWorkFolder(parent: string, prefix: string): string {
  const path = mkdtempSync(join(parent, `${prefix}${process.pid}-`));
  mark(path);
  return path;
}

function mark(path: string): void {
  try {
    const start = startTime(process.pid);
    writeFileSync(join(path, start === null ? WORK_MARKER : `${WORK_MARKER}-${start}`), "", { flag: "wx" });
  } catch (error) {
    rmdirSync(path);
    throw error;
  }
}

/** The work folders in `dir` named `<prefix><pid>` (or with a random suffix) whose process no longer runs. */
export function abandonedWorkFolders(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw error;
  }
  const form = new RegExp(`^${escapeRegExp(prefix)}([1-9]\\d*)(-[A-Za-z0-9]{6})?$`);
  return names
    .filter((name) => {
      const pid = Number(form.exec(name)?.[1]);
      if (!Number.isSafeInteger(pid)) return false;
      const marker = markerIn(join(dir, name));
      return marker !== null && !isRunning(pid, marker.start);
    })
    .sort();
}

/** Removes every abandoned work folder of `prefix` in `dir`. */
export function removeAbandonedWorkFolders(dir: string, prefix: string): void {
  for (const name of abandonedWorkFolders(dir, prefix)) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Whether `path` is a folder (not a symlink to one) holding the marker as a regular file. */
export function isMarked(path: string): boolean {
  return markerIn(path) !== null;
}

/** The marker in the folder `path`, with the start time of the process that made it when it records one. */
function markerIn(path: string): { start: string | null } | null {
  try {
    if (!lstatSync(path).isDirectory()) return null;
    for (const name of readdirSync(path)) {
      const form = MARKER_FORM.exec(name);
      if (form !== null && lstatSync(join(path, name)).isFile()) return { start: form[1] ?? null };
    }
  } catch {
    // Gone, or not readable: not a folder this program can claim.
  }
  return null;
}

/** Whether the process `pid` runs and, when `start` is known, is the one that started then (not a reuse of its id). */
function isRunning(pid: number, start: string | null): boolean {
  if (pid !== process.pid) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: the process exists but belongs to someone else.
      if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
    }
  }
  if (start === null) return true;
  const now = startTime(pid);
  return now === null || now === start;
}

/**
 * When the process `pid` started, in clock ticks since the system's boot (field 22 of /proc/<pid>/stat); null
 * where the system does not say.
 */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command's name, in parentheses, may hold spaces and parentheses: the fields are counted after the last.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
