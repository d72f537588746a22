/**
 * Hostile input at the edges of the build: each case is refused with exactly one clear line naming the file,
 * folder or option (or a capped list with a count), exit code 1 (2 for a wrong option), no stack trace, and
 * the output folder exactly as it was.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_FILE, loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { MAX_REPORTED_ERRORS } from "../../pipeline/io/errors.ts";
import { WORK_MARKER } from "../../pipeline/io/work-folder.ts";
import {
  brokenSources,
  errorLines,
  MEMO_DIR,
  replaceIn,
  ROOT,
  runCli,
  runInProcess,
  runInProcessAt,
  snapshot,
  STACK_TRACE,
} from "../helpers/cli.ts";
import { copyRepo, removeTemporaryFolders } from "../helpers/repo-copy.ts";

afterAll(removeTemporaryFolders);

interface Case {
  name: string;
  /** Changes the copy of the memo's source folder (`dir`); its parent is the sources folder. */
  edit: (dir: string) => void;
  /** The command line's arguments after `build`, from the copy's paths; by default --sources and --out. */
  args?: (paths: { sourcesDir: string; outDir: string }) => string[];
  /** The whole of stderr, line by line. */
  lines: (string | RegExp)[];
  status?: number;
}

/** Pins source.json to the memo's current bytes, so a case reaches the check after the checksum. */
function pinText(dir: string, file = "memo.txt"): void {
  const bytes = readFileSync(join(dir, file));
  const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
  Object.assign(record, { file, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
  writeFileSync(join(dir, "source.json"), JSON.stringify(record, null, 2));
}

/** The 1-based line of the memo's source folder `file` (or `../dataset.yaml`) that holds `text`. */
function lineOf(file: string, text: string): number {
  const at = readFileSync(join(MEMO_DIR, file), "utf8")
    .split("\n")
    .findIndex((line) => line.includes(text));
  if (at < 0) throw new Error(`fixture: no "${text}" in ${file}`);
  return at + 1;
}

/** Sets fields of the copy's source.json, keeping one key a line. */
function editSource(dir: string, fields: Record<string, unknown>): void {
  const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
  writeFileSync(join(dir, "source.json"), JSON.stringify({ ...record, ...fields }, null, 2));
}

const PEAK_NOTE = "  note: The memo calls it the post-Soviet peak.";
const WAR_TITLE = "  title: The Korean War, which ended in a stalemate";
const KEYWORDS = "  keywords: [Russia, North Korea, DPRK, trade, policy memo, PONARS Eurasia]";
const CHART_FILE = "  - file: trade-turnover.svg";
const ACTORS = "  actors: [SUN, PRK]";
const UN_VOTES_PERIOD = "  period: March 2014\n  expect: 11";

const cases: Case[] = [
  {
    name: "a second folder repeating the source id, sorted first",
    edit: (dir) => {
      cpSync(dir, join(dirname(dir), "aaa-impostor"), { recursive: true });
      const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
      writeFileSync(
        join(dirname(dir), "aaa-impostor", "source.json"),
        JSON.stringify({ ...record, title: "An impostor" }),
      );
    },
    lines: [
      /\/ponars-pm-428\/source\.json: duplicate source id "ponars-pm-428": .*\/sources\/aaa-impostor has it too$/,
    ],
  },
  {
    name: "a second folder repeating the source id, sorted last",
    edit: (dir) => cpSync(dir, join(dirname(dir), "zzz-impostor"), { recursive: true }),
    lines: [
      /\/zzz-impostor\/source\.json: duplicate source id "ponars-pm-428": .*\/sources\/ponars-pm-428 has it too$/,
    ],
  },
  {
    name: "a missing curated file",
    edit: (dir) => rmSync(join(dir, "figures.yaml")),
    lines: [/\/figures\.yaml: no such file$/],
  },
  {
    name: "a directory where a curated file should be",
    edit: (dir) => {
      rmSync(join(dir, "events.yaml"));
      mkdirSync(join(dir, "events.yaml"));
    },
    lines: [/\/events\.yaml: not a regular file \(a directory\)$/],
  },
  {
    name: "a FIFO where a curated file should be (it must not hang the build)",
    edit: (dir) => {
      rmSync(join(dir, "dismissed.yaml"));
      execFileSync("mkfifo", [join(dir, "dismissed.yaml")]);
    },
    lines: [/\/dismissed\.yaml: not a regular file \(a FIFO\)$/],
  },
  {
    name: "a FIFO where the optional indicator definitions should be",
    edit: (dir) => {
      rmSync(join(dir, "indicators.yaml"));
      execFileSync("mkfifo", [join(dir, "indicators.yaml")]);
    },
    lines: [/\/indicators\.yaml: not a regular file \(a FIFO\)$/],
  },
  {
    name: "a FIFO as the source text",
    edit: (dir) => {
      rmSync(join(dir, "memo.txt"));
      execFileSync("mkfifo", [join(dir, "memo.txt")]);
    },
    lines: [/\/memo\.txt: not a regular file \(a FIFO\)$/],
  },
  {
    name: "a FIFO as source.json (read once, by the rule for input files, before anything else of the source)",
    edit: (dir) => {
      rmSync(join(dir, "source.json"));
      execFileSync("mkfifo", [join(dir, "source.json")]);
    },
    lines: [/\/source\.json: not a regular file \(a FIFO\)$/],
  },
  {
    name: "a missing source.json",
    edit: (dir) => rmSync(join(dir, "source.json")),
    lines: [/\/source\.json: no such file$/],
  },
  {
    name: "a source.json whose file leads out of its folder",
    edit: (dir) => {
      copyFileSync(join(dir, "memo.txt"), join(dir, "..", "..", "outside.txt"));
      rmSync(join(dir, "memo.txt"));
      pinText(dir, "../../outside.txt");
    },
    lines: [/\/rdd-\w+\/outside\.txt: leads out of its folder .*\/sources\/ponars-pm-428$/],
  },
  {
    name: "a source text that is a symlink out of the source folder",
    edit: (dir) => {
      const outside = join(dir, "..", "..", "memo-elsewhere.txt");
      copyFileSync(join(dir, "memo.txt"), outside);
      rmSync(join(dir, "memo.txt"));
      symlinkSync(outside, join(dir, "memo.txt"));
    },
    lines: [/\/memo\.txt: a symlink leading out of its folder .*\/ponars-pm-428, to .*\/memo-elsewhere\.txt$/],
  },
  {
    name: "a curated file larger than the size limit",
    edit: (dir) =>
      writeFileSync(
        join(dir, "events.yaml"),
        `# ${"padding ".repeat(140_000)}\n${readFileSync(join(dir, "events.yaml"), "utf8")}`,
      ),
    lines: [/\/events\.yaml: \d+ bytes, more than the limit of 1048576 for this file$/],
  },
  {
    name: "a curated list longer than the record limit",
    edit: (dir) => writeFileSync(join(dir, "dismissed.yaml"), "- {quote: x, reason: y}\n".repeat(10_001)),
    lines: [/\/dismissed\.yaml:1: 10001 records, more than the limit of 10000 for a curated file$/],
  },
  {
    name: "a YAML alias",
    edit: (dir) => {
      const file = join(dir, "dismissed.yaml");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("reason: Part of a proper name", "reason: &proper Part of a proper name") +
          "\n- quote: six-party\n  reason: *proper\n",
      );
    },
    lines: [/\/dismissed\.yaml:\d+: YAML alias \*proper is not allowed in a curated file: write the value out$/],
  },
  {
    name: "ten thousand YAML aliases: the first errors, then a count",
    edit: (dir) =>
      writeFileSync(
        join(dir, "dismissed.yaml"),
        "- {quote: &q x, reason: &r y}\n" + "- {quote: *q, reason: *r}\n".repeat(5_000),
      ),
    lines: [
      ...Array.from({ length: MAX_REPORTED_ERRORS }, () => /\/dismissed\.yaml:\d+: YAML alias \*[qr] is not allowed/),
      `… and ${10_000 - MAX_REPORTED_ERRORS} more (10000 errors in all)`,
    ],
  },
  {
    name: "a lone surrogate escape in a curated note (not valid Unicode)",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), PEAK_NOTE, '  note: "x \\uD800 y"'),
    lines: [
      new RegExp(
        `/figures\\.yaml:${lineOf("figures.yaml", PEAK_NOTE)}: note: not valid Unicode: a lone surrogate U\\+D800 ` +
          "at character 3 \\(half of a pair, as an escape such as \\\\uD800 gives\\): write the character itself$",
      ),
    ],
  },
  {
    name: "a lone surrogate escape in source.json",
    edit: (dir) => editSource(dir, { publisher: "PONARS \uDC00 Eurasia" }),
    lines: [/\/source\.json:9: publisher: not valid Unicode: a lone surrogate U\+DC00 at character 8 /],
  },
  {
    name: "a NUL in curated text, written as an escape",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), WAR_TITLE, '  title: "The Korean War\\0"'),
    lines: [
      new RegExp(
        `/events\\.yaml:${lineOf("events.yaml", WAR_TITLE)}: title: a control character U\\+0000 at character 15: ` +
          `remove it \\(this field is one line, without tabs\\)$`,
      ),
    ],
  },
  {
    name: "a line break in a title, which is one line",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), WAR_TITLE, '  title: "The Korean War\\nended"'),
    lines: [new RegExp(`/events\\.yaml:${lineOf("events.yaml", WAR_TITLE)}: title: a control character U\\+000A `)],
  },
  {
    name: "an escape character in a curated note, where tab and newline alone are allowed",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), PEAK_NOTE, '  note: "peak\\t\\n\\e[31m"'),
    lines: [
      new RegExp(
        `/figures\\.yaml:${lineOf("figures.yaml", PEAK_NOTE)}: note: a control character U\\+001B at character 7: ` +
          `remove it \\(tab and newline only are allowed\\)$`,
      ),
    ],
  },
  {
    name: "a javascript: url in source.json",
    edit: (dir) => editSource(dir, { url: "javascript:alert(document.domain)" }),
    lines: [/\/source\.json:10: url: must be an http or https address, or a DOI as doi:10\.…\/…$/],
  },
  {
    name: "a doi: url that is no DOI",
    edit: (dir) => editSource(dir, { url: "doi:javascript:alert(1)" }),
    lines: [/\/source\.json:10: url: must be an http or https address, or a DOI as doi:10\.…\/…$/],
  },
  {
    name: "a javascript: package id in dataset.yaml",
    edit: (dir) => replaceIn(join(dirname(dir), "dataset.yaml"), KEYWORDS, `  id: "javascript:alert(1)"\n${KEYWORDS}`),
    lines: [
      new RegExp(
        `/dataset\\.yaml:${lineOf("../dataset.yaml", KEYWORDS)}: package\\.id: must be an http or https address, ` +
          "or a DOI as doi:10\\.…/…$",
      ),
    ],
  },
  {
    name: "a chart file name too long for the file system",
    edit: (dir) => replaceIn(join(dirname(dir), "dataset.yaml"), CHART_FILE, `  - file: ${"a".repeat(300)}.svg`),
    lines: [
      new RegExp(
        `/dataset\\.yaml:${lineOf("../dataset.yaml", CHART_FILE)}: charts item 1\\.file: at most 100 characters, ` +
          "so that the file name fits$",
      ),
    ],
  },
  {
    name: "an empty item in a list inside a record",
    edit: (dir) => replaceIn(join(dir, "events.yaml"), ACTORS, "  actors: [SUN, null]"),
    lines: [
      new RegExp(
        `/events\\.yaml:${lineOf("events.yaml", ACTORS)} \\[prk-founded-1948\\]: actors item 2: empty \\(null\\): ` +
          "fill it in or remove it$",
      ),
    ],
  },
  {
    name: "a source id too long for the file names made from it",
    edit: (dir) => editSource(dir, { id: "a".repeat(300) }),
    lines: [
      /\/source\.json:2: id: at most 100 characters, so that every file name made from it fits \(explorer\/<id>\.html\)$/,
    ],
  },
  {
    name: "a figure without a period",
    edit: (dir) => replaceIn(join(dir, "figures.yaml"), UN_VOTES_PERIOD, "  expect: 11"),
    lines: [
      new RegExp(
        `/figures\\.yaml:${lineOf("figures.yaml", "- id: un-votes-against-crimea-resolution-2014")} ` +
          `\\[un-votes-against-crimea-resolution-2014\\]: period: missing: the key is required; write period: null ` +
          `when the text gives none$`,
      ),
    ],
  },
  {
    name: "an empty item in a curated list",
    edit: (dir) =>
      writeFileSync(join(dir, "dismissed.yaml"), `${readFileSync(join(dir, "dismissed.yaml"), "utf8")}-\n`),
    lines: [
      new RegExp(
        `/dismissed\\.yaml:${readFileSync(join(MEMO_DIR, "dismissed.yaml"), "utf8").split("\n").length} \\[#\\d+\\]: ` +
          `item \\d+ of the list is empty \\(null\\), not a record of keys: fill it in or remove it$`,
      ),
    ],
  },
  {
    name: "a missing --sources folder",
    edit: () => {},
    args: ({ sourcesDir, outDir }) => ["--sources", join(sourcesDir, "missing"), "--out", outDir],
    lines: [/\/sources\/missing: not a sources folder: no such file$/],
  },
  {
    name: "an empty --sources folder",
    // Every source folder goes; dataset.yaml stays.
    edit: (dir) => {
      for (const folder of readdirSync(dirname(dir), { withFileTypes: true }))
        if (folder.isDirectory()) rmSync(join(dirname(dir), folder.name), { recursive: true });
    },
    lines: [/\/sources: no source folder in it/],
  },
  {
    name: "an unknown option",
    edit: () => {},
    args: ({ sourcesDir, outDir }) => ["--sources", sourcesDir, "--out", outDir, "--colde"],
    lines: [
      "cli.ts build: Unknown option '--colde' (usage: cli.ts build [--sources DIR] [--out DIR] [--docs] [--cold])",
    ],
    status: 2,
  },
];

