/** A throwaway git clone-alike of the working tree, for commands that write to the repository (release). */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, ROOT, type CliResult } from "./cli.ts";

export interface RepoCopy {
  dir: string;
  git: (...args: string[]) => string;
  /** The command line, run in the copy with its own code, without blocking; `env` adds environment variables. */
  cliAsync: (args: string[], env?: Record<string, string>) => Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

const made: string[] = [];

/** A new temporary folder, removed by removeTemporaryFolders. */
export function temporaryFolder(prefix = "rdd-repo-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder this module made; for afterAll. */
export function removeTemporaryFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The tracked and unignored files of the working tree in a new git repository with one commit. */
export function copyRepo(): RepoCopy {
  const dir = temporaryFolder();
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n");
  for (const path of files)
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const copy = repoAt(dir);
  copy.git("init", "-q");
  copy.git("add", "-A");
  copy.git("commit", "-qm", "copy");
  return copy;
}

/** Another copy of a copy, its git history included. */
export function cloneCopy(copy: RepoCopy): RepoCopy {
  const dir = temporaryFolder();
  cpSync(copy.dir, dir, { recursive: true, verbatimSymlinks: true });
  return repoAt(dir);
}

function repoAt(dir: string): RepoCopy {
  return {
    dir,
    git: (...args) =>
      execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", ...args], {
        cwd: dir,
        encoding: "utf8",
      }),
    cliAsync: (args, env = {}) =>
      collect(process.execPath, ["--import", "tsx", join(dir, "pipeline", "cli.ts"), ...args], { cwd: dir, env }),
  };
}

/**
 * A stand-in for the repository with a step cache of its own (node_modules/.cache), for builds whose cache a test
 * changes: package.json, the schemas, and a node_modules/ of links to this repository's packages. The build's code
 * stays this repository's; only the cache and the package's name and version come from the stand-in.
 */
export function rootWithOwnCache(): { root: string; cacheDir: string } {
  const root = temporaryFolder("rdd-root-");
  cpSync(join(ROOT, "package.json"), join(root, "package.json"));
  cpSync(join(ROOT, "schemas"), join(root, "schemas"), { recursive: true });
  return { root, cacheDir: ownCache(root) };
}

/**
 * Gives the repository at `root` a node_modules/ of its own, of links to this repository's packages, so that its
 * step cache is its own; returns the cache's folder (not made yet).
 */
export function ownCache(root: string): string {
  rmSync(join(root, "node_modules"), { recursive: true, force: true });
  mkdirSync(join(root, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules")))
    if (name !== ".cache") symlinkSync(join(ROOT, "node_modules", name), join(root, "node_modules", name));
  return join(root, "node_modules", ".cache", "russia-dprk-data");
}
