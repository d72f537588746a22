import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../pipeline/extract/index.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import { cliCommand, MEMO_DIR, ROOT, runCli, runInProcess } from "../helpers/cli.ts";
import { PDF_MARKDOWN, PLAIN_TEXT } from "../helpers/text-formats.ts";

function textFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "rdd-extract-")), "input.txt");
  writeFileSync(file, content);
  return file;
}

describe("the extract command", () => {
  it(
    "prints the memo's mentions in its own format as one JSON array, at their place in the file (a process, as " +
      "users run it)",
    () => {
      const file = join(MEMO_DIR, "memo.txt");
      const result = runCli("extract", file, "--date", "2016-05", "--format", "pdf-markdown");
      expect(result.status).toBe(0);
      const mentions = JSON.parse(result.stdout) as { text: string; start: number; end: number }[];
      const raw = readFileSync(file, "utf8");
      expect(mentions).toHaveLength(extract(normalize(raw, PDF_MARKDOWN).text, { documentDate: "2016-05" }).length);
      expect(result.stdout).toBe(JSON.stringify(mentions, null, 2) + "\n");
      for (const mention of mentions) expect([...raw].slice(mention.start, mention.end).join("")).toBe(mention.text);
    },
  );

  it("reads a text as plain text unless --format names another format, and refuses an unknown one", async () => {
    const file = textFile("Prices rose \\$5 in [2015](#), a year of\n\nslow growth.");
    const plain = JSON.parse((await runInProcess("extract", file)).stdout) as { text: string }[];
    const converted = JSON.parse((await runInProcess("extract", file, "--format", "pdf-markdown")).stdout) as {
      text: string;
    }[];
    expect(plain).toHaveLength(extract(normalize(readFileSync(file, "utf8"), PLAIN_TEXT).text).length);
    // The escape stays part of the plain text's mention; undone, it is the conversion's.
    expect(plain.map((m) => m.text)).toContain("$5");
    expect(converted.map((m) => m.text)).toEqual(["\\$5", "2015"]);
    const unknown = await runInProcess("extract", file, "--format", "docx");
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([
      2,
      "",
      'extract: --format must be a text format (pdf-markdown, plain-text), not "docx"\n',
    ]);
  });

  it("refuses an impossible --date with one line and exit 2", async () => {
    const file = textFile("Trade rose 5 percent in 2015.");
    for (const date of ["2016-02-31", "2016-13", "2016-00", "2016", "May 2016"]) {
      const result = await runInProcess("extract", file, "--date", date);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining(`"${date}"`)]);
      expect(result.stdout).toBe("");
    }
    expect((await runInProcess("extract", file, "--date", "2016-02-29")).status).toBe(0);
  });

  it("refuses a number beyond the double range aloud instead of printing null", async () => {
    const huge = "9".repeat(320);
    const file = textFile(`Revenue reached $${huge} billion in 2015, up 5 percent.`);
    const result = await runInProcess("extract", file);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('null,\n    "value_high"');
    const mentions = JSON.parse(result.stdout) as { text: string; value?: number | null }[];
    expect(mentions.map((m) => m.text)).toEqual(["2015", "5 percent"]);
    expect(result.stderr).toMatch(/refused "\$9+…9+ billion": the number is beyond the range of a double/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it(
    "writes a large output whole to a reader that lags behind (a full pipe waits, it does not lose " + "text)",
    async () => {
      const memo = readFileSync(join(MEMO_DIR, "memo.txt"), "utf8");
      const file = textFile(Array.from({ length: 16 }, () => memo).join("\n\n"));
      const child = spawn(...cliCommand("extract", file, "--format", "pdf-markdown"), { cwd: ROOT });
      const parts: Buffer[] = [];
      child.stdout.pause();
      child.stdout.on("data", (part: Buffer) => parts.push(part));
      setTimeout(() => child.stdout.resume(), 1500);
      const status = await new Promise((resolve) => child.on("close", resolve));
      expect(status).toBe(0);
      const output = Buffer.concat(parts).toString("utf8");
      expect(output.length).toBeGreaterThan(1 << 16);
      expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
      expect(JSON.parse(output)).toHaveLength(16 * extract(normalize(memo, PDF_MARKDOWN).text).length);
    },
  );

  it("refuses a bad byte at the end of a large file in one line, holding a block of it at a time, not the file", () => {
    const memo = readFileSync(join(MEMO_DIR, "memo.txt"));
    const badEnd = Buffer.from([0xff]);
    const small = textFile("");
    writeFileSync(small, Buffer.concat([memo, badEnd]));
    const large = textFile("");
    const copies = Math.ceil((32 << 20) / memo.length);
    writeFileSync(large, Buffer.concat([...Array.from({ length: copies }, () => memo), badEnd]));
    const [smallRun, largeRun] = [small, large].map((file) => peakMemoryOfExtract(file));
    for (const [run, file, at] of [
      [smallRun!, small, memo.length],
      [largeRun!, large, copies * memo.length],
    ] as const) {
      expect(run.status).toBe(1);
      expect(run.lines).toEqual([`extract: ${file}: not UTF-8 text: an invalid byte sequence at byte ${at}`]);
      expect(run.stdout).toBe("");
    }
    // 32 MiB more of file costs a few blocks and the noise of a process's peak (up to some 7 MiB here), far from
    // the file's size (holding the bytes cost more than ten times it).
    expect(largeRun!.peakRss - smallRun!.peakRss).toBeLessThan(16 << 20);
  });
});

/** The extract command on FILE in a child process, with its peak resident memory (from inside it, at exit). */
function peakMemoryOfExtract(file: string): {
  status: number | null;
  stdout: string;
  lines: string[];
  peakRss: number;
} {
  const [node, args] = cliCommand("extract", file);
  const report = 'process.on("exit",()=>process.stderr.write("peak-rss "+process.resourceUsage().maxRSS+"\\n"))';
  const child = spawnSync(node, ["--import", `data:text/javascript,${encodeURIComponent(report)}`, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const lines = child.stderr.trim().split("\n");
  const peak = lines.find((line) => line.startsWith("peak-rss "));
  return {
    status: child.status,
    stdout: child.stdout,
    lines: lines.filter((line) => line !== peak),
    peakRss: Number(peak?.slice("peak-rss ".length)) * 1024,
  };
}
