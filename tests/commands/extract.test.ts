import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../pipeline/extract/index.ts";
import { normalize } from "../../pipeline/ingest/index.ts";
import { cliCommand, MEMO_DIR, ROOT, runCli } from "../helpers/cli.ts";

function textFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "rdd-extract-")), "input.txt");
  writeFileSync(file, content);
  return file;
}

describe("the extract command", () => {
  it("prints the memo's mentions as one JSON array, at their place in the file", () => {
    const file = join(MEMO_DIR, "memo.txt");
    const result = runCli("extract", file, "--date", "2016-05");
    expect(result.status).toBe(0);
    const mentions = JSON.parse(result.stdout) as { text: string; start: number; end: number }[];
    const raw = readFileSync(file, "utf8");
    expect(mentions).toHaveLength(extract(normalize(raw).text, { documentDate: "2016-05" }).length);
    expect(result.stdout).toBe(JSON.stringify(mentions, null, 2) + "\n");
    for (const mention of mentions) expect([...raw].slice(mention.start, mention.end).join("")).toBe(mention.text);
  });

  it("refuses an impossible --date with one line and exit 2", () => {
    const file = textFile("Trade rose 5 percent in 2015.");
    for (const date of ["2016-02-31", "2016-13", "2016-00", "2016", "May 2016"]) {
      const result = runCli("extract", file, "--date", date);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining(`"${date}"`)]);
      expect(result.stdout).toBe("");
    }
    expect(runCli("extract", file, "--date", "2016-02-29").status).toBe(0);
  });

  it("refuses a number beyond the double range aloud instead of printing null", () => {
    const huge = "9".repeat(320);
    const file = textFile(`Revenue reached $${huge} billion in 2015, up 5 percent.`);
    const result = runCli("extract", file);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("null,\n    \"value_high\"");
    const mentions = JSON.parse(result.stdout) as { text: string; value?: number | null }[];
    expect(mentions.map((m) => m.text)).toEqual(["2015", "5 percent"]);
    expect(result.stderr).toMatch(/refused "\$9+…9+ billion": the number is beyond the range of a double/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("writes a large output whole to a reader that lags behind (a full pipe waits, it does not lose text)", async () => {
    const memo = readFileSync(join(MEMO_DIR, "memo.txt"), "utf8");
    const file = textFile(Array.from({ length: 16 }, () => memo).join("\n\n"));
    const child = spawn(...cliCommand("extract", file), { cwd: ROOT });
    const parts: Buffer[] = [];
    child.stdout.pause();
    child.stdout.on("data", (part: Buffer) => parts.push(part));
    setTimeout(() => child.stdout.resume(), 1500);
    const status = await new Promise((resolve) => child.on("close", resolve));
    expect(status).toBe(0);
    const output = Buffer.concat(parts).toString("utf8");
    expect(output.length).toBeGreaterThan(1 << 16);
    expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
    expect(JSON.parse(output)).toHaveLength(16 * extract(normalize(memo).text).length);
  });
});
