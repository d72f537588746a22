/**
 * Benchmarks of the package as users and CI meet it, each against bare Node in the same run:
 * - import: a fresh `node` importing the data-only entry (`dist/index.js`) versus `node -e ""`; the median
 *   wall time of 15 starts each, and the peak resident memory (`process.resourceUsage().maxRSS` at exit);
 * - tarball: the size of what `npm pack` would publish, packed and unpacked;
 * - build: the full build (`cli.ts build` into a scratch folder), median of 5, as wall time of the process and
 *   as the time the build itself reports after Node and tsx have started, beside `node --import tsx -e ""`.
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
    const result = spawnSync(process.execPath, ["--import", "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS))", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
    times.push(performance.now() - start);
    peaks.push(Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024);
    stdout = result.stdout;
  }
  return { ms: median(times), rssMb: median(peaks), stdout };
}

const importCost: Benchmark = () => {
  const bare = nodeRun(["-e", ""], 15);
  const data = nodeRun(["--input-type=module", "-e", `import { figures } from ${JSON.stringify(ENTRY)}; console.log(figures.length)`], 15);
  const row = (name: string, run: { ms: number; rssMb: number }) => ({ run: name, "median ms": run.ms.toFixed(0), "peak RSS MB": run.rssMb.toFixed(1) });
  return {
    title: "import of the data-only entry",
    rows: [row('node -e ""', bare), row("import { figures } from dist/index.js", data)],
    note: `the import costs ${(data.ms - bare.ms).toFixed(0)} ms and ${(data.rssMb - bare.rssMb).toFixed(1)} MB over bare Node; it loads no Zod, Arquero or parser (plain data).`,
  };
};

const tarball: Benchmark = () => {
  const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: ROOT, encoding: "utf8" })) as { size: number; unpackedSize: number; entryCount: number }[];
  return { title: "npm tarball", rows: [{ files: pack!.entryCount, "packed kB": (pack!.size / 1024).toFixed(1), "unpacked kB": (pack!.unpackedSize / 1024).toFixed(1) }] };
};

const buildTime: Benchmark = () => {
  const scratch = mkdtempSync(join(tmpdir(), "rdd-bench-"));
  try {
    const startup = nodeRun(["--import", "tsx", "-e", ""], 5);
    const builds = [...Array(5)].map(() => nodeRun(["--import", "tsx", "pipeline/cli.ts", "build", "--out", join(scratch, "dist")], 1));
    const reported = median(builds.map((b) => Number(/in (\d+) ms/.exec(b.stdout)?.[1] ?? Number.NaN)));
    return {
      title: "full build (5 runs)",
      rows: [
        { run: 'node --import tsx -e ""', "median ms": startup.ms.toFixed(0), "peak RSS MB": startup.rssMb.toFixed(1) },
        { run: "build: whole process", "median ms": median(builds.map((b) => b.ms)).toFixed(0), "peak RSS MB": median(builds.map((b) => b.rssMb)).toFixed(1) },
        { run: "build: after start-up (reported)", "median ms": reported.toFixed(0), "peak RSS MB": "" },
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

export const PACKAGE_BENCHMARKS: Benchmark[] = [importCost, tarball, buildTime];
