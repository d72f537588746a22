/**
 * Pipeline benchmarks: `npm run bench`. A script, not a test.
 *
 * Each benchmark is a function returning a titled table; add one to BENCHMARKS to extend the report.
 * Texts are the PONARS memo repeated (paragraphs joined by blank lines) up to 1, 4 and 16 MB, where
 * 1 MB = 2^20 bytes of UTF-8.
 *
 * - End to end, as users run it: `npm run --silent extract -- FILE --date … --format pdf-markdown` (copies of the
 *   memo, read by the memo's own text format), the command the README documents
 *   (npm, then read, normalize, extract, JSON out), on
 *   the 1 MB and 16 MB texts written to files, each run a child process timed from spawn to exit, its peak
 *   memory the maximum resident set size reported by /usr/bin/time -v. Marginal MB/s = (16 − 1) MB ÷ the
 *   difference in median wall time, which takes out start-up (Node, tsx, module loading). chrono-node runs
 *   the same way on the same files (a child that reads the file, parses it paragraph by paragraph, as one
 *   would: chrono.parse on the whole string grows faster than linearly, and prints the results as JSON),
 *   as many times, its runs interleaved with ours. CPU time (user + system of the child, from the same report)
 *   is shown beside wall time: on a loaded machine it is the steadier of the two. The load average is printed
 *   after each table.
 * - Shapes: the same command once per input shape (the memo with LF, CR and CRLF line ends, as one line, as a word
 *   a line; digits only) at 4 and 16 MB, for peak memory per input byte and its marginal (linear when the marginal
 *   is no higher); and a 16 MB file with one bad byte at its end, whose refusal must cost no more than a success.
 * - Stage only (extract() on the memo's text as read, without its text format, in this process): three warm-up runs on the 1 MB text (so the JIT has settled), then five rounds that each
 *   time every size once. MB/s is from the median wall-clock time (performance.now()). Linearity is judged
 *   on CPU time (process.cpuUsage(), user + system, all threads, so GC is counted), which other load on a
 *   shared machine does not inflate: linear means MB per CPU second does not drop as the text grows.
 * - Memory: each size runs in a fresh child process, so earlier sizes and the reference libraries cannot
 *   leave a high-water mark behind. There, after building the text and a forced GC:
 *   peak RSS growth = process.resourceUsage().maxRSS after extract − process.memoryUsage().rss before it
 *   (everything the OS had to provide during the call: token arrays, garbage, the result);
 *   retained heap = heapUsed after extract and a forced GC − heapUsed before (the returned mentions).
 * - Package: import cost of the data-only entry, tarball size and build time (bench-package.ts).
 * - References: on the 1 MB text, chrono-node's parse (dates, paragraph by paragraph) and compromise's numbers().json(), timed once
 *   each after a small warm-up, against extract's median on the same text. Microsoft Recognizers-Text reads the
 *   same text paragraph by paragraph (its date-time recognizer, then its number, percentage, currency and
 *   dimension ones), for at most RECOGNIZERS_BUDGET_MS of CPU time each: it takes about two seconds per memo, so
 *   the whole 1 MB would take minutes; its MB/s is over the part it read, which the row states.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DRAFT_BENCHMARKS } from "./bench-drafts.ts";
import { PACKAGE_BENCHMARKS } from "./bench-package.ts";
import { extract } from "./extract/index.ts";

export interface Table {
  title: string;
  rows: Record<string, string | number>[];
  /** One line under the table: a verdict or a caveat. */
  note?: string;
}

export type Benchmark = () => Table | Promise<Table>;

