import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runCommand } from "../../pipeline/commands/index.ts";
import { memoryIo } from "../../pipeline/io/command-io.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const MEMO_DIR = join(ROOT, "sources", "ponars-pm-428");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command and arguments that run the project's command line with `args`, as a user would. */
export function cliCommand(...args: string[]): [string, string[]] {
  return [process.execPath, ["--import", "tsx", join(ROOT, "pipeline", "cli.ts"), ...args]];
}

/** Runs the project's command line as a user would, in a child process. */
export function runCli(...args: string[]): CliResult {
  return runCliWith({}, ...args);
}

/** The command line with extra environment variables (a crash point, a temporary folder). */
export function runCliWith(
  env: Record<string, string>,
  ...args: string[]
): CliResult & { signal: NodeJS.Signals | null } {
  const result = spawnSync(...cliCommand(...args), {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    // A safety net against a hang (a FIFO read): such a run fails instead of stalling the suite.
    timeout: 60_000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A child process run to its end without blocking, so that several can run at once; its output collected. */
export function collect(
  command: string,
  args: string[],
  { cwd, env = {} }: { cwd: string; env?: Record<string, string> },
): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** The command line in a child process without blocking. */
export function runCliAsync(
  env: Record<string, string>,
  ...args: string[]
): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return collect(...cliCommand(...args), { cwd: ROOT, env });
}

/**
 * Runs a command in this process, as the command line would run it but without starting Node and tsx again:
 * for tests of what a command does, where the process itself (its exit, its streams) is not what is tested.
 */
export async function runInProcess(...args: string[]): Promise<CliResult> {
  return runInProcessAt(ROOT, ...args);
}

/** The same, with `root` as the repository the command works in (a release in a copy of the repository). */
export async function runInProcessAt(root: string, ...args: string[]): Promise<CliResult> {
  const io = memoryIo();
  const status = await runCommand(args, io, { root });
  return { status, stdout: io.stdout, stderr: io.stderr };
}

/** A process id that ran and is gone. */
export function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

/** The stderr lines of a run, without the trailing empty line. */
export function errorLines(result: CliResult): string[] {
  return result.stderr.split("\n").filter((line) => line !== "");
}

/** A Node stack frame or an uncaught error's banner: what a user must never see for an input error. */
export const STACK_TRACE = /^\s+at |^\w*Error(\s\[\w+\])?: |node:internal/m;

/** A copy of the sources folder, changed by `edit`, and an output folder holding a previous build's marker. */
export function brokenSources(edit: (sourceDir: string) => void): { sourcesDir: string; outDir: string } {
  const root = mkdtempSync(join(tmpdir(), "rdd-"));
  const sourcesDir = join(root, "sources");
  cpSync(join(ROOT, "sources"), sourcesDir, { recursive: true });
  edit(join(sourcesDir, "ponars-pm-428"));
  const outDir = join(root, "dist");
  cpSync(join(ROOT, "dist"), outDir, { recursive: true });
  return { sourcesDir, outDir };
}

/** Replaces the `count` occurrences of `from` in a file; fails loudly when the fixture no longer matches. */
export function replaceIn(file: string, from: string, to: string, count = 1): void {
  const parts = readFileSync(file, "utf8").split(from);
  if (parts.length - 1 !== count)
    throw new Error(`fixture: "${from}" stands ${parts.length - 1} times in ${file}, not ${count}`);
  writeFileSync(file, parts.join(to));
}

/** Every file under `dir` with its bytes, to compare folders before and after; `keep` filters paths below `dir`. */
export function snapshot(dir: string, keep: (path: string) => boolean = () => true): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (!keep(relative(dir, path))) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, "latin1");
    }
  };
  walk(dir);
  return files;
}
