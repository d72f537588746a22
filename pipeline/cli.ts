/**
 * Command line: `build` runs the pipeline into dist/; `extract FILE [--date YYYY-MM[-DD]]` prints the mentions of any
 * text as JSON. Input errors print one line each (the first 20, then a count) and exit 1; a
 * wrong command or option prints one line and exits 2; never a stack trace.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readPackageJson } from "./io/json-file.ts";
import { userPath } from "./io/user-path.ts";
import { PipelineError, PipelineErrors, reportLines } from "./io/errors.ts";
import { parseIsoDate } from "./extract/calendar.ts";

const USAGE = `usage:
  cli.ts build [--sources DIR] [--out DIR] [--docs] [--cold]
  cli.ts extract FILE [--date YYYY-MM[-DD]]
  cli.ts add-source ID TEXT-FILE [--sources DIR]
  cli.ts release major|minor|patch [--date YYYY-MM-DD]
  cli.ts verify
  cli.ts release-assets [--out DIR]`;

const ROOT = join(import.meta.dirname, "..");

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "build") return runBuild(rest);
  if (command === "extract") return (await import("./commands/extract.ts")).runExtract(rest);
  if (command === "add-source") return (await import("./commands/add-source.ts")).runAddSource(rest);
  if (command === "release") return runRelease(rest);
  if (command === "verify") {
    parseArgs({ args: rest, options: {} });
    return runVerify();
  }
  if (command === "release-assets") return runReleaseAssets(rest);
  console.error(command === undefined ? USAGE : `cli.ts: unknown command "${command}" (commands: build, extract, add-source, release, verify, release-assets)`);
  return 2;
}

async function runBuild(args: string[]): Promise<number> {
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
  const values = { ...given, sources: given.sources === undefined ? "sources" : userPath(given.sources), out: given.out === undefined ? "dist" : userPath(given.out) };
  const started = performance.now();
  // Before anything else: finish what a killed build left, and refuse an --out that is not ours to replace.
  const { checkReplaceable, recoverInterruptedPublish } = await import("./publish/write-atomically.ts");
  recoverInterruptedPublish(values.out);
  checkReplaceable(values.out, readPackageJson(ROOT).name);
  // Loaded here so that `extract` starts without Zod, YAML or the CSV writer.
  const { build } = await import("./build.ts");
  const report = await build({ sourcesDir: values.sources, outDir: values.out, cache: !values.cold });
  const { dataset } = report;
  console.log(`built ${values.out}/ in ${Math.round(performance.now() - started)} ms from ${dataset.sources.length} source(s)`);
  console.log(`  figures ${dataset.figures.length}, events ${dataset.events.length}, mentions ${dataset.mentions.length}`);
  for (const [kind, users] of [["quantity", "used by figures"], ["time", "dating records"]] as const) {
    const ofKind = dataset.mentions.filter((m) => m.kind === kind);
    const used = ofKind.filter((m) => m.used_by.length > 0).length;
    const dismissed = ofKind.filter((m) => m.dismissed !== null).length;
    console.log(`  ${kind} mentions: ${ofKind.length}, ${users} ${used}, dismissed ${dismissed}, coverage 100%`);
  }
  for (const d of report.dismissed) console.log(`  dismissed ${d.source_id}@${d.char_start} "${d.text}": ${d.dismissed}`);
  if (values.docs) {
    const { writeDocs } = await import("./render/docs.ts");
    const changed = await writeDocs(ROOT, report.tables);
    if (changed.length > 0) console.log(`  updated ${changed.join(", ")}`);
  }
  return 0;
}

async function runRelease(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { date: { type: "string" } } });
  const [bump] = positionals;
  if (positionals.length !== 1 || (bump !== "major" && bump !== "minor" && bump !== "patch")) {
    console.error(`cli.ts release: expected major, minor or patch (usage: ${usageOf("release")})`);
    return 2;
  }
  if (values.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || parseIsoDate(values.date) === null)) {
    console.error(`cli.ts release: --date must be a real date in the form YYYY-MM-DD, not ${JSON.stringify(values.date)}`);
    return 2;
  }
  const { release } = await import("./release/release.ts");
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  const result = await release(ROOT, bump, date);
  if (result.resumed) console.log(`finished release ${result.version}, which an earlier run had staged when it was interrupted; nothing else was released`);
  console.log(`released ${result.version} (${result.bump}; the changes needed at least ${result.required ?? "nothing"}), previous release ${result.previous ?? "none"}`);
  console.log(`wrote releases/${result.version}.json, CHANGELOG.md, package.json, package-lock.json, CITATION.cff and dist/; commit them together\n`);
  console.log(result.entry);
  return 0;
}

async function runReleaseAssets(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  const { writeReleaseAssets, ASSETS_DIR } = await import("./release/assets.ts");
  const out = values.out === undefined ? join(ROOT, ASSETS_DIR) : userPath(values.out);
  const written = writeReleaseAssets(ROOT, out);
  console.log(`wrote ${written.join(", ")} to ${out}`);
  return 0;
}

async function runVerify(): Promise<number> {
  const { verify } = await import("./release/verify.ts");
  const problems = await verify(ROOT);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`verify: ${problems.length} difference(s) between the build, dist/ and the release manifest`);
    return 1;
  }
  console.log("verify: a fresh build equals the committed dist/ and its release manifest, file for file");
  return 0;
}

/** A command's line of the usage, if it has one. */
function usageOf(command: string | undefined): string | undefined {
  return USAGE.split("\n").map((line) => line.trim()).find((line) => line === `cli.ts ${command}` || line.startsWith(`cli.ts ${command} `));
}

/** An error of node:util's parseArgs: an unknown option, a missing value, an unexpected argument. */
function isArgumentError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS_");
}

// A reader that stops early (`build | head`) closes the pipe: the rest of the output has no reader, which is not an
// error; the command still finishes its work (extract stops, as nothing reads its mentions).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PipelineError || error instanceof PipelineErrors) {
      for (const line of reportLines(error instanceof PipelineErrors ? error.errors : [error])) console.error(line);
      process.exitCode = 1;
    } else if (isArgumentError(error)) {
      // parseArgs says what is wrong in its first sentence; the command's usage line says what is right.
      const problem = error.message.split(". ")[0]!.replace(/\.$/, "");
      const usage = usageOf(argv[0]);
      console.error(`cli.ts ${argv[0]}: ${problem}${usage ? ` (usage: ${usage})` : ""}`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  },
);
