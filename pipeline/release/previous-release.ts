/**
 * The files of an earlier release, read from the repository itself: the commit that added its manifest, and
 * each file at that commit, checked against the manifest's hashes.
 */
import { execFileSync } from "node:child_process";
import { PipelineError } from "../io/errors.ts";
import { sha256 } from "../io/sha256.ts";
import type { Manifest } from "./manifest.ts";

export function releasedFiles(root: string, manifestFile: string, manifest: Manifest): Map<string, Buffer> {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  const commit = git("log", "-1", "--format=%H", "--diff-filter=A", "--", manifestFile).toString("utf8").trim();
  if (!commit) {
    throw new PipelineError(
      `release ${manifest.version}'s manifest is not committed, so its files cannot be read from git`,
      { file: manifestFile },
    );
  }
  const files = new Map<string, Buffer>();
  for (const [path, expected] of Object.entries(manifest.files)) {
    const bytes = git("show", `${commit}:dist/${path}`);
    if (sha256(bytes) !== expected.sha256) {
      throw new PipelineError(`dist/${path} at ${commit.slice(0, 12)} does not match the manifest`, {
        file: manifestFile,
        record: path,
      });
    }
    files.set(path, bytes);
  }
  return files;
}
