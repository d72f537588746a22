/**
 * A text file read twice, a block at a time through one buffer, so that memory stays one block whatever the
 * file's size: the first pass checks its bytes by the pipeline's one rule for text (checkUtf8Text's rule and
 * message: no NUL byte, valid UTF-8), the second hands the text over piece by piece, each block compared with
 * the first pass's digest of it before it is used. A bad byte is refused before anything is read for use (a
 * refusal costs one pass, no more than a success), and a file changed between the passes is refused at the
 * first block that differs, never read half old, half new.
 */
import { closeSync, readSync } from "node:fs";
import { isAscii, isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { PipelineError } from "./errors.ts";
import { cannotRead, firstInvalidByte, openRegularFile } from "./input-files.ts";

/** Whole characters of a file's text, in order. */
export interface TextPiece {
  text: string;
  /** Whether it holds a character beyond the Basic Multilingual Plane, two UTF-16 units (false saves a search). */
  astral: boolean;
}

export interface TextFileOptions {
  maxBytes: number;
  /** Bytes read at a time (tests make it tiny, to cut characters and lines everywhere). */
  blockBytes?: number;
}

/**
 * Bytes read at a time: text decoded from at most this many bytes (two bytes per character at worst), and joined
 * with the start of a paragraph the block before left open, stays below the size at which V8 puts a string in its
 * large-object space, where each one costs fresh memory (64 KiB blocks normalize a third slower).
 */
const BLOCK_BYTES = 1 << 15;

export class TextFile {
  readonly #fd: number;
  readonly #file: string;
  readonly #blockBytes: number;
  /** SHA-256 of each block, as the first pass read it. */
  readonly #digests: Buffer[] = [];

  /**
   * Opens a regular file of at most `maxBytes` and checks it whole.
   * @throws PipelineError naming the file when it cannot be read or is not text.
   */
  constructor(file: string, { maxBytes, blockBytes = BLOCK_BYTES }: TextFileOptions) {
    this.#file = file;
    this.#blockBytes = blockBytes;
    this.#fd = openRegularFile(file, maxBytes);
    try {
      this.#check(maxBytes);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  close(): void {
    closeSync(this.#fd);
  }

  /**
   * The file's text, a piece at a time, each piece whole characters (no piece ends inside a character).
   * @throws PipelineError when a block differs from what the first pass read: the file changed meanwhile.
   */
  *pieces(): Generator<TextPiece> {
    const blocks = new Blocks(this.#blockBytes);
    for (let block = 0; ; block++) {
      const read = blocks.read(this.#fd, this.#file, block);
      const expected = this.#digests[block];
      if (read === 0 && expected === undefined) break;
      if (expected === undefined || !digest(blocks.block()).equals(expected)) throw this.#changed();
      yield blocks.piece();
    }
    if (blocks.leftover > 0) throw this.#changed();
  }

  /** The first pass: digests each block and refuses the first NUL byte, else the first invalid UTF-8 sequence. */
  #check(maxBytes: number): void {
    const blocks = new Blocks(this.#blockBytes);
    let invalidAt = -1;
    let total = 0;
    for (let block = 0; ; block++) {
      const read = blocks.read(this.#fd, this.#file, block);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw this.#refused(`more than the limit of ${maxBytes} bytes for this file`);
      const nul = blocks.block().indexOf(0);
      if (nul >= 0) throw this.#refused(`not text: a NUL byte at byte ${blocks.blockStart + nul}`);
      if (invalidAt >= 0) continue; // only a NUL, which is named first, is still looked for
      this.#digests.push(digest(blocks.block()));
      invalidAt = blocks.firstInvalid(false);
    }
    if (invalidAt < 0) invalidAt = blocks.firstInvalid(true);
    if (invalidAt >= 0) throw this.#refused(`not UTF-8 text: an invalid byte sequence at byte ${invalidAt}`);
  }

  #changed(): PipelineError {
    return this.#refused("changed while it was being read: run the command again");
  }

  #refused(message: string): PipelineError {
    return new PipelineError(message, { file: this.#file });
  }
}

function digest(bytes: Uint8Array): Buffer {
  return createHash("sha256").update(bytes).digest();
}

/**
 * Blocks of a file read into one reused buffer, the bytes of a character cut by a block's end carried to the
 * front for the next block, so that what is checked and decoded is always whole characters.
 */
class Blocks {
  readonly #buffer: Buffer;
  readonly #blockBytes: number;
  /** File offset of the buffer's first byte. */
  #bufferStart = 0;
  /** Bytes carried from the block before, at the front of the buffer. */
  #carried = 0;
  /** Bytes of the block read last, after them. */
  #read = 0;
  /** End of the whole characters in the buffer. */
  #whole = 0;

  constructor(blockBytes: number) {
    this.#blockBytes = blockBytes;
    this.#buffer = Buffer.allocUnsafe(blockBytes + 3);
  }

  /** Bytes after the whole characters: a character the file's end cuts, once the last block is read. */
  get leftover(): number {
    return this.#carried + this.#read - this.#whole;
  }

  /** The file offset of the leftover bytes. */
  get leftoverStart(): number {
    return this.#bufferStart + this.#whole;
  }

  /** Reads block `index` after the bytes carried from the one before; returns its length, 0 past the end. */
  read(fd: number, file: string, index: number): number {
    const buffer = this.#buffer;
    const carried = this.leftover;
    buffer.copyWithin(0, this.#whole, this.#whole + carried);
    this.#bufferStart = this.leftoverStart;
    this.#carried = carried;
    const position = index * this.#blockBytes;
    let read = 0;
    try {
      for (let n = -1; n !== 0 && read < this.#blockBytes; read += n)
        n = readSync(fd, buffer, carried + read, this.#blockBytes - read, position + read);
    } catch (error) {
      throw new PipelineError(cannotRead(error), { file });
    }
    this.#read = read;
    this.#whole = wholeCharactersEnd(buffer, carried + read);
    return read;
  }

  /** The block read last, as the file holds it. */
  block(): Buffer {
    return this.#buffer.subarray(this.#carried, this.#carried + this.#read);
  }

  /** The file offset of the block read last. */
  get blockStart(): number {
    return this.#bufferStart + this.#carried;
  }

  /**
   * The file offset of the first invalid byte sequence read so far, or -1; `atEnd` past the last block, where a
   * character the file's end cuts is invalid too.
   */
  firstInvalid(atEnd: boolean): number {
    if (isUtf8(this.#buffer.subarray(0, this.#whole)) && !(atEnd && this.leftover > 0)) return -1;
    // Where a decoder reading the whole file would stop (all before the buffer is whole characters).
    return this.#bufferStart + firstInvalidByte(this.#buffer.subarray(0, this.#carried + this.#read));
  }

  /** The whole characters as text. */
  piece(): TextPiece {
    const whole = this.#buffer.subarray(0, this.#whole);
    // Latin-1 decodes ASCII many times faster than UTF-8 does, to the same text.
    if (isAscii(whole)) return { text: whole.toString("latin1"), astral: false };
    // Only a four-byte sequence, led by one of these bytes, is a character beyond the BMP.
    let astral = false;
    for (let lead = 0xf0; lead <= 0xf4 && !astral; lead++) astral = whole.includes(lead);
    return { text: whole.toString("utf8"), astral };
  }
}

/**
 * The end of the last whole character in bytes[0, end): a lead byte whose sequence the end cuts waits for the
 * next block. An invalid byte counts as whole, for the check to find.
 */
function wholeCharactersEnd(bytes: Uint8Array, end: number): number {
  let lead = end - 1;
  while (lead > end - 4 && lead > 0 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return end;
  const code = bytes[lead]!;
  const length = code >= 0xf0 && code < 0xf8 ? 4 : code >= 0xe0 && code < 0xf0 ? 3 : code >= 0xc0 ? 2 : 1;
  return lead + length > end ? lead : end;
}
