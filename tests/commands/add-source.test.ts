/**
 * add-source scaffolds a source folder from a text file: the text byte for byte, source.json with its hash and
 * the fields to fill, every extracted mention listed as still to curate; it refuses bad ids, taken ids and
 * files that are not text, overwrites nothing, and the build refuses the folder until it is curated.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addSource as addSourceAs } from "../../pipeline/commands/add-source.ts";
import { CRASH_AT_VARIABLE } from "../../pipeline/io/crash-point.ts";
import { loadCuration } from "../../pipeline/io/yaml-file.ts";
import { curatedEvent, curatedFigure, dismissal } from "../../pipeline/curation/records.ts";
import { PipelineError, PipelineErrors } from "../../pipeline/io/errors.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { assertCurated, toCurateEntry } from "../../pipeline/curation/to-curate.ts";
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

/** A sources folder with the memo's dataset.yaml and no source yet, and a text file beside it. */
function workspace(text: string | Uint8Array = TEXT): { sourcesDir: string; textFile: string } {
  const root = mkdtempSync(join(tmpdir(), "rdd-add-"));
  const sourcesDir = join(root, "sources");
  mkdirSync(sourcesDir);
  writeFileSync(join(sourcesDir, "dataset.yaml"), readFileSync(join(ROOT, "sources", "dataset.yaml")));
  const textFile = join(root, "harbour-note.txt");
  writeFileSync(textFile, text);
  return { sourcesDir, textFile };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PipelineError || error instanceof PipelineErrors)
      return String(error instanceof PipelineErrors ? error.message : error);
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("add-source", () => {
  it("copies the text byte for byte and pins its hash and size in source.json, bibliographic fields null", () => {
    const { sourcesDir, textFile } = workspace();
    addSource(sourcesDir, "harbour-note", textFile);
    const dir = join(sourcesDir, "harbour-note");
    expect(readdirSync(dir).sort()).toEqual([
      "dismissed.yaml",
      "events.yaml",
      "figures.yaml",
      "harbour-note.txt",
      "source.json",
      "to-curate.yaml",
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

  it("lists every mention the extract command finds, at its line in the text file", async () => {
    const { sourcesDir, textFile } = workspace();
    addSource(sourcesDir, "harbour-note", textFile);
    const dir = join(sourcesDir, "harbour-note");
    const entries = (parse(readFileSync(join(dir, "to-curate.yaml"), "utf8")) as unknown[]).map((entry) =>
      toCurateEntry.parse(entry),
    );
    const extracted = JSON.parse((await runInProcess("extract", textFile, "--format", "pdf-markdown")).stdout) as {
      kind: string;
      text: string;
      start: number;
    }[];
    const lineOf = (start: number) => [...TEXT].slice(0, start).join("").split("\n").length;
    expect(entries.map(({ kind, text, line }) => ({ kind, text, line }))).toEqual(
      extracted.map((m) => ({ kind: m.kind, text: m.text, line: lineOf(m.start) })),
    );
    expect(entries.map((e) => e.text)).toEqual([
      "May 2024",
      "1.4 million",
      "2023",
      "about 1.1 million",
      "2022",
      "\\$2",
      "March 2024",
      "nearly 300",
    ]);
    // The text is the file's own; the context is normalized text (the escape undone), so a curator can quote from it.
    expect(entries.find((e) => e.text === "\\$2")!.context).toContain("Fares rose by $2 in March 2024");
    expect(entries.find((e) => e.text === "nearly 300")!.reading).toBe("300 count, at_most");
  });

  it("drafts the curated files as empty lists that load, each with a header that explains it", () => {
    const { sourcesDir, textFile } = workspace();
    addSource(sourcesDir, "harbour-note", textFile);
    const dir = join(sourcesDir, "harbour-note");
    for (const [file, schema] of [
      ["figures.yaml", curatedFigure],
      ["events.yaml", curatedEvent],
      ["dismissed.yaml", dismissal],
    ] as const) {
      expect(loadCuration(join(dir, file), schema)).toEqual([]);
      expect(readFileSync(join(dir, file), "utf8")).toMatch(/^# .+\n#/);
    }
  });

  it("refuses an id that is not a lowercase slug, and writes nothing", () => {
    const { sourcesDir, textFile } = workspace();
    const before = snapshot(dirname(sourcesDir));
    const notSlug = fc.string({ maxLength: 20 }).filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
    fc.assert(
      fc.property(notSlug, (id) => {
        expect(refusal(() => addSource(sourcesDir, id, textFile))).toContain("is not a source id");
      }),
      { numRuns: 60, examples: [["Harbour"], ["harbour_note"], ["-harbour"], ["harbour--note"], ["../harbour"], [""]] },
    );
    expect(snapshot(dirname(sourcesDir))).toEqual(before);
  });

  it("refuses an id that names an existing folder or another folder's source, and overwrites nothing", () => {
    const { sourcesDir, textFile } = workspace();
    mkdirSync(join(sourcesDir, "taken"));
    writeFileSync(join(sourcesDir, "taken", "keep.txt"), "kept");
    rmSync(join(sourcesDir, "dataset.yaml"));
    const before = snapshot(sourcesDir);
    expect(refusal(() => addSource(sourcesDir, "taken", textFile))).toMatch(
      /taken: already exists; add-source never overwrites/,
    );
    expect(snapshot(sourcesDir)).toEqual(before);
    // A folder whose name differs from the id in its source.json still holds that id.
    mkdirSync(join(sourcesDir, "memo-copy"));
    writeFileSync(join(sourcesDir, "memo-copy", "source.json"), readFileSync(join(MEMO_DIR, "source.json")));
    const withCopy = snapshot(sourcesDir);
    expect(refusal(() => addSource(sourcesDir, "ponars-pm-428", textFile))).toMatch(
      /memo-copy\/source\.json: already has the id "ponars-pm-428"/,
    );
    expect(snapshot(sourcesDir)).toEqual(withCopy);
  });

  it(
    "refuses a missing file, a folder, an empty file, a binary file and one that is not UTF-8, and " + "writes nothing",
    () => {
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
      ];
      for (const [name, content] of cases) if (content !== null) writeFileSync(join(root, name), content);
      const before = snapshot(sourcesDir);
      for (const [name, , says] of cases)
        expect(refusal(() => addSource(sourcesDir, "harbour-note", join(root, name)))).toMatch(says);
      expect(refusal(() => addSource(sourcesDir, "harbour-note", sourcesDir))).toMatch(
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
      expect(added.status).toBe(0);
      expect(added.stdout).toContain("text format plain-text");
      expect(added.stdout).toContain("to-curate.yaml lists 4 quantity and 4 time mention(s)");
      expect(JSON.parse(readFileSync(join(sourcesDir, "harbour-note", "source.json"), "utf8")).text_format).toBe(
        "plain-text",
      );
      const again = await runInProcess("add-source", "harbour-note", textFile, "--sources", sourcesDir);
      expect([again.status, again.stderr.trim().split("\n").length]).toEqual([1, 1]);
    },
  );

  it("killed before the folder is in place leaves no folder, and the next run cleans up and succeeds", () => {
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
    addSource(sourcesDir, "harbour-note", textFile);
    expect(leftovers()).toEqual([]);
    expect(existsSync(join(sourcesDir, "harbour-note", "to-curate.yaml"))).toBe(true);
  });
});

describe("the build and a scaffolded source", () => {
  it("refuses it until source.json is filled and every mention is curated, naming each with file:line", async () => {
    const { sourcesDir, textFile } = workspace();
    const { dir } = addSource(sourcesDir, "harbour-note", textFile);
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
    const text = join(dir, "harbour-note.txt");
    for (const [kind, mention, line] of [
      ["time", "May 2024", 1],
      ["quantity", "1.4 million", 3],
      ["quantity", "about 1.1 million", 3],
      ["quantity", "\\$2", 4],
      ["quantity", "nearly 300", 4],
    ]) {
      expect(refused.stderr).toContain(
        `${text}:${line}: ${kind} mention "${mention}" is still to curate (to-curate.yaml:`,
      );
    }
    expect(existsSync(outDir)).toBe(false);
  });

  it("accepts it once the fields are filled and the list is emptied", () => {
    const { sourcesDir, textFile } = workspace();
    const { dir } = addSource(sourcesDir, "harbour-note", textFile);
    const record = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
    writeFileSync(
      join(dir, "source.json"),
      JSON.stringify({
        ...record,
        title: "Harbour note",
        author: "A. Clerk",
        published: "2024-05",
        publisher: "Harbour Office",
        license_note: "Written for tests.",
      }),
    );
    expect(refusal(() => assertCurated(dir))).toMatch(
      /harbour-note\.txt:1: time mention "May 2024" is still to curate \(to-curate\.yaml:\d+\)/,
    );
    writeFileSync(join(dir, "to-curate.yaml"), "# all curated\n[]\n");
    expect(() => assertCurated(dir)).not.toThrow();
    rmSync(join(dir, "to-curate.yaml"));
    expect(() => assertCurated(dir)).not.toThrow();
  });
});
