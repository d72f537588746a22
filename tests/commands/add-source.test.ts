/**
 * add-source scaffolds a source folder from a text file: the text byte for byte, source.json with its hash and
 * the fields to fill, and draft records of every figure, event and dismissal in the form the build reads, each
 * marked as a draft; it refuses bad ids, taken ids and files that are not text, overwrites nothing, warns when the
 * text is already a source's, and the build refuses the folder until every draft is accepted or removed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addSource as addSourceAs } from "../../pipeline/commands/add-source.ts";
import { CRASH_AT_VARIABLE } from "../../pipeline/io/crash-point.ts";
import { PipelineError, PipelineErrors } from "../../pipeline/io/errors.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { assertCurated } from "../../pipeline/curation/to-curate.ts";
import { MEMO_DIR, ROOT, runInProcess, snapshot } from "../helpers/cli.ts";
import { PDF_MARKDOWN } from "../helpers/text-formats.ts";

/** Four lines of text with quantities and dates on known lines, a page-break-style gap and an escaped dollar. */
const TEXT = [
  "Harbour note, May 2024",
  "",
  "The ferry carried 1.4 million passengers in 2023, up from about 1.1 million in 2022.",
  "Fares rose by \\$2 in March 2024 and nearly 300 commuters wrote to the council.",
  "",
].join("\n");

/** The text above holds an escape: it is scaffolded as Markdown converted from a PDF, as the memo is. */
const addSource = (sourcesDir: string, id: string, textFile: string) =>
  addSourceAs(sourcesDir, id, textFile, PDF_MARKDOWN);

/**
 * The terms of a harbour's notes: what the drafts of TEXT guess from (a measure per unit, the council by an alias,
 * an event type by its description).
 */
const HARBOUR_CONFIG = `
package: { title: "Harbour notes: {sources}", description: "Figures from {sources}", keywords: [test] }
units:
  person: { name: persons, suffix: " persons", accepts: [count] }
  USD: { name: US dollars, currency: USD }
  year: { name: years, suffix: " years" }
measures:
  ferry_passengers: { unit: person, description: "Passengers the ferry carried in the period" }
  fare_rise: { unit: USD, description: "How much fares rose" }
  loan_term: { unit: year, description: "How long a loan runs" }
actors:
  HC: { name: Harbour Council, aliases: [the council] }
  FC: { name: Ferry Company }
event_types:
  agreement: { description: "An agreement is signed" }
  fare_change: { description: "Fares rise or fall" }
`;

/** A sources folder with a dataset.yaml (the memo's by default) and no source yet, and a text file beside it. */
function workspace(
  text: string | Uint8Array = TEXT,
  config: string | Uint8Array = readFileSync(join(ROOT, "sources", "dataset.yaml")),
): { sourcesDir: string; textFile: string } {
  const root = mkdtempSync(join(tmpdir(), "rdd-add-"));
  const sourcesDir = join(root, "sources");
  mkdirSync(sourcesDir);
  writeFileSync(join(sourcesDir, "dataset.yaml"), config);
  const textFile = join(root, "harbour-note.txt");
  writeFileSync(textFile, text);
  return { sourcesDir, textFile };
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PipelineError || error instanceof PipelineErrors)
      return String(error instanceof PipelineErrors ? error.message : error);
    throw error;
  }
  throw new Error("expected a refusal");
}

/** source.json's bibliographic fields filled, as step 2 of the README's "Add a source" has the curator do. */
function fillSourceRecord(dir: string, published = "2024-05"): void {
  const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
  writeFileSync(
    join(dir, "source.json"),
    JSON.stringify({
      ...record,
      title: "Harbour note",
      author: "A. Clerk",
      published,
      publisher: "Harbour Office",
      license_note: "Written for tests.",
    }),
  );
}

/** Every draft of a folder accepted as it stands: one edit per record, its `draft: true` line deleted. */
function acceptAll(dir: string, fill: Record<string, string> = {}): void {
  for (const file of ["figures.yaml", "events.yaml", "dismissed.yaml"]) {
    let text = readFileSync(join(dir, file), "utf8").replaceAll("\n  draft: true\n", "\n");
    for (const [key, value] of Object.entries(fill))
      text = text.replaceAll(`\n  ${key}: null\n`, `\n  ${key}: ${value}\n`);
    writeFileSync(join(dir, file), text);
  }
}

const curatedFile = (dir: string, file: string) =>
  parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>[];

