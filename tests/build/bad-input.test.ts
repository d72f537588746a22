/**
 * Bad input gets a clear error naming file, line and record, a non-zero exit, and an output folder left
 * exactly as it was.
 */
import { appendFileSync, cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenSources, MEMO_DIR, replaceIn, ROOT, runInProcess, snapshot } from "../helpers/cli.ts";
import { NEWS_SOURCE_ID, withNewsSource } from "../helpers/news-source.ts";

/** The 1-based number of the first line of the memo's curated `file` that is `line`, after one holding `after`. */
function curatedLine(file: string, after: string, line: string): number {
  const lines = readFileSync(join(MEMO_DIR, file), "utf8").split("\n");
  const from = lines.findIndex((l) => l.includes(after));
  const at = lines.findIndex((l, i) => i > from && l === line);
  if (from < 0 || at < 0) throw new Error(`fixture: no "${line}" after "${after}" in ${file}`);
  return at + 1;
}

/** The annexation of Crimea's upper-bound date, `by: March 2014` and the passage that holds it, and its line. */
const annexation = "- id: rus-annexes-crimea-2014-03";
const annexationBy = "    by: March 2014";
const annexationIn =
  "    in: North Korea was among only 11 states that voted in March 2014\n  note: >-\n    The memo names the";
const annexationDateLine = curatedLine("events.yaml", annexation, annexationBy);
const unVotes = "- id: un-votes-against-crimea-resolution-2014";
const unVotesPeriodLine = curatedLine("figures.yaml", unVotes, "  period: March 2014");

interface Case {
  name: string;
  edit: (dir: string) => void;
  /** Each must appear in the error output. */
  says: (string | RegExp)[];
  /** The output is those lines and no other. */
  only?: true;
}

