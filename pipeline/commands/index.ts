/**
 * The commands: `build` runs the pipeline into dist/; `extract FILE` prints the mentions of any text as JSON;
 * `add-source`, `release`, `verify` and `release-assets` as their usage says. Input errors print one line each
 * (the first 20, then a count) and give exit code 1, as does a failing disk (full, read-only, a mount point); a
 * wrong command or option prints one line and gives 2; never a stack trace. `--help` prints the usage. Each command
 * runs in-process on the CommandIo it is given, and returns its exit code.
 *
 * Every command that reads or writes an output folder first finishes what a killed publish left there (see
 * publish/write-atomically.ts): `build` its --out, the others the repository's dist/. (`extract` reads only the
 * file it is given.)
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseIsoDate } from "../extract/calendar.ts";
import type { CommandIo } from "../io/command-io.ts";
import { PipelineError, PipelineErrors, reportLines } from "../io/errors.ts";
import { fileSystemProblem, isFileSystemError } from "../io/file-system-errors.ts";
import { readPackageJson } from "../io/json-file.ts";
import { userPath } from "../io/user-path.ts";

export const USAGE = `usage:
  cli.ts build [--sources DIR] [--out DIR] [--docs] [--cold]
  cli.ts extract FILE [--date YYYY-MM[-DD]] [--format NAME]
  cli.ts add-source ID TEXT-FILE [--sources DIR] [--format NAME] [--date YYYY-MM-DD]
  cli.ts release major|minor|patch [--date YYYY-MM-DD]
  cli.ts verify
  cli.ts release-assets [--out DIR]
  cli.ts diff FROM TO
  cli.ts tag-releases`;

/** The repository the commands work in by default: this one. */
const ROOT = join(import.meta.dirname, "..", "..");

export interface CommandOptions {
  /** The repository a release, verify or release-assets works in; this one by default. */
  root?: string;
}

/**
 * Runs one command line (`build --out dist`, ...) and returns its exit code; an input error is reported, not thrown.
 */
export async function runCommand(argv: string[], io: CommandIo, { root = ROOT }: CommandOptions = {}): Promise<number> {
  try {
    return await dispatch(argv, io, root);
  } catch (error) {
    if (error instanceof PipelineError || error instanceof PipelineErrors) {
      for (const line of reportLines(error instanceof PipelineErrors ? error.errors : [error])) io.error(line);
      return 1;
    }
    if (isArgumentError(error)) {
      // parseArgs says what is wrong in its first sentence; the command's usage line says what is right.
      const problem = error.message.split(". ")[0]!.replace(/\.$/, "");
      const usage = usageOf(argv[0]);
      io.error(`cli.ts ${argv[0]}: ${problem}${usage ? ` (usage: ${usage})` : ""}`);
      return 2;
    }
    // The disk failed where no command foresaw it: one line naming the path, what happened and what to do.
    if (isFileSystemError(error)) {
      io.error(String(fileSystemProblem(error)));
      return 1;
    }
    throw error;
  }
}

const COMMANDS = ["build", "extract", "add-source", "release", "verify", "release-assets", "diff", "tag-releases"];

async function dispatch(argv: string[], io: CommandIo, root: string): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.error(USAGE);
    return 2;
  }
  if (isHelp(command) || command === "help") {
    io.write(`${USAGE}\n`);
    return 0;
  }
  if (!COMMANDS.includes(command)) {
    io.error(`cli.ts: unknown command "${command}" (commands: ${COMMANDS.join(", ")}; --help for the usage)`);
    return 2;
  }
  if (rest.length === 1 && isHelp(rest[0]!)) {
    io.write(`usage: ${usageOf(command)}\n`);
    return 0;
  }
  if (command === "build") return runBuild(rest, io, root);
  // Loaded on use, so that `extract` starts without Zod, YAML or the CSV writer.
  if (command === "extract") return (await import("./extract.ts")).runExtract(rest, io);
  await recoverOutput(join(root, "dist"));
  if (command === "add-source") return (await import("./add-source.ts")).runAddSource(rest, io);
  if (command === "release") return runRelease(rest, io, root);
  if (command === "verify") {
    parseArgs({ args: rest, options: {} });
    return runVerify(io, root);
  }
  if (command === "diff") return runDiff(rest, io, root);
  if (command === "tag-releases") {
    parseArgs({ args: rest, options: {} });
    return runTagReleases(io, root);
  }
  return runReleaseAssets(rest, io, root);
}

/** `--help` or `-h`; a command's own argument such as a file named "help" is not. */
function isHelp(arg: string): boolean {
  return arg === "--help" || arg === "-h";
}

/** Finishes what a killed publish into `outDir` left, before a command reads or replaces it. */
async function recoverOutput(outDir: string): Promise<void> {
  const { recoverInterruptedPublish } = await import("../publish/write-atomically.ts");
  recoverInterruptedPublish(outDir);
}

