/**
 * `npm run release-assets`: the files a release offers for download, written to release-assets/ (ignored by git):
 * the npm tarball, a zip of the data package (datapackage.json with the data, chart and schema files it lists,
 * and DATA_LICENSE), and SHA256SUMS in the format `sha256sum -c` reads. Each is byte-identical on every rebuild,
 * on any machine, so a download can be checked against a rebuild: npm pack already fixes its timestamps, order
 * and modes; the zip fixes them here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { readPackageJson } from "../io/json-file.ts";
import { basename, dirname, join } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { PipelineError } from "../io/errors.ts";
import { adviceFor, codeInMessage, isFileSystemError, whatHappened } from "../io/file-system-errors.ts";
import { sha256 } from "../io/sha256.ts";
import { makeWorkFolder, removeAbandonedWorkFolders } from "../io/work-folder.ts";
import { makeFolders, writeNewFile } from "../io/write-file.ts";
import { compareWithManifest, manifestPath, readManifest, readTree } from "./manifest.ts";
import { unfinishedRelease } from "./staging.ts";

export const ASSETS_DIR = "release-assets";
/** The work folder beside the assets folder (see io/work-folder.ts) where they are written before it is replaced. */
const STAGING = ".staging-";
const CHECKSUMS = "SHA256SUMS";
/**
 * Zip entries carry a local date and time with no zone, and fflate reads them from a Date's local fields: a Date
 * built from local fields gives the same bytes in every time zone. 1980-01-01 is the earliest a zip can hold.
 */
const ZIP_TIME = new Date(1980, 0, 1, 12, 0, 0);
/** Unix permissions rw-r--r-- for a regular file, in the external attributes' upper half; "made by" Unix. */
const ZIP_FILE = { mtime: ZIP_TIME, os: 3, attrs: 0o100644 << 16, level: 9 } as const;

/** Writes the assets of package.json's version from dist/, which must be that release's, into `outDir`. */
export function writeReleaseAssets(root: string, outDir = join(root, ASSETS_DIR)): string[] {
  // dist/ may be half the release's: finishing it comes first.
  const unfinished = unfinishedRelease(root);
  if (unfinished !== null) throw unfinished;
  const { name, version } = readPackageJson(root);
  const manifest = readManifest(join(root, "releases"), version);
  if (manifest === null)
    throw new PipelineError(`no release manifest for version ${version}: cut the release first`, {
      file: manifestPath("releases", version),
    });
  const dist = readTree(join(root, "dist"));
  const differences = compareWithManifest(manifest, dist);
  if (differences.length > 0)
    throw new PipelineError(
      `dist/ is not release ${version}'s ` +
        `(${differences[0]}${differences.length > 1 ? `, and ${differences.length - 1} more` : ""})`,
      { file: join(root, "dist") },
    );
  if (existsSync(outDir) && !existsSync(join(outDir, CHECKSUMS))) {
    throw new PipelineError("exists and holds no release assets (no SHA256SUMS): refusing to replace it", {
      file: outDir,
    });
  }

  const kept = existsSync(outDir) ? "the old assets are as they were" : "nothing was written";
  try {
    return writeAssets(root, outDir, dist, `${name}-${version}`);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new PipelineError(
      `${whatHappened(error)}: release-assets writes the assets here before they replace ${outDir}; ${kept}: ` +
        adviceFor(error),
      { file: dirname(outDir) },
    );
  }
}

/** The assets written into a work folder beside `outDir`, then moved in its place. */
function writeAssets(root: string, outDir: string, dist: Map<string, Buffer>, release: string): string[] {
  makeFolders(dirname(outDir));
  removeAbandonedWorkFolders(dirname(outDir), `${basename(outDir)}${STAGING}`);
  const work = makeWorkFolder(`${outDir}${STAGING}${process.pid}`);
  try {
    const staging = join(work, "assets");
    mkdirSync(staging);
    const tarball = packTarball(root, staging);
    const zip = `${release}-datapackage.zip`;
    writeNewFile(join(staging, zip), dataPackageZip(release, dist, readFileSync(join(root, "DATA_LICENSE"))));
    const names = [tarball, zip].sort();
    writeNewFile(
      join(staging, CHECKSUMS),
      names.map((file) => `${sha256(readFileSync(join(staging, file)))}  ${file}\n`).join(""),
    );
    // The old assets into the work folder, then the new ones out of it: two renames, the old removed only after.
    if (existsSync(outDir)) renameSync(outDir, join(work, "old"));
    renameSync(staging, outDir);
    return [...names, CHECKSUMS];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `npm pack` into `dir`; returns the tarball's file name. */
function packTarball(root: string, dir: string): string {
  try {
    execFileSync("npm", ["pack", "--loglevel=error", "--pack-destination", dir], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    // npm says what failed on its stderr: a failing disk is told as any other, anything else in npm's first line.
    const said = String((error as { stderr?: Buffer | string }).stderr ?? "");
    const code = /\bcode (E[A-Z]+)\b/.exec(said)?.[1] ?? codeInMessage(said);
    const failure = Object.assign(new Error(said), { code, path: dir });
    if (isFileSystemError(failure)) throw failure;
    const first = said.split("\n").find((line) => line.trim() !== "") ?? (error as Error).message;
    throw new PipelineError(`npm pack failed: ${first.trim()}`, { file: join(root, "package.json") });
  }
  const [tarball, ...others] = readdirSync(dir).filter((file) => file.endsWith(".tgz"));
  if (tarball === undefined || others.length > 0)
    throw new PipelineError("npm pack did not write exactly one tarball", { file: dir });
  return tarball;
}

/** The data package as a zip under one folder: datapackage.json, every file its resources list, and the licence. */
export function dataPackageZip(folder: string, dist: Map<string, Buffer>, license: Buffer): Uint8Array {
  const descriptor = dist.get("datapackage.json");
  if (descriptor === undefined)
    throw new PipelineError("dist/ has no datapackage.json", { file: "dist/datapackage.json" });
  const { resources } = JSON.parse(descriptor.toString("utf8")) as { resources: { path: string }[] };
  const entries = new Map<string, Buffer>([
    ["datapackage.json", descriptor],
    ["DATA_LICENSE", license],
  ]);
  for (const { path } of resources) {
    const bytes = dist.get(path);
    if (bytes === undefined)
      throw new PipelineError(`lists ${path}, which dist/ does not hold`, { file: "dist/datapackage.json" });
    entries.set(path, bytes);
  }
  const zippable: Zippable = {};
  for (const path of [...entries.keys()].sort()) zippable[`${folder}/${path}`] = [entries.get(path)!, ZIP_FILE];
  return zipSync(zippable);
}
