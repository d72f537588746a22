/**
 * Fault injection: a build killed (SIGKILL, as `kill -9` or a power cut) at each step of publishing, then the
 * next build. After the kill and the next run's start the output folder is the old or the new build, whole;
 * after the next build it is a fresh build's, and no work folder is left anywhere. The killed builds are real
 * processes, run side by side; the runs after them run in this process (the same commands, without a new start).
 * Then the disk fails under a build (full, read-only, a mount point), under the step cache and under TMPDIR:
 * on small tmpfs disks, where this process can mount them.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRASH_AT_VARIABLE } from "../../pipeline/io/crash-point.ts";
import { cachedStep, stepCache } from "../../pipeline/formats/step-cache.ts";
import { WORK_MARKER } from "../../pipeline/io/work-folder.ts";
import { manifestOf, manifestText, readTree } from "../../pipeline/release/manifest.ts";
import {
  type CliResult,
  collect,
  deadPid,
  errorLines,
  ROOT,
  runCliAsync,
  runInProcess,
  runInProcessAt,
  snapshot,
  STACK_TRACE,
} from "../helpers/cli.ts";
import { CANNOT_MOUNT, fill, makeReadOnly, mountable, mountTmpfs, smallDisk, unmountAll } from "../helpers/mounts.ts";
import { copyRepo, ownCache, removeTemporaryFolders, rootWithOwnCache, temporaryFolder } from "../helpers/repo-copy.ts";

const SOURCES = join(ROOT, "sources");
const hasStrace = spawnSync("strace", ["-V"]).status === 0;

/** A fresh build's files, to compare with. */
let fresh: Record<string, string>;

// The disks are unmounted before the folders they are mounted in are removed.
afterAll(() => {
  unmountAll();
  removeTemporaryFolders();
});

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "rdd-fault-")), "dist");
  expect((await runInProcess("build", "--sources", SOURCES, "--out", out)).status).toBe(0);
  fresh = snapshot(out);
});

/**
 * A folder holding an old build output: a previous build's files plus one the new build does not write. In a new
 * temporary folder, or in `root` (a small disk); with `mounted`, on a tmpfs of that size mounted at the output.
 */
function withOldOutput({ root = mkdtempSync(join(tmpdir(), "rdd-fault-")), mounted }: OldOutputOptions = {}): {
  root: string;
  out: string;
  old: Record<string, string>;
} {
  const out = join(root, "dist");
  if (mounted !== undefined) mountTmpfs(out, mounted);
  cpSync(join(ROOT, "dist"), out, { recursive: true });
  writeFileSync(join(out, "old-build-only.txt"), "written by the old build\n");
  return { root, out, old: snapshot(out) };
}

interface OldOutputOptions {
  root?: string;
  mounted?: string;
}

/** A build process killed at the crash point `crashAt`. */
async function killedBuild(out: string, crashAt: string): Promise<void> {
  const killed = await runCliAsync({ [CRASH_AT_VARIABLE]: crashAt }, "build", "--sources", SOURCES, "--out", out);
  expect(killed.signal, killed.stderr).toBe("SIGKILL");
}

/**
 * A folder as a build killed at `crashAt` left it, the build having run over an old output (withOldOutput): one
 * killed build per step, its folder copied for each test that starts from it, so that no test sees another's runs.
 */
async function killedOverOldOutput(
  crashAt: string,
): Promise<{ root: string; out: string; old: Record<string, string> }> {
  let killed = killedStates.get(crashAt);
  if (killed === undefined) {
    const state = withOldOutput();
    killed = killedBuild(state.out, crashAt).then(() => state);
    killedStates.set(crashAt, killed);
  }
  const { root: killedRoot, old } = await killed;
  const root = mkdtempSync(join(tmpdir(), "rdd-fault-"));
  cpSync(killedRoot, root, { recursive: true });
  return { root, out: join(root, "dist"), old };
}
const killedStates = new Map<string, Promise<{ root: string; out: string; old: Record<string, string> }>>();

