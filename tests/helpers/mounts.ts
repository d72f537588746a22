/**
 * Small file systems for the disk-fault tests: a tmpfs of a given size (a full disk), remounted read-only (a
 * read-only volume), or mounted on an output folder (a mount point, which cannot be renamed). Mounting needs
 * root; where the test process cannot mount, `mountable` is false and the tests say so as they skip.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Why the disk-fault tests skip, where they do. */
export const CANNOT_MOUNT = "skipped: mounting a tmpfs needs root (mount -t tmpfs), which this process lacks";

const mounted: string[] = [];

function tryMount(): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), "rdd-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Whether this process can mount a tmpfs (root on Linux, and a kernel that lets it). */
export const mountable = tryMount();

/** Mounts a tmpfs of `size` (such as "512k") on `dir`, made if missing; unmountAll removes it. */
export function mountTmpfs(dir: string, size: string): string {
  mkdirSync(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  mounted.push(dir);
  return dir;
}

/** A new temporary folder with a tmpfs of `size` mounted on it. */
export function smallDisk(size: string): string {
  return mountTmpfs(mkdtempSync(join(tmpdir(), "rdd-disk-")), size);
}

/** Fills the file system of `dir` to the last byte with one file. */
export function fill(dir: string): void {
  const file = join(dir, "filler");
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeFileSync(file, chunk, { flag: "a" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  }
  // Whatever a 64 KiB write left unused, byte by byte.
  try {
    for (;;) writeFileSync(file, "x", { flag: "a" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  }
}

/** Remounts the tmpfs at `dir` read-only. */
export function makeReadOnly(dir: string): void {
  execFileSync("mount", ["-o", "remount,ro", dir]);
}

/** Unmounts every tmpfs this module mounted, newest first; for afterAll. */
export function unmountAll(): void {
  for (const dir of mounted.splice(0).reverse()) {
    execFileSync("umount", ["-l", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}
