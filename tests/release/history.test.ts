/**
 * The release history and the release's all-or-nothing commit: the manifests' chain, verify's field-by-field
 * check, argument and working-tree checks, and fault injection (a kill at every step, then the next run).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRASH_AT_VARIABLE } from "../../pipeline/io/crash-point.ts";
import { historyProblems } from "../../pipeline/release/history.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { manifestText, readManifest, type Manifest } from "../../pipeline/release/manifest.ts";
import { STAGING_DIR } from "../../pipeline/release/staging.ts";
import { replaceIn, ROOT, runInProcessAt, snapshot } from "../helpers/cli.ts";
import {
  cloneCopy,
  copyRepo,
  correctANote,
  removeTemporaryFolders,
  temporaryFolder,
  type RepoCopy,
} from "../helpers/repo-copy.ts";

/** The record counts a release manifest gives. */
const readManifestRecords = (file: string) =>
  (JSON.parse(readFileSync(file, "utf8")) as Manifest).records as Record<string, number> & { figures: number };

const DATE = ["--date", "2026-02-02"];

/** The newest release, and the two patch releases the tests cut or fake after it. */
const LATEST = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const NEXT = semver.inc(LATEST, "patch")!;
const AFTER_NEXT = semver.inc(NEXT, "patch")!;

afterAll(removeTemporaryFolders);
/** What a release writes, compared between an interrupted-then-resumed release and one that ran through. */
const RELEASE_FILES = ["package.json", "package-lock.json", "CITATION.cff", "CHANGELOG.md"];

function releaseState(copy: RepoCopy): Record<string, string> {
  const state: Record<string, string> = {};
  for (const path of RELEASE_FILES) state[path] = readFileSync(join(copy.dir, path), "latin1");
  for (const [path, bytes] of Object.entries(snapshot(join(copy.dir, "releases")))) state[`releases/${path}`] = bytes;
  if (existsSync(join(copy.dir, "dist")))
    for (const [path, bytes] of Object.entries(snapshot(join(copy.dir, "dist")))) state[`dist/${path}`] = bytes;
  else state.dist = "(missing)";
  return state;
}

describe("the chain of manifests", () => {
  /** A releases/ folder with the three historical manifests and two chained ones after them. */
  function chainedHistory(): { root: string; releases: string } {
    const root = temporaryFolder("rdd-history-");
    const releases = join(root, "releases");
    cpSync(join(ROOT, "releases"), releases, { recursive: true });
    let previous = { version: LATEST, sha256: sha256(readFileSync(join(releases, `${LATEST}.json`))) };
    for (const version of [NEXT, AFTER_NEXT]) {
      const manifest: Manifest = { ...readManifest(releases, LATEST)!, version, previous };
      writeFileSync(join(releases, `${version}.json`), manifestText(manifest));
      previous = { version, sha256: sha256(manifestText(manifest)) };
    }
    return { root, releases };
  }
  const messages = (root: string, version = AFTER_NEXT) => historyProblems(root, version).map(String);

  it("is whole as published, historical manifests included", () => {
    expect(
      historyProblems(ROOT, JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version).map(String),
    ).toEqual([]);
    expect(messages(chainedHistory().root)).toEqual([]);
  });

  it("breaks when a chained manifest is deleted or edited", () => {
    const deleted = chainedHistory();
    rmSync(join(deleted.releases, `${NEXT}.json`));
    expect(messages(deleted.root)).toEqual([
      `releases/${AFTER_NEXT}.json: records ${NEXT} as the previous release, but the release before it here is ` +
        `${LATEST} (releases/${NEXT}.json is missing)`,
    ]);
    const edited = chainedHistory();
    const figures = readManifestRecords(join(edited.releases, `${NEXT}.json`)).figures;
    replaceIn(join(edited.releases, `${NEXT}.json`), `"figures": ${figures}`, `"figures": ${figures + 1}`);
    expect(messages(edited.root)).toEqual([
      `releases/${NEXT}.json: changed since release ${AFTER_NEXT} recorded its SHA-256`,
    ]);
  });

  it("breaks when a historical manifest is deleted or edited", () => {
    const deleted = chainedHistory();
    rmSync(join(deleted.releases, "1.0.1.json"));
    expect(messages(deleted.root)).toEqual(["releases/1.0.1.json: missing (release 1.0.1 is part of the history)"]);
    const edited = chainedHistory();
    replaceIn(join(edited.releases, "1.0.0.json"), '"version": "1.0.0"', '"version": "1.0.0" ');
    expect(messages(edited.root)).toEqual([
      "releases/1.0.0.json: edited (its SHA-256 is not the one the history fixes)",
    ]);
  });

  it("breaks when the newest manifest is deleted, by package.json's version or, once committed, by git", () => {
    const history = chainedHistory();
    rmSync(join(history.releases, `${AFTER_NEXT}.json`));
    expect(messages(history.root)).toEqual([
      `package.json: version ${AFTER_NEXT}, but the newest release manifest is releases/${NEXT}.json ` +
        `(releases/${AFTER_NEXT}.json is missing)`,
    ]);
    const committed = chainedHistory();
    const run = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", ...args], {
        cwd: committed.root,
      });
    run("init", "-q");
    run("add", "-A");
    run("commit", "-qm", "history");
    run("rm", "-q", `releases/${AFTER_NEXT}.json`);
    run("commit", "-qm", "drop the newest release");
    expect(messages(committed.root, NEXT)).toEqual([
      `releases/${AFTER_NEXT}.json: missing (a commit added it; release manifests are never removed)`,
    ]);
  });
});

