/**
 * The release history as a chain: each manifest records the release before it, by version and by the SHA-256 of
 * that manifest's bytes, so a deleted, inserted or edited manifest breaks the chain and stops `release` and
 * `verify`.
 *
 * The manifests of 1.0.0, 1.0.1 and 1.0.2 were cut before manifests recorded their predecessor. They are left as
 * they were published; instead their hashes are fixed below, as read when the chain began. The first chained
 * manifest records 1.0.2 as its predecessor, so the whole history is checked: the early manifests by these
 * hashes, every later one by the manifest that follows it, the newest by package.json's version, and, in a git
 * clone, any manifest that a commit ever added must still be there.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PipelineError } from "../io/errors.ts";
import { readInputFile } from "../io/input-files.ts";
import { sha256 } from "../io/sha256.ts";
import { manifestPath, releasedVersions, type Manifest, type PreviousRelease } from "./manifest.ts";

export const UNCHAINED_MANIFESTS: Readonly<Record<string, string>> = {
  "1.0.0": "6f22cb36861c349d1eb29db241eacfca3396d0535dcb906677ad02b473934dbc",
  "1.0.1": "8ba676cf03f4da6e8b59bc935fb2203d3415df756163791b017276dcc9e1237f",
  "1.0.2": "996d9c193488f7ec329aaca7eb1d7de6f046176cea18c95eadf8630193a078c4",
};

/** The newest release in `releasesDir`, as the next manifest records it; null before the first release. */
export function latestRelease(releasesDir: string): PreviousRelease | null {
  const version = releasedVersions(releasesDir).at(-1);
  return version === undefined ? null : { version, sha256: sha256(readInputFile(manifestPath(releasesDir, version))) };
}

/**
 * Every break in the chain of manifests under `root`/releases, each naming the manifest it concerns. With
 * `packageVersion`, the newest manifest must be that version's.
 */
export function historyProblems(root: string, packageVersion?: string): PipelineError[] {
  const releasesDir = join(root, "releases");
  const versions = releasedVersions(releasesDir);
  const problems: PipelineError[] = [];
  const where = (version: string) => manifestPath("releases", version);
  const problem = (file: string, message: string) => problems.push(new PipelineError(message, { file }));
  // Each manifest's bytes, read once by the rule for input files (a folder or a FIFO in its place is reported once).
  const bytes = new Map<string, Buffer | null>();
  const bytesOf = (version: string): Buffer | null => {
    if (!bytes.has(version)) {
      try {
        bytes.set(version, readInputFile(manifestPath(releasesDir, version)));
      } catch (error) {
        if (!(error instanceof PipelineError)) throw error;
        problem(where(version), error.message);
        bytes.set(version, null);
      }
    }
    return bytes.get(version)!;
  };

  for (const [version, hash] of Object.entries(UNCHAINED_MANIFESTS)) {
    if (!versions.includes(version)) problem(where(version), `missing (release ${version} is part of the history)`);
    else {
      const read = bytesOf(version);
      if (read !== null && sha256(read) !== hash)
        problem(where(version), `edited (its SHA-256 is not the one the history fixes)`);
    }
  }
  versions.forEach((version, i) => {
    const read = bytesOf(version);
    if (read === null) return;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(read.toString("utf8")) as Manifest;
    } catch {
      problem(where(version), `not valid JSON`);
      return;
    }
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
      problem(where(version), `not a release manifest (a JSON object)`);
      return;
    }
    if (manifest.version !== version) problem(where(version), `records version ${manifest.version}`);
    if (manifest.previous === undefined) {
      if (!(version in UNCHAINED_MANIFESTS)) problem(where(version), `records no previous release`);
      return;
    }
    const before = versions[i - 1];
    if (manifest.previous === null) {
      if (before !== undefined) problem(where(version), `records no previous release, but ${before} comes before it`);
      return;
    }
    const recorded = manifest.previous.version;
    if (recorded !== before) {
      const found = existsSync(manifestPath(releasesDir, recorded)) ? "" : ` (${where(recorded)} is missing)`;
      problem(
        where(version),
        `records ${recorded} as the previous release, but the release before it here is ${before ?? "none"}${found}`,
      );
    } else {
      const previous = bytesOf(before);
      if (previous !== null && sha256(previous) !== manifest.previous.sha256)
        problem(where(before), `changed since release ${version} recorded its SHA-256`);
    }
  });
  const newest = versions.at(-1);
  if (packageVersion !== undefined && newest !== undefined && packageVersion !== newest) {
    const missing = existsSync(manifestPath(releasesDir, packageVersion))
      ? ""
      : ` (${where(packageVersion)} is missing)`;
    problem("package.json", `version ${packageVersion}, but the newest release manifest is ${where(newest)}${missing}`);
  }
  const reported = new Set(problems.map((p) => p.location.file));
  for (const path of deletedFromGit(root).filter((path) => !reported.has(path)))
    problem(path, `missing (a commit added it; release manifests are never removed)`);
  return problems;
}

/** Manifests that some commit added and that are no longer in the working tree; none outside a git clone. */
function deletedFromGit(root: string): string[] {
  const log = spawnSync("git", ["log", "--diff-filter=A", "--name-only", "--format=", "--", "releases/*.json"], {
    cwd: root,
    encoding: "utf8",
  });
  if (log.status !== 0) return [];
  const added = new Set(log.stdout.split("\n").filter((line) => line.trim() !== ""));
  return [...added].filter((path) => !existsSync(join(root, path))).sort();
}
