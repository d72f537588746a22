/**
 * An earlier release, read from the repository itself: the commit that added its manifest, and each file at that
 * commit, checked against the manifest's hashes, with the dataset configuration it was built from.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { PipelineError } from "../io/errors.ts";
import { sha256 } from "../io/sha256.ts";
import type { ReleaseContents } from "./compare.ts";
import type { Manifest } from "./manifest.ts";

const git = (root: string, ...args: string[]) => execFileSync("git", args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });

/** The commit that added a release's manifest: the release's commit. */
export function releaseCommit(root: string, manifestFile: string, version: string): string {
  const commit = git(root, "log", "-1", "--format=%H", "--diff-filter=A", "--", manifestFile).toString("utf8").trim();
  if (!commit) {
    throw new PipelineError(`release ${version}'s manifest is not committed, so its files cannot be read from git`, {
      file: manifestFile,
    });
  }
  return commit;
}

export function releasedFiles(root: string, manifestFile: string, manifest: Manifest): Map<string, Buffer> {
  const commit = releaseCommit(root, manifestFile, manifest.version);
  const paths = Object.keys(manifest.files);
  // Every file in one git process: `cat-file --batch` answers "<id> blob <size>\n<bytes>\n" per request.
  const output = execFileSync("git", ["cat-file", "--batch"], {
    cwd: root,
    input: paths.map((path) => `${commit}:dist/${path}\n`).join(""),
    maxBuffer: 1024 * 1024 * 1024,
  });
  const files = new Map<string, Buffer>();
  let at = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(10, at);
    const [, type, size] = output.subarray(at, headerEnd).toString("utf8").split(" ");
    const bytes = type === "blob" ? output.subarray(headerEnd + 1, headerEnd + 1 + Number(size)) : null;
    at = bytes === null ? headerEnd + 1 : headerEnd + 1 + Number(size) + 1;
    if (bytes === null || sha256(bytes) !== manifest.files[path]!.sha256) {
      throw new PipelineError(`dist/${path} at ${commit.slice(0, 12)} does not match the manifest`, {
        file: manifestFile,
        record: path,
      });
    }
    files.set(path, Buffer.from(bytes));
  }
  return files;
}

/** A release's files and sources/dataset.yaml as its commit holds them. */
export function releasedContents(root: string, manifestFile: string, manifest: Manifest): ReleaseContents {
  const commit = releaseCommit(root, manifestFile, manifest.version);
  const config = spawnSync("git", ["show", `${commit}:sources/dataset.yaml`], { cwd: root, encoding: "utf8" });
  return { files: releasedFiles(root, manifestFile, manifest), config: config.status === 0 ? config.stdout : null };
}
