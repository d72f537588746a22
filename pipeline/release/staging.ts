/**
 * A release is all or nothing. Everything it changes (dist/, package.json, the lockfile, CITATION.cff,
 * CHANGELOG.md and the new manifest) is first written under `.release-staging/`; a plan written last, in one
 * rename, marks the stage complete; then each staged file is renamed over its target, the manifest last.
 *
 * A kill before the plan exists leaves the tracked files untouched and the next release discards the stage. A
 * kill after it leaves a plan that the next release finishes, moving whatever is still staged (each move is a
 * rename, so a file is always either the old or the new one), before anything else: no version is skipped and
 * nothing is half-written. dist/, a folder, moves in two renames, the old one aside first; a kill between them
 * leaves the new dist/ staged and the plan in place, so the next release puts it where it belongs. Last, the
 * release's files are committed and the commit tagged, each step done once whatever run reaches it.
 */
import { readJsonFile } from "../io/json-file.ts";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { crashPoint } from "../io/crash-point.ts";
import { commitAndTag } from "./tags.ts";

export const STAGING_DIR = ".release-staging";
const PLAN = "plan.json";

/** What a staged release changes, and what to report when it is finished. */
export interface ReleasePlan {
  version: string;
  previous: string | null;
  bump: string;
  required: string | null;
  /** The changelog entry, reported again when an interrupted release is finished. */
  entry: string;
  /** Paths relative to the repository, in the order they are moved; "dist" is the folder. */
  paths: string[];
}

export function stagingDir(root: string): string {
  return join(root, STAGING_DIR);
}

/** The staged copy of `path` (relative to the repository). */
export function stagedPath(root: string, path: string): string {
  return join(stagingDir(root), "files", path);
}

/** Starts an empty stage, discarding an incomplete one. */
export function startStage(root: string): void {
  discardStage(root);
  mkdirSync(join(stagingDir(root), "files"), { recursive: true });
}

export function stageFile(root: string, path: string, content: string | Buffer): void {
  const target = stagedPath(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** Marks the stage complete: from here on the release happens, now or at the next run. */
export function markStaged(root: string, plan: ReleasePlan): void {
  crashPoint("release-staged");
  const path = join(stagingDir(root), PLAN);
  writeFileSync(`${path}.tmp`, JSON.stringify(plan, null, 2) + "\n");
  renameSync(`${path}.tmp`, path);
  crashPoint("release-planned");
}

/** The plan of a completely staged release that is not yet (fully) in place, if there is one. */
export function pendingRelease(root: string): ReleasePlan | null {
  const path = join(stagingDir(root), PLAN);
  return existsSync(path) ? (readJsonFile(path) as ReleasePlan) : null;
}

/**
 * Moves every file the plan still has staged into place, commits them and tags the commit (tags.ts), then removes
 * the stage. Safe to repeat after a kill.
 */
export function commitStaged(root: string, plan: ReleasePlan): void {
  const replaced = join(stagingDir(root), "replaced");
  for (const path of plan.paths) {
    const staged = stagedPath(root, path);
    if (!existsSync(staged)) continue; // moved before an interruption
    const target = join(root, path);
    if (path === "dist" && existsSync(target)) {
      rmSync(replaced, { recursive: true, force: true });
      renameSync(target, replaced);
      crashPoint("release-moved-aside:dist");
    }
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staged, target);
    crashPoint(`release-moved:${path}`);
  }
  const since = plan.previous === null ? "first release" : `${plan.bump}; changes since ${plan.previous}`;
  commitAndTag(root, plan.version, plan.paths, `Release ${plan.version} (${since})`);
  rmSync(stagingDir(root), { recursive: true, force: true });
}

export function discardStage(root: string): void {
  rmSync(stagingDir(root), { recursive: true, force: true });
}

/** Discards an incomplete stage (one without a plan); returns the plan of a complete one, to be finished. */
export function recoverStage(root: string): ReleasePlan | null {
  const plan = pendingRelease(root);
  if (plan === null) discardStage(root);
  return plan;
}