async function build(out: string): Promise<void> {
  const result = await runInProcess("build", "--sources", SOURCES, "--out", out);
  expect([result.status, result.stderr]).toEqual([0, ""]);
}

/** The state a run finds after the kill, once its start-up recovery ran: a build that then fails on its input. */
async function recoverOnly(out: string): Promise<void> {
  const result = await runInProcess("build", "--sources", join(tmpdir(), "rdd-no-such-sources-folder"), "--out", out);
  expect(result.status).toBe(1);
}

const PUBLISH_STEPS = [
  // step, what the output folder holds right after the kill (before any recovery)
  ["publish:staging", "old"],
  ["publish:staged", "old"],
  ["publish:old-moved-aside", "missing"],
  ["publish:new-moved-in", "new"],
  ["publish:previous-removed", "new"],
] as const;

describe("a build killed while publishing", () => {
  it.concurrent.each(PUBLISH_STEPS)(
    "at %s: the next run finds the old or the new output whole, and the next build a fresh one with no leftovers",
    async (step, afterKill) => {
      const { root, out, old } = await killedOverOldOutput(step);
      const expected = { old, new: fresh, missing: undefined }[afterKill];
      if (expected === undefined) expect(readdirSync(root)).not.toContain("dist");
      else expect(snapshot(out)).toEqual(expected);

      await recoverOnly(out);
      expect(readdirSync(root)).toEqual(["dist"]);
      expect(snapshot(out)).toEqual(afterKill === "new" ? fresh : old);

      await build(out);
      expect(readdirSync(root)).toEqual(["dist"]);
      expect(snapshot(out)).toEqual(fresh);
    },
  );

  it.concurrent(
    "a kill straight after the first build's staging leaves no output folder and " + "nothing else behind",
    async () => {
      const root = mkdtempSync(join(tmpdir(), "rdd-fault-"));
      const out = join(root, "dist");
      await killedBuild(out, "publish:staged");
      await recoverOnly(out);
      expect(readdirSync(root)).toEqual([]);
      await build(out);
      expect(snapshot(out)).toEqual(fresh);
    },
  );

  it.concurrent("a kill during the recovery itself is recovered by the run after it", async () => {
    const { root, out, old } = await killedOverOldOutput("publish:old-moved-aside");
    await killedBuild(out, "publish:recovery-restored");
    expect(snapshot(out)).toEqual(old);
    await build(out);
    expect(readdirSync(root)).toEqual(["dist"]);
    expect(snapshot(out)).toEqual(fresh);
  });

  /**
   * One verify, which two tests read, in a copy of the repository as a build killed between its renames leaves it
   * (dist/ moved aside), with a release manifest replaced by a folder.
   */
  let verified: Promise<{ dir: string; committed: Record<string, string>; result: CliResult }> | undefined;
  function verifyAfterKill(): NonNullable<typeof verified> {
    verified ??= (async () => {
      const copy = copyRepo();
      const committed = snapshot(join(copy.dir, "dist"));
      const killed = await copy.cliAsync(["build"], { [CRASH_AT_VARIABLE]: "publish:old-moved-aside" });
      expect(killed.signal).toBe("SIGKILL");
      expect(readdirSync(copy.dir)).not.toContain("dist");
      rmSync(join(copy.dir, "releases", "1.0.0.json"));
      mkdirSync(join(copy.dir, "releases", "1.0.0.json"));
      return { dir: copy.dir, committed, result: await runInProcessAt(copy.dir, "verify") };
    })();
    return verified;
  }

  it.concurrent("verify after a build killed between its renames puts dist/ back first: nothing is missing", async () => {
    const { dir, committed, result } = await verifyAfterKill();
    expect(result.stderr).not.toContain("built, but not committed");
    expect(snapshot(join(dir, "dist"))).toEqual(committed);
  });

  it.concurrent("verify names a release manifest replaced by a folder in one line among its findings", async () => {
    const { result } = await verifyAfterKill();
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toContain("releases/1.0.0.json: not a regular file (a directory)");
    expect(result.status).toBe(1);
  });

  const IN_PLACE_STEPS = [
    // step, what an output folder that is a mount point holds once the next run has recovered
    ["publish:staged", "old"],
    ["publish:old-moved-aside", "new"],
  ] as const;

  it.concurrent.for(IN_PLACE_STEPS)(
    "on a mount point, replaced in place, at %s: the next run finds the %s output whole",
    async ([step, afterRecovery], context) => {
      context.skip(!mountable, CANNOT_MOUNT);
      const { out, old } = withOldOutput({ mounted: "4m" });
      await killedBuild(out, step);
      await recoverOnly(out);
      expect(snapshot(out)).toEqual(afterRecovery === "old" ? old : fresh);
    },
  );

  it("a build in progress in another process keeps its work folder", async () => {
    const { root, out } = withOldOutput();
    // process.ppid runs (it is the test runner's parent); a work folder named with it is someone's publish.
    const inProgress = `dist.publish-${process.ppid}`;
    mkdirSync(join(root, inProgress));
    writeFileSync(join(root, inProgress, WORK_MARKER), "");
    await build(out);
    expect(readdirSync(root).sort()).toEqual(["dist", inProgress]);
  });

  it.concurrent("a killed build's work folder whose process id another process has now is recovered", async (ctx) => {
    ctx.skip(!existsSync(`/proc/${process.pid}/stat`), "skipped: telling processes apart needs Linux's /proc");
    const { root, out, old } = await killedOverOldOutput("publish:old-moved-aside");
    // The killed run's id given to another process that runs (this one's parent), as the system may reuse it.
    const [work] = readdirSync(root);
    renameSync(join(root, work!), join(root, `dist.publish-${process.ppid}`));
    await recoverOnly(out);
    expect(readdirSync(root)).toEqual(["dist"]);
    expect(snapshot(out)).toEqual(old);
  });

  it("never removes or moves a folder it did not make, however it is named, even with no output folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "rdd-fault-"));
    const pid = deadPid();
    // Named as a killed run's leftovers were or are, with a process id that is gone, but made by the user.
    const lookalikes = [
      `dist.previous-${pid}`,
      `dist.previous-${pid}-bak`,
      `dist.staging-${pid}`,
      `dist.publish-${pid}`,
    ];
    for (const name of lookalikes) {
      cpSync(join(ROOT, "dist"), join(root, name, "old"), { recursive: true });
      cpSync(join(ROOT, "dist"), join(root, name), { recursive: true });
      writeFileSync(join(root, name, "mine.txt"), `the user's ${name}\n`);
    }
    const before = snapshot(root);
    await build(join(root, "dist"));
    expect(readdirSync(root).sort()).toEqual(["dist", ...lookalikes].sort());
    expect(snapshot(join(root, "dist"))).toEqual(fresh);
    const after = snapshot(root);
    for (const path of Object.keys(before)) expect(after[path], path).toBe(before[path]);
  });
});

