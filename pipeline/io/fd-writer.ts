/**
 * Text to a file descriptor (standard output) synchronously: bytes as they are given, strings through one buffer
 * reused for every write. `process.stdout.write(string)` encodes each string into a buffer of its own, and fresh
 * memory is what a large output costs most. A reader that has gone (EPIPE) ends the writing quietly: see `closed`.
 */
import { writeSync } from "node:fs";
import { PipelineError } from "./errors.ts";

export class FdWriter {
  readonly #fd: number;
  readonly #name: string;
  #buffer = Buffer.allocUnsafe(1 << 16);
  #closed = false;

  constructor(fd: number, name: string) {
    this.#fd = fd;
    this.#name = name;
  }

  /** The reader closed the pipe: nobody wants the rest, and writes are dropped. */
  get closed(): boolean {
    return this.#closed;
  }

  /** @throws PipelineError when the output cannot be written (a full disk), naming it. */
  write(text: string | Uint8Array): void {
    if (this.#closed) return;
    if (typeof text !== "string") {
      this.#writeBytes(text);
      return;
    }
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (3 * text.length > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(3 * text.length);
    const length = this.#buffer.write(text, 0, "utf8");
    this.#writeBytes(this.#buffer.subarray(0, length));
  }

  #writeBytes(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(this.#fd, bytes, done, bytes.length - done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          pause(1); // a non-blocking pipe is full: wait for its reader
        } else if (code === "EPIPE") {
          this.#closed = true;
          return;
        } else {
          throw new PipelineError(`cannot write: ${(error as Error).message}`, { file: this.#name });
        }
      }
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
