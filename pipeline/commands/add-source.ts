/**
 * `add-source ID TEXT-FILE [--format NAME] [--date YYYY-MM-DD]`: scaffolds a new source folder so that curation
 * starts from drafts of its records. The text is copied byte for byte; `source.json` pins its SHA-256 and size,
 * names its text format (plain text unless --format says otherwise), records the publication date --date gives in
 * `published` and leaves the other bibliographic fields null for the curator to fill; `figures.yaml`, `events.yaml`
 * and `dismissed.yaml` hold draft records made from the mentions extracted from the text normalized by that format,
 * relative dates resolved against that date, guessed against the sources folder's dataset.yaml (curation/drafts/),
 * each marked `draft: true` and with a comment saying what was read and guessed. The build refuses the folder until
 * the fields are filled and every draft is accepted or removed (see to-curate.ts). A text whose SHA-256 is already
 * a source's is added with a warning.
 *
 * Nothing existing is overwritten, and the folder appears whole or not at all: it is written inside a work
 * folder in the sources folder (hidden, so the build does not take it for a source; on the same file system, so
 * one rename moves it even when the sources folder is a mount point) and renamed into place; a work folder left
 * by a killed run is removed by the next one (see io/work-folder.ts).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { Document, isMap, isSeq, parse } from "yaml";
import { sourceId } from "../../schemas/fields.ts";
import { decodeUtf8Text, exists, readInputFile, readTextFile } from "../io/input-files.ts";
import { MAX_CURATED_BYTES } from "../io/yaml-file.ts";
import { readJsonFile } from "../io/json-file.ts";
import { userPath } from "../io/user-path.ts";
import { makeWorkFolder, removeAbandonedWorkFolders } from "../io/work-folder.ts";
import { crashPoint } from "../io/crash-point.ts";
import { writeNewFile } from "../io/write-file.ts";
import { PipelineError } from "../io/errors.ts";
import { CONFIG_FILE, loadDatasetConfig } from "../config/dataset-config.ts";
import { draftRecords, type Drafts } from "../curation/drafts/draft.ts";
import { adviceFor, isFileSystemError, whatHappened } from "../io/file-system-errors.ts";
import { MAX_SOURCE_ID_LENGTH } from "../ingest/index.ts";
import { parseIsoDate } from "../extract/calendar.ts";
import { normalize } from "../ingest/normalize.ts";
import { DEFAULT_TEXT_FORMAT, loadTextFormat, textFormatNames, type TextRules } from "../ingest/text-format.ts";
import type { CommandIo } from "../io/command-io.ts";
import { sha256 } from "../io/sha256.ts";
import { DRAFT_KEY, DRAFTED_FILES } from "../curation/to-curate.ts";

const USAGE = "usage: add-source ID TEXT-FILE [--sources DIR] [--format NAME] [--date YYYY-MM-DD]";

/** The work folder inside the sources folder: hidden, as every name the build skips there. */
const WORK_PREFIX = ".add-source-";

/** What every drafted file says first: how to accept a draft. */
const ACCEPTING = `
 Drafts: add-source read every record below from the text, marked \`${DRAFT_KEY}: true\`, and the comment above each
 says where it stands in the text, what was read and what was guessed. Check each against the text and fix it, fill
 what is null, then delete its \`${DRAFT_KEY}: true\` line to accept it, or delete the whole record. The build refuses
 the source while any draft is left, naming each at its line.`;