describe("a build killed while compiling the schemas entry", () => {
  it.concurrent("leaves a temporary folder that the next build removes", async () => {
    const temporary = mkdtempSync(join(tmpdir(), "rdd-fault-tmp-"));
    const { out, old } = withOldOutput();
    const env = { TMPDIR: temporary };
    // --cold: the compiler runs rather than its cached output being reused.
    const crash = { ...env, [CRASH_AT_VARIABLE]: "schemas-entry:declarations-emitted" };
    const killed = await runCliAsync(crash, "build", "--cold", "--sources", SOURCES, "--out", out);
    expect(killed.signal).toBe("SIGKILL");
    expect(readdirSync(temporary).filter((name) => name.startsWith("rdd-dts-"))).toHaveLength(1);
    expect(snapshot(out)).toEqual(old);
    expect((await runCliAsync(env, "build", "--cold", "--sources", SOURCES, "--out", out)).status).toBe(0);
    expect(readdirSync(temporary).filter((name) => name.startsWith("rdd-dts-"))).toEqual([]);
    expect(snapshot(out)).toEqual(fresh);
  });
});

/**
 * The disk fails under a build: full, read-only, or a mount point that cannot be renamed. Each failure is one line
 * naming the folder and what to do, exit code 1, no stack trace, and the old output as it was; an output folder
 * that is a mount point is replaced in place, as crash-safe as a swap by renames.
 */