describe("hostile input", () => {
  it.each(cases)(
    "$name: one clear line, no stack trace, the output folder as it was",
    async ({ edit, args, lines, status = 1 }) => {
      const paths = brokenSources(edit);
      const before = snapshot(paths.outDir);
      const result = await runInProcess(
        "build",
        ...(args ? args(paths) : ["--sources", paths.sourcesDir, "--out", paths.outDir]),
      );
      expect(result.stderr).not.toMatch(STACK_TRACE);
      const printed = errorLines(result);
      expect(printed).toHaveLength(lines.length);
      for (const [i, line] of lines.entries()) {
        if (typeof line === "string") expect(printed[i]).toBe(line);
        else expect(printed[i]).toMatch(line);
      }
      expect(result.status).toBe(status);
      expect(snapshot(paths.outDir)).toEqual(before);
    },
  );

  it("as a process too: one line on stderr and exit code 1, for a FIFO as the source text", () => {
    const [fifo] = cases.filter((c) => c.name === "a FIFO as the source text");
    const paths = brokenSources(fifo!.edit);
    const before = snapshot(paths.outDir);
    const result = runCli("build", "--sources", paths.sourcesDir, "--out", paths.outDir);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([expect.stringMatching(fifo!.lines[0]!)]);
    expect(result.status).toBe(1);
    expect(snapshot(paths.outDir)).toEqual(before);
  });

  it("refuses an --out folder that is not a previous build output, touching nothing", async () => {
    const { sourcesDir } = brokenSources(() => {});
    writeFileSync(join(sourcesDir, "untracked-notes.txt"), "not in git");
    const before = snapshot(sourcesDir);
    const result = await runInProcess("build", "--sources", sourcesDir, "--out", sourcesDir);
    expect(errorLines(result)).toEqual([
      `${sourcesDir}: not a previous build output (no datapackage.json of russia-dprk-data in it): refusing to ` +
        `replace it; choose another --out or remove the folder`,
    ]);
    expect(result.status).toBe(1);
    expect(snapshot(sourcesDir)).toEqual(before);
  });

  it(
    "one text rule for the build and extract: both refuse a source text that is not UTF-8 or holds " + "a NUL byte",
    async () => {
      // Appended to the memo, so each stands at the byte after its last.
      const at = readFileSync(join(MEMO_DIR, "memo.txt")).length;
      const appended = [
        [Buffer.from([0xe9]), `not UTF-8 text: an invalid byte sequence at byte ${at}`],
        [Buffer.from([0]), `not text: a NUL byte at byte ${at}`],
      ] as const;
      for (const [bytes, says] of appended) {
        const { sourcesDir, outDir } = brokenSources((dir) => {
          writeFileSync(join(dir, "memo.txt"), Buffer.concat([readFileSync(join(dir, "memo.txt")), bytes]));
          pinText(dir);
        });
        const memo = join(sourcesDir, "ponars-pm-428", "memo.txt");
        const built = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
        expect(built.status).toBe(1);
        expect(errorLines(built)).toEqual([`${memo}: ${says}`]);
        const extracted = await runInProcess("extract", memo);
        expect(extracted.status).toBe(1);
        expect(errorLines(extracted)).toEqual([`extract: ${memo}: ${says}`]);
      }
    },
  );
});

