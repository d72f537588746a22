/**
 * Fault injection: a build killed (SIGKILL, as `kill -9` or a power cut) at each step of publishing, then the
 * next build. After the kill and the next run's start the output folder is the old or the new build, whole;
 * after the next build it is a fresh build's, and no staging or moved-aside folder is left anywhere. The killed
 * builds are real processes; the runs after them run in this process (the same commands, without a new start).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CRASH_AT_VARIABLE } from "../../pipeline/io/crash-point.ts";
import { ROOT, runCliAsync, runInProcess, snapshot } from "../helpers/cli.ts";

const SOURCES = join(ROOT, "sources");

/** A fresh build's files, to compare with. */
let fresh: Record<string, string>;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "rdd-fault-")), "dist");
  expect((await runInProcess("build", "--sources", SOURCES, "--out", out)).status).toBe(0);
  fresh = snapshot(out);
});

/** A folder holding an old build output: a previous build's files plus one the new build does not write. */
function withOldOutput(): { root: string; out: string; old: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), "rdd-fault-"));
  const out = join(root, "dist");
  cpSync(join(ROOT, "dist"), out, { recursive: true });
  writeFileSync(join(out, "old-build-only.txt"), "written by the old build\n");
  return { root, out, old: snapshot(out) };
}

/** A build process killed at the crash point `crashAt`. */
async function killedBuild(out: string, crashAt: string): Promise<void> {
  const killed = await runCliAsync({ [CRASH_AT_VARIABLE]: crashAt }, "build", "--sources", SOURCES, "--out", out);
  expect(killed.signal, killed.stderr).toBe("SIGKILL");
}

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
      const { root, out, old } = withOldOutput();
      await killedBuild(out, step);
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
    const { root, out, old } = withOldOutput();
    await killedBuild(out, "publish:old-moved-aside");
    await killedBuild(out, "publish:recovery-restored");
    expect(snapshot(out)).toEqual(old);
    await build(out);
    expect(readdirSync(root)).toEqual(["dist"]);
    expect(snapshot(out)).toEqual(fresh);
  });

  it("a build in progress in another process keeps its staging folder", async () => {
    const { root, out } = withOldOutput();
    // process.ppid runs (it is the test runner's parent); a folder named with it is someone's publish in progress.
    const inProgress = `dist.staging-${process.ppid}`;
    mkdirSync(join(root, inProgress));
    await build(out);
    expect(readdirSync(root).sort()).toEqual(["dist", inProgress]);
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
