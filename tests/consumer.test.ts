/**
 * The package as a user installs it: packed, installed into an empty project, imported from ESM, required
 * from CommonJS, type-checked under each module resolution (with a line that must not compile), and linted
 * with publint and arethetypeswrong.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
let project: string;
let tarball: string;

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), "rdd-consumer-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", root], { cwd: ROOT, encoding: "utf8" });
  tarball = join(root, readdirSync(root).find((name) => name.endsWith(".tgz"))!);
  project = join(root, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: project, encoding: "utf8" });
});

describe("the installed package", () => {
  it("holds what users need and nothing else", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/DATA_LICENSE");
    expect(files).toContain("package/dist/datapackage.json");
    expect(files).toContain("package/dist/data/figures.csv");
    expect(files.filter((f) => /^package\/(tests|pipeline|sources|schemas|node_modules|\.ci)\/|\.test\.|\.ya?ml$|\.tgz$/.test(f))).toEqual([]);
  });

  it("imports from ESM without Zod, Arquero or a parser installed", () => {
    const script = `
      import { figures, events, indicators, sources, tradeTurnover, figure } from "russia-dprk-data";
      const f = figure("trade-turnover-rus-prk-1988");
      console.log(JSON.stringify([figures.length, events.length, indicators.length, sources.length, tradeTurnover.length, f.value, Object.isFrozen(f)]));`;
    const { status, output } = run(process.execPath, ["--input-type=module", "-e", script]);
    expect(output).toMatch(/^\[\d+,\d+,\d+,1,7,2350000000,true\]/);
    expect(status).toBe(0);
    expect(run(process.execPath, ["-e", "require.resolve('zod')"]).status).not.toBe(0);
  });

  it("requires from CommonJS and resolves the data files", () => {
    const script = `
      const data = require("russia-dprk-data");
      console.log(data.figure("workers-prk-in-rus-2016").value, require.resolve("russia-dprk-data/data/figures.csv").endsWith("dist/data/figures.csv"),
        require("russia-dprk-data/datapackage.json").name, require.resolve("russia-dprk-data/schemas/figures.schema.json").endsWith(".json"));
      try { data.figure("no-such-figure"); } catch (error) { console.log(error.name); }`;
    const { status, output } = run(process.execPath, ["-e", script]);
    expect(output).toBe("30000 true russia-dprk-data true\nRangeError\n");
    expect(status).toBe(0);
  });

  it("validates records with the Zod schemas from ESM and CommonJS, once Zod is installed", () => {
    symlinkSync(join(ROOT, "node_modules", "zod"), join(project, "node_modules", "zod"), "dir");
    const esm = `import { figureSchema } from "russia-dprk-data/schemas"; import { figures } from "russia-dprk-data";
      console.log(figures.every((f) => figureSchema.safeParse(f).success), figureSchema.safeParse({ ...figures[0], value: "1" }).success);`;
    expect(run(process.execPath, ["--input-type=module", "-e", esm]).output).toBe("true false\n");
    const cjs = `const { eventSchema } = require("russia-dprk-data/schemas"); const { events } = require("russia-dprk-data");
      console.log(events.every((e) => eventSchema.safeParse(e).success));`;
    expect(run(process.execPath, ["-e", cjs]).output).toBe("true\n");
  });
});

const CONSUMER_ESM = `import { figure, figures, type Figure, type FigureId, type Measure } from "russia-dprk-data";
import { figureSchema } from "russia-dprk-data/schemas";
import type { z } from "zod";
const record = figure("trade-turnover-rus-prk-1988");
const id: FigureId = record.id;
const value: number = record.value;
const measure: Measure = record.measure;
const all: readonly Figure[] = figures as readonly Figure[];
const parsed: z.infer<typeof figureSchema> = figureSchema.parse(record);
export { id, value, measure, all, parsed };
`;
const CONSUMER_CJS = `import data = require("russia-dprk-data");
const value: number = data.figure("workers-prk-in-rus-2016").value;
export = value;
`;
/** The README's TypeScript example, so the documentation cannot drift from the package. */
const README_EXAMPLE = /\*\*TypeScript\*\*[^\n]*\n\n```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "README.md"), "utf8"))![1]! + "export {};\n";
const MISSPELLED = `import { figure } from "russia-dprk-data";
export const wrong = figure("trade-turnover-rus-prk-1898");
`;

describe.each([
  ["node16", "node16"],
  ["nodenext", "nodenext"],
  ["bundler", "esnext"],
])("TypeScript with moduleResolution %s", (resolution, module) => {
  const compile = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(project, `ts-${resolution}-`));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const options = { compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: "es2022", types: [] }, include: ["*.ts", "*.cts"] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(options));
    return run(bin("tsc"), ["-p", dir]);
  };

  it("type-checks a consumer of the data and the schemas", () => {
    const files: Record<string, string> = { "consumer.ts": CONSUMER_ESM, "readme-example.ts": README_EXAMPLE };
    if (resolution !== "bundler") files["consumer-cjs.cts"] = CONSUMER_CJS;
    const { status, output } = compile(files);
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("rejects a misspelled figure id", () => {
    const { status, output } = compile({ "misspelled.ts": MISSPELLED });
    expect(status).not.toBe(0);
    expect(output).toContain('"trade-turnover-rus-prk-1898"');
  });
});

describe("package linters", () => {
  it("publint finds nothing", () => {
    const { status, output } = run(bin("publint"), ["run", tarball, "--strict"], ROOT);
    expect(output).not.toMatch(/Errors:|Warnings:|Suggestions:/);
    expect(status).toBe(0);
  });

  it("arethetypeswrong finds nothing under node16 and bundler resolution", () => {
    const { status, output } = run(bin("attw"), [tarball, "--profile", "node16", "--format", "ascii"], ROOT);
    const verdicts = output.split("\n").filter((line) => /^(node16 \(from (CJS|ESM)\)|bundler):/.test(line));
    expect(verdicts.length).toBeGreaterThan(0);
    for (const line of verdicts) expect(line).toMatch(/🟢|\(wildcard\)/);
    expect(status).toBe(0);
  });
});