describe("hostile arguments and odd names beside the build", () => {
  /** A sources folder holding the memo's dataset.yaml only, and a short text file beside it. */
  function addSourceWorkspace(): { sourcesDir: string; textFile: string } {
    const root = mkdtempSync(join(tmpdir(), "rdd-add-"));
    const sourcesDir = join(root, "sources");
    mkdirSync(sourcesDir);
    copyFileSync(join(ROOT, "sources", "dataset.yaml"), join(sourcesDir, "dataset.yaml"));
    const textFile = join(root, "note.txt");
    writeFileSync(textFile, "The ferry carried 1.4 million passengers in 2023.\n");
    return { sourcesDir, textFile };
  }

  it.each([
    ["../evil", `"../evil" is not a source id`],
    ["..", `".." is not a source id`],
    ["a".repeat(240), "a source id of 240 characters is too long: at most 100, so that every file name made from it"],
  ])("add-source refuses the id %s in one line, naming it as typed", async (id, says) => {
    const { sourcesDir, textFile } = addSourceWorkspace();
    const before = snapshot(dirname(sourcesDir));
    const result = await runInProcess("add-source", id, textFile, "--sources", sourcesDir);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([expect.stringContaining(`add-source: ${sourcesDir}: ${says}`)]);
    expect(result.status).toBe(1);
    expect(snapshot(dirname(sourcesDir))).toEqual(before);
  });

  it("add-source says that --sources names a file, not that it does not exist", async () => {
    const { textFile } = addSourceWorkspace();
    const result = await runInProcess("add-source", "harbour-note", textFile, "--sources", textFile);
    expect(errorLines(result)).toEqual([
      `add-source: ${textFile}: not a folder but a file: --sources names the folder that holds the source folders`,
    ]);
    expect(result.status).toBe(1);
  });

  it("--help prints the usage and exits 0, for the command line and for each command", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const result = await runInProcess(...args);
      expect([result.status, result.stderr]).toEqual([0, ""]);
      expect(result.stdout).toMatch(/^usage:\n {2}cli\.ts build .*\n {2}cli\.ts extract /);
    }
    const result = await runInProcess("add-source", "--help");
    expect([result.status, result.stderr, result.stdout]).toEqual([
      0,
      "",
      "usage: cli.ts add-source ID TEXT-FILE [--sources DIR] [--format NAME] [--date YYYY-MM-DD]\n",
    ]);
  });

  it("an interrupted release's plan that cannot be read: one line saying to remove the stage", async () => {
    for (const plan of ["{garbage", '{"version": "9.9.9", "paths": ["../../outside"]}', "null"]) {
      const root = mkdtempSync(join(tmpdir(), "rdd-plan-"));
      // A stage this program made (its marker), whose plan is damaged.
      mkdirSync(join(root, ".release-staging"));
      writeFileSync(join(root, ".release-staging", WORK_MARKER), "");
      writeFileSync(join(root, ".release-staging", "plan.json"), plan);
      const result = await runInProcessAt(root, "release", "patch");
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(errorLines(result)).toEqual([
        expect.stringMatching(
          /^\.release-staging\/plan\.json: not a release plan \(.+\), so the interrupted release cannot be finished: remove \.release-staging\/ and release again$/,
        ),
      ]);
      expect(result.status).toBe(1);
    }
  });

  it("the published url schema takes http, https and doi:10.… only, however the scheme is written", async () => {
    const { webAddress } = await import("../../schemas/fields.ts");
    for (const url of ["https://example.org/a", "doi:10.1000/182"])
      expect(webAddress.safeParse(url).success).toBe(true);
    for (const url of ["DOI:javascript:alert(1)", "Doi:10.1000/182 x", "JavaScript:alert(1)"])
      expect(webAddress.safeParse(url).success, url).toBe(false);
  });

  it("release never removes a .release-staging/ that it did not make: one line, the folder as it was", async () => {
    const root = mkdtempSync(join(tmpdir(), "rdd-plan-"));
    mkdirSync(join(root, ".release-staging"));
    writeFileSync(join(root, ".release-staging", "notes.txt"), "mine\n");
    const before = snapshot(root);
    const result = await runInProcessAt(root, "release", "patch");
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(errorLines(result)).toEqual([
      `.release-staging: not a release stage this program made (no ${WORK_MARKER} in it): refusing to remove it; ` +
        "move it elsewhere, then release again",
    ]);
    expect(result.status).toBe(1);
    expect(snapshot(root)).toEqual(before);
  });

  it("a checkout whose path holds a colon, a space and a # builds, with its own code, the same dist/", async () => {
    const copy = copyRepo("odd:dir x#1/repo");
    const result = await copy.cliAsync(["build"]);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(snapshot(join(copy.dir, "dist"))).toEqual(snapshot(join(ROOT, "dist")));
  });

  it("a checkout whose path holds a colon, a space or a # builds the same schemas entry", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "rdd-")), "a:b c#d");
    mkdirSync(root);
    cpSync(join(ROOT, "schemas"), join(root, "schemas"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
    const { format } = await import("../../pipeline/formats/schemas-entry/index.ts");
    const config = await loadDatasetConfig(join(ROOT, "sources", CONFIG_FILE));
    const files = await format.write({ config, root });
    expect([...files.keys()].length).toBeGreaterThan(0);
    for (const [path, bytes] of files) {
      const committed = readFileSync(join(ROOT, "dist", path), "utf8");
      expect(Buffer.from(bytes).toString("utf8"), path).toBe(committed);
    }
  });
});
