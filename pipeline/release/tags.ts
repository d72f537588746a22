/**
 * A release in git: its files committed together ("Release X.Y.Z") and that commit tagged `vX.Y.Z` (annotated),
 * as `npm version` does, so that versions can be compared and checked out by tag. Each step is skipped when it is
 * already done, so that a release interrupted between them is finished by the next run. `tag-releases` tags the
 * releases cut before `release` tagged, each at the commit that added its manifest.
 */
import { spawnSync } from "node:child_process";
import { crashPoint } from "../io/crash-point.ts";
import { PipelineError } from "../io/errors.ts";
import { manifestPath, releasedVersions } from "./manifest.ts";
import { releaseCommit } from "./previous-release.ts";

export const tagOf = (version: string) => `v${version}`;

function git(root: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
}

function run(root: string, args: string[], env: Record<string, string> = {}): string {
  const result = git(root, args, env);
  if (result.status !== 0)
    throw new PipelineError(`git ${args[0]} failed: ${result.stderr.trim().split("\n")[0]}`, { file: root });
  return result.stdout;
}

/** The commit a tag points to, or null when there is no such tag. */
export function taggedCommit(root: string, version: string): string | null {
  const result = git(root, ["rev-parse", "-q", "--verify", `refs/tags/${tagOf(version)}^{commit}`]);
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Refuses, before anything is written, a release that git could not commit and tag. */
export function checkCanTag(root: string, version: string): void {
  if (git(root, ["var", "GIT_COMMITTER_IDENT"]).status !== 0)
    throw new PipelineError(
      "git knows no committer here (git config user.name and user.email): a release commits its files and tags them",
      { file: root },
    );
  if (taggedCommit(root, version) !== null)
    throw new PipelineError(`tag ${tagOf(version)} already exists: release ${version} was tagged before`, {
      file: root,
    });
}

/** Commits the release's files (only those) and tags the commit; what is already done is not done again. */
export function commitAndTag(root: string, version: string, paths: string[], message: string): void {
  run(root, ["add", "-A", "--", ...paths]);
  if (git(root, ["diff", "--cached", "--quiet", "--", ...paths]).status !== 0)
    run(root, ["commit", "-q", "-m", message, "--", ...paths]);
  crashPoint("release-committed");
  if (taggedCommit(root, version) === null) run(root, ["tag", "-a", tagOf(version), "-m", message]);
}

/**
 * Tags every release that has no tag yet at the commit that added its manifest, dated as that commit (so the
 * same history gives the same tags). Returns what it did, one line per release; a tag found at another commit is
 * an error, never moved.
 */
export function tagReleases(root: string): { lines: string[]; problems: PipelineError[] } {
  const lines: string[] = [];
  const problems: PipelineError[] = [];
  for (const version of releasedVersions(`${root}/releases`)) {
    const file = manifestPath("releases", version);
    const commit = releaseCommit(root, file, version);
    const tagged = taggedCommit(root, version);
    if (tagged === commit) {
      lines.push(`${tagOf(version)}: already at ${commit.slice(0, 12)}`);
      continue;
    }
    if (tagged !== null) {
      problems.push(
        new PipelineError(
          `${tagOf(version)} points to ${tagged.slice(0, 12)}, not to ${commit.slice(0, 12)}, the commit that added ` +
            "the manifest: left as it is",
          { file },
        ),
      );
      continue;
    }
    const date = run(root, ["log", "-1", "--format=%cI", commit]).trim();
    run(root, ["tag", "-a", tagOf(version), "-m", `Release ${version}`, commit], { GIT_COMMITTER_DATE: date });
    lines.push(`${tagOf(version)}: tagged ${commit.slice(0, 12)}`);
  }
  return { lines, problems };
}