const cases: Case[] = [
  {
    name: "a memo whose hash differs",
    edit: (dir) => appendFileSync(join(dir, "memo.txt"), " "),
    says: [/memo\.txt: SHA-256 mismatch/],
  },
  {
    name: "a quote that is not in the text",
    edit: (dir) =>
      replaceIn(join(dir, "figures.yaml"), "quote: to just $85 million in 1996", "quote: to just $58 million in 1996"),
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
    // Its amount is not reported as uncovered too: the record's own error is the one to fix.
    says: [/figures\.yaml:\d+ \[border-length-rus-prk\]: measure:/],
    only: true,
  },
  {
    name: "an unknown actor in an event",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), "  actors: [SUN, PRK]", "  actors: [SUN, DPRK]"),
    says: [/events\.yaml:\d+ \[[a-z0-9-]+\]: actors\.1: "DPRK" is not defined/],
    only: true,
  },
  {
    name: "an unknown event type",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), "event_type: war", "event_type: warfare"),
    says: [/events\.yaml:\d+ \[korean-war-1950-1953\]: event_type:/],
  },
  {
    name: "a duplicate id",
    edit: (dir) =>
      replaceIn(join(dir, "figures.yaml"), "id: trade-turnover-rus-prk-1996", "id: trade-turnover-rus-prk-1988"),
    says: [/figures\.yaml:\d+ \[trade-turnover-rus-prk-1988\]: duplicate id "trade-turnover-rus-prk-1988"/],
  },
  {
    name: "an impossible date",
    edit: (dir) =>
      replaceIn(join(dir, "figures.yaml"), "expect: 85000000", "expect: 85000000\n  expect_period: 2015-13"),
    says: [
      /figures\.yaml:\d+ \[trade-turnover-rus-prk-1996\]: expect_period: "2015-13" is not a possible ISO 8601 date/,
    ],
  },
  {
    name: "a period that ends before it starts",
    edit: (dir) =>
      replaceIn(
        join(dir, "figures.yaml"),
        "from: October 2014\n    to: January 2015",
        "from: January 2015\n    to: October 2014",
      ),
    says: [/figures\.yaml:\d+ \[investment-deals-rus-prk-2014-2015\]: period ends 2014-10 before it starts 2015-01/],
  },
  {
    name: "a YAML syntax error",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), "  actors: [SUN, PRK]", "  actors: [SUN, PRK"),
    says: [/events\.yaml:\d+: YAML syntax error/],
  },
  {
    name: "an uncovered quantity mention",
    edit: (dir) =>
      replaceIn(
        join(dir, "dismissed.yaml"),
        "- quote: six-party talks\n  reason: Part of a proper name, the six-party talks on the Korean peninsula.\n",
        "",
      ),
    says: [
      /memo\.txt:\d+ \[six-party\]: quantity mention "six-party" is neither used by a figure nor dismissed/,
      /memo\.txt: coverage 28 of 29 quantity mentions \(96\.6%\), below 100%/,
    ],
  },
  {
    name: "an uncovered time mention",
    edit: (dir) => replaceIn(join(dir, "dismissed.yaml"), "kind: time\n  quote: was", "kind: quantity\n  quote: was"),
    says: [
      /dismissed\.yaml:\d+ \[#\d+\]: no quantity mention was extracted in "was achieved in 2014 or 2015"/,
      /memo\.txt:\d+ \[2014\]: time mention "2014" dates no event or figure period and is not dismissed/,
      /memo\.txt: coverage 41 of 43 time mentions \(95\.3%\), below 100%/,
    ],
  },
  {
    name: "an upper-bound date with a key its form does not take",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), annexationIn, `    minus: x\n${annexationIn}`),
    says: [`events.yaml:${annexationDateLine} [rus-annexes-crimea-2014-03]: date: Unrecognized key: "minus"`],
  },
  {
    name: "an upper-bound date without its mention",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), `${annexationBy}\n${annexationIn}`, `    by:\n${annexationIn}`),
    says: [
      `events.yaml:${annexationDateLine} [rus-annexes-crimea-2014-03]: date: not a date: ` +
        "give a time mention's text, {mention, in?, minus?}, {from, to, in?} or {by, in?}",
    ],
  },
  {
    name: "an upper bound as a figure's period, which has no date basis to say so",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), "  period: March 2014\n", "  period:\n    by: March 2014\n"),
    says: [
      `figures.yaml:${unVotesPeriodLine + 1} ` +
        "[un-votes-against-crimea-resolution-2014]: period: not a period: give a time mention's text, " +
        "{mention, in?, minus?} or {from, to, in?} ({by} dates events only)",
    ],
  },
  {
    name: "an event left out, its time mention neither dating a record nor dismissed",
    edit: (dir) =>
      writeFileSync(
        join(dir, "events.yaml"),
        readFileSync(join(dir, "events.yaml"), "utf8").replace(
          /\n- id: rason-zone-established-1991\n( {2}.*\n)+/,
          "\n",
        ),
      ),
    says: [/memo\.txt:24 \[1991\]: time mention "1991" dates no event or figure period/],
  },
  {
    name: "a dismissal without a reason",
    edit: (dir) =>
      replaceIn(join(dir, "dismissed.yaml"), '  reason: Vague amount ("multibillion"), no number to record.\n', ""),
    says: [/dismissed\.yaml:\d+ \[#1\]: reason: /],
  },
];

describe("bad input", () => {
  it.each(cases)(
    "$name: names file, line and record, exits non-zero, leaves the output alone",
    async ({ edit, says, only }) => {
      const { sourcesDir, outDir } = brokenSources(edit);
      const before = snapshot(outDir);
      const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
      expect(result.status).toBe(1);
      for (const pattern of says) expect(result.stderr).toMatch(pattern);
      if (only) expect(result.stderr.trim().split("\n")).toHaveLength(says.length);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(outDir)).toEqual(before);
    },
  );

  it("a record that takes another source's id is reported at its own line, naming the other's", async () => {
    // The news article in a folder read before the memo's, its first figure given an id the memo's data has.
    const { dir: sourcesDir, remove } = await withNewsSource(join(ROOT, "sources"));
    try {
      const folder = join(sourcesDir, `a-${NEWS_SOURCE_ID}`);
      renameSync(join(sourcesDir, NEWS_SOURCE_ID), folder);
      replaceIn(join(folder, "figures.yaml"), "- id: causeway-length-lmk\n", "- id: border-length-rus-prk\n");
      const outDir = join(sourcesDir, "..", "dist");
      cpSync(join(ROOT, "dist"), outDir, { recursive: true });
      const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
      expect(result.status).toBe(1);
      const memoLine = curatedLine("figures.yaml", "", "- id: border-length-rus-prk");
      expect(result.stderr).toBe(
        `${join(folder, "figures.yaml")}:3 [border-length-rus-prk]: duplicate id "border-length-rus-prk": ` +
          `${join(sourcesDir, "ponars-pm-428", "figures.yaml")}:${memoLine} has it already (figures of ` +
          "ponars-pm-428); an id is unique across all sources\n",
      );
    } finally {
      remove();
    }
  });

  it("the unedited copy builds, so each case above fails for its own reason", async () => {
    const { sourcesDir, outDir } = brokenSources(() => {});
    const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("the extract command prints one line for a missing, binary or empty file", async () => {
    const { sourcesDir } = brokenSources(() => {});
    const binary = join(sourcesDir, "binary.bin");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
    const empty = join(sourcesDir, "empty.txt");
    writeFileSync(empty, "");
    for (const file of [join(sourcesDir, "missing.txt"), binary]) {
      const result = await runInProcess("extract", file);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(file);
    }
    const result = await runInProcess("extract", empty);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
