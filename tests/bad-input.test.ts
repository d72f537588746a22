/**
 * Bad input gets a clear error naming file, line and record, a non-zero exit, and an output folder left
 * exactly as it was.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenSources, replaceIn, runCli, snapshot } from "./helpers/cli.ts";

interface Case {
  name: string;
  edit: (dir: string) => void;
  /** Each must appear in the error output. */
  says: (string | RegExp)[];
}

const cases: Case[] = [
  {
    name: "a memo whose hash differs",
    edit: (dir) => appendFileSync(join(dir, "memo.txt"), " "),
    says: [/memo\.txt: SHA-256 mismatch/],
  },
  {
    name: "a quote that is not in the text",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "quote: to just $85 million in 1996", "quote: to just $58 million in 1996"),
    says: [/figures\.yaml:\d+ \[trade-turnover-rus-prk-1996\]: quote is not in the normalized text/],
  },
  {
    name: "a curated expected value that the text contradicts",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "expect: 2350000000", "expect: 2530000000"),
    says: [/figures\.yaml:\d+ \[trade-turnover-rus-prk-1988\]: expected 2530000000, but the text says 2350000000/],
  },
  {
    name: "an unknown measure",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "measure: border_length", "measure: border_lenght"),
    says: [/figures\.yaml:\d+ \[border-length-rus-prk\]: measure:/],
  },
  {
    name: "an unknown event type",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), "event_type: war", "event_type: warfare"),
    says: [/events\.yaml:\d+ \[korean-war-1950-1953\]: event_type:/],
  },
  {
    name: "a duplicate id",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "id: trade-turnover-rus-prk-1996", "id: trade-turnover-rus-prk-1988"),
    says: [/figures\.yaml:\d+ \[trade-turnover-rus-prk-1988\]: duplicate id "trade-turnover-rus-prk-1988"/],
  },
  {
    name: "an impossible date",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "expect: 85000000", "expect: 85000000\n  expect_period: 2015-13"),
    says: [/figures\.yaml:\d+ \[trade-turnover-rus-prk-1996\]: expect_period: "2015-13" is not a possible ISO 8601 date/],
  },
  {
    name: "a period that ends before it starts",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "from: October 2014\n    to: January 2015", "from: January 2015\n    to: October 2014"),
    says: [/figures\.yaml:\d+ \[investment-deals-rus-prk-2014-2015\]: period ends 2014-10 before it starts 2015-01/],
  },
  {
    name: "a YAML syntax error",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), "  actors: [SUN, PRK]", "  actors: [SUN, PRK"),
    says: [/events\.yaml:\d+: YAML syntax error/],
  },
  {
    name: "an uncovered quantity mention",
    edit: (dir) => replaceIn(join(dir, "dismissed.yaml"), "- quote: six-party talks\n  reason: Part of a proper name, the six-party talks on the Korean peninsula.\n", ""),
    says: [/memo\.txt:\d+ \[six-party\]: quantity mention "six-party" is neither used by a figure nor dismissed/, /memo\.txt: coverage 28 of 29 quantity mentions \(96\.6%\), below 100%/],
  },
  {
    name: "an uncovered time mention",
    edit: (dir) => replaceIn(join(dir, "dismissed.yaml"), "- kind: time\n  quote: May 2016\n", "- kind: quantity\n  quote: May 2016\n"),
    says: [/dismissed\.yaml:\d+ \[#\d+\]: no quantity mention was extracted in "May 2016"/, /memo\.txt:5 \[May 2016\]: time mention "May 2016" dates no event or figure period and is not dismissed/, /memo\.txt: coverage 42 of 43 time mentions \(97\.7%\), below 100%/],
  },
  {
    name: "an event left out, its time mention neither dating a record nor dismissed",
    edit: (dir) => writeFileSync(join(dir, "events.yaml"), readFileSync(join(dir, "events.yaml"), "utf8").replace(/\n- id: rason-zone-established-1991\n(  .*\n)+/, "\n")),
    says: [/memo\.txt:24 \[1991\]: time mention "1991" dates no event or figure period/],
  },
  {
    name: "a dismissal without a reason",
    edit: (dir) => replaceIn(join(dir, "dismissed.yaml"), "  reason: Vague amount (\"multibillion\"), no number to record.\n", ""),
    says: [/dismissed\.yaml:\d+ \[#1\]: reason: /],
  },
];

describe("bad input", () => {
  it.concurrent.each(cases)("$name: names file, line and record, exits non-zero, leaves the output alone", async ({ edit, says }) => {
    const { sourcesDir, outDir } = brokenSources(edit);
    const before = snapshot(outDir);
    const result = runCli("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.status).toBe(1);
    for (const pattern of says) expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(outDir)).toEqual(before);
  });

  it("the unedited copy builds, so each case above fails for its own reason", () => {
    const { sourcesDir, outDir } = brokenSources(() => {});
    const result = runCli("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("the extract command prints one line for a missing, binary or empty file", () => {
    const { sourcesDir } = brokenSources(() => {});
    const binary = join(sourcesDir, "binary.bin");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
    const empty = join(sourcesDir, "empty.txt");
    writeFileSync(empty, "");
    for (const file of [join(sourcesDir, "missing.txt"), binary]) {
      const result = runCli("extract", file);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(file);
    }
    const result = runCli("extract", empty);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
