/**
 * Folders this program makes for its own work beside or inside the user's folders: a publish's stage, an
 * add-source's stage, the compiler's scratch folders. Each is named `<prefix><pid>` or `<prefix><pid>-<random>`
 * after the process that made it, and holds a marker file written as soon as the folder exists. A later run
 * removes or moves a folder only when all three hold: the name is exactly of that form, the process is gone, and
 * the marker is in it. A folder merely named like one (`dist.publish-424242-bak`, or a user's folder that happens
 * to match) is the user's and is never touched; a kill in the instant between making a folder and marking it
 * leaves an empty folder, which is left alone too.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The marker's name: empty, so that it can be written on a full disk (a file without data takes no block). */
export const WORK_MARKER = ".russia-dprk-data-work";

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
    writeFileSync(join(path, WORK_MARKER), "", { flag: "wx" });
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
      return Number.isSafeInteger(pid) && !isRunning(pid) && isMarked(join(dir, name));
    })
    .sort();
}

/** Removes every abandoned work folder of `prefix` in `dir`. */
export function removeAbandonedWorkFolders(dir: string, prefix: string): void {
  for (const name of abandonedWorkFolders(dir, prefix)) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Whether `path` is a folder (not a symlink to one) holding the marker as a regular file. */
export function isMarked(path: string): boolean {
  try {
    return lstatSync(path).isDirectory() && lstatSync(join(path, WORK_MARKER)).isFile();
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