describe("the release command", () => {
  let base: RepoCopy;
  let reference: Record<string, string>;
  let before: Record<string, string>;

  // A committed data change (a patch), released once straight through as the reference.
  beforeAll(async () => {
    base = copyRepo();
    correctANote(base.dir);
    base.git("commit", "-qam", "a corrected note");
    before = releaseState(base);
    const straight = cloneCopy(base);
    const result = await runInProcessAt(straight.dir, "release", "patch", ...DATE);
    expect(result.stderr).toBe("");
    reference = releaseState(straight);
  }, 60_000);

  it("records the previous release and its manifest's hash", () => {
    const manifest = JSON.parse(reference[`releases/${NEXT}.json`]!) as Manifest;
    expect(manifest.previous).toEqual({
      version: LATEST,
      sha256: sha256(readFileSync(join(ROOT, "releases", `${LATEST}.json`))),
    });
  });

  it(
    "refuses a date that is not a real YYYY-MM-DD, or one that would write more than a date, in " + "one line",
    async () => {
      const copy = cloneCopy(base);
      for (const date of ["2016-02-31", "2026-1-5", "2026-02-02\n## 9.9.9 (fake)"]) {
        const result = await runInProcessAt(copy.dir, "release", "patch", "--date", date);
        expect(result.status).toBe(2);
        expect(result.stderr.split("\n")[0]).toBe(
          `cli.ts release: --date must be a real date in the form YYYY-MM-DD, not ${JSON.stringify(date)}`,
        );
        expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      }
      expect(releaseState(copy)).toEqual(before);
    },
  );

  it("refuses to release from uncommitted sources, a broken history, and leaves every file as it was", async () => {
    const copy = cloneCopy(base);
    writeFileSync(join(copy.dir, "sources", "notes.txt"), "draft\n");
    const dirty = await runInProcessAt(copy.dir, "release", "patch", ...DATE);
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toMatch(/^sources\/: uncommitted changes \(sources\/notes\.txt\)/);
    rmSync(join(copy.dir, "sources", "notes.txt"));
    rmSync(join(copy.dir, "releases", "1.0.1.json"));
    const broken = await runInProcessAt(copy.dir, "release", "patch", ...DATE);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^releases\/1\.0\.1\.json: missing/);
    copy.git("checkout", "-q", "releases/1.0.1.json");
    expect(releaseState(copy)).toEqual(before);
  });

  // The releases below run side by side, each in a copy of its own.
  it.concurrent("killed before its stage is complete, changes nothing, and the next run releases in full", async () => {
    const copy = cloneCopy(base);
    const killed = await copy.cliAsync(["release", "patch", ...DATE], { [CRASH_AT_VARIABLE]: "release-staged" });
    expect(killed.signal).toBe("SIGKILL");
    expect(releaseState(copy)).toEqual(before);
    expect(copy.git("status", "--porcelain")).toBe("");
    const next = await runInProcessAt(copy.dir, "release", "patch", ...DATE);
    expect(next.stderr).toBe("");
    expect(next.stdout).not.toContain("finished release");
    expect(releaseState(copy)).toEqual(reference);
    expect(existsSync(join(copy.dir, STAGING_DIR))).toBe(false);
  }, 60_000);

  // Nothing lost, nothing skipped.
  it.concurrent("killed after its stage is complete, at any step, is finished by the next run", async () => {
    const copy = cloneCopy(base);
    const steps = [
      "release-planned",
      "release-moved-aside:dist",
      "release-moved:dist",
      ...RELEASE_FILES.map((path) => `release-moved:${path}`),
      `release-moved:releases/${NEXT}.json`,
      "release-committed",
    ];
    // Each run is killed one step further on, so each step's leftover state is what the next run starts from.
    for (const step of steps) {
      const killed = await copy.cliAsync(["release", "patch", ...DATE], { [CRASH_AT_VARIABLE]: step });
      expect(killed.signal, `${step}: ${killed.stderr}`).toBe("SIGKILL");
      const state = releaseState(copy);
      // dist/ moves in two renames: between them it is missing, and the plan still holds the new one staged.
      if (step === "release-moved-aside:dist") {
        expect(state.dist).toBe("(missing)");
        expect(existsSync(join(copy.dir, STAGING_DIR, "files", "dist", "datapackage.json"))).toBe(true);
        delete state.dist;
      }
      for (const [path, bytes] of Object.entries(state))
        expect([before[path], reference[path]], `${step}: ${path}`).toContain(bytes);
      // verify names the command that finishes the release, and nothing else: not the files still staged.
      if (step === "release-planned" || step === "release-moved-aside:dist") {
        const verified = await runInProcessAt(copy.dir, "verify");
        expect(verified.status).toBe(1);
        expect(verified.stderr).toBe(
          `${STAGING_DIR}: release ${NEXT} was interrupted; run the release command again (any bump) to finish it ` +
            `(its files wait complete in ${STAGING_DIR}/, nothing is lost), then verify\n`,
        );
      }
    }
    const finished = await runInProcessAt(copy.dir, "release", "patch", ...DATE);
    expect(finished.stderr).toBe("");
    expect(finished.stdout).toContain(`finished release ${NEXT}`);
    expect(releaseState(copy)).toEqual(reference);
    expect(existsSync(join(copy.dir, STAGING_DIR))).toBe(false);
    // Committed once and tagged once, whichever run got there.
    expect(copy.git("log", "--format=%s", "-2").trim().split("\n")).toEqual([
      `Release ${NEXT} (patch; changes since ${LATEST})`,
      "a corrected note",
    ]);
    expect(copy.git("tag", "--points-at", "HEAD").trim()).toBe(`v${NEXT}`);
    expect(copy.git("status", "--porcelain")).toBe("");
  }, 120_000);

  it.concurrent("verify checks every field of the manifest and the chain, not only the files", async () => {
    const copy = cloneCopy(base);
    const released = await runInProcessAt(copy.dir, "release", "patch", ...DATE);
    expect(released.status).toBe(0);
    const manifest = join(copy.dir, "releases", `${NEXT}.json`);
    const figures = readManifestRecords(manifest).figures;
    const [[sourceId, { sha256: hash }]] = Object.entries(
      (JSON.parse(readFileSync(manifest, "utf8")) as { sources: Record<string, { sha256: string }> }).sources,
    ) as [[string, { sha256: string }]];
    replaceIn(manifest, `"figures": ${figures}`, `"figures": ${figures - 1}`);
    replaceIn(manifest, hash, "0".repeat(64));
    rmSync(join(copy.dir, "releases", "1.0.0.json"));
    const verified = await runInProcessAt(copy.dir, "verify");
    expect(verified.status).toBe(1);
    expect(verified.stderr.trim().split("\n")).toEqual([
      "releases/1.0.0.json: missing (release 1.0.0 is part of the history)",
      `releases/${NEXT}.json: records.figures: the manifest says ${figures - 1}, the build gives ${figures}`,
      `releases/${NEXT}.json: sources.${sourceId}.sha256: the manifest says "${"0".repeat(64)}", the build ` +
        `gives "${hash}"`,
      "verify: 3 difference(s) between the build, dist/ and the release manifest",
    ]);
  }, 60_000);
});
