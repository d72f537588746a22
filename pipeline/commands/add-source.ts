/**
 * `add-source ID TEXT-FILE [--format NAME]`: scaffolds a new source folder so that curation starts from what the
 * extractor found. The text is copied byte for byte; `source.json` pins its SHA-256 and size, names its text
 * format (plain text unless --format says otherwise) and leaves the bibliographic fields null for the curator to
 * fill; `to-curate.yaml` lists every mention extracted from the text normalized by that format; the
 * curated files start as empty lists with a header saying what goes in them. The build refuses the folder
 * until the fields are filled and the list is empty (see to-curate.ts).
 *
 * Nothing existing is overwritten, and the folder appears whole or not at all: it is written inside a work
 * folder in the sources folder (hidden, so the build does not take it for a source; on the same file system, so
 * one rename moves it even when the sources folder is a mount point) and renamed into place; a work folder left
 * by a killed run is removed by the next one (see io/work-folder.ts).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { Document } from "yaml";
import { sourceId } from "../../schemas/fields.ts";
import { codePointIndex } from "../text/code-points.ts";
import { decodeUtf8Text, exists, readInputFile } from "../io/input-files.ts";
import { readJsonFile } from "../io/json-file.ts";
import { whenLabel } from "../resolve/when.ts";
import { lineFinder } from "../text/lines.ts";
import { userPath } from "../io/user-path.ts";
import { makeWorkFolder, removeAbandonedWorkFolders } from "../io/work-folder.ts";
import { crashPoint } from "../io/crash-point.ts";
import { PipelineError } from "../io/errors.ts";
import { adviceFor, isFileSystemError, whatHappened } from "../io/file-system-errors.ts";
import { MAX_SOURCE_ID_LENGTH } from "../ingest/index.ts";
import { extract, type ExtractedMention } from "../extract/index.ts";
import { normalize, rawCharacters, type NormalizedText } from "../ingest/normalize.ts";
import { DEFAULT_TEXT_FORMAT, loadTextFormat, textFormatNames, type TextRules } from "../ingest/text-format.ts";
import type { CommandIo } from "../io/command-io.ts";
import { sha256 } from "../io/sha256.ts";
import { TO_CURATE_FILE, type ToCurateEntry } from "../curation/to-curate.ts";

const USAGE = "usage: add-source ID TEXT-FILE [--sources DIR] [--format NAME]";

/** Characters of normalized text shown on each side of a mention in to-curate.yaml. */
const CONTEXT_CHARS = 60;

/** The work folder inside the sources folder: hidden, as every name the build skips there. */
const WORK_PREFIX = ".add-source-";

/** The drafted curation files and what each holds, as their header comments say. */
const CURATION_DRAFTS: Record<string, string> = {
  "figures.yaml": `
 What each number in the text means: one record per figure (see sources/ponars-pm-428/figures.yaml).
   - id: a lowercase slug, unique across all sources
     measure, subject, counterpart: terms defined in the dataset.yaml at the top of the sources folder
     quote: the text's words for the figure, as normalized (the context lines in ${TO_CURATE_FILE} are normalized)
     amount, period: the quantity and time mentions inside the quote, when it holds more than one
     expect, expect_period: checks against what the extractor read; the value itself is never typed here
     claim_type: reported, estimate, projection or allegation; note: free text
 Replace the [] below with the list of records.`,
  "events.yaml": `
 Every happening the text dates: one record per event (see sources/ponars-pm-428/events.yaml).
   - id, event_type (defined in dataset.yaml), plover (optional), actors, title in your own words,
     quote, date (the time mention inside the quote that dates it; {by, in} for a date the text gives only as an
     upper bound), note (needed for a date that is not explicit)
 Replace the [] below with the list of records.`,
  "dismissed.yaml": `
 Quantity mentions that are not figures and time mentions that date no record, each with the reason (see
 sources/ponars-pm-428/dismissed.yaml).
   - kind: quantity (the default) or time
     quote: words around the mention; occurrences: how many times the quote stands in the text (default 1)
     reason: why it is no figure (a vague amount, part of a name, ...) or dates nothing (the text's own date, ...)
 Replace the [] below with the list of dismissals.`,
};

const TO_CURATE_HEADER = `
 Mentions the extractor found in the text, still to curate. For each entry, use the mention in a record of
 figures.yaml or events.yaml, or dismiss it with a reason in dismissed.yaml (\`kind: time\` for a time
 mention that dates no record); then delete the entry. The build refuses this source while any entry is left,
 naming each with its line in the text file. \`line\` is that line; \`context\` is the normalized text around the
 mention.`;

export interface AddedSource {
  dir: string;
  textFile: string;
  bytes: number;
  sha256: string;
  quantities: number;
  times: number;
}

/** The command line: one line and a non-zero exit for any bad argument or input. */
export async function runAddSource(args: string[], io: CommandIo): Promise<number> {
  // A parseArgs error (an unknown option) is reported by the command runner, as for every command.
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    options: { sources: { type: "string" }, format: { type: "string" } },
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
  try {
    const sourcesDir = parsed.values.sources === undefined ? "sources" : userPath(parsed.values.sources);
    const added = addSource(sourcesDir, id, userPath(textPath), textFormat);
    io.write(
      `added ${added.dir}/: ${basename(added.textFile)} (${added.bytes} bytes, SHA-256 ${added.sha256}, text ` +
        `format ${textFormat.name})\n`,
    );
    io.write(`  ${TO_CURATE_FILE} lists ${added.quantities} quantity and ${added.times} time mention(s) to curate\n`);
    io.write(
      "  next: fill the null fields of source.json, curate figures.yaml, events.yaml and dismissed.yaml, then " +
        "npm run build\n",
    );
    return 0;
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    io.error(`add-source: ${String(error)}`);
    return 1;
  }
}

