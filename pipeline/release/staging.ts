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
 *
 * The stage holds the marker of a work folder (io/work-folder.ts): a `.release-staging/` without it is the user's,
 * never read as a release nor removed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, normalize } from "node:path";
import { crashPoint } from "../io/crash-point.ts";
import { PipelineError } from "../io/errors.ts";
import { exists } from "../io/input-files.ts";
import { readJsonFile } from "../io/json-file.ts";
import { isMarked, makeWorkFolder, WORK_MARKER } from "../io/work-folder.ts";
import { writeFileAtomically, writeNewFile } from "../io/write-file.ts";
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
  mkdirSync(join(makeWorkFolder(stagingDir(root)), "files"));
}

export function stageFile(root: string, path: string, content: string | Buffer): void {
  const target = stagedPath(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeNewFile(target, content);
}

/** Marks the stage complete: from here on the release happens, now or at the next run. */
export function markStaged(root: string, plan: ReleasePlan): void {
  crashPoint("release-staged");
  const path = join(stagingDir(root), PLAN);
  writeFileAtomically(path, JSON.stringify(plan, null, 2) + "\n");
  crashPoint("release-planned");
}

/**
 * The plan of a completely staged release that is not yet (fully) in place, if there is one. A plan that cannot be
 * read is refused with what to do by hand: a release cannot be finished without knowing where its files go.
 */
export function pendingRelease(root: string): ReleasePlan | null {
  const path = join(stagingDir(root), PLAN);
  if (!existsSync(path) || !isMarked(stagingDir(root))) return null;
  let plan: unknown;
  try {
    plan = readJsonFile(path);
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    throw unreadablePlan(root, error.message);
  }
  const problem = planProblem(plan);
  if (problem !== null) throw unreadablePlan(root, problem);
  return plan as ReleasePlan;
}

/**
 * A release interrupted after its stage was complete, as the error of a command that cannot run before it is
 * finished: it names the command that finishes it. Null when there is none.
 */
export function unfinishedRelease(root: string): PipelineError | null {
  const pending = pendingRelease(root);
  if (pending === null) return null;
  return new PipelineError(
    `release ${pending.version} was interrupted; run the release command again (any bump) to finish it (its files ` +
      `wait complete in ${STAGING_DIR}/, nothing is lost), then verify`,
    { file: STAGING_DIR },
  );
}

/** What makes `plan` no release plan, or null: each field of its type, and paths that stay inside the repository. */
function planProblem(plan: unknown): string | null {
  if (typeof plan !== "object" || plan === null || Array.isArray(plan)) return "not a JSON object";
  const fields = plan as Record<string, unknown>;
  for (const key of ["version", "bump", "entry"] as const)
    if (typeof fields[key] !== "string") return `${key} is not a string`;
  for (const key of ["previous", "required"] as const)
    if (fields[key] !== null && typeof fields[key] !== "string") return `${key} is neither a string nor null`;
  const { paths } = fields;
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === "string")) return "paths is not a list of paths";
  const outside = paths.find((path) => path === "" || isAbsolute(path) || normalize(path).split(/[\\/]/)[0] === "..");
  return outside === undefined ? null : `the path ${JSON.stringify(outside)} leads out of the repository`;
}

function unreadablePlan(root: string, problem: string): PipelineError {
  const restore =
    existsSync(join(root, "dist")) || !existsSync(join(stagingDir(root), "replaced"))
      ? ""
      : `move ${STAGING_DIR}/replaced back to dist/ (the output before the release), then `;
  return new PipelineError(
    `not a release plan (${problem}), so the interrupted release cannot be finished: ${restore}remove ` +
      `${STAGING_DIR}/ and release again`,
    { file: join(STAGING_DIR, PLAN) },
  );
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

/**
 * Removes the stage; refuses, touching nothing, a folder of that name that this program did not make. (An empty
 * one is what a kill between making the stage and marking it leaves: removing it loses nothing.)
 */
export function discardStage(root: string): void {
  const dir = stagingDir(root);
  if (!exists(dir)) return;
  if (isMarked(dir)) rmSync(dir, { recursive: true, force: true });
  else if (isEmptyFolder(dir)) rmdirSync(dir);
  else
    throw new PipelineError(
      `not a release stage this program made (no ${WORK_MARKER} in it): refusing to remove it; move it elsewhere, ` +
        "then release again",
      { file: STAGING_DIR },
    );
}

function isEmptyFolder(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

/** Discards an incomplete stage (one without a plan); returns the plan of a complete one, to be finished. */
export function recoverStage(root: string): ReleasePlan | null {
  const plan = pendingRelease(root);
  if (plan === null) discardStage(root);
  return plan;
}