describe("add-source", () => {
  it("copies the text byte for byte and pins its hash and size in source.json, bibliographic fields null", async () => {
    const { sourcesDir, textFile } = workspace();
    await addSource(sourcesDir, "harbour-note", textFile);
    const dir = join(sourcesDir, "harbour-note");
    expect(readdirSync(dir).sort()).toEqual([
      "dismissed.yaml",
      "events.yaml",
      "figures.yaml",
      "harbour-note.txt",
      "source.json",
    ]);
    const copied = readFileSync(join(dir, "harbour-note.txt"));
    expect(copied.equals(readFileSync(textFile))).toBe(true);
    const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
    expect(record).toMatchObject({
      id: "harbour-note",
      file: "harbour-note.txt",
      text_format: "pdf-markdown",
      sha256: sha256(copied),
      bytes: copied.length,
    });
    for (const field of [
      "title",
      "author",
      "published",
      "publisher",
      "license_note",
      "affiliation",
      "series",
      "number",
      "url",
    ]) {
      expect(record[field]).toBeNull();
    }
  });

  it("drafts a figure for every amount and a dismissal for every vague one, each marked and commented", async () => {
    const { sourcesDir, textFile } = workspace(TEXT, HARBOUR_CONFIG);
    const { dir } = await addSource(sourcesDir, "harbour-note", textFile);
    const figures = curatedFile(dir, "figures.yaml");
    expect(
      figures.map(({ measure, quote, amount, period, draft }) => ({ measure, quote, amount, period, draft })),
    ).toEqual([
      {
        measure: "ferry_passengers",
        quote: "The ferry carried 1.4 million passengers in 2023, up from about 1.1 million in 2022.",
        amount: "1.4 million",
        period: "2023",
        draft: true,
      },
      {
        measure: "ferry_passengers",
        quote: "The ferry carried 1.4 million passengers in 2023, up from about 1.1 million in 2022.",
        amount: "about 1.1 million",
        period: "2022",
        draft: true,
      },
      {
        measure: "fare_rise",
        quote: "Fares rose by $2 in March 2024 and nearly 300 commuters wrote to the council.",
        amount: "$2",
        period: "March 2024",
        draft: true,
      },
      {
        measure: "ferry_passengers",
        quote: "Fares rose by $2 in March 2024 and nearly 300 commuters wrote to the council.",
        amount: "nearly 300",
        period: "March 2024",
        draft: true,
      },
    ]);
    // Each draft says where it stands in the text file and what was read, above it; `draft: true` is its own line.
    const text = readFileSync(join(dir, "figures.yaml"), "utf8");
    expect(text).toContain("# harbour-note.txt:4 (characters ");
    expect(text).toContain('"nearly 300" read as 300 count, at most');
    expect(text.match(/^ {2}draft: true$/gm)).toHaveLength(figures.length);
  });

  it("drafts a duration as a duration, in years, never as a count", async () => {
    const { sourcesDir, textFile } = workspace(
      "The council will repay the loan over a 20 year period.\n",
      HARBOUR_CONFIG,
    );
    const { dir } = await addSource(sourcesDir, "loan-note", textFile);
    const [figure] = curatedFile(dir, "figures.yaml");
    expect(figure).toMatchObject({ measure: "loan_term", period: null });
    expect(figure).not.toHaveProperty("amount");
    expect(readFileSync(join(dir, "figures.yaml"), "utf8")).toContain('"20 year" read as 20 year (a duration)');
  });

  it("drafts an event for a dated sentence that names an actor: its date, actors, type and PLOVER category", async () => {
    const text =
      "Harbour note\n\nIn March 2024 the council signed an agreement with the Ferry Company. The sea was calm.\n";
    const { sourcesDir, textFile } = workspace(text, HARBOUR_CONFIG);
    const { dir } = await addSource(sourcesDir, "harbour-note", textFile);
    expect(curatedFile(dir, "events.yaml")).toEqual([
      {
        id: "hc-fc-agreement-2024-03",
        draft: true,
        event_type: "agreement",
        plover: "AGREE",
        actors: ["HC", "FC"],
        title: "Harbour Council, Ferry Company: agreement, 2024-03",
        quote: "In March 2024 the council signed an agreement with the Ferry Company.",
        date: "March 2024",
      },
    ]);
  });

  it("with --date records the publication date in source.json and dates the drafts by it", async () => {
    const text = [
      "Harbour note",
      "The harbour was first dredged in 1996.",
      "In April, the council signed an agreement with the Ferry Company.",
      "",
    ].join("\n\n");
    const { sourcesDir, textFile } = workspace(text, HARBOUR_CONFIG);
    const added = await runInProcess(
      "add-source",
      "harbour-note",
      textFile,
      "--sources",
      sourcesDir,
      "--date",
      "2014-06-20",
    );
    expect([added.status, added.stderr]).toEqual([0, ""]);
    const dir = join(sourcesDir, "harbour-note");
    expect(JSON.parse(readFileSync(join(dir, "source.json"), "utf8")).published).toBe("2014-06-20");
    const [event] = curatedFile(dir, "events.yaml");
    expect(event).toMatchObject({ id: "hc-fc-agreement-2014-04", date: "April", actors: ["HC", "FC"] });
    expect(readFileSync(join(dir, "events.yaml"), "utf8")).toContain(`dated by "April" (2014-04)`);
    // Without it, the relative date is drafted by its words, for the build to resolve once source.json has one.
    const undated = await runInProcess("add-source", "harbour-undated", textFile, "--sources", sourcesDir);
    expect(undated.status).toBe(0);
    expect(JSON.parse(readFileSync(join(sourcesDir, "harbour-undated", "source.json"), "utf8")).published).toBe(null);
    expect(curatedFile(join(sourcesDir, "harbour-undated"), "events.yaml")[0]).toMatchObject({
      id: "hc-fc-agreement",
      date: "April",
    });
    for (const date of ["2014-13-01", "2014-02-30", "20 June 2014", ""]) {
      const refused = await runInProcess(
        "add-source",
        "harbour-bad",
        textFile,
        "--sources",
        sourcesDir,
        "--date",
        date,
      );
      expect([refused.status, refused.stderr]).toEqual([
        2,
        "add-source: --date must be the publication date as YYYY-MM-DD (or YYYY-MM, YYYY), not " +
          `${JSON.stringify(date)}\n`,
      ]);
    }
    expect(existsSync(join(sourcesDir, "harbour-bad"))).toBe(false);
  });

  it("refuses an id that is not a lowercase slug, and writes nothing", async () => {
    const { sourcesDir, textFile } = workspace();
    const before = snapshot(dirname(sourcesDir));
    const notSlug = fc.string({ maxLength: 20 }).filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
    await fc.assert(
      fc.asyncProperty(notSlug, async (id) => {
        expect(await refusal(() => addSource(sourcesDir, id, textFile))).toContain("is not a source id");
      }),
      { numRuns: 60, examples: [["Harbour"], ["harbour_note"], ["-harbour"], ["harbour--note"], ["../harbour"], [""]] },
    );
    expect(snapshot(dirname(sourcesDir))).toEqual(before);
  });

  it("refuses an id that names an existing folder or another folder's source, and overwrites nothing", async () => {
    const { sourcesDir, textFile } = workspace();
    mkdirSync(join(sourcesDir, "taken"));
    writeFileSync(join(sourcesDir, "taken", "keep.txt"), "kept");
    const before = snapshot(sourcesDir);
    expect(await refusal(() => addSource(sourcesDir, "taken", textFile))).toMatch(
      /taken: already exists; add-source never overwrites/,
    );
    expect(snapshot(sourcesDir)).toEqual(before);
    // A folder whose name differs from the id in its source.json still holds that id.
    mkdirSync(join(sourcesDir, "memo-copy"));
    writeFileSync(join(sourcesDir, "memo-copy", "source.json"), readFileSync(join(MEMO_DIR, "source.json")));
    const withCopy = snapshot(sourcesDir);
    expect(await refusal(() => addSource(sourcesDir, "ponars-pm-428", textFile))).toMatch(
      /memo-copy\/source\.json: already has the id "ponars-pm-428"/,
    );
    expect(snapshot(sourcesDir)).toEqual(withCopy);
  });

  it(
    "refuses a missing file, a folder, an empty file, a binary file and one that is not UTF-8, and " + "writes nothing",
    async () => {
      const { sourcesDir } = workspace();
      const root = dirname(sourcesDir);
      const cases: [string, string | Uint8Array | null, RegExp][] = [
        ["missing.txt", null, /missing\.txt: no such file$/],
        ["empty.txt", "", /empty\.txt: the text file is empty/],
        [
          "binary.bin",
          new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
          /binary\.bin: not text: a NUL byte at byte 4$/,
        ],
        [
          "latin1.txt",
          new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
          /latin1\.txt: not UTF-8 text: an invalid byte sequence at byte 3$/,
        ],
        ["source.json", "{}", /source\.json: the text file's name is one the source folder needs/],
        ["figures.yaml", "[]", /figures\.yaml: the text file's name is one the source folder needs/],
      ];
      for (const [name, content] of cases) if (content !== null) writeFileSync(join(root, name), content);
      const before = snapshot(sourcesDir);
      for (const [name, , says] of cases)
        expect(await refusal(() => addSource(sourcesDir, "harbour-note", join(root, name)))).toMatch(says);
      expect(await refusal(() => addSource(sourcesDir, "harbour-note", sourcesDir))).toMatch(
        /: not a regular file \(a directory\)$/,
      );
      expect(snapshot(sourcesDir)).toEqual(before);
    },
  );

  it(
    "as a command: one line and a non-zero exit for a bad id, a taken id, a binary file or an unknown format; " +
      "usage for a wrong call",
    async () => {
      const { sourcesDir, textFile } = workspace();
      const binary = join(dirname(sourcesDir), "binary.bin");
      writeFileSync(binary, new Uint8Array([0, 1, 2, 3]));
      const before = snapshot(sourcesDir);
      for (const [args, says] of [
        [["Bad_Id", textFile], /"Bad_Id" is not a source id/],
        [["harbour-note", binary], /binary\.bin: not text: a NUL byte at byte 0$/m],
      ] as const) {
        const result = await runInProcess("add-source", ...args, "--sources", sourcesDir);
        expect(result.status).toBe(1);
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toMatch(says);
      }
      expect((await runInProcess("add-source", "harbour-note", "--sources", sourcesDir)).status).toBe(2);
      const unknown = await runInProcess(
        "add-source",
        "harbour-note",
        textFile,
        "--sources",
        sourcesDir,
        "--format",
        "docx",
      );
      expect([unknown.status, unknown.stderr]).toEqual([
        2,
        'add-source: --format must be a text format (pdf-markdown, plain-text), not "docx"\n',
      ]);
      expect(snapshot(sourcesDir)).toEqual(before);
      const added = await runInProcess("add-source", "harbour-note", textFile, "--sources", sourcesDir);
      expect([added.status, added.stderr]).toEqual([0, ""]);
      expect(added.stdout).toContain("text format plain-text");
      expect(added.stdout).toMatch(
        /drafted 4 figure\(s\), \d+ event\(s\) and \d+ dismissal\(s\), each marked draft: true/,
      );
      expect(JSON.parse(readFileSync(join(sourcesDir, "harbour-note", "source.json"), "utf8")).text_format).toBe(
        "plain-text",
      );
      const again = await runInProcess("add-source", "harbour-note", textFile, "--sources", sourcesDir);
      expect([again.status, again.stderr.trim().split("\n").length]).toEqual([1, 1]);
    },
  );

  it("warns in one line when the text is already a source's, and adds it all the same", async () => {
    const { sourcesDir, textFile } = workspace();
    expect((await runInProcess("add-source", "harbour-note", textFile, "--sources", sourcesDir)).stderr).toBe("");
    const twice = await runInProcess("add-source", "harbour-note-again", textFile, "--sources", sourcesDir);
    expect(twice.status).toBe(0);
    expect(twice.stderr).toBe(
      `add-source: warning: ${join(sourcesDir, "harbour-note", "source.json")} already has this text (SHA-256 ` +
        `${sha256(readFileSync(textFile))}); added it again as "harbour-note-again"\n`,
    );
    expect(existsSync(join(sourcesDir, "harbour-note-again", "source.json"))).toBe(true);
  });

  it("killed before the folder is in place leaves no folder, and the next run cleans up and succeeds", async () => {
    const { sourcesDir, textFile } = workspace();
    const before = snapshot(sourcesDir);
    const killed = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "pipeline", "cli.ts"),
        "add-source",
        "harbour-note",
        textFile,
        "--sources",
        sourcesDir,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, [CRASH_AT_VARIABLE]: "add-source:staged" },
      },
    );
    expect(killed.signal).toBe("SIGKILL");
    // The work folder is hidden in the sources folder, where a build skips it; nothing else is there.
    const leftovers = () => readdirSync(sourcesDir).filter((name) => name.startsWith(".add-source-"));
    const visible = Object.entries(snapshot(sourcesDir)).filter(([path]) => !path.startsWith(".add-source-"));
    expect(Object.fromEntries(visible)).toEqual(before);
    expect(leftovers()).toHaveLength(1);
    await addSource(sourcesDir, "harbour-note", textFile);
    expect(leftovers()).toEqual([]);
    expect(existsSync(join(sourcesDir, "harbour-note", "figures.yaml"))).toBe(true);
  });
});