const MB = 2 ** 20;
const SIZES_MB = [1, 4, 16];
const ROUNDS = 5;
const WARMUP_RUNS = 3;
const DOCUMENT_DATE = "2016-05";
const memoPath = fileURLToPath(new URL("../sources/ponars-pm-428/memo.txt", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const END_TO_END_SIZES_MB = [1, 16];
const END_TO_END_ROUNDS = 5;
/** The targets for the end-to-end run at 16 MB. */
const TARGET_MB_PER_S = 20;
const TARGET_TIMES_CHRONO = 5;
const TARGET_BYTES_PER_BYTE = 20;

/** Whole copies of the memo, separated by blank lines, up to at least `mb` MB of UTF-8. */
export function corpus(mb: number): string {
  const memo = readFileSync(memoPath, "utf8").trim() + "\n\n";
  return memo.repeat(Math.ceil((mb * MB) / Buffer.byteLength(memo)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function megabytes(text: string): number {
  return Buffer.byteLength(text) / MB;
}

/** The machine's load, which every figure here should be read with: other work on it slows wall times. */
function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(", ");
}

/** Prints a table with aligned columns. */
export function section({ title, rows, note }: Table): void {
  console.log(`\n## ${title}\n`);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? "")))];
  const widths = columns.map((_, k) => Math.max(...cells.map((line) => (line[k] ?? "").length)));
  const format = (line: string[]) => line.map((cell, k) => cell.padStart(widths[k] ?? 0)).join("  ");
  console.log(format(columns));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of cells.slice(1)) console.log(format(line));
  if (note) console.log(`\n${note}`);
}

/** Wall-clock and CPU time (user + system, all threads) of one run, in ms. */
function timeAndCpuMs(run: () => unknown): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const wall = timeMs(run);
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const throughput: Benchmark = () => {
  const texts = SIZES_MB.map((mb) => ({ text: corpus(mb), wall: [] as number[], cpu: [] as number[], mentions: 0 }));
  for (let k = 0; k < WARMUP_RUNS; k++) extract(texts[0]!.text, { documentDate: DOCUMENT_DATE });
  // Rounds interleave the sizes, so a burst of load elsewhere on the machine does not land on one size only.
  for (let round = 0; round < ROUNDS; round++) {
    for (const entry of texts) {
      const { wall, cpu } = timeAndCpuMs(
        () => (entry.mentions = extract(entry.text, { documentDate: DOCUMENT_DATE }).length),
      );
      entry.wall.push(wall);
      entry.cpu.push(cpu);
    }
  }
  const perCpuSecond = texts.map(({ text, cpu }) => megabytes(text) / (median(cpu) / 1000));
  const rows = texts.map(({ text, wall, cpu, mentions }, k) => ({
    size: `${megabytes(text).toFixed(2)} MB`,
    runs: wall.length,
    "median ms": median(wall).toFixed(0),
    "best ms": Math.min(...wall).toFixed(0),
    "MB/s": (megabytes(text) / (median(wall) / 1000)).toFixed(1),
    "median CPU ms": median(cpu).toFixed(0),
    "MB per CPU s": (perCpuSecond[k] ?? 0).toFixed(1),
    mentions,
  }));
  const slowdown = (perCpuSecond[0] ?? Number.NaN) / (perCpuSecond.at(-1) ?? Number.NaN);
  const verdict = slowdown <= 1.25 ? "roughly constant: linear" : "drops with size: check for super-linear work";
  return {
    title: "extract stage only (in process, on the memo text as read, without its text format)",
    rows,
    note: `MB per CPU second at ${SIZES_MB[0]} MB ÷ at ${SIZES_MB.at(-1)} MB = ${slowdown.toFixed(2)} (${verdict}).`,
  };
};

/** The extract command as the README documents it, on the memo's copies by the memo's own text format. */
function extractCommand(file: string): string[] {
  return ["npm", "run", "--silent", "extract", "--", file, "--date", DOCUMENT_DATE, "--format", "pdf-markdown"];
}

interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

/**
 * One command as a child process, stdout to /dev/null: wall time from spawn to exit, CPU time and peak RSS from
 * /usr/bin/time -v (which counts the command's descendants: for npm, the Node process it starts).
 */
