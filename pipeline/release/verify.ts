/**
 * `npm run verify`: rebuild into a temporary folder and compare, file by file, with the committed dist/, and
 * field by field with the manifest of package.json's version (its sources' hashes, record counts and files);
 * check that the release history is an unbroken chain and that no release is left half-done. Data cannot change
 * without a new version.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { readPackageJson } from "../io/json-file.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../build.ts";
import { historyProblems } from "./history.ts";
import { sha256 } from "../io/sha256.ts";
import { PipelineError } from "../io/errors.ts";
import {
  compareManifestFields,
  compareWithManifest,
  type Manifest,
  manifestOf,
  manifestPath,
  readManifest,
  readTree,
} from "./manifest.ts";
import { unfinishedRelease } from "./staging.ts";

export async function verify(root: string): Promise<string[]> {
  // A release interrupted after its stage was complete holds the new files: comparing the old ones says nothing.
  const unfinished = unfinishedRelease(root);
  if (unfinished !== null) throw unfinished;
  const { version } = readPackageJson(root);
  const problems: string[] = historyProblems(root, version).map(String);
  const scratch = mkdtempSync(join(tmpdir(), "rdd-verify-"));
  try {
    const outDir = join(scratch, "dist");
    await build({ sourcesDir: join(root, "sources"), outDir, cache: false, root });
    const rebuilt = readTree(outDir);
    const committed = readTree(join(root, "dist"));
    problems.push(...differences(rebuilt, committed).map((p) => `dist/${p}`));
    const where = manifestPath("releases", version);
    let manifest: Manifest | null;
    try {
      manifest = readManifest(join(root, "releases"), version);
    } catch (error) {
      if (!(error instanceof PipelineError)) throw error;
      // A manifest that cannot be read is one problem among the others, reported once.
      if (!problems.some((problem) => problem.startsWith(`${where}: `))) problems.push(`${where}: ${error.message}`);
      return problems;
    }
    if (manifest === null) {
      problems.push(`${where}: no release manifest for version ${version} (cut one with npm run release)`);
    } else {
      problems.push(...compareManifestFields(manifest, manifestOf(version, rebuilt)).map((p) => `${where}: ${p}`));
      problems.push(...compareWithManifest(manifest, rebuilt).map((p) => `${where}: ${p}`));
    }
    return problems;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** How the committed files differ from a fresh build's, by path. */
function differences(rebuilt: Map<string, Buffer>, committed: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [path, bytes] of rebuilt) {
    const old = committed.get(path);
    if (!old) problems.push(`${path}: built, but not committed`);
    else if (sha256(old) !== sha256(bytes)) problems.push(`${path}: committed file differs from the build`);
  }
  for (const path of committed.keys())
    if (!rebuilt.has(path)) problems.push(`${path}: committed, but the build does not write it`);
  return problems.sort();
}
