/**
 * The package as a user installs it today: packed, installed from its tarball into an empty project as the
 * README says, imported from ESM, required from CommonJS, type-checked and run under each module resolution
 * (with a line that must not compile), and linted with publint and arethetypeswrong.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Figure } from "../schemas/index.ts";
import { collect, ROOT } from "./helpers/cli.ts";

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
/**
 * TypeScript 7 removed `moduleResolution: "node10"` (TS5108, which `ignoreDeprecations` does not lift), so that
 * case is checked with the TypeScript 5 that arethetypeswrong itself resolves `node10` with.
 */
const typescript5 = createRequire(createRequire(join(ROOT, "package.json")).resolve("@arethetypeswrong/core")).resolve(
  "typescript/bin/tsc",
);
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
/** A table of the committed dist/, as the package publishes it. */
const published = (table: string): Record<string, unknown>[] =>
  JSON.parse(readFileSync(join(ROOT, "dist", "data", `${table}.json`), "utf8"));
const publishedFigure = (id: string) => (published("figures") as unknown as Figure[]).find((f) => f.id === id)!;
let project: string;
let tarball: string;

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The same without blocking: the compilers and linters below run side by side. */
async function runAsync(
  command: string,
  args: string[],
  cwd = project,
): Promise<{ status: number | null; output: string }> {
  const { status, stdout, stderr } = await collect(command, args, { cwd });
  return { status, output: `${stdout}${stderr}` };
}

/** The package linters, started as soon as the tarball exists. */
let linted: Promise<{
  publint: { status: number | null; output: string };
  attw: { status: number | null; output: string };
}>;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "rdd-consumer-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: ROOT, encoding: "utf8" });
  tarball = join(project, `russia-dprk-data-${version}.tgz`);
  // The README's way to install before the package is published; offline, as the tarball needs nothing else.
  execFileSync(
    "npm",
    ["install", `./russia-dprk-data-${version}.tgz`, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"],
    { cwd: project, encoding: "utf8" },
  );
  linted = (async () => {
    const [publint, attw] = await Promise.all([
      runAsync(bin("publint"), ["run", tarball, "--strict"], ROOT),
      runAsync(bin("attw"), [tarball, "--format", "ascii"], ROOT),
    ]);
    return { publint, attw };
  })();
  linted.catch(() => {}); // awaited by the linters' tests
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the installed package", () => {
  it("is installed the way the README's Installing section says: npm pack, then npm install of the tarball", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const installing = readme.slice(
      readme.indexOf("## Installing"),
      readme.indexOf("\n## ", readme.indexOf("## Installing") + 1),
    );
    expect(installing).toMatch(/^npm pack\b/m);
    expect(installing).toMatch(/^npm install \S*russia-dprk-data-<version>\.tgz$/m);
  });

  it("holds every file its datapackage.json describes", () => {
    const files = new Set(execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n"));
    const descriptor = JSON.parse(readFileSync(join(ROOT, "dist", "datapackage.json"), "utf8")) as {
      resources: { path: string }[];
    };
    expect(descriptor.resources.map((r) => r.path).filter((path) => !files.has(`package/dist/${path}`))).toEqual([]);
  });

  it("holds what users need and nothing else", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/DATA_LICENSE");
    expect(files).toContain("package/dist/datapackage.json");
    expect(files).toContain("package/dist/data/figures.csv");
    expect(
      files.filter((f) =>
        /^package\/(tests|pipeline|sources|schemas|node_modules|\.ci)\/|\.test\.|\.ya?ml$|\.tgz$/.test(f),
      ),
    ).toEqual([]);
  });

  it("imports from ESM without Zod, Arquero or a parser installed", () => {
    const script = `
      import { figures, events, indicators, sources, tradeTurnover, figure } from "russia-dprk-data";
      const f = figure("trade-turnover-rus-prk-1988");
      const counts = [figures.length, events.length, indicators.length, sources.length, tradeTurnover.length];
      console.log(JSON.stringify([...counts, f.value, Object.isFrozen(f)]));`;
    const { status, output } = run(process.execPath, ["--input-type=module", "-e", script]);
    const counts = ["figures", "events", "indicators", "sources", "trade_turnover"].map((t) => published(t).length);
    const value = publishedFigure("trade-turnover-rus-prk-1988").value;
    expect(output).toBe(`${JSON.stringify([...counts, value, true])}\n`);
    expect(status).toBe(0);
    expect(run(process.execPath, ["-e", "require.resolve('zod')"]).status).not.toBe(0);
  });

  it("requires from CommonJS and resolves the data files", () => {
    const script = `
      const data = require("russia-dprk-data");
      console.log(
        data.figure("workers-prk-in-rus-2016").value,
        require.resolve("russia-dprk-data/data/figures.csv").endsWith("dist/data/figures.csv"),
        require("russia-dprk-data/datapackage.json").name,
        require.resolve("russia-dprk-data/schemas/figures.schema.json").endsWith(".json"),
      );
      try { data.figure("no-such-figure"); } catch (error) { console.log(error.name); }`;
    const { status, output } = run(process.execPath, ["-e", script]);
    expect(output).toBe(`${publishedFigure("workers-prk-in-rus-2016").value} true russia-dprk-data true\nRangeError\n`);
    expect(status).toBe(0);
  });

  it("validates records with the Zod schemas from ESM and CommonJS, once Zod is installed", () => {
    symlinkSync(join(ROOT, "node_modules", "zod"), join(project, "node_modules", "zod"), "dir");
    const esm = `import { figureSchema } from "russia-dprk-data/schemas"; import { figures } from "russia-dprk-data";
      const wrong = { ...figures[0], value: "1" };
      console.log(figures.every((f) => figureSchema.safeParse(f).success), figureSchema.safeParse(wrong).success);`;
    expect(run(process.execPath, ["--input-type=module", "-e", esm]).output).toBe("true false\n");
    const cjs = `const { eventSchema } = require("russia-dprk-data/schemas");
      const { events } = require("russia-dprk-data");
      console.log(events.every((e) => eventSchema.safeParse(e).success));`;
    expect(run(process.execPath, ["-e", cjs]).output).toBe("true\n");
  });
});

