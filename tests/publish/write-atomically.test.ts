/**
 * publish: writing the output folder: bytes as given, a folder that is not a build output refused, and a killed
 * publish's leftovers recovered.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { WORK_MARKER } from "../../pipeline/io/work-folder.ts";
import {
  checkReplaceable,
  OUTPUT_MARKER,
  recoverInterruptedPublish,
  writeAtomically,
} from "../../pipeline/publish/write-atomically.ts";
import { deadPid, snapshot } from "../helpers/cli.ts";

const descriptor = (name: string) => JSON.stringify({ name }) + "\n";

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "rdd-publish-"));
}

describe("writeAtomically", () => {
  it("writes text and bytes exactly, and replaces a previous output of the same package whole", () => {
    const out = join(scratch(), "dist");
    const bytes = new Uint8Array([0, 0xff, 0x89, 0x50]);
    writeAtomically(
      out,
      new Map<string, string | Uint8Array>([
        [OUTPUT_MARKER, descriptor("p")],
        ["a/b.bin", bytes],
        ["old.txt", "x"],
      ]),
    );
    expect(readFileSync(join(out, "a/b.bin"))).toEqual(Buffer.from(bytes));
    writeAtomically(
      out,
      new Map([
        [OUTPUT_MARKER, descriptor("p")],
        ["c.txt", "é\n"],
      ]),
    );
    const latin1 = Buffer.from("é\n").toString("latin1");
    expect(snapshot(out)).toEqual({ [OUTPUT_MARKER]: descriptor("p"), "c.txt": latin1 });
  });

  it("refuses, touching nothing, a folder that is not a previous output of the same package", () => {
    const root = scratch();
    const notOurs = join(root, "sources");
    mkdirSync(join(notOurs, "memo"), { recursive: true });
    writeFileSync(join(notOurs, "memo", "untracked.txt"), "keep me");
    const other = join(root, "other");
    mkdirSync(other);
    writeFileSync(join(other, OUTPUT_MARKER), descriptor("someone-else"));
    const file = join(root, "file.txt");
    writeFileSync(file, "a file");
    for (const out of [notOurs, other]) {
      const before = snapshot(out);
      expect(() => writeAtomically(out, new Map([[OUTPUT_MARKER, descriptor("p")]]))).toThrow(
        /not a previous build output/,
      );
      expect(snapshot(out)).toEqual(before);
    }
    expect(() => writeAtomically(file, new Map([[OUTPUT_MARKER, descriptor("p")]]))).toThrow(/not a folder/);
    expect(readFileSync(file, "utf8")).toBe("a file");
    expect(readdirSync(root).sort()).toEqual(["file.txt", "other", "sources"]);
  });

  it("accepts a missing or an empty folder", () => {
    const root = scratch();
    mkdirSync(join(root, "empty"));
    expect(() => checkReplaceable(join(root, "empty"), "p")).not.toThrow();
    expect(() => checkReplaceable(join(root, "missing"), "p")).not.toThrow();
    expect(() => checkReplaceable(join(root, "empty"), null)).not.toThrow();
  });

  it("refuses with a PipelineError naming the folder, so the command line prints one line", () => {
    const root = scratch();
    writeFileSync(join(root, "x"), "");
    try {
      checkReplaceable(root, "p");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PipelineError);
      expect(String(error)).toMatch(new RegExp(`^${root}: not a previous build output`));
    }
  });
});

describe("recoverInterruptedPublish", () => {
  /** A work folder as a publish of process `pid` makes it beside the output folder, with `folders` in it. */
  function workFolder(root: string, pid: number, ...folders: string[]): string {
    const work = join(root, `dist.publish-${pid}`);
    mkdirSync(work);
    writeFileSync(join(work, WORK_MARKER), "");
    for (const folder of folders) mkdirSync(join(work, folder));
    return work;
  }

  it("puts a moved-aside output back when the output folder is missing, and removes a dead run's work folder", () => {
    const root = scratch();
    const work = workFolder(root, deadPid(), "old", "new");
    writeFileSync(join(work, "old", "old.txt"), "old");
    recoverInterruptedPublish(join(root, "dist"));
    expect(readdirSync(root)).toEqual(["dist"]);
    expect(readFileSync(join(root, "dist", "old.txt"), "utf8")).toBe("old");
  });

  it(
    "removes a dead run's work folder when the output folder is in place, and leaves unmarked folders and running " +
      "builds alone",
    () => {
      const root = scratch();
      const pid = deadPid();
      workFolder(root, pid, "old");
      workFolder(root, process.ppid);
      for (const name of ["dist", `dist.publish-${pid}-bak`, `distant.publish-${pid}`, "dist.publish-notapid"])
        mkdirSync(join(root, name));
      mkdirSync(join(root, `dist.publish-${pid}1`));
      recoverInterruptedPublish(join(root, "dist"));
      expect(readdirSync(root).sort()).toEqual(
        [
          "dist",
          `dist.publish-${pid}-bak`,
          `dist.publish-${pid}1`,
          "dist.publish-notapid",
          `dist.publish-${process.ppid}`,
          `distant.publish-${pid}`,
        ].sort(),
      );
    },
  );

  it("does nothing when the parent folder does not exist", () => {
    expect(() => recoverInterruptedPublish(join(scratch(), "no", "dist"))).not.toThrow();
  });
});