describe("a full disk, a read-only folder, a mount point", () => {
  /** One line matching `line`, exit code 1, no stack trace. */
  function expectOneLine(result: CliResult, line: RegExp): void {
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([expect.stringMatching(line)]);
    expect(result.status).toBe(1);
  }

  it("a full disk under a new output: one line, and nothing written", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const disk = smallDisk("512k");
    const result = await runInProcess("build", "--sources", SOURCES, "--out", join(disk, "dist"));
    expectOneLine(
      result,
      new RegExp(
        `^${disk}: no space left on the device \\(ENOSPC\\): the new build \\([\\d.]+ MB\\) is written there before ` +
          `it replaces ${disk}/dist; nothing was written: free some space there and run the command again$`,
      ),
    );
    expect(readdirSync(disk)).toEqual([]);
  });

  it("a disk with room for the old output only: one line, and the old output as it was", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const disk = smallDisk("1600k");
    const { out, old } = withOldOutput({ root: disk });
    const result = await runInProcess("build", "--sources", SOURCES, "--out", out);
    expectOneLine(
      result,
      new RegExp(`^${disk}: no space left on the device \\(ENOSPC\\): .*; the old output is as it was`),
    );
    expect(readdirSync(disk)).toEqual(["dist"]);
    expect(snapshot(out)).toEqual(old);
  });

  it("a read-only folder around the output: one line naming it, and the old output as it was", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const disk = smallDisk("4m");
    const { out, old } = withOldOutput({ root: disk });
    makeReadOnly(disk);
    const result = await runInProcess("build", "--sources", SOURCES, "--out", out);
    expectOneLine(
      result,
      new RegExp(
        `^${disk}: the file system is read-only \\(EROFS\\): the new build .* is written there before it replaces ` +
          `${out}; the old output is as it was: make it writable or choose a folder on a writable one, or choose ` +
          `another --out$`,
      ),
    );
    expect(snapshot(out)).toEqual(old);
  });

  it("an output folder that is a mount point is replaced in place", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const { out } = withOldOutput({ mounted: "4m" });
    await build(out);
    expect(snapshot(out)).toEqual(fresh);
  });
});

/** A stand-in repository whose own cache a build has filled, shared by the tests below. */
let filled: Promise<{ root: string; cacheDir: string }> | undefined;
function filledCache(): Promise<{ root: string; cacheDir: string }> {
  filled ??= (async () => {
    const stand = rootWithOwnCache();
    // Seeded with this repository's entries of the costly steps, which the build reuses if they are current; the
    // two others are the stand-in's own.
    const seed = join(ROOT, "node_modules", ".cache", "russia-dprk-data");
    if (existsSync(seed))
      cpSync(seed, stand.cacheDir, { recursive: true, filter: (path) => !/\/(parquet|sqlite)\.[^/]*$/.test(path) });
    const result = await runInProcessAt(stand.root, "build", "--sources", SOURCES, "--out", freshOut());
    expect([result.status, result.stderr]).toEqual([0, ""]);
    return stand;
  })();
  return filled;
}
const freshOut = () => join(mkdtempSync(join(tmpdir(), "rdd-fault-")), "dist");
const entryOf = (cacheDir: string, step: string) => readdirSync(cacheDir).find((name) => name.startsWith(`${step}.`))!;

/**
 * The step cache (node_modules/.cache) is a convenience, never a risk: an entry edited since it was stored is
 * not published, and a cache that cannot be written (a full disk) costs one warning, not the build.
 */
