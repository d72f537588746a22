/**
 * Where a command writes: its output as it comes (standard output, through one reused buffer: see
 * fd-writer.ts) and its messages one line each (standard error). The command line gives a command the process's
 * own streams; tests run commands in-process with a CommandIo that keeps what they write.
 */
import { FdWriter } from "./fd-writer.ts";

export interface CommandIo {
  /** Text to standard output, as it comes (bytes: UTF-8 text, whole characters). */
  write(text: string | Uint8Array): void;
  /** True once nobody reads standard output (a closed pipe): the rest is not worth computing. */
  closed(): boolean;
  /** One line to standard error. */
  error(line: string): void;
}

export function processIo(): CommandIo {
  const stdout = new FdWriter(1, "standard output");
  return {
    write: (text) => stdout.write(text),
    closed: () => stdout.closed,
    error: (line) => process.stderr.write(`${line}\n`),
  };
}

/** A CommandIo that keeps what a command writes, for running it in-process. */
export function memoryIo(): CommandIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    write: (text: string | Uint8Array) => {
      io.stdout +=
        typeof text === "string" ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString();
    },
    closed: () => false,
    error: (line: string) => {
      io.stderr += `${line}\n`;
    },
  };
  return io;
}
