/**
 * Failures of the file system that no input can prevent (a full disk, a read-only mount, a mount point, a name
 * too long), told in one line: the path, what happened, and what to do. A command that knows more (that the old
 * output is untouched, how much space it needs) says so in its own words with `what` and `advice`.
 */
import { PipelineError } from "./errors.ts";

const KNOWN: Readonly<Record<string, { what: string; advice: string }>> = {
  ENOSPC: { what: "no space left on the device", advice: "free some space there and run the command again" },
  EDQUOT: { what: "the disk quota is used up", advice: "free some space there and run the command again" },
  EROFS: {
    what: "the file system is read-only",
    advice: "make it writable or choose a folder on a writable one",
  },
  EACCES: { what: "permission denied", advice: "check the folder's permissions or choose another folder" },
  EPERM: { what: "operation not permitted", advice: "check the folder's permissions or choose another folder" },
  EBUSY: {
    what: "busy (a mount point, or a file another program holds)",
    advice: "choose a folder that is not a mount point, or close the program that holds it",
  },
  EXDEV: {
    what: "on another file system (a mount point), where a file cannot be moved in one step",
    advice: "choose a folder on the same file system",
  },
  ENAMETOOLONG: { what: "a name too long for the file system", advice: "use a shorter name or path" },
  EMFILE: { what: "too many open files", advice: "raise the limit (ulimit -n) or close other programs" },
  ENFILE: { what: "too many open files on the system", advice: "close other programs and run the command again" },
  EIO: { what: "an input/output error (a failing disk or network share)", advice: "check the disk" },
};

/** An error of the file system itself, not of the program: what a full disk or a read-only mount throws. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === "string" && code in KNOWN;
}

/** What the error's code means, in words, with the code: "no space left on the device (ENOSPC)". */
export function whatHappened({ code, message }: { code?: string; message?: string }): string {
  return `${(code && KNOWN[code]?.what) ?? message} (${code})`;
}

/** What a user can do about the error's code. */
export function adviceFor({ code }: { code?: string }): string {
  return (code && KNOWN[code]?.advice) ?? "run the command again";
}

/** The error as one line naming `file` (the error's own path by default): what happened and what to do. */
export function fileSystemProblem(error: NodeJS.ErrnoException, file = error.path ?? "?"): PipelineError {
  return new PipelineError(`${whatHappened(error)}: ${adviceFor(error)}`, { file });
}

/** The C library's words for the codes above, as another program (a compiler) prints them. */
const STRERROR: Readonly<Record<string, string>> = {
  "no space left on device": "ENOSPC",
  "disk quota exceeded": "EDQUOT",
  "read-only file system": "EROFS",
  "permission denied": "EACCES",
  "operation not permitted": "EPERM",
  "input/output error": "EIO",
};

/** The code whose words another program's message holds, if any. */
export function codeInMessage(message: string): string | undefined {
  const lower = message.toLowerCase();
  return Object.entries(STRERROR).find(([words]) => lower.includes(words))?.[1];
}