const CONSUMER_ESM = `import {
  figure, figures, isFigureId, type Figure, type FigureId, type Measure,
} from "russia-dprk-data";
import { figureSchema } from "russia-dprk-data/schemas";
import type { z } from "zod";
const record = figure("trade-turnover-rus-prk-1988");
const id: FigureId = record.id;
const value: number = record.value;
const measure: Measure = record.measure;
const all: readonly Figure[] = figures as readonly Figure[];
const parsed: z.infer<typeof figureSchema> = figureSchema.parse(record);
const input: string = "workers-prk-in-rus-2016";
const guarded: number | undefined = isFigureId(input) ? figure(input).value : undefined;
export { id, value, measure, all, parsed, guarded };
`;
const CONSUMER_CJS = `import data = require("russia-dprk-data");
import descriptor = require("russia-dprk-data/datapackage.json");
import figuresJson = require("russia-dprk-data/data/figures.json");
import figureJsonSchema = require("russia-dprk-data/schemas/figures.schema.json");
const value: number = data.figure("workers-prk-in-rus-2016").value;
const names: string[] = [descriptor.name, figuresJson[0]!.id, figureJsonSchema.title];
export = { value, names };
`;
/**
 * Bundlers import JSON as a default export; Node's ESM needs an import attribute, so the JSON entries are checked from
 * .cts there.
 */