/** The drafted curation files and what each holds, as their header comments say. */
const CURATION_HEADERS: Record<keyof typeof DRAFTED_FILES, string> = {
  "figures.yaml": `
 What each number in the text means: one record per figure (README.md, "Add a source", step 4).
   - id: a lowercase slug, unique across all sources
     measure, subject, counterpart: terms defined in the dataset.yaml at the top of the sources folder
     quote: the text's words for the figure, as normalized
     amount, period: the quantity and time mentions inside the quote, when it holds more than one; a period may
     also be {mention, in: another passage}
     expect, expect_period: checks against what the extractor read; the value itself is never typed here
     claim_type: reported, estimate, projection or allegation; note: free text
${ACCEPTING}`,
  "events.yaml": `
 Every happening the text dates: one record per event (README.md, "Add a source", step 4).
   - id, event_type (defined in dataset.yaml), plover (optional), actors, title in your own words,
     quote, date (the time mention inside the quote that dates it; {mention, in} for one in another passage; {by,
     in} for a date the text gives only as an upper bound), note (needed for a date that is not explicit)
${ACCEPTING}`,
  "dismissed.yaml": `
 Quantity mentions that are not figures and time mentions that date no record, each with the reason (README.md,
 "Add a source", step 4).
   - kind: quantity (the default) or time
     quote: words around the mention; occurrences: how many times the quote stands in the text (default 1)
     reason: why it is no figure (a vague amount, part of a name, ...) or dates nothing (the text's own date, ...)
${ACCEPTING}`,
};

export interface AddedSource {
  dir: string;
  textFile: string;
  bytes: number;
  sha256: string;
  /** How many records of each file were drafted. */
  drafted: { figures: number; events: number; dismissed: number };
  /** The source.json files of sources whose text has the same SHA-256. */
  sameText: string[];
}

/** The command line: one line and a non-zero exit for any bad argument or input. */
export async function runAddSource(args: string[], io: CommandIo): Promise<number> {
  // A parseArgs error (an unknown option) is reported by the command runner, as for every command.
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    options: { sources: { type: "string" }, format: { type: "string" }, date: { type: "string" } },
  });
  const [id, textPath] = parsed.positionals;
  if (parsed.positionals.length !== 2 || id === undefined || textPath === undefined) {
    io.error(USAGE);
    return 2;
  }
  const formatName = parsed.values.format ?? DEFAULT_TEXT_FORMAT;
  const textFormat = await loadTextFormat(formatName);
  if (textFormat === null) {
    io.error(
      `add-source: --format must be a text format (${textFormatNames().join(", ")}), not ${JSON.stringify(formatName)}`,
    );
    return 2;
  }
  const published = parsed.values.date ?? null;
  if (published !== null && parseIsoDate(published) === null) {
    const given = JSON.stringify(published);
    io.error(`add-source: --date must be the publication date as YYYY-MM-DD (or YYYY-MM, YYYY), not ${given}`);
    return 2;
  }
  try {
    const sourcesDir = parsed.values.sources === undefined ? "sources" : userPath(parsed.values.sources);
    const added = await addSource(sourcesDir, id, userPath(textPath), textFormat, published);
    for (const record of added.sameText)
      io.error(
        `add-source: warning: ${record} already has this text (SHA-256 ${added.sha256}); added it again as "${id}"`,
      );
    io.write(
      `added ${added.dir}/: ${basename(added.textFile)} (${added.bytes} bytes, SHA-256 ${added.sha256}, text ` +
        `format ${textFormat.name})\n`,
    );
    const { figures, events, dismissed } = added.drafted;
    io.write(
      `  drafted ${figures} figure(s), ${events} event(s) and ${dismissed} dismissal(s), each marked ${DRAFT_KEY}: true\n`,
    );
    io.write(
      "  next: fill the null fields of source.json; check each draft against the text, then accept it (delete its " +
        `${DRAFT_KEY}: true line) or delete it; then npm run build\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    io.error(`add-source: ${String(error)}`);
    return 1;
  }
}

export async function addSource(
  sourcesDir: string,
  id: string,
  textPath: string,
  textFormat: TextRules,
  /** The publication date at the document's precision, when known: `published`, which dates resolve against. */
  published: string | null = null,
): Promise<AddedSource> {
  const target = join(sourcesDir, id);
  const siblings = checkId(sourcesDir, id, target);
  const { bytes, raw } = readText(textPath);
  const fileName = basename(textPath);
  if (fileName === "source.json" || fileName in DRAFTED_FILES || fileName === "indicators.yaml") {
    throw new PipelineError(`the text file's name is one the source folder needs for itself; rename the file`, {
      file: textPath,
    });
  }
  const config = await loadDatasetConfig(join(sourcesDir, CONFIG_FILE));
  const digest = sha256(bytes);
  const normalized = normalize(raw, textFormat);
  const drafts = draftRecords({
    textFile: fileName,
    raw,
    normalized,
    config,
    // Without it, a relative date is drafted by its words, for the build to resolve once source.json has one.
    documentDate: published,
    takenIds: new Set(siblings.flatMap((sibling) => sibling.recordIds)),
  });
  const files = new Map<string, Uint8Array | string>([
    [fileName, bytes],
    ["source.json", sourceRecord(id, fileName, textFormat.name, digest, bytes.length, published)],
    ...(Object.keys(CURATION_HEADERS) as (keyof typeof CURATION_HEADERS)[]).map((name): [string, string] => [
      name,
      draftsYaml(CURATION_HEADERS[name], drafts[DRAFTS_OF[name]]),
    ]),
  ]);
  writeFolderAtomically(sourcesDir, id, files);
  return {
    dir: target,
    textFile: join(target, fileName),
    bytes: bytes.length,
    sha256: digest,
    drafted: { figures: drafts.figures.length, events: drafts.events.length, dismissed: drafts.dismissed.length },
    sameText: siblings.filter((sibling) => sibling.sha256 === digest).map((sibling) => sibling.record),
  };
}