describe("the build and a scaffolded source", () => {
  it("refuses it until source.json is filled and every draft accepted, naming each with file:line", async () => {
    const { sourcesDir, textFile } = workspace(TEXT, HARBOUR_CONFIG);
    const { dir } = await addSource(sourcesDir, "harbour-note", textFile);
    const outDir = join(dirname(sourcesDir), "dist");
    const refused = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect(refused.status).toBe(1);
    const record = join(dir, "source.json");
    for (const [field, line] of [
      ["title", 3],
      ["author", 4],
      ["published", 8],
      ["publisher", 9],
      ["license_note", 15],
    ] as const) {
      expect(refused.stderr).toContain(`${record}:${line}: ${field} is still to fill`);
    }
    // Each draft at its `draft: true` line, with the fields it still lacks.
    const lines = readFileSync(join(dir, "figures.yaml"), "utf8").split("\n");
    const draftLines = lines.flatMap((line, i) => (line === "  draft: true" ? [i + 1] : []));
    const ids = curatedFile(dir, "figures.yaml").map((figure) => figure.id);
    expect(draftLines).toHaveLength(ids.length);
    for (const [i, line] of draftLines.entries()) {
      expect(refused.stderr).toContain(
        `${join(dir, "figures.yaml")}:${line} [${ids[i]}]: a draft, not yet accepted: check it against the text, ` +
          "then delete this `draft: true` line to accept it, or delete the record",
      );
    }
    expect(refused.stderr).toMatch(
      /dismissed\.yaml:\d+ \[#\d+\]: a draft, not yet accepted: check it against the text, fill reason \(null\)/,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it("refuses it with the messages the README shows, each file named by its absolute path", async () => {
    const { sourcesDir, textFile } = workspace(TEXT, HARBOUR_CONFIG);
    await addSource(sourcesDir, "harbour-note", textFile);
    const refused = await runInProcess("build", "--sources", sourcesDir, "--out", join(dirname(sourcesDir), "dist"));
    // The examples in "Add a source", step 7: a path for the repository's, `<id>` and `<record id>` for the
    // source's and a draft's, "..." for the rest of the message, any line number.
    const readme = readFileSync(join(ROOT, "README.md"), "utf8").replace(/\s+/g, " ");
    const step =
      /lists each gap, one line each, `file:line \[record\]: message`, [^(]*\((.*?)\), nothing published/.exec(readme);
    const examples = [...step![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const printed = refused.stderr.split("\n");
    for (const example of examples) {
      const pattern = example
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace("/path/to/repo", dirname(sourcesDir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .replace("<id>", "harbour-note")
        .replace("<record id>", "[a-z0-9-]+")
        .replace(/:\d+/, ":\\d+")
        .replace(/\\\.\\\.\\\.$/, ".+");
      expect(
        printed.some((line) => new RegExp(`^${pattern}$`).test(line)),
        example,
      ).toBe(true);
    }
  });

  it("builds it once each draft is accepted by deleting its draft line, with the values of the text", async () => {
    const { sourcesDir, textFile } = workspace(TEXT, HARBOUR_CONFIG);
    const { dir } = await addSource(sourcesDir, "harbour-note", textFile);
    fillSourceRecord(dir);
    await expect(refusal(async () => assertCurated(dir))).resolves.toMatch(/figures\.yaml:\d+ \[[a-z0-9-]+\]: a draft/);
    acceptAll(dir, { reason: "Dates nothing the note records." });
    expect(() => assertCurated(dir)).not.toThrow();
    const outDir = join(dirname(sourcesDir), "dist");
    const built = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect([built.status, built.stderr]).toEqual([0, ""]);
    const figures = JSON.parse(readFileSync(join(outDir, "data", "figures.json"), "utf8")) as Record<string, unknown>[];
    const rows = figures.map(({ value, unit, period_start, qualifier }) => [value, unit, period_start, qualifier]);
    expect(rows.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [2, "USD", "2024-03", "exact"],
      [300, "person", "2024-03", "at_most"],
      [1100000, "person", "2022", "approximate"],
      [1400000, "person", "2023", "exact"],
    ]);
  });
});
