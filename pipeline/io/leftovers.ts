/**
 * What a killed run leaves behind: folders named `<prefix><pid>…` by the process that made them. A folder whose
 * process is gone is abandoned and safe to remove; one whose process still runs belongs to a build in progress.
 */
import { readdirSync } from "node:fs";

/** Names in `dir` that start with `prefix` followed by the process id of a process that no longer runs. */
export function abandoned(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    return Number.isSafeInteger(pid) && pid > 0 && !isRunning(pid);
  });
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
