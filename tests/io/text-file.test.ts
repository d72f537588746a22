/**
 * A text file read twice, a block at a time: the first pass refuses what the one text rule refuses (decodeUtf8Text,
 * same message), the second gives the same text in pieces, and a file changed between the passes is refused.
 * Tiny blocks cut characters everywhere.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { decodeUtf8Text } from "../../pipeline/io/input-files.ts";
import { TextFile } from "../../pipeline/io/text-file.ts";

const scratch = mkdtempSync(join(tmpdir(), "rdd-text-file-"));

/** The file's text as TextFile reads it in blocks of `blockBytes`, or the one line it refuses it with. */
function readInBlocks(bytes: Uint8Array, blockBytes: number): string {
  const file = join(scratch, "text.txt");
  writeFileSync(file, bytes);
  try {
    const text = new TextFile(file, { maxBytes: 1 << 20, blockBytes });
    try {
      const pieces = [...text.pieces()];
      for (const piece of pieces) {
        // No piece ends inside a character: each is well-formed on its own; one with a surrogate pair says so.
        expect(piece.text).not.toMatch(/\p{Surrogate}/u);
        if (/[\u{10000}-\u{10FFFF}]/u.test(piece.text)) expect(piece.astral).toBe(true);
      }
      return pieces.map((piece) => piece.text).join("");
    } finally {
      text.close();
    }
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    return `refused: ${String(error).replace(file, "FILE")}`;
  }
}

/** What the one text rule gives for the same bytes. */
function decodedWhole(bytes: Uint8Array): string {
  try {
    return decodeUtf8Text(bytes, "FILE");
  } catch (error) {
    return `refused: ${String(error)}`;
  }
}

const characters = fc.constantFrom(
  ..."ab \n\r\0",
  "é",
  "€",
  "😀",
  "\uFEFF",
  ...[[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf0, 0x9f], [0x80]].map((b) => Buffer.from(b)),
);
const byteStrings = fc
  .array(characters, { maxLength: 40 })
  .map((parts) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part))));

describe("TextFile", () => {
  it("reads in blocks of any size what the whole file decodes to, and refuses what it refuses, alike", () => {
    fc.assert(
      fc.property(
        fc.oneof(byteStrings, fc.uint8Array({ maxLength: 24 })),
        fc.integer({ min: 1, max: 9 }),
        (bytes, size) => {
          expect(readInBlocks(bytes, size)).toBe(decodedWhole(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("names the first NUL byte before an invalid sequence, wherever each is", () => {
    const bytes = Buffer.concat([
      Buffer.from("ab"),
      Buffer.from([0xff]),
      Buffer.from("c".repeat(100)),
      Buffer.from([0]),
    ]);
    expect(readInBlocks(bytes, 8)).toBe("refused: FILE: not text: a NUL byte at byte 103");
  });

  it("refuses a file changed between the check and the reading, at the first block that differs", () => {
    const file = join(scratch, "changing.txt");
    const line = "Trade rose 5 percent in 2015.\n";
    writeFileSync(file, line.repeat(100));
    for (const change of ["Trade rose 6 percent in 2015.\n", "", "\n".repeat(4000)]) {
      const text = new TextFile(file, { maxBytes: 1 << 20, blockBytes: 64 });
      const pieces = text.pieces();
      expect(pieces.next().value?.text).toBe(line.repeat(3).slice(0, 64));
      writeFileSync(
        file,
        "Trade rose 5 percent in 2015.\n".repeat(50) + change + "Trade rose 5 percent in 2015.\n".repeat(49),
      );
      expect(() => [...pieces]).toThrow(/changed while it was being read/);
      text.close();
      writeFileSync(file, "Trade rose 5 percent in 2015.\n".repeat(100));
    }
  });
});
