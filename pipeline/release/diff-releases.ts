/**
 * `npm run diff -- <from> <to>`: the value-level difference between any two releases of the history, read from
 * their manifests and the commits that added them, in the CHANGELOG's words: sources, records cell by cell,
 * vocabulary and files.
 */
import { join } from "node:path";
import semver from "semver";
import { changeLines } from "./changelog.ts";
import { compareReleases } from "./compare.ts";
import { manifestPath, readManifest, releasedVersions } from "./manifest.ts";
import { releasedContents } from "./previous-release.ts";

/** A version as the command takes it ("2.1.0" or its tag "v2.1.0"), or why it is not one of the history's. */
export function releaseVersion(root: string, argument: string): { version: string } | { problem: string } {
  const version = argument.replace(/^v(?=\d)/, "");
  const versions = releasedVersions(join(root, "releases"));
  if (semver.valid(version) === null) return { problem: `${JSON.stringify(argument)} is not a version` };
  if (!versions.includes(version))
    return { problem: `no release ${version} in releases/ (releases: ${versions.join(", ")})` };
  return { version };
}

export function diffReleases(root: string, from: string, to: string): string {
  const contents = (version: string) =>
    releasedContents(
      root,
      manifestPath(join(root, "releases"), version),
      readManifest(join(root, "releases"), version)!,
    );
  const changes = compareReleases(contents(from), contents(to));
  return [`## ${from} → ${to}`, "", ...changeLines(changes)].join("\n") + "\n";
}