async function runBuild(args: string[], io: CommandIo, root: string): Promise<number> {
  const { values: given } = parseArgs({
    args,
    options: {
      sources: { type: "string" },
      out: { type: "string" },
      docs: { type: "boolean", default: false },
      cold: { type: "boolean", default: false },
    },
  });
  // The defaults are the package's own folders; a path given is the user's.
  const values = {
    ...given,
    sources: given.sources === undefined ? join(root, "sources") : userPath(given.sources),
    out: given.out === undefined ? join(root, "dist") : userPath(given.out),
  };
  const started = performance.now();
  // Before anything else: finish what a killed build left, and refuse an --out that is not ours to replace.
  await recoverOutput(values.out);
  const { checkReplaceable } = await import("../publish/write-atomically.ts");
  checkReplaceable(values.out, readPackageJson(root).name);
  // Loaded here so that `extract` starts without Zod, YAML or the CSV writer.
  const { build } = await import("../build.ts");
  const report = await build({
    sourcesDir: values.sources,
    outDir: values.out,
    cache: !values.cold,
    root,
    warn: (line) => io.error(line),
  });
  const shown = given.out === undefined ? "dist" : values.out;
  const { tables } = report;
  const mentions = tables.mentions.rows;
  io.write(
    `built ${shown}/ in ${Math.round(performance.now() - started)} ms from ${tables.sources.rows.length} source(s)\n`,
  );
  io.write(
    `  figures ${tables.figures.rows.length}, events ${tables.events.rows.length}, mentions ${mentions.length}\n`,
  );
  for (const [kind, users] of [
    ["quantity", "used by figures"],
    ["time", "dating records"],
  ] as const) {
    const ofKind = mentions.filter((m) => m.kind === kind);
    const used = ofKind.filter((m) => m.used_by.length > 0).length;
    const dismissed = ofKind.filter((m) => m.dismissed !== null).length;
    io.write(`  ${kind} mentions: ${ofKind.length}, ${users} ${used}, dismissed ${dismissed}, coverage 100%\n`);
  }
  for (const d of mentions)
    if (d.dismissed !== null) io.write(`  dismissed ${d.source_id}@${d.char_start} "${d.text}": ${d.dismissed}\n`);
  if (values.docs) {
    const { writeDocs } = await import("../render/docs.ts");
    const changed = await writeDocs(root, report);
    if (changed.length > 0) io.write(`  updated ${changed.join(", ")}\n`);
  }
  return 0;
}

async function runRelease(args: string[], io: CommandIo, root: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { date: { type: "string" } } });
  const [bump] = positionals;
  if (positionals.length !== 1 || (bump !== "major" && bump !== "minor" && bump !== "patch")) {
    io.error(`cli.ts release: expected major, minor or patch (usage: ${usageOf("release")})`);
    return 2;
  }
  if (values.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || parseIsoDate(values.date) === null)) {
    io.error(`cli.ts release: --date must be a real date in the form YYYY-MM-DD, not ${JSON.stringify(values.date)}`);
    return 2;
  }
  const { release } = await import("../release/release.ts");
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  const result = await release(root, bump, date);
  if (result.resumed)
    io.write(
      `finished release ${result.version}, which an earlier run had staged when it was interrupted; nothing else ` +
        `was released\n`,
    );
  io.write(
    `released ${result.version} (${result.bump}; the changes needed at least ${result.required ?? "nothing"}), ` +
      `previous release ${result.previous ?? "none"}\n`,
  );
  io.write(
    `wrote releases/${result.version}.json, CHANGELOG.md, package.json, package-lock.json, CITATION.cff and ` +
      `dist/, committed them and tagged the commit v${result.version} (push it with git push origin ` +
      `v${result.version})\n\n`,
  );
  io.write(`${result.entry}\n`);
  return 0;
}

async function runReleaseAssets(args: string[], io: CommandIo, root: string): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  const { writeReleaseAssets, ASSETS_DIR } = await import("../release/assets.ts");
  const out = values.out === undefined ? join(root, ASSETS_DIR) : userPath(values.out);
  const written = writeReleaseAssets(root, out);
  io.write(`wrote ${written.join(", ")} to ${out}\n`);
  return 0;
}

async function runDiff(args: string[], io: CommandIo, root: string): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 2) {
    io.error(`cli.ts diff: expected two releases, FROM and TO (usage: ${usageOf("diff")})`);
    return 2;
  }
  const { diffReleases, releaseVersion } = await import("../release/diff-releases.ts");
  const [from, to] = positionals.map((argument) => releaseVersion(root, argument));
  for (const checked of [from!, to!]) {
    if ("problem" in checked) {
      io.error(`cli.ts diff: ${checked.problem}`);
      return 2;
    }
  }
  io.write(diffReleases(root, (from as { version: string }).version, (to as { version: string }).version));
  return 0;
}

async function runTagReleases(io: CommandIo, root: string): Promise<number> {
  const { tagReleases } = await import("../release/tags.ts");
  const { lines, problems } = tagReleases(root);
  for (const line of lines) io.write(`${line}\n`);
  if (problems.length > 0) throw new PipelineErrors(problems);
  return 0;
}

async function runVerify(io: CommandIo, root: string): Promise<number> {
  const { verify } = await import("../release/verify.ts");
  const problems = await verify(root);
  for (const problem of problems) io.error(problem);
  if (problems.length > 0) {
    io.error(`verify: ${problems.length} difference(s) between the build, dist/ and the release manifest`);
    return 1;
  }
  io.write("verify: a fresh build equals the committed dist/ and its release manifest, file for file\n");
  return 0;
}

/** A command's line of the usage, if it has one. */
function usageOf(command: string | undefined): string | undefined {
  return USAGE.split("\n")
    .map((line) => line.trim())
    .find((line) => line === `cli.ts ${command}` || line.startsWith(`cli.ts ${command} `));
}

/** An error of node:util's parseArgs: an unknown option, a missing value, an unexpected argument. */
function isArgumentError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS_");
}