function timedProcess(command: string[], expectFailure = false): ProcessRun {
  const start = performance.now();
  const child = spawnSync("/usr/bin/time", ["-v", ...command], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const wallMs = performance.now() - start;
  const report = child.stderr ?? "";
  const field = (name: string) => new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1];
  const [peak, user, system] = [
    field("Maximum resident set size \\(kbytes\\)"),
    field("User time \\(seconds\\)"),
    field("System time \\(seconds\\)"),
  ];
  if (child.error || (child.status === 0) === expectFailure || !peak || !user || !system) {
    throw new Error(
      `${command.join(" ")} failed (needs /usr/bin/time, Debian package "time"): ${child.error?.message ?? report}`,
    );
  }
  return { wallMs, cpuMs: (Number(user) + Number(system)) * 1000, peakRss: Number(peak) * 1024 };
}

const endToEnd: Benchmark = () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-extract-"));
  try {
    const files = END_TO_END_SIZES_MB.map((mb) => {
      const file = join(dir, `memo-${mb}mb.txt`);
      const text = corpus(mb);
      writeFileSync(file, text);
      return { file, bytes: Buffer.byteLength(text) };
    });
    const tools = [
      { name: "npm run --silent extract -- FILE", command: extractCommand },
      {
        name: "chrono-node parse",
        command: (file: string) => [
          process.execPath,
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          "--chrono",
          file,
        ],
      },
    ];
    // Rounds interleave the tools and the sizes, so that a burst of load elsewhere on the machine falls on all alike.
    const measured = tools.map(() => files.map((): ProcessRun[] => []));
    for (let round = 0; round < END_TO_END_ROUNDS; round++) {
      for (const [t, tool] of tools.entries()) {
        for (const [f, { file }] of files.entries()) measured[t]![f]!.push(timedProcess(tool.command(file)));
      }
    }
    const results = tools.map((tool, t) => {
      const runs = files.map(({ bytes }, f) => {
        const rounds = measured[t]![f]!;
        return {
          bytes,
          wallMs: median(rounds.map((r) => r.wallMs)),
          cpuMs: median(rounds.map((r) => r.cpuMs)),
          peakRss: Math.max(...rounds.map((r) => r.peakRss)),
        };
      });
      const [small, large] = [runs[0]!, runs.at(-1)!];
      const extraMb = (large.bytes - small.bytes) / MB;
      return {
        name: tool.name,
        rounds: END_TO_END_ROUNDS,
        runs,
        marginal: extraMb / ((large.wallMs - small.wallMs) / 1000),
        marginalCpu: extraMb / ((large.cpuMs - small.cpuMs) / 1000),
        bytesPerByte: large.peakRss / large.bytes,
        marginalBytesPerByte: (large.peakRss - small.peakRss) / (large.bytes - small.bytes),
      };
    });
    const rows = results.flatMap(({ name, rounds, runs, marginal, marginalCpu, bytesPerByte, marginalBytesPerByte }) =>
      runs.map(({ bytes, wallMs, cpuMs, peakRss }, k) => {
        const last = k === runs.length - 1;
        return {
          tool: name,
          size: `${(bytes / MB).toFixed(2)} MB`,
          runs: rounds,
          "median s": (wallMs / 1000).toFixed(2),
          "CPU s": (cpuMs / 1000).toFixed(2),
          "MB/s marginal": last ? marginal.toFixed(1) : "",
          "MB per CPU s marginal": last ? marginalCpu.toFixed(1) : "",
          "peak RSS (MB)": (peakRss / MB).toFixed(0),
          "peak B per input B": last ? bytesPerByte.toFixed(1) : "",
          "marginal peak B per input B": last ? marginalBytesPerByte.toFixed(1) : "",
        };
      }),
    );
    const [ours, chrono] = [results[0]!, results[1]!];
    const times = ours.marginal / chrono.marginal;
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    return {
      title: "end to end, as users run it (a child process per run, file in, JSON out)",
      rows,
      note:
        `At ${END_TO_END_SIZES_MB.at(-1)} MB: ${ours.marginal.toFixed(1)} MB/s marginal (${ours.marginalCpu.toFixed(1)} MB per CPU second; target ≥ ${TARGET_MB_PER_S}: ${verdict(ours.marginal >= TARGET_MB_PER_S)}), ` +
        `${times.toFixed(1)}× chrono-node's marginal rate (target ≥ ${TARGET_TIMES_CHRONO}×: ${verdict(times >= TARGET_TIMES_CHRONO)}), ` +
        `${ours.bytesPerByte.toFixed(1)} bytes of peak RSS per input byte, Node and tsx included (${ours.marginalBytesPerByte.toFixed(1)} marginal; target ≤ ${TARGET_BYTES_PER_BYTE}: ${verdict(ours.bytesPerByte <= TARGET_BYTES_PER_BYTE)}). ` +
        "Marginal = the difference between the two sizes, so process start-up cancels out.",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Sizes of the shapes benchmark: large enough that start-up is a small part, small enough for digits only. */
const SHAPE_SIZES_MB = [4, 16];

/**
 * Texts of one shape at any size: the memo with each kind of line end, as one line, as a word a line, and digits
 * only (a mention every two bytes: the largest output per input byte).
 */
const SHAPES: { name: string; text: (mb: number) => string }[] = [
  { name: "memo, LF line ends", text: (mb) => corpus(mb) },
  { name: "memo, CR line ends", text: (mb) => corpus(mb).replaceAll("\n", "\r") },
  { name: "memo, CRLF line ends", text: (mb) => corpus(mb).replaceAll("\n", "\r\n") },
  { name: "one long line (one paragraph)", text: (mb) => corpus(mb).replace(/\s+/g, " ") },
  { name: "many short lines (a word a line)", text: (mb) => corpus(mb).replace(/ +/g, "\n") },
  { name: "digits only (1 1 1 …)", text: (mb) => "1 ".repeat((mb * MB) / 2) },
];

/**
 * The extract command as users run it on each input shape at two sizes, one run each: peak memory per input byte
 * (at the larger size, and marginal between the two: linear when the marginal is not above the whole), and a file
 * of the memo with one bad byte at its end, refused, against the same file's success.
 */
const shapes: Benchmark = () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-shapes-"));
  const run = (text: string | Buffer, name: string, expectFailure = false) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const bytes = statSync(file).size;
    const result = timedProcess(extractCommand(file), expectFailure);
    rmSync(file);
    return { bytes, ...result };
  };
  try {
    const rows: Record<string, string>[] = SHAPES.map(({ name, text }) => {
      const [small, large] = SHAPE_SIZES_MB.map((mb) => run(text(mb), `shape-${mb}.txt`)) as [SizedRun, SizedRun];
      return {
        shape: name,
        sizes: `${(small.bytes / MB).toFixed(1)} / ${(large.bytes / MB).toFixed(1)} MB`,
        "CPU s": `${(small.cpuMs / 1000).toFixed(2)} / ${(large.cpuMs / 1000).toFixed(2)}`,
        "MB per CPU s marginal": ((large.bytes - small.bytes) / MB / ((large.cpuMs - small.cpuMs) / 1000)).toFixed(1),
        "peak RSS (MB)": `${(small.peakRss / MB).toFixed(0)} / ${(large.peakRss / MB).toFixed(0)}`,
        "peak B per input B": (large.peakRss / large.bytes).toFixed(1),
        "marginal peak B per input B": ((large.peakRss - small.peakRss) / (large.bytes - small.bytes)).toFixed(1),
      };
    });
    const memo = Buffer.from(corpus(END_TO_END_SIZES_MB.at(-1)!));
    const success = run(memo, "memo.txt");
    const refusal = run(Buffer.concat([memo, Buffer.from([0xff])]), "bad-end.txt", true);
    for (const [name, result] of [
      ["memo, read whole", success],
      ["memo + one bad byte at its end: refused", refusal],
    ] as const) {
      rows.push({
        shape: name,
        sizes: `${(result.bytes / MB).toFixed(1)} MB`,
        "CPU s": (result.cpuMs / 1000).toFixed(2),
        "peak RSS (MB)": (result.peakRss / MB).toFixed(0),
        "peak B per input B": (result.peakRss / result.bytes).toFixed(1),
      });
    }
    return {
      title: "extract's memory by input shape (a child process per run, as users run it)",
      rows,
      note:
        `Target: peak memory ≤ ${TARGET_BYTES_PER_BYTE} bytes per input byte, Node and tsx included, and linear (the ` +
        "marginal no higher than the whole); a refusal costs no more than a success.",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

type SizedRun = ProcessRun & { bytes: number };

/** Child-process side of the chrono-node reference: reads FILE and prints what chrono.parse finds, as JSON. */
async function chronoOnFile(file: string): Promise<void> {
  const chrono = await import("chrono-node");
  const text = readFileSync(file, "utf8");
  const results: { text: string; date: Date }[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    for (const result of chrono.parse(paragraph)) results.push({ text: result.text, date: result.date() });
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
}

interface MemoryReport {
  peakRssGrowth: number;
  retainedHeap: number;
  rssBefore: number;
}

function forcedGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** Child-process side of the memory benchmark: prints a MemoryReport as JSON. */
function measureMemoryHere(mb: number): void {
  const gc = forcedGc();
  const text = corpus(mb);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const mentions = extract(text, { documentDate: DOCUMENT_DATE });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const report: MemoryReport = {
    peakRssGrowth: Math.max(0, peakRss - rssBefore),
    retainedHeap: process.memoryUsage().heapUsed - heapBefore,
    rssBefore,
  };
  console.log(JSON.stringify({ ...report, mentions: mentions.length }));
}

const memory: Benchmark = () => {
  const rows = SIZES_MB.map((mb) => {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--memory", String(mb)],
      {
        encoding: "utf8",
      },
    );
    if (child.status !== 0) throw new Error(`memory benchmark for ${mb} MB failed: ${child.stderr}`);
    const report = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as MemoryReport & { mentions: number };
    return {
      size: `${mb} MB`,
      "RSS before (MB)": (report.rssBefore / MB).toFixed(1),
      "peak RSS growth (MB)": (report.peakRssGrowth / MB).toFixed(1),
      "retained heap (MB)": (report.retainedHeap / MB).toFixed(1),
      "transient (MB)": (Math.max(0, report.peakRssGrowth - report.retainedHeap) / MB).toFixed(1),
      "bytes/mention retained": Math.round(report.retainedHeap / report.mentions),
    };
  });
  return {
    title: "extract stage memory (fresh process per size)",
    rows,
    note: "transient = peak RSS growth − retained heap: working memory beyond the returned mentions.",
  };
};

/** CPU time each Recognizers-Text reference row may take on the 1 MB text (see the header). */
const RECOGNIZERS_BUDGET_MS = 20_000;

interface ReferenceResult {
  name: string;
  elapsed: number;
  found: number;
  /** MB of the text read, when a row reads only part of it. */
  readMb?: number;
}

/**
 * Runs `recognize` on the text's paragraphs in order until `budgetMs` of CPU time is spent: what it found, the
 * wall time it took and how much of the text it read.
 */
function withinBudget(
  name: string,
  text: string,
  budgetMs: number,
  recognize: (paragraph: string) => number,
): ReferenceResult {
  let found = 0;
  let read = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const paragraph of text.split(/\n\s*\n/)) {
    found += recognize(paragraph);
    read += Buffer.byteLength(paragraph) + 2;
    const cpu = process.cpuUsage(cpuStart);
    if ((cpu.user + cpu.system) / 1000 > budgetMs) break;
  }
  return { name, elapsed: performance.now() - start, found, readMb: Math.min(read, Buffer.byteLength(text)) / MB };
}

const references: Benchmark = async () => {
  const chrono = await import("chrono-node");
  const { default: nlp } = await import("compromise");
  const recognizers = await import("@microsoft/recognizers-text-suite");
  const text = corpus(1);
  const size = megabytes(text);
  const warmup = corpus(0.01);
  const measure = (name: string, run: (input: string) => number, ms?: number): ReferenceResult => {
    let found = 0;
    run(warmup);
    const elapsed = ms ?? timeMs(() => (found = run(text)));
    return { name, elapsed, found };
  };
  const ours = measure("extract (this stage)", (input) => extract(input, { documentDate: DOCUMENT_DATE }).length);
  const oursMedian = median(
    Array.from({ length: ROUNDS }, () => timeMs(() => extract(text, { documentDate: DOCUMENT_DATE }))),
  );
  const english = recognizers.Culture.English;
  const quantities = [
    recognizers.recognizeNumber,
    recognizers.recognizePercentage,
    recognizers.recognizeCurrency,
    recognizers.recognizeDimension,
  ];
  // A first paragraph loads its grammars, which is start-up rather than reading.
  recognizers.recognizeDateTime(warmup.slice(0, 2000), english);
  for (const recognize of quantities) recognize(warmup.slice(0, 2000), english);
  const results: ReferenceResult[] = [
    { ...ours, elapsed: oursMedian },
    measure("chrono-node parse (dates, paragraph by paragraph)", (input) =>
      input.split(/\n\s*\n/).reduce((found, paragraph) => found + chrono.parse(paragraph).length, 0),
    ),
    measure("compromise numbers().json()", (input) => (nlp(input).numbers().json() as unknown[]).length),
    withinBudget(
      "Recognizers-Text date-time",
      text,
      RECOGNIZERS_BUDGET_MS,
      (paragraph) => recognizers.recognizeDateTime(paragraph, english).length,
    ),
    withinBudget("Recognizers-Text number, percentage, currency, dimension", text, RECOGNIZERS_BUDGET_MS, (paragraph) =>
      quantities.reduce((sum, recognize) => sum + recognize(paragraph, english).length, 0),
    ),
  ];
  const rows = results.map(({ name, elapsed, found, readMb = size }) => ({
    library: name,
    "MB read": readMb.toFixed(2),
    ms: elapsed.toFixed(0),
    "MB/s": (readMb / (elapsed / 1000)).toFixed(2),
    found,
    "× extract time per MB": (elapsed / readMb / (oursMedian / size)).toFixed(1),
  }));
  return {
    title: `reference libraries on ${size.toFixed(2)} MB`,
    rows,
    note:
      "found = mentions (extract), parsed dates (chrono), numbers (compromise), results of its recognizers (Recognizers-Text); they find different things. " +
      `Recognizers-Text reads the text paragraph by paragraph until ${RECOGNIZERS_BUDGET_MS / 1000} s of CPU time each ("MB read").`,
  };
};

export const BENCHMARKS: Benchmark[] = [
  endToEnd,
  shapes,
  throughput,
  memory,
  references,
  ...PACKAGE_BENCHMARKS,
  ...DRAFT_BENCHMARKS,
];

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--memory");
  if (flag >= 0) {
    measureMemoryHere(Number(process.argv[flag + 1]));
    return;
  }
  const chronoFlag = process.argv.indexOf("--chrono");
  if (chronoFlag >= 0) {
    await chronoOnFile(process.argv[chronoFlag + 1]!);
    return;
  }
  console.log(`# Benchmarks (node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs)`);
  console.log(`\nload average (1, 5, 15 min) at the start: ${loadAverage()}`);
  for (const benchmark of BENCHMARKS) {
    section(await benchmark());
    console.log(`(load average after it: ${loadAverage()})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
