/** A throwaway git clone-alike of the working tree, for commands that write to the repository (release). */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMap, parseDocument } from "yaml";
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

/**
 * The tracked and unignored files of the working tree in a new git repository with one commit; in `subfolder` of a
 * new temporary folder when given (a checkout at an odd path).
 */
export function copyRepo(subfolder = ""): RepoCopy {
  const dir = join(temporaryFolder(), subfolder);
  mkdirSync(dir, { recursive: true });
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n");
  for (const path of files)
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const copy = repoAt(dir);
  copy.git("init", "-q");
  identify(copy);
  copy.git("add", "-A");
  copy.git("commit", "-qm", "copy");
  return copy;
}

/**
 * A git clone of this repository, its history whole (so that a release reads the earlier releases' files from the
 * commits that made them), with the working tree's uncommitted changes committed on top.
 */
export function cloneRepo(): RepoCopy {
  const dir = temporaryFolder();
  execFileSync("git", ["clone", "-q", ROOT, dir]);
  const list = (...args: string[]) =>
    execFileSync("git", ["ls-files", ...args], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  const deleted = new Set(list("-d"));
  for (const path of list("-m", "-o", "--exclude-standard"))
    if (!deleted.has(path) && path !== "node_modules") cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  for (const path of deleted) rmSync(join(dir, path), { force: true });
  writeFileSync(join(dir, ".git", "info", "exclude"), "node_modules\n");
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const copy = repoAt(dir);
  identify(copy);
  copy.git("add", "-A");
  if (copy.git("status", "--porcelain") !== "") copy.git("commit", "-qm", "the working tree");
  return copy;
}

/** A committer for the copy's own git, which a release commits and tags with, whatever the machine's settings. */
function identify(copy: RepoCopy): void {
  copy.git("config", "user.name", "test");
  copy.git("config", "user.email", "test@example.org");
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
 * A correction to the note of the first figure of the first source folder that has one, as a curator would make
 * it: a patch-sized data change whatever sources the repository holds. Returns the figure and its note before
 * and after.
 */
export function correctANote(dir: string): { id: string; before: string; after: string } {
  const sourcesDir = join(dir, "sources");
  for (const folder of readdirSync(sourcesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const file = join(sourcesDir, folder.name, "figures.yaml");
    if (!existsSync(file)) continue;
    const doc = parseDocument(readFileSync(file, "utf8"));
    const first = doc.getIn([0], true);
    if (!isMap(first)) continue;
    const before = String(first.get("note") ?? "");
    const after = `${before}${before === "" ? "" : " "}(A corrected note.)`;
    first.set("note", after);
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
    return { id: String(first.get("id")), before, after };
  }
  throw new Error(`no source folder under ${sourcesDir} has a figure`);
}

/**
 * Removes an event as a curator would, whatever sources the repository holds: the first published event whose
 * time mentions date no other record, its date then dismissed with a reason so that coverage still holds. A
 * removed record needs a major release. Returns the event's id.
 */
export function removeAnEvent(dir: string): string {
  const read = (table: string) =>
    JSON.parse(readFileSync(join(dir, "dist", "data", `${table}.json`), "utf8")) as Record<string, unknown>[];
  const mentions = read("mentions").filter((m) => m.kind === "time");
  const sources = new Map(read("sources").map((s) => [s.id, s]));
  const event = read("events").find((e) => {
    const inside = mentions.filter(
      (m) =>
        m.source_id === e.source_id &&
        Number(m.char_start) >= Number(e.char_start) &&
        Number(m.char_end) <= Number(e.char_end),
    );
    return inside.length > 0 && inside.every((m) => (m.used_by as string[]).every((id) => id === e.id));
  });
  if (event === undefined) throw new Error(`no event under ${dir} can be removed alone`);
  const folder = readdirSync(join(dir, "sources"), { withFileTypes: true }).find(
    (entry) =>
      entry.isDirectory() &&
      existsSync(join(dir, "sources", entry.name, "source.json")) &&
      JSON.parse(readFileSync(join(dir, "sources", entry.name, "source.json"), "utf8")).id === event.source_id,
  );
  if (folder === undefined || !sources.has(event.source_id)) throw new Error(`no folder for ${event.source_id}`);
  const events = join(dir, "sources", folder.name, "events.yaml");
  const doc = parseDocument(readFileSync(events, "utf8"));
  const index = (doc.toJS() as { id: string }[]).findIndex((record) => record.id === event.id);
  doc.deleteIn([index]);
  writeFileSync(events, doc.toString({ lineWidth: 0 }));
  const dismissed = join(dir, "sources", folder.name, "dismissed.yaml");
  const before = existsSync(dismissed) ? readFileSync(dismissed, "utf8").replace(/^\[\]\s*$/m, "") : "";
  writeFileSync(
    dismissed,
    `${before}\n- kind: time\n  quote: ${JSON.stringify(event.quote)}\n  reason: Its event is no longer recorded.\n`,
  );
  return String(event.id);
}

/**
 * A stand-in for the repository with a step cache of its own (node_modules/.cache), for builds whose cache a test
 * changes: package.json, CHANGELOG.md, the schemas, and a node_modules/ of links to this repository's packages. The build's code
 * stays this repository's; only the cache and the package's name and version come from the stand-in.
 */
export function rootWithOwnCache(): { root: string; cacheDir: string } {
  const root = temporaryFolder("rdd-root-");
  cpSync(join(ROOT, "package.json"), join(root, "package.json"));
  // The descriptor's `created` is the date CHANGELOG.md gives the version.
  cpSync(join(ROOT, "CHANGELOG.md"), join(root, "CHANGELOG.md"));
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