describe("the step cache", () => {
  it.concurrent("a cached file edited since it was stored is not published: its step runs again", async () => {
    const { cacheDir } = await filledCache();
    const stand = rootWithOwnCache();
    cpSync(cacheDir, stand.cacheDir, { recursive: true });
    // One byte of the SQLite database changed in its entry, the entry otherwise as it was.
    const entry = join(stand.cacheDir, entryOf(stand.cacheDir, "sqlite"));
    const text = readFileSync(entry, "utf8");
    const base64 = text.match(/[A-Za-z0-9+/=]{1000,}/)![0];
    const bytes = Buffer.from(base64, "base64");
    bytes[bytes.length >> 1] = 0xff - bytes[bytes.length >> 1]!;
    writeFileSync(entry, text.replace(base64, bytes.toString("base64")));
    const out = freshOut();
    const result = await runInProcessAt(stand.root, "build", "--sources", SOURCES, "--out", out);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(snapshot(out)).toEqual(fresh);
  });

  it.concurrent("a cold build rewrites the entries it computes: a forged entry is not published after it", async () => {
    const { cacheDir } = await filledCache();
    const stand = rootWithOwnCache();
    cpSync(cacheDir, stand.cacheDir, { recursive: true });
    // The SQLite database replaced in its entry, its recorded SHA-256 made to match.
    const entry = join(stand.cacheDir, entryOf(stand.cacheDir, "sqlite"));
    const stored = JSON.parse(readFileSync(entry, "utf8")) as { files: [string, string, string][] };
    const forged = Buffer.from("not the database");
    stored.files[0] = [
      stored.files[0]![0],
      createHash("sha256").update(forged).digest("hex"),
      forged.toString("base64"),
    ];
    writeFileSync(entry, JSON.stringify(stored));
    const cold = await runInProcessAt(stand.root, "build", "--cold", "--sources", SOURCES, "--out", freshOut());
    expect([cold.status, cold.stderr]).toEqual([0, ""]);
    const out = freshOut();
    const warm = await runInProcessAt(stand.root, "build", "--sources", SOURCES, "--out", out);
    expect([warm.status, warm.stderr]).toEqual([0, ""]);
    expect(snapshot(out)).toEqual(fresh);
  });

  it.concurrent("a full disk under the cache: one warning, a whole build, and no partial entry", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const { cacheDir } = await filledCache();
    const stand = rootWithOwnCache();
    mountTmpfs(join(stand.root, "node_modules", ".cache"), "1m");
    // The costly steps' entries are there; the two others' must be written, and the disk is full.
    mkdirSync(stand.cacheDir);
    for (const step of ["charts", "schemas-entry"])
      cpSync(join(cacheDir, entryOf(cacheDir, step)), join(stand.cacheDir, entryOf(cacheDir, step)));
    fill(stand.cacheDir);
    const cached = readdirSync(stand.cacheDir).sort();
    const out = freshOut();
    const result = await runInProcessAt(stand.root, "build", "--sources", SOURCES, "--out", out);
    expect(result.status).toBe(0);
    expect(errorLines(result)).toEqual([
      `warning: ${stand.cacheDir}: cannot keep the build cache (no space left on the device (ENOSPC)), so this ` +
        "build goes on without it: free some space there and run the command again, or build with --cold",
    ]);
    expect(snapshot(out)).toEqual(fresh);
    expect(readdirSync(stand.cacheDir).sort()).toEqual(cached.filter((name) => !/^(parquet|sqlite)\./.test(name)));
  });

  it.concurrent("a read-only disk under a cache not yet made: the warning says read-only", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const disk = smallDisk("64k");
    makeReadOnly(disk);
    const warnings: string[] = [];
    const cache = stepCache(disk, true, (line) => warnings.push(line));
    const files = await cachedStep(cache, "step", "0".repeat(64), async () => new Map([["a.txt", new Uint8Array(1)]]));
    expect([...files.keys()]).toEqual(["a.txt"]);
    expect(warnings).toEqual([
      `warning: ${cache.dir}: cannot keep the build cache (the file system is read-only (EROFS)), so this build ` +
        "goes on without it: make it writable or choose a folder on a writable one, or build with --cold",
    ]);
  });

  /** A copy of the repository whose cache holds every costly step but the compiler's, which its build then runs. */
  async function copyToCompile(): Promise<ReturnType<typeof copyRepo>> {
    const { cacheDir } = await filledCache();
    const copy = copyRepo();
    const copyCache = ownCache(copy.dir);
    mkdirSync(copyCache, { recursive: true });
    for (const step of ["charts", "parquet", "sqlite"])
      cpSync(join(cacheDir, entryOf(cacheDir, step)), join(copyCache, entryOf(cacheDir, step)));
    return copy;
  }

  it.concurrent.for([
    ["full", "no space left on the device (ENOSPC)"],
    ["read-only", "the file system is read-only (EROFS)"],
  ] as const)(
    "a %s TMPDIR under the compiler of the schemas entry: one line, the old output as it was",
    async ([kind, what], context) => {
      context.skip(!mountable, CANNOT_MOUNT);
      const copy = await copyToCompile();
      const temporary = smallDisk("64k");
      if (kind === "full") fill(temporary);
      else {
        // tsx's own folder there, made before: without it tsx fails as it starts, before any code of the build runs.
        mkdirSync(join(temporary, `tsx-${process.getuid!()}`));
        makeReadOnly(temporary);
      }
      const { out, old } = withOldOutput();
      const result = await copy.cliAsync(["build", "--sources", SOURCES, "--out", out], { TMPDIR: temporary });
      expect(result.stderr).not.toMatch(STACK_TRACE);
      // One line: no output of the bundler, which runs beside the compiler, follows it.
      expect(errorLines(result)).toEqual([
        `${temporary}: ${what}: the TypeScript compiler writes the schemas' declarations in this temporary folder; ` +
          "free some space there or set TMPDIR to a writable folder with space, and run the command again",
      ]);
      expect(result.status).toBe(1);
      expect(snapshot(out)).toEqual(old);
    },
  );
});

