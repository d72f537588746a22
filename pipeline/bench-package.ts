/**
 * Benchmarks of the package as users and CI meet it, each against bare Node in the same run:
 * - import: a fresh `node` importing the data-only entry (`dist/index.js`) versus `node -e ""`; the median
 *   wall time of 15 starts each, and the peak resident memory (`process.resourceUsage().maxRSS` at exit);
 * - tarball: the size of what `npm pack` would publish, packed and unpacked;
 * - build: `cli.ts build`, median of 5, as wall time of the process and as the time the build reports after
 *   Node and tsx have started, beside `node --import tsx -e ""`; cold (`--cold`: every step run) and warm
 *   (unchanged costly steps, those that declare a cache, reused from node_modules/.cache, see step-cache.ts).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Benchmark } from "./bench.ts";

const ROOT = join(import.meta.dirname, "..");
const ENTRY = join(ROOT, "dist", "index.js");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time (ms) and peak RSS (MB) of `node args`, the child reporting its own peak at exit. */
function nodeRun(args: string[], runs: number): { ms: number; rssMb: number; stdout: string } {
  const times: number[] = [];
  const peaks: number[] = [];
  let stdout = "";
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS))",
        ...args,
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    times.push(performance.now() - start);
    peaks.push(Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024);
    stdout = result.stdout;
  }
  return { ms: median(times), rssMb: median(peaks), stdout };
}

const importCost: Benchmark = () => {
  const bare = nodeRun(["-e", ""], 15);
  const data = nodeRun(
    ["--input-type=module", "-e", `import { figures } from ${JSON.stringify(ENTRY)}; console.log(figures.length)`],
    15,
  );
  const row = (name: string, run: { ms: number; rssMb: number }) => ({
    run: name,
    "median ms": run.ms.toFixed(0),
    "peak RSS MB": run.rssMb.toFixed(1),
  });
  return {
    title: "import of the data-only entry",
    rows: [row('node -e ""', bare), row("import { figures } from dist/index.js", data)],
    note:
      `the import costs ${(data.ms - bare.ms).toFixed(0)} ms and ${(data.rssMb - bare.rssMb).toFixed(1)} MB over ` +
      `bare Node; it loads no Zod, Arquero or parser (plain data).`,
  };
};

const tarball: Benchmark = () => {
  const [pack] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: ROOT, encoding: "utf8" }),
  ) as { size: number; unpackedSize: number; entryCount: number }[];
  return {
    title: "npm tarball",
    rows: [
      {
        files: pack!.entryCount,
        "packed kB": (pack!.size / 1024).toFixed(1),
        "unpacked kB": (pack!.unpackedSize / 1024).toFixed(1),
      },
    ],
  };
};

const buildTime: Benchmark = () => {
  const scratch = mkdtempSync(join(tmpdir(), "rdd-bench-"));
  const build = (outDir: string, ...flags: string[]) =>
    nodeRun(["--import", "tsx", "pipeline/cli.ts", "build", "--out", outDir, ...flags], 1);
  const row = (name: string, runs: { ms: number; rssMb: number; stdout: string }[]) => ({
    run: name,
    "median ms": median(runs.map((r) => r.ms)).toFixed(0),
    "after start-up ms": median(runs.map((r) => Number(/in (\d+) ms/.exec(r.stdout)?.[1] ?? Number.NaN))).toFixed(0),
    "peak RSS MB": median(runs.map((r) => r.rssMb)).toFixed(1),
  });
  try {
    const startup = nodeRun(["--import", "tsx", "-e", ""], 5);
    const cold = [...Array(5)].map(() => build(join(scratch, "dist"), "--cold"));
    build(join(scratch, "dist")); // fills the step cache, if it was empty
    const warm = [...Array(5)].map(() => build(join(scratch, "dist")));
    return {
      title: "build (5 runs each)",
      rows: [
        {
          run: 'node --import tsx -e ""',
          "median ms": startup.ms.toFixed(0),
          "after start-up ms": "",
          "peak RSS MB": startup.rssMb.toFixed(1),
        },
        row("cli.ts build --out DIR --cold", cold),
        row("cli.ts build --out DIR", warm),
      ],
      note:
        "What `npm run build` runs (node --import tsx pipeline/cli.ts build), into a scratch folder and without " +
        "--docs; npm's own start-up comes on top. cold: every step run (as npm run verify, release " +
        "and CI's clone builds do); warm: unchanged costly steps (charts, Zod entry, Parquet, SQLite) reused from " +
        "the step cache.",
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

export const PACKAGE_BENCHMARKS: Benchmark[] = [importCost, tarball, buildTime];
