/**
 * Reading input files: regular files only (a FIFO must not hang), within a size limit, confined to their folder,
 * and one text rule, valid UTF-8 without NUL bytes, for every command.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { decodeUtf8Text, readInputFile, readTextFile, sourceFolders } from "../../pipeline/io/input-files.ts";

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "rdd-input-"));
}

/** The one line the command line would print for the error `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    return String(error);
  }
  throw new Error("expected a refusal");
}

describe("decodeUtf8Text", () => {
  it("decodes any text without NUL exactly, a byte-order mark kept", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((text) => !text.includes("\0")),
        (text) => {
          expect(decodeUtf8Text(Buffer.from(text, "utf8"), "f.txt")).toBe(text);
        },
      ),
    );
    expect(decodeUtf8Text(Buffer.from("\uFEFFa", "utf8"), "f.txt")).toBe("\uFEFFa");
  });

  it("refuses a NUL byte and invalid UTF-8, naming the file and the byte", () => {
    expect(refusal(() => decodeUtf8Text(Buffer.from("ab\0c"), "memo.txt"))).toBe(
      "memo.txt: not text: a NUL byte at byte 2",
    );
    expect(refusal(() => decodeUtf8Text(Buffer.from([0x61, 0x62, 0xff, 0x63]), "memo.txt"))).toBe(
      "memo.txt: not UTF-8 text: an invalid byte sequence at byte 2",
    );
    // An overlong encoding, a surrogate, a truncated character at the end: at the byte where decoding fails.
    const cases: [number[], number][] = [
      [[0xc0, 0xaf], 0],
      [[0x61, 0xed, 0xa0, 0x80], 2], // 0xed cannot be followed by 0xa0: found there
      [[0x61, 0xe2, 0x82], 1],
    ];
    for (const [bytes, at] of cases) {
      expect(refusal(() => decodeUtf8Text(Buffer.from(bytes), "x"))).toBe(
        `x: not UTF-8 text: an invalid byte sequence at byte ${at}`,
      );
    }
  });

  it("accepts exactly the byte strings that strict UTF-8 decoding accepts and that hold no NUL", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let strict: string | null;
        try {
          strict = bytes.includes(0) ? null : new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          strict = null;
        }
        let ours: string | null;
        try {
          ours = decodeUtf8Text(bytes, "x");
        } catch (error) {
          expect(error).toBeInstanceOf(PipelineError);
          ours = null;
        }
        expect(ours).toBe(strict);
      }),
    );
  });
});

describe("readInputFile", () => {
  it("refuses a missing file, a directory and a FIFO at once, each in one line naming it", () => {
    const dir = scratch();
    const fifo = join(dir, "figures.yaml");
    execFileSync("mkfifo", [fifo]);
    mkdirSync(join(dir, "events.yaml"));
    expect(refusal(() => readInputFile(fifo))).toBe(`${fifo}: not a regular file (a FIFO)`);
    expect(refusal(() => readInputFile(join(dir, "events.yaml")))).toBe(
      `${join(dir, "events.yaml")}: not a regular file (a directory)`,
    );
    expect(refusal(() => readInputFile(join(dir, "missing.yaml")))).toBe(`${join(dir, "missing.yaml")}: no such file`);
  });

  it("refuses a file over its size limit before reading it", () => {
    const file = join(scratch(), "big.yaml");
    writeFileSync(file, "x".repeat(101));
    expect(refusal(() => readInputFile(file, { maxBytes: 100 }))).toBe(
      `${file}: 101 bytes, more than the limit of 100 for this file`,
    );
    expect(readInputFile(file, { maxBytes: 101 })).toHaveLength(101);
  });

  it("confines a file to its folder: no .., no absolute path, no symlink out", () => {
    const root = scratch();
    const folder = join(root, "source");
    mkdirSync(folder);
    writeFileSync(join(root, "outside.txt"), "outside");
    writeFileSync(join(folder, "memo.txt"), "inside");
    symlinkSync(join(root, "outside.txt"), join(folder, "link.txt"));
    symlinkSync("memo.txt", join(folder, "inner-link.txt"));
    expect(refusal(() => readInputFile(join(folder, "../outside.txt"), { within: folder }))).toMatch(
      /: leads out of its folder/,
    );
    expect(refusal(() => readInputFile(join(root, "outside.txt"), { within: folder }))).toMatch(
      /: leads out of its folder/,
    );
    expect(refusal(() => readInputFile(join(folder, "link.txt"), { within: folder }))).toMatch(
      /link\.txt: a symlink leading out of its folder .*, to .*outside\.txt$/,
    );
    expect(readTextFile(join(folder, "inner-link.txt"), { within: folder })).toBe("inside");
    expect(readTextFile(join(folder, "memo.txt"), { within: folder })).toBe("inside");
  });
});

describe("sourceFolders", () => {
  it("refuses a missing or empty sources folder, or a file, in one line naming it", () => {
    const root = scratch();
    writeFileSync(join(root, "file"), "");
    expect(refusal(() => sourceFolders(join(root, "missing")))).toBe(
      `${join(root, "missing")}: not a sources folder: no such file`,
    );
    expect(refusal(() => sourceFolders(join(root, "file")))).toBe(
      `${join(root, "file")}: not a sources folder: not a folder`,
    );
    mkdirSync(join(root, "empty"));
    expect(refusal(() => sourceFolders(join(root, "empty")))).toMatch(/empty: no source folder in it/);
    mkdirSync(join(root, "empty", "b"));
    mkdirSync(join(root, "empty", "a"));
    expect(sourceFolders(join(root, "empty"))).toEqual(["a", "b"]);
  });
});