/** add-source on a sources folder that cannot be written: one line naming it, and nothing added. */
describe("add-source on a failing disk", () => {
  function sourcesOnDisk(size: string): { sourcesDir: string; textFile: string } {
    const sourcesDir = smallDisk(size);
    cpSync(join(SOURCES, "dataset.yaml"), join(sourcesDir, "dataset.yaml"));
    const textFile = join(mkdtempSync(join(tmpdir(), "rdd-add-")), "note.txt");
    writeFileSync(textFile, "The ferry carried 1.4 million passengers in 2023.\n");
    return { sourcesDir, textFile };
  }

  it.for([
    ["read-only", "the file system is read-only (EROFS)", "make it writable or choose a folder on a writable one"],
    ["full", "no space left on the device (ENOSPC)", "free some space there and run the command again"],
  ] as const)("a %s sources folder", async ([kind, what, advice], context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    const { sourcesDir, textFile } = sourcesOnDisk("256k");
    if (kind === "read-only") makeReadOnly(sourcesDir);
    else fill(sourcesDir);
    const before = snapshot(sourcesDir);
    const result = await runInProcess("add-source", "harbour-note", textFile, "--sources", sourcesDir);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([
      `add-source: ${sourcesDir}: ${what}: add-source writes the new source folder here; nothing was added: ${advice}`,
    ]);
    expect(result.status).toBe(1);
    expect(snapshot(sourcesDir)).toEqual(before);
  });
});

/**
 * The tracked files a command rewrites in place (the generated docs, package.json) are replaced whole or not at
 * all: a kill while one is written, or a disk that fills under it, leaves the old file as it was.
 */