export function addSource(sourcesDir: string, id: string, textPath: string, textFormat: TextRules): AddedSource {
  const target = join(sourcesDir, id);
  checkId(sourcesDir, id, target);
  const { bytes, raw } = readText(textPath);
  const fileName = basename(textPath);
  if (
    fileName === "source.json" ||
    fileName === TO_CURATE_FILE ||
    fileName in CURATION_DRAFTS ||
    fileName === "indicators.yaml"
  ) {
    throw new PipelineError(`the text file's name is one the source folder needs for itself; rename the file`, {
      file: textPath,
    });
  }
  const digest = sha256(bytes);
  const toCurate = mentionsToCurate(raw, textFormat);
  const files = new Map<string, Uint8Array | string>([
    [fileName, bytes],
    ["source.json", sourceRecord(id, fileName, textFormat.name, digest, bytes.length)],
    [TO_CURATE_FILE, yamlWithHeader(TO_CURATE_HEADER, toCurate)],
    ...Object.entries(CURATION_DRAFTS).map(([name, header]): [string, string] => [name, yamlWithHeader(header, [])]),
  ]);
  writeFolderAtomically(sourcesDir, id, files);
  const quantities = toCurate.filter((entry) => entry.kind === "quantity").length;
  return {
    dir: target,
    textFile: join(target, fileName),
    bytes: bytes.length,
    sha256: digest,
    quantities,
    times: toCurate.length - quantities,
  };
}

/** A lowercase slug, short enough for every file name made from it, naming no folder and no source yet. */
function checkId(sourcesDir: string, id: string, target: string): void {
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
  for (const folder of readdirSync(sourcesDir)) {
    if (folder.startsWith(".")) continue;
    const record = join(sourcesDir, folder, "source.json");
    if (sourceIdIn(record) === id)
      throw new PipelineError(`already has the id "${id}"; pick another id`, { file: record });
  }
}

/** The id a folder's source.json gives, read by the rule for input files; undefined when there is none to read. */
function sourceIdIn(record: string): unknown {
  try {
    return (readJsonFile(record) as { id?: unknown } | null)?.id;
  } catch (error) {
    if (error instanceof PipelineError) return undefined;
    throw error;
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

/** Every mention of the text, where it stands in the file, and what the extractor read. */
function mentionsToCurate(raw: string, textFormat: TextRules): ToCurateEntry[] {
  const normalized = normalize(raw, textFormat);
  const normalizedIndex = codePointIndex(normalized.text);
  const lineOf = lineFinder(raw);
  return extract(normalized.text).map((mention) => {
    const start = normalizedIndex.toUtf16(mention.start);
    const end = normalizedIndex.toUtf16(mention.end);
    const [rawStart, rawEnd] = rawCharacters(normalized, start, end);
    return {
      kind: mention.kind,
      text: raw.slice(rawStart, rawEnd),
      line: lineOf(rawStart),
      context: contextAround(normalized, start, end),
      reading: reading(mention),
    };
  });
}

/** The mention within its paragraph, cut at word boundaries about CONTEXT_CHARS either side. */
function contextAround({ text }: NormalizedText, start: number, end: number): string {
  const paragraphStart = text.lastIndexOf("\n", start) + 1;
  const paragraphEnd = text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end);
  let from = Math.max(paragraphStart, start - CONTEXT_CHARS);
  let to = Math.min(paragraphEnd, end + CONTEXT_CHARS);
  if (from > paragraphStart) from = text.indexOf(" ", from) + 1 || start;
  if (to < paragraphEnd) to = Math.max(end, text.lastIndexOf(" ", to));
  const [before, after] = [from > paragraphStart ? "…" : "", to < paragraphEnd ? "…" : ""];
  return `${before}${text.slice(Math.min(from, start), to)}${after}`;
}

function reading(mention: ExtractedMention): string {
  if (mention.kind === "time") {
    if (mention.date_start === null) return "a date the text does not resolve on its own";
    return whenLabel({ start: mention.date_start, end: mention.date_end! });
  }
  if (mention.vague || mention.value === null) return `a vague amount in ${mention.unit}`;
  const value = mention.value_high === null ? `${mention.value}` : `${mention.value} to ${mention.value_high}`;
  return `${value} ${mention.unit}, ${mention.qualifier}`;
}

/** source.json with the text's hash and size, every bibliographic field null until the curator fills it. */
function sourceRecord(id: string, file: string, textFormat: string, digest: string, bytes: number): string {
  const record = {
    id,
    title: null,
    author: null,
    affiliation: null,
    series: null,
    number: null,
    published: null,
    publisher: null,
    url: null,
    file,
    text_format: textFormat,
    sha256: digest,
    bytes,
    license_note: null,
    note: null,
  };
  return JSON.stringify(record, null, 2) + "\n";
}

function yamlWithHeader(header: string, items: object[]): string {
  const doc = new Document(items);
  doc.commentBefore = header.replace(/^\n/, "");
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
      for (const [name, content] of files) writeFileSync(join(staged, name), content, { flag: "wx" });
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
