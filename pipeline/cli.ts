/**
 * Command line: `build` runs the pipeline into dist/; `extract FILE [--date YYYY-MM]` prints the mentions of any
 * text as JSON. Input errors print one line each and exit 1, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { codePointIndex } from "./code-points.ts";
import { PipelineError, PipelineErrors } from "./errors.ts";
import { normalize } from "./ingest.ts";
import { extract } from "./extract/index.ts";

const USAGE = `usage:
  cli.ts build [--sources DIR] [--out DIR] [--docs] [--cold]
  cli.ts extract FILE [--date YYYY-MM]
  cli.ts release major|minor|patch [--date YYYY-MM-DD]
  cli.ts verify
  cli.ts release-assets [--out DIR]`;

const ROOT = join(import.meta.dirname, "..");

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "build") return runBuild(rest);
  if (command === "extract") return runExtract(rest);
  if (command === "release") return runRelease(rest);
  if (command === "verify") return runVerify();
  if (command === "release-assets") return runReleaseAssets(rest);
  console.error(USAGE);
  return 2;
}

async function runBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sources: { type: "string", default: "sources" },
      out: { type: "string", default: "dist" },
      docs: { type: "boolean", default: false },
      cold: { type: "boolean", default: false },
    },
  });
  const started = performance.now();
  // The schemas' declarations compile in a child process while the pipeline's modules load.
  const [{ schemasEntryFiles }, { stepCacheDir }] = await Promise.all([import("./package/schemas-entry.ts"), import("./step-cache.ts")]);
  const cache = !values.cold;
  const schemasEntry = schemasEntryFiles(ROOT, stepCacheDir(ROOT, cache));
  // Loaded here so that `extract` starts without Zod, YAML or the CSV writer.
  const { build } = await import("./build.ts");
  const report = await build({ sourcesDir: values.sources, outDir: values.out, cache, schemasEntry });
  const { dataset } = report;
  const quantities = dataset.mentions.filter((m) => m.kind === "quantity");
  const used = quantities.filter((m) => m.used_by.length > 0).length;
  console.log(`built ${values.out}/ in ${Math.round(performance.now() - started)} ms from ${dataset.sources.length} source(s)`);
  console.log(`  figures ${dataset.figures.length}, events ${dataset.events.length}, mentions ${dataset.mentions.length}`);
  console.log(`  quantity mentions: ${quantities.length}, used by figures ${used}, dismissed ${report.dismissed.length}, coverage 100%`);
  for (const d of report.dismissed) console.log(`  dismissed ${d.source_id}@${d.char_start} "${d.text}": ${d.reason}`);
  if (values.docs) {
    const { writeDocs } = await import("./render/docs.ts");
    const changed = await writeDocs(ROOT, resolve(values.out));
    if (changed.length > 0) console.log(`  updated ${changed.join(", ")}`);
  }
  return 0;
}

async function runRelease(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { date: { type: "string" } } });
  const [bump] = positionals;
  if (positionals.length !== 1 || (bump !== "major" && bump !== "minor" && bump !== "patch")) {
    console.error(USAGE);
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
  const out = values.out === undefined ? join(ROOT, ASSETS_DIR) : resolve(values.out);
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

function runExtract(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { date: { type: "string" } } });
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (values.date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/.test(values.date)) {
    console.error(`extract: --date must be YYYY-MM or YYYY-MM-DD, not "${values.date}"`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`extract: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  let raw: string;
  try {
    if (bytes.includes(0)) throw new TypeError("NUL byte");
    raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    console.error(`extract: ${file} is not UTF-8 text`);
    return 1;
  }
  const normalized = normalize(raw);
  const rawIndex = codePointIndex(raw);
  const normalizedIndex = codePointIndex(normalized.text);
  // Mentions are found in the normalized text and reported at their place in FILE.
  const mentions = extract(normalized.text, values.date === undefined ? {} : { documentDate: values.date }).map((mention) => {
    const start = normalized.rawStart[normalizedIndex.toUtf16(mention.start)]!;
    const end = normalized.rawEnd[normalizedIndex.toUtf16(mention.end) - 1]!;
    return { ...mention, text: raw.slice(start, end), start: rawIndex.toCodePoint(start), end: rawIndex.toCodePoint(end) };
  });
  process.stdout.write(JSON.stringify(mentions, null, 2) + "\n");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PipelineError || error instanceof PipelineErrors) {
      console.error(String(error instanceof PipelineErrors ? error.errors.map(String).join("\n") : error));
      console.error("failed; dist/ is unchanged");
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
