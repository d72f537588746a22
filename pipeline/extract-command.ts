/**
 * `cli.ts extract FILE [--date YYYY-MM[-DD]]`: prints the mentions of any UTF-8 text as a JSON array, offsets
 * and text taken from FILE itself. The array is written a thousand mentions at a time, so neither the output nor the
 * list of mentions is ever held whole: memory grows with the input, not with what is found in it.
 * Usage errors exit 2 and input errors exit 1, each with one line on stderr, never a stack trace.
 */
import { parseArgs } from "node:util";
import { codePointIndex } from "./code-points.ts";
import { parseIsoDate } from "./extract/calendar.ts";
import { mentionsOf, type ExtractedMention } from "./extract/index.ts";
import { PipelineError } from "./errors.ts";
import { normalize, rawCharacters } from "./ingest.ts";
import { userPath } from "./user-path.ts";
import { decodeUtf8Text, readInputFile } from "./input-files.ts";

const USAGE = "usage: cli.ts extract FILE [--date YYYY-MM[-DD]]";
/** Mentions written at a time. */
const BATCH = 1024;

export function runExtract(args: string[]): number {
  // A parseArgs error (an unknown option) is reported by cli.ts, as for every command.
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { date: { type: "string" } } });
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined) {
    console.error(USAGE);
    return 2;
  }
  const date = values.date;
  if (date !== undefined && (!/^\d{4}-\d{2}(-\d{2})?$/.test(date) || parseIsoDate(date) === null)) {
    console.error(`extract: --date must be a real calendar month or day, YYYY-MM or YYYY-MM-DD, not "${date}"`);
    return 2;
  }
  const raw = readText(userPath(file));
  if (raw === null) return 1;
  const normalized = normalize(raw);
  const rawIndex = codePointIndex(raw);
  // Every normalized character is a raw one, a space or a newline: without astral characters in FILE there are
  // none in the normalized text either, and it need not be scanned again.
  const normalizedIndex = rawIndex.identity ? rawIndex : codePointIndex(normalized.text);
  // Mentions are found in the normalized text and reported at their place in FILE (raw UTF-16 range).
  const rawSpan = (start: number, end: number) => rawCharacters(normalized, normalizedIndex.toUtf16(start), normalizedIndex.toUtf16(end));
  const mentions = mentionsOf(normalized.text, {
    ...(date === undefined ? {} : { documentDate: date }),
    onOverflow: (span) => {
      const [start, end] = rawSpan(span.start, span.end);
      const where = `${rawIndex.toCodePoint(start)}-${rawIndex.toCodePoint(end)}`;
      console.error(`extract: ${file}@${where}: refused "${abbreviate(raw.slice(start, end))}": the number is beyond the range of a double`);
    },
  });
  // The same bytes as JSON.stringify(array, null, 2), written a batch of mentions at a time: each batch is
  // stringified as an array of its own (one native call, one flat string), its brackets cut off.
  let batch: ExtractedMention[] = [];
  let written = 0;
  const flush = () => {
    const json = JSON.stringify(batch, null, 2);
    process.stdout.write((written === 0 ? "[" : ",") + json.slice(1, -2));
    written += batch.length;
    batch = [];
  };
  for (const mention of mentions) {
    if (process.stdout.destroyed) return 0; // the reader closed the pipe: nobody wants the rest
    const [start, end] = rawSpan(mention.start, mention.end);
    batch.push({ ...mention, text: raw.slice(start, end), start: rawIndex.toCodePoint(start), end: rawIndex.toCodePoint(end) });
    if (batch.length === BATCH) flush();
  }
  if (batch.length > 0) flush();
  process.stdout.write(written === 0 ? "[]\n" : "\n]\n");
  return 0;
}

/**
 * FILE as a string by the pipeline's one rule for text (a regular file, UTF-8, no NUL byte), or null after
 * printing why not. A text far larger than the build's sources is still read: extraction streams its output.
 */
function readText(file: string): string | null {
  try {
    return decodeUtf8Text(readInputFile(file, { maxBytes: MAX_TEXT_BYTES }), file);
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    console.error(`extract: ${String(error)}`);
    return null;
  }
}

/** Below V8's limit on a string's length, with room for the normalized copy. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;

function abbreviate(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 18)}…${text.slice(-18)}`;
}
