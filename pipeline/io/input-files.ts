/**
 * Reading the pipeline's input files safely: only regular files (a FIFO would hang the build, a device never
 * end), up to a size limit, optionally confined to a folder (no `..`, no absolute path, no symlink leading out),
 * and decoded by one rule for every command: UTF-8 and no NUL byte. Each refusal is a PipelineError naming the
 * file.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { isUtf8 } from "node:buffer";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { PipelineError } from "./errors.ts";

/** Larger than any text or curated file the pipeline is meant for, small enough to refuse a runaway file at once. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  /** The folder the file must stay inside, symlinks resolved. */
  within?: string;
}

/** The bytes of a regular file, or a PipelineError saying why it cannot be read. */
export function readInputFile(file: string, { maxBytes = MAX_INPUT_BYTES, within }: ReadOptions = {}): Buffer {
  if (within !== undefined) confine(file, within);
  const fd = openRegularFile(file, maxBytes);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A descriptor of `file` opened for reading, once it is known to be a regular file of at most `maxBytes`, or a
 * PipelineError saying why it cannot be read.
 */
export function openRegularFile(file: string, maxBytes: number): number {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting; fstat then refuses it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new PipelineError(cannotRead(error), { file });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new PipelineError(`not a regular file (${kindOf(stats)})`, { file });
    if (stats.size > maxBytes)
      throw new PipelineError(`${stats.size} bytes, more than the limit of ${maxBytes} for this file`, { file });
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** A file's text by the one rule of the pipeline: valid UTF-8 without NUL bytes, a byte-order mark kept as text. */
export function readTextFile(file: string, options: ReadOptions = {}): string {
  return decodeUtf8Text(readInputFile(file, options), file);
}

/**
 * Text as every command reads it: valid UTF-8 and no NUL byte, else a PipelineError naming the file and the
 * byte. A byte-order mark is kept, so that offsets count every character of the file.
 */
export function decodeUtf8Text(bytes: Uint8Array, file: string): string {
  checkUtf8Text(bytes, file);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/** Refuses what decodeUtf8Text refuses, without decoding: for a caller that decodes the text a piece at a time. */
export function checkUtf8Text(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new PipelineError(`not text: a NUL byte at byte ${nul}`, { file });
  if (!isUtf8(bytes))
    throw new PipelineError(`not UTF-8 text: an invalid byte sequence at byte ${firstInvalidByte(bytes)}`, { file });
}

/**
 * The source folders inside `sourcesDir`, sorted; refuses a missing, unreadable or empty folder. A hidden folder
 * (`.name`) is no source: add-source writes a new one there before it moves it into place.
 */
export function sourceFolders(sourcesDir: string): string[] {
  let folders: string[];
  try {
    folders = readdirSync(sourcesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new PipelineError(`not a sources folder: ${cannotRead(error)}`, { file: sourcesDir });
  }
  if (folders.length === 0)
    throw new PipelineError("no source folder in it (each source is a folder with a source.json)", {
      file: sourcesDir,
    });
  return folders;
}

/** Refuses a path that leads out of `folder`, by its name or through a symlink. */
function confine(file: string, folder: string): void {
  const outside = (path: string, root: string) => {
    const rel = relative(root, path);
    return rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  };
  if (outside(resolve(file), resolve(folder))) throw new PipelineError(`leads out of its folder ${folder}`, { file });
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    throw new PipelineError(cannotRead(error), { file });
  }
  if (outside(real, realpathSync(folder)))
    throw new PipelineError(`a symlink leading out of its folder ${folder}, to ${real}`, { file });
}

export function cannotRead(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "cannot read it (permission denied)";
  if (code === "ENOTDIR") return "not a folder";
  if (code === "ELOOP") return "cannot read it (too many levels of symbolic links)";
  return `cannot read it (${code ?? String(error)})`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a file";
}

/** Where strict UTF-8 decoding first fails, for the message. */
export function firstInvalidByte(bytes: Uint8Array): number {
  // A streamed prefix may end inside a character without failing, so "the prefix decodes" is monotone: bisect.
  const decodes = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (decodes(middle)) low = middle;
    else high = middle - 1;
  }
  if (low < bytes.length) return low;
  // Every prefix decodes: the text ends inside a character, which starts at its lead byte.
  let start = bytes.length - 1;
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start--;
  return start;
}

/** Whether anything is at `path`, a dangling symlink included. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