const DRAFTS_OF = { "figures.yaml": "figures", "events.yaml": "events", "dismissed.yaml": "dismissed" } as const;

/** A source folder beside the new one: its source.json, the SHA-256 it pins, and the ids its records use. */
interface Sibling {
  record: string;
  sha256: unknown;
  recordIds: string[];
}

/**
 * A lowercase slug, short enough for every file name made from it, naming no folder and no source yet; the source
 * folders there are, read.
 */
function checkId(sourcesDir: string, id: string, target: string): Sibling[] {
  // Named as typed: "../evil" is not "evil", and the id is quoted so that no character of it goes unseen.
  if (!sourceId.safeParse(id).success) {
    throw new PipelineError(
      `${JSON.stringify(id)} is not a source id: use a lowercase slug of letters, digits and single hyphens, such ` +
        `as city-transit-2024`,
      { file: sourcesDir },
    );
  }
  if (id.length > MAX_SOURCE_ID_LENGTH) {
    throw new PipelineError(
      `a source id of ${id.length} characters is too long: at most ${MAX_SOURCE_ID_LENGTH}, so that every file name ` +
        `made from it fits (the folder, explorer/<id>.html)`,
      { file: sourcesDir },
    );
  }
  const kind = kindOf(sourcesDir);
  if (kind !== "a folder") {
    throw new PipelineError(
      `${kind === null ? "does not exist" : `not a folder but ${kind}`}: --sources names the folder that holds the ` +
        `source folders`,
      { file: sourcesDir },
    );
  }
  if (exists(target))
    throw new PipelineError("already exists; add-source never overwrites, so pick another id or remove it", {
      file: target,
    });
  const siblings: Sibling[] = [];
  for (const folder of readdirSync(sourcesDir)) {
    if (folder.startsWith(".")) continue;
    const record = join(sourcesDir, folder, "source.json");
    const fields = sourceFields(record);
    if (fields === undefined) continue;
    if (fields.id === id) throw new PipelineError(`already has the id "${id}"; pick another id`, { file: record });
    const dir = join(sourcesDir, folder);
    siblings.push({
      record,
      sha256: fields.sha256,
      recordIds: ["figures.yaml", "events.yaml"].flatMap((f) => idsIn(join(dir, f))),
    });
  }
  return siblings;
}