describe("tracked files rewritten in place", () => {
  /** The README's generated lists emptied, so that `build --docs` rewrites it, longer by a few pages. */
  function makeStale(readme: string): void {
    let text = readFileSync(readme, "utf8");
    for (const name of ["indicators", "dictionary"])
      text = text.replace(new RegExp(`(<!-- ${name}:start -->)[^]*(<!-- ${name}:end -->)`), "$1\n$2");
    writeFileSync(readme, text);
  }

  /** A stand-in repository in `root` with the documents a build --docs rewrites, its cache holding every step. */
  async function standInWithDocs(root: string): Promise<string> {
    const { cacheDir } = await filledCache();
    for (const path of ["package.json", "CHANGELOG.md", "README.md", "CITATION.cff", "schemas", "docs"])
      cpSync(join(ROOT, path), join(root, path), { recursive: true });
    cpSync(cacheDir, ownCache(root), { recursive: true });
    return root;
  }

  it.concurrent("a build --docs killed while it writes README.md leaves the file whole", async (context) => {
    context.skip(!hasStrace, "skipped: the kill at a write is injected with strace, which is not installed");
    const copy = copyRepo();
    const readme = join(copy.dir, "README.md");
    makeStale(readme);
    const stale = readFileSync(readme, "utf8");
    // Killed at the first write to README.md itself, if the build makes one.
    const writes = "write,pwrite64,writev,pwritev";
    const cli = [process.execPath, "--import", "tsx", join(copy.dir, "pipeline", "cli.ts"), "build", "--docs"];
    const traced = ["-f", "-qq", "-o", "/dev/null", "-P", readme, "-e", `trace=${writes}`];
    await collect("strace", [...traced, "-e", `inject=${writes}:signal=SIGKILL`, ...cli], { cwd: copy.dir });
    expect([stale, readFileSync(join(ROOT, "README.md"), "utf8")]).toContain(readFileSync(readme, "utf8"));
    const next = await runInProcessAt(copy.dir, "build", "--docs");
    expect([next.status, next.stderr]).toEqual([0, ""]);
    expect(readFileSync(readme, "utf8")).toBe(readFileSync(join(ROOT, "README.md"), "utf8"));
  });

  it.concurrent("a README whose generated part lost its markers: one line naming it, the file as it was", async () => {
    const root = await standInWithDocs(temporaryFolder());
    writeFileSync(
      join(root, "README.md"),
      readFileSync(join(root, "README.md"), "utf8").replace("<!-- dictionary:end -->", ""),
    );
    const before = readFileSync(join(root, "README.md"), "utf8");
    const result = await runInProcessAt(root, "build", "--docs", "--sources", SOURCES, "--out", freshOut());
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([
      `${join(root, "README.md")}: no "<!-- dictionary:start -->" ... "<!-- dictionary:end -->" markers, in that ` +
        "order: put them back around the generated part (git diff shows where), then build again",
    ]);
    expect(result.status).toBe(1);
    expect(readFileSync(join(root, "README.md"), "utf8")).toBe(before);
  });

  it.concurrent("a full disk under build --docs: one line naming the file, every file as it was", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    // On a small disk, so that only the docs are written there.
    const root = await standInWithDocs(smallDisk("4m"));
    makeStale(join(root, "README.md"));
    fill(root);
    const tracked = () => snapshot(root, (path) => path !== "node_modules" && path !== "filler");
    const before = tracked();
    const result = await runInProcessAt(root, "build", "--docs", "--sources", SOURCES, "--out", freshOut());
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([
      `${join(root, "README.md")}: no space left on the device (ENOSPC): the file is as it was: free some space ` +
        "there and run the command again",
    ]);
    expect(result.status).toBe(1);
    expect(tracked()).toEqual(before);
  });
});

/** release-assets on a full disk: one line naming the folder, nothing written. */
describe("release-assets on a failing disk", () => {
  it.concurrent("a full disk under --out: one line naming the folder, and nothing written", async (context) => {
    context.skip(!mountable, CANNOT_MOUNT);
    // A copy whose release manifest is its dist/'s, whatever this working tree's dist/ holds.
    const copy = copyRepo();
    const { version } = JSON.parse(readFileSync(join(copy.dir, "package.json"), "utf8")) as { version: string };
    const manifest = manifestText(manifestOf(version, readTree(join(copy.dir, "dist"))));
    writeFileSync(join(copy.dir, "releases", `${version}.json`), manifest);
    const disk = smallDisk("256k");
    fill(disk);
    const out = join(disk, "assets");
    const result = await runInProcessAt(copy.dir, "release-assets", "--out", out);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([
      `${disk}: no space left on the device (ENOSPC): release-assets writes the assets here before they replace ` +
        `${out}; nothing was written: free some space there and run the command again`,
    ]);
    expect(result.status).toBe(1);
    expect(readdirSync(disk)).toEqual(["filler"]);
  });
});