const CONSUMER_BUNDLER_JSON = `import descriptor from "russia-dprk-data/datapackage.json";
import figuresJson from "russia-dprk-data/data/figures.json";
import figureJsonSchema from "russia-dprk-data/schemas/figures.schema.json";
export const names: string[] = [descriptor.name, figuresJson[0]!.id, figureJsonSchema.title];
`;
/** The README's TypeScript example, so the documentation cannot drift from the package. */
const README_EXAMPLE =
  /\*\*TypeScript\*\*[\s\S]*?```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "README.md"), "utf8"))![1]! +
  "export {};\n";
/** What the README's example prints, from the committed dist/data: the example's lines in order. */
const README_EXAMPLE_OUTPUT = (() => {
  const trade = (published("figures") as unknown as Figure[]).filter(
    (f) => f.measure === "trade_turnover" && f.subject === "RUS",
  );
  const peak = publishedFigure("trade-turnover-rus-prk-2006");
  const workers = publishedFigure("workers-prk-in-rus-2016");
  const change = published("indicators").find((i) => i.id === "trade-turnover-rus-prk-2015-pct-change")!;
  return [
    ...trade.map((f) => `${f.period_start} ${f.value} ${f.qualifier}`),
    `${peak.value} ${peak.qualifier} ${peak.quote}`,
    String(change.value),
    `${workers.value} ${workers.unit}`,
    'no figure "workers-prk-in-rus-2061"',
    "",
  ].join("\n");
})();
const MISSPELLED = `import { figure } from "russia-dprk-data";
export const wrong = figure("trade-turnover-rus-prk-1898");
`;

const RESOLUTIONS = [
  { resolution: "node10", module: "commonjs", tsc: [process.execPath, typescript5] },
  { resolution: "node16", module: "node16", tsc: [bin("tsc")] },
  { resolution: "nodenext", module: "nodenext", tsc: [bin("tsc")] },
  { resolution: "bundler", module: "esnext", tsc: [bin("tsc")] },
];

/**
 * One compilation per resolution, emitting JavaScript: the consumers must compile clean, the misspelled id must not.
 */
async function compile({
  resolution,
  module,
  tsc,
}: (typeof RESOLUTIONS)[number]): Promise<{ dir: string; diagnostics: string[] }> {
  const dir = mkdtempSync(join(project, `ts-${resolution}-`));
  const files: Record<string, string> = {
    "consumer.ts": CONSUMER_ESM,
    "readme-example.ts": README_EXAMPLE,
    "misspelled.ts": MISSPELLED,
  };
  if (resolution === "bundler") files["consumer-json.ts"] = CONSUMER_BUNDLER_JSON;
  else files["consumer-cjs.cts"] = CONSUMER_CJS;
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  // A CommonJS build's .js files are CommonJS; the consumer project's own package.json says ESM.
  if (module === "commonjs") writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
  const compilerOptions = {
    strict: true,
    module,
    moduleResolution: resolution,
    target: "es2022",
    types: [],
    resolveJsonModule: true,
    esModuleInterop: true,
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts", "*.cts"] }));
  const [command, ...args] = tsc;
  const { output } = await runAsync(command!, [...args, "-p", ".", "--pretty", "false"], dir);
  return { dir, diagnostics: output.split("\n").filter(Boolean) };
}

/** Every resolution's compilation, started together once Zod is installed beside the package (the tests above). */
let compilations: Map<string, Promise<{ dir: string; diagnostics: string[] }>> | undefined;

describe.each(RESOLUTIONS)("TypeScript with moduleResolution $resolution", ({ resolution }) => {
  let dir: string;
  let diagnostics: string[];

  beforeAll(async () => {
    compilations ??= new Map(RESOLUTIONS.map((r) => [r.resolution, compile(r)]));
    ({ dir, diagnostics } = await compilations.get(resolution)!);
  });

  it("type-checks a consumer of the data, the schemas and the JSON files, and the README's example", () => {
    expect(diagnostics.filter((line) => !line.startsWith("misspelled.ts("))).toEqual([]);
  });

  it("runs the README's example, printing what the published data hold", () => {
    const { status, output } = run(process.execPath, [join(dir, "readme-example.js")]);
    expect(output).toBe(README_EXAMPLE_OUTPUT);
    expect(status).toBe(0);
  });

  it("rejects a misspelled figure id", () => {
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^misspelled\.ts\(2,\d+\): error TS\d+: .*"trade-turnover-rus-prk-1898"/);
  });
});

describe("package linters", () => {
  it("publint finds nothing", async () => {
    const { status, output } = (await linted).publint;
    expect(output).not.toMatch(/Errors:|Warnings:|Suggestions:/);
    expect(status).toBe(0);
  });

  it("arethetypeswrong finds nothing with its default profile, node10 included", async () => {
    const { status, output } = (await linted).attw;
    const verdicts = output.split("\n").filter((line) => /^(node10|node16 \(from (CJS|ESM)\)|bundler):/.test(line));
    expect(verdicts.filter((line) => line.startsWith("node10:")).length).toBeGreaterThan(1);
    for (const line of verdicts) expect(line).toMatch(/🟢|\(wildcard\)/);
    expect(output).toContain("No problems found");
    expect(status).toBe(0);
  });
});
