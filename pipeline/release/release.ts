/**
 * `npm run release -- <major|minor|patch>`: build the next version, diff its data cell by cell against the
 * previous release, refuse a bump smaller than the diff needs, then stage every file the release changes and
 * move them into place together (staging.ts), commit them and tag the commit v<version> (tags.ts). Refused when
 * --date is not a real date, when git could not commit and tag, when sources/ has
 * uncommitted changes, or when the release history is broken (history.ts). A release interrupted after its stage
 * was complete is finished by the next run, which then stops.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readPackageJson } from "../io/json-file.ts";
import { join } from "node:path";
import semver from "semver";
import { PipelineError, throwIfAny } from "../io/errors.ts";
import { changelogEntry, prependEntry } from "./changelog.ts";
import { isAtLeast, requiredBump, type Bump, type TableDiff } from "./diff.ts";
import { historyProblems, latestRelease } from "./history.ts";
import { checkCanTag } from "./tags.ts";
import { manifestOf, manifestPath, manifestText, readManifest, readTree } from "./manifest.ts";
import { compareReleases, type ReleaseContents } from "./compare.ts";
import { releasedContents } from "./previous-release.ts";
import {
  commitStaged,
  discardStage,
  markStaged,
  recoverStage,
  stagedPath,
  stageFile,
  startStage,
  type ReleasePlan,
} from "./staging.ts";

export interface ReleaseResult {
  version: string;
  previous: string | null;
  bump: string;
  required: string | null;
  entry: string;
  /** True when this run finished a release that an earlier run had staged and was interrupted in. */
  resumed: boolean;
}

export async function release(root: string, bump: Bump, date: string): Promise<ReleaseResult> {
  const interrupted = recoverStage(root);
  if (interrupted !== null) {
    commitStaged(root, interrupted);
    return { ...resultOf(interrupted), resumed: true };
  }
  refuseUncommittedSources(root);
  const paths = { sources: join(root, "sources"), releases: join(root, "releases"), pkg: join(root, "package.json") };
  const current = readPackageJson(root).version;
  throwIfAny(historyProblems(root, current));
  const previousRelease = latestRelease(paths.releases);
  const previous = previousRelease?.version ?? null;
  const next = semver.inc(current, bump);
  if (next === null)
    throw new PipelineError(`package.json's version "${current}" is not semantic`, { file: paths.pkg });
  if (previous !== null && !semver.gt(next, previous)) {
    throw new PipelineError(`${next} would not come after the last release, ${previous}`, { file: paths.pkg });
  }
  checkCanTag(root, next);

  // The new dist/ is built straight into the stage; a refused release removes the stage and changes nothing.
  startStage(root);
  const plan = await stageRelease(root, { bump, date, next, previous, previousRelease, paths }).catch(
    (error: unknown) => {
      discardStage(root);
      throw error;
    },
  );
  markStaged(root, plan);
  commitStaged(root, plan);
  return { ...resultOf(plan), resumed: false };
}