/** A folder's source.json, read by the rule for input files; undefined when there is none to read. */
function sourceFields(record: string): { id?: unknown; sha256?: unknown } | undefined {
  try {
    const value = readJsonFile(record);
    return value !== null && typeof value === "object" ? (value as { id?: unknown; sha256?: unknown }) : undefined;
  } catch (error) {
    if (error instanceof PipelineError) return undefined;
    throw error;
  }
}

/** The ids a curated file gives its records, read leniently: a file that does not parse gives none. */
function idsIn(file: string): string[] {
  if (!exists(file)) return [];
  try {
    const items: unknown = parse(readTextFile(file, { within: dirname(file), maxBytes: MAX_CURATED_BYTES }));
    return Array.isArray(items)
      ? items.flatMap((item) => (typeof item?.id === "string" ? [item.id as string] : []))
      : [];
  } catch {
    return [];
  }
}

/**
 * The bytes and text of a text file, decoded once by the pipeline's one rule for input text (a regular file, UTF-8, no
 * NUL byte).
 */
function readText(path: string): { bytes: Uint8Array; raw: string } {
  const bytes = readInputFile(path);
  const raw = decodeUtf8Text(bytes, path);
  if (bytes.length === 0) throw new PipelineError("the text file is empty", { file: path });
  return { bytes, raw };
}

/** source.json with the text's hash and size, every bibliographic field but the date given null until filled. */
function sourceRecord(
  id: string,
  file: string,
  textFormat: string,
  digest: string,
  bytes: number,
  published: string | null,
): string {
  const record = {
    id,
    title: null,
    author: null,
    affiliation: null,
    series: null,
    number: null,
    published,
    publisher: null,
    url: null,
    file,
    text_format: textFormat,
    sha256: digest,
    bytes,
    license_note: null,
    note: null,
    type: null,
  };
  return JSON.stringify(record, null, 2) + "\n";
}

/** A curated file of drafts: its header, then each draft with its comment above it, a blank line apart. */
function draftsYaml(header: string, drafts: Drafts[keyof Drafts]): string {
  const doc = new Document(
    drafts.map((draft) => draft.record),
    { aliasDuplicateObjects: false },
  );
  doc.commentBefore = header.replace(/^\n/, "");
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, index) => {
      if (!isMap(item)) return;
      // One line for each thing the comment says.
      item.commentBefore = drafts[index]!.comment.split("; ")
        .map((line) => ` ${line}`)
        .join("\n");
      item.spaceBefore = index > 0;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Writes `files` into a work folder inside `sourcesDir`, then renames their folder to `sourcesDir/id` in one step.
 * A failing disk (full, read-only) is one line naming the sources folder; nothing is added.
 */
function writeFolderAtomically(sourcesDir: string, id: string, files: Map<string, Uint8Array | string>): void {
  const target = join(sourcesDir, id);
  try {
    removeAbandonedWorkFolders(sourcesDir, WORK_PREFIX);
    const work = makeWorkFolder(join(sourcesDir, `${WORK_PREFIX}${process.pid}`));
    try {
      const staged = join(work, id);
      mkdirSync(staged);
      for (const [name, content] of files) writeNewFile(join(staged, name), content);
      crashPoint("add-source:staged");
      // Checked again just before the rename: a folder created meanwhile is not replaced.
      if (exists(target)) throw new PipelineError("already exists; add-source never overwrites", { file: target });
      renameSync(staged, target);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new PipelineError(
      `${whatHappened(error)}: add-source writes the new source folder here; nothing was added: ${adviceFor(error)}`,
      { file: sourcesDir },
    );
  }
}

/** "a folder" (or a symlink to one), another kind of file in words, or null when nothing is at `path`. */
function kindOf(path: string): string | null {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return "a folder";
    return stats.isFile() ? "a file" : "a special file";
  } catch {
    return null;
  }
}
