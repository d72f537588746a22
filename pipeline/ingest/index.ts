/**
 * ingest: read a source folder's record (`source.json`) and text, verify the text against its pinned SHA-256
 * and size, and normalize it by the rules of the text format the record names (normalize.ts, text-format.ts).
 */
import { join } from "node:path";
import { z } from "zod";
import { sourceSchema, type Source } from "../../schemas/index.ts";
import { assertCurated } from "../curation/to-curate.ts";
import { PipelineError, throwIfAny } from "../io/errors.ts";
import { decodeUtf8Text, readInputFile } from "../io/input-files.ts";
import { allowsLineBreaks, textProblem } from "../io/curated-text.ts";
import { type JsonFile, lineOfKey, readJsonText } from "../io/json-file.ts";
import { issueMessage } from "../io/yaml-file.ts";
import { sha256 } from "../io/sha256.ts";
import { citationProblems } from "../render/citation.ts";
import { intervalColumns } from "../tables/date-interval.ts";
import { normalize, type NormalizedText } from "./normalize.ts";
import { DEFAULT_TEXT_FORMAT, loadTextFormat, textFormatNames, type TextRules } from "./text-format.ts";

/**
 * The longest source id: file names are made from it (the source folder, `explorer/<id>.html`), and every one must
 * fit any file system's limit of 255 bytes for a name.
 */
export const MAX_SOURCE_ID_LENGTH = 100;

/** source.json: the published source record plus the text file it describes and how that text was converted. */
export const sourceRecord = sourceSchema.omit({ published_first_day: true, published_last_day: true }).extend({
  id: sourceSchema.shape.id.max(
    MAX_SOURCE_ID_LENGTH,
    `at most ${MAX_SOURCE_ID_LENGTH} characters, so that every file name made from it fits (explorer/<id>.html)`,
  ),
  file: z.string().min(1),
  text_format: z.string().default(DEFAULT_TEXT_FORMAT),
  note: sourceSchema.shape.note.default(null),
  type: sourceSchema.shape.type.default(null),
});

export interface IngestedSource {
  source: Source;
  /** The text as received: offsets count its code points. */
  raw: string;
  textFile: string;
  normalized: NormalizedText;
  textFormat: TextRules;
}

/** Every text value of source.json is valid Unicode and printable (see curated-text.ts), named by its key's line. */
function refuseUnsafeText({ file, text, value }: JsonFile): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, field] of Object.entries(value)) {
    for (const [name, checked, lineBreaks] of [
      ["key", key, false],
      [key, field, allowsLineBreaks(key)],
    ] as const) {
      const problem = typeof checked === "string" ? textProblem(checked, lineBreaks) : null;
      if (problem !== null)
        throw new PipelineError(`${name === "key" ? "a key" : key}: ${problem}`, { file, line: lineOfKey(text, key) });
    }
  }
}

/** Refuses a text whose hash is not the pinned one: curated offsets are only meaningful for that text. */
export function verifyChecksum(bytes: Uint8Array, expected: string, file: string): void {
  const actual = sha256(bytes);
  if (actual !== expected) {
    throw new PipelineError(
      `SHA-256 mismatch: the text is ${actual}, source.json pins ${expected}; ` +
        "the text changed, so every curated offset is suspect (update source.json only after re-checking the curation)",
      { file },
    );
  }
}

/**
 * A source folder's record and text, both read from inside the folder, the text normalized. `folderOf` gives
 * the folder of each source id read so far: a second folder with the same id is refused before its text is read.
 */
export async function ingestSource(dir: string, folderOf: Map<string, string>): Promise<IngestedSource> {
  const recordFile = join(dir, "source.json");
  const record = readJsonText(recordFile, { within: dir });
  refuseUnsafeText(record);
  // A scaffolded source's placeholders and mentions still to curate, named by line, before the schema's verdict.
  assertCurated(dir, record);
  const parsed = sourceRecord.safeParse(record.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String);
    throw new PipelineError(`${path.join(".")}: ${issueMessage(issue.message, record.value, sourceRecord, path)}`, {
      file: recordFile,
      line: path[0] === undefined ? undefined : lineOfKey(record.text, path[0]),
    });
  }
  const { file, text_format: formatName, ...source } = parsed.data;
  // Every text that names the sources cites this one from its fields: they must make a citation.
  throwIfAny(
    citationProblems(source).map(
      ({ field, message }) =>
        new PipelineError(`${field}: ${message}`, { file: recordFile, line: lineOfKey(record.text, field) }),
    ),
  );
  const first = folderOf.get(source.id);
  if (first !== undefined)
    throw new PipelineError(`duplicate source id "${source.id}": ${first} has it too`, { file: recordFile });
  folderOf.set(source.id, dir);
  const format = await loadTextFormat(formatName);
  if (format === null) {
    throw new PipelineError(`text_format: "${formatName}" is not a text format (${textFormatNames().join(", ")})`, {
      file: recordFile,
      line: lineOfKey(record.text, "text_format"),
    });
  }
  const textFile = join(dir, file);
  const bytes = readInputFile(textFile, { within: dir });
  verifyChecksum(bytes, source.sha256, textFile);
  if (bytes.length !== source.bytes) {
    throw new PipelineError(`${bytes.length} bytes, source.json says ${source.bytes}`, { file: textFile });
  }
  const raw = decodeUtf8Text(bytes, textFile);
  return {
    source: { ...source, ...intervalColumns("published", source.published, source.published) },
    raw,
    textFile,
    normalized: normalize(raw, format),
    textFormat: format,
  };
}