async function stageRelease(
  root: string,
  {
    bump,
    date,
    next,
    previous,
    previousRelease,
    paths,
  }: {
    bump: Bump;
    date: string;
    next: string;
    previous: string | null;
    previousRelease: ReturnType<typeof latestRelease>;
    paths: { sources: string; releases: string; pkg: string };
  },
): Promise<ReleasePlan> {
  // Loaded here: a run that only finishes an interrupted release builds nothing and loads no pipeline.
  const { build } = await import("../build.ts");
  await build({
    sourcesDir: paths.sources,
    outDir: stagedPath(root, "dist"),
    cache: false,
    version: next,
    released: date,
    root,
  });
  const candidate = readTree(stagedPath(root, "dist"));
  const before: ReleaseContents =
    previous === null
      ? { files: new Map(), config: null }
      : releasedContents(root, manifestPath(paths.releases, previous), readManifest(paths.releases, previous)!);
  // The configuration as committed (a release refuses uncommitted sources), for the vocabulary's changes.
  const config = readFileSync(join(paths.sources, "dataset.yaml"), "utf8");
  const changes = compareReleases(before, { files: candidate, config });
  const { diffs, files } = changes;
  // Files beside the tables (charts, package entries, schemas) count as corrections when they alone changed.
  const otherFiles = previous === null ? [] : [...files.added, ...files.removed, ...files.changed];
  const required = requiredBump(diffs) ?? (otherFiles.length > 0 ? "patch" : null);
  if (previous !== null && required === null)
    throw new PipelineError(`no data changed since ${previous}: nothing to release`, { file: join(root, "dist") });
  if (!isAtLeast(bump, required)) {
    throw new PipelineError(
      `a ${bump} release is too small: the changes since ${previous ?? "the start"} need a ${required} release ` +
        `(${reasons(diffs)})`,
      { file: join(root, "dist") },
    );
  }

  const manifest = manifestOf(next, candidate, previousRelease);
  const entry = changelogEntry(next, date, bump, previous, changes);
  const staged = new Map<string, string>(versionFiles(root, next));
  const changelog = join(root, "CHANGELOG.md");
  staged.set("CHANGELOG.md", prependEntry(existsSync(changelog) ? readFileSync(changelog, "utf8") : null, entry));
  // The manifest moves last, so the history never lists a release whose files are not yet in place.
  staged.set(`releases/${next}.json`, manifestText(manifest));
  for (const [path, content] of staged) stageFile(root, path, content);
  return { version: next, previous, bump, required, entry, paths: ["dist", ...staged.keys()] };
}

function resultOf(plan: ReleasePlan): Omit<ReleaseResult, "resumed"> {
  return {
    version: plan.version,
    previous: plan.previous,
    bump: plan.bump,
    required: plan.required,
    entry: plan.entry,
  };
}

/** A release records the sources a commit holds, so that anyone can rebuild it from that commit. */
function refuseUncommittedSources(root: string): void {
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "sources"], {
    cwd: root,
    encoding: "utf8",
  });
  if (status.status !== 0)
    throw new PipelineError("cannot read the sources' git status: a release is cut from a git clone", {
      file: join(root, "sources"),
    });
  const changed = status.stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.slice(3));
  if (changed.length > 0) {
    throw new PipelineError(
      `uncommitted changes (${changed.join(", ")}): commit them before releasing, so the release is rebuildable ` +
        `from a commit`,
      { file: "sources/" },
    );
  }
}

/**
 * package.json (and its lockfile's copy) and CITATION.cff carry the version, rewritten here for the stage;
 * datapackage.json takes it from the build.
 */
function versionFiles(root: string, version: string): [string, string][] {
  const files: [string, string][] = [
    [
      "package.json",
      readFileSync(join(root, "package.json"), "utf8").replace(/("version":\s*)"[^"]*"/, `$1"${version}"`),
    ],
  ];
  const lockPath = join(root, "package-lock.json");
  if (existsSync(lockPath)) {
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    lock.version = version;
    lock.packages[""].version = version;
    files.push(["package-lock.json", JSON.stringify(lock, null, 2) + "\n"]);
  }
  const citation = join(root, "CITATION.cff");
  if (existsSync(citation))
    files.push(["CITATION.cff", readFileSync(citation, "utf8").replace(/^version: .*$/m, `version: "${version}"`)]);
  return files;
}

function reasons(diffs: TableDiff[]): string {
  const parts = diffs.flatMap((d) => [
    ...(d.status !== "present" ? [`table ${d.table} ${d.status}`] : []),
    ...d.columnsRemoved.map((c) => `${d.table}.${c} removed`),
    ...d.columnsTightened.map((c) => `${d.table}.${c} tightened`),
    ...(d.removed.length ? [`${d.removed.length} ${d.table} record(s) removed`] : []),
    ...d.columnsAdded.map((c) => `${d.table}.${c} added`),
    ...(d.added.length ? [`${d.added.length} ${d.table} record(s) added`] : []),
    ...(d.changed.length ? [`${d.changed.length} ${d.table} record(s) changed`] : []),
  ]);
  return parts.join(", ");
}
