/**
 * Every command of the command line, given bad arguments: a short message, exit code 2 (or 1 for an input file
 * that cannot be read), and never a stack trace.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cliCommand,
  errorLines,
  ROOT,
  runCli,
  runCliWith,
  runInProcess,
  STACK_TRACE,
  type CliResult,
} from "./helpers/cli.ts";

const cases: { args: string[]; status: number; says: RegExp }[] = [
  { args: ["build", "--bogus"], status: 2, says: /^cli\.ts build: Unknown option '--bogus' \(usage: cli\.ts build / },
  { args: ["build", "--out"], status: 2, says: /^cli\.ts build: Option '--out <value>' argument missing/ },
  { args: ["build", "positional"], status: 2, says: /^cli\.ts build: Unexpected argument 'positional'/ },
  { args: ["build", "--cold=yes"], status: 2, says: /^cli\.ts build: Option '--cold' does not take an argument/ },
  { args: ["extract"], status: 2, says: /^usage:/ },
  {
    args: ["extract", "--bogus", "README.md"],
    status: 2,
    says: /^cli\.ts extract: Unknown option '--bogus' \(usage: cli\.ts extract FILE/,
  },
  { args: ["extract", join(ROOT, "no-such-file.txt")], status: 1, says: /no-such-file\.txt/ },
  {
    args: ["extract", "README.md", "--date", "May 2016"],
    status: 2,
    says: /^extract: --date must be a real calendar month or day, YYYY-MM or YYYY-MM-DD, not "May 2016"$/m,
  },
  {
    args: ["release"],
    status: 2,
    says: /^cli\.ts release: expected major, minor or patch \(usage: cli\.ts release major\|minor\|patch/,
  },
  {
    args: ["release", "huge"],
    status: 2,
    says: /^cli\.ts release: expected major, minor or patch \(usage: cli\.ts release major\|minor\|patch/,
  },
  {
    args: ["add-source", "--bogus"],
    status: 2,
    says: /^cli\.ts add-source: Unknown option '--bogus' \(usage: cli\.ts add-source ID TEXT-FILE/,
  },
  {
    args: ["release", "patch", "--bogus"],
    status: 2,
    says: /^cli\.ts release: Unknown option '--bogus' \(usage: cli\.ts release /,
  },
  {
    args: ["release", "patch", "--date"],
    status: 2,
    says: /^cli\.ts release: Option '--date <value>' argument missing/,
  },
  {
    args: ["verify", "--bogus"],
    status: 2,
    says: /^cli\.ts verify: Unknown option '--bogus' \(usage: cli\.ts verify\)$/m,
  },
  { args: ["verify", "extra"], status: 2, says: /^cli\.ts verify: Unexpected argument 'extra'/ },
  { args: ["tag-releases", "extra"], status: 2, says: /^cli\.ts tag-releases: Unexpected argument 'extra'/ },
  { args: ["diff", "2.0.0"], status: 2, says: /^cli\.ts diff: expected two releases, FROM and TO/ },
  {
    args: ["unknown"],
    status: 2,
    says: new RegExp(
      String.raw`^cli\.ts: unknown command "unknown" \(commands: ` +
        String.raw`build, extract, add-source, release, verify, release-assets, diff, tag-releases; --help for the usage\)$`,
      "m",
    ),
  },
  { args: [], status: 2, says: /^usage:/ },
];

function expectRefusal(result: CliResult, { status, says }: (typeof cases)[number]): void {
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).toMatch(says);
  // The usage, one line per command, is the longest refusal.
  expect(errorLines(result).length).toBeLessThanOrEqual(9);
  expect(result.stdout).toBe("");
  expect(result.status).toBe(status);
}

describe("the commands with bad arguments", () => {
  it.each(cases)("$args: a short message, exit $status, no stack trace", async (refusal) => {
    expectRefusal(await runInProcess(...refusal.args), refusal);
  });
});

describe("the command line with bad arguments, as a process", () => {
  // A few of the cases above through node and tsx: the process prints the same line and exits with the code.
  const asProcess = cases.filter(({ args }) =>
    ["build --bogus", "extract " + join(ROOT, "no-such-file.txt"), "unknown"].includes(args.join(" ")),
  );

  it.concurrent.each(asProcess)("$args: a short message, exit $status, no stack trace", async (refusal) => {
    expectRefusal(runCli(...refusal.args), refusal);
  });

  it("runs three of them", () => {
    expect(asProcess).toHaveLength(3);
  });
});

describe("a reader that stops early", () => {
  it("closing extract's output after its first bytes ends the command quietly, exit 0", async () => {
    const child = spawn(...cliCommand("extract", join(ROOT, "sources", "ponars-pm-428", "memo.txt")), { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});

describe("a relative path", () => {
  it("means the folder the user typed it in (npm's INIT_CWD), for extract as for add-source", () => {
    const folder = mkdtempSync(join(tmpdir(), "rdd-user-"));
    writeFileSync(join(folder, "note.txt"), "It cost $5 million in 2015.");
    const result = runCliWith({ INIT_CWD: folder }, "extract", "note.txt");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect((JSON.parse(result.stdout) as { text: string }[]).map((m) => m.text)).toEqual(["$5 million", "2015"]);
  });
});
