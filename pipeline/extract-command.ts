/**
 * `cli.ts extract FILE [--date YYYY-MM[-DD]]`: prints the mentions of any UTF-8 text as a JSON array, offsets
 * and text taken from FILE itself. The array is written mention by mention, so neither the output nor the
 * list of mentions is ever held whole: memory grows with the input, not with what is found in it.
 * Usage errors exit 2 and input errors exit 1, each with one line on stderr, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { codePointIndex } from "./code-points.ts";
import { parseIsoDate } from "./extract/calendar.ts";
import { mentionsOf } from "./extract/index.ts";
import { normalize } from "./ingest.ts";

const USAGE = "usage: cli.ts extract FILE [--date YYYY-MM[-DD]]";
/** Output is flushed in chunks of about this many UTF-16 units. */
const CHUNK = 1 << 16;

export function runExtract(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { date: { type: "string" } } });
  } catch (error) {
    console.error(`extract: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
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
  const raw = readText(file);
  if (raw === null) return 1;
  const normalized = normalize(raw);
  const rawIndex = codePointIndex(raw);
  const normalizedIndex = codePointIndex(normalized.text);
  // Mentions are found in the normalized text and reported at their place in FILE (raw UTF-16 range).
  const rawSpan = (start: number, end: number): [number, number] => [
    normalized.rawStart[normalizedIndex.toUtf16(start)]!,
    normalized.rawEnd[normalizedIndex.toUtf16(end) - 1]!,
  ];
  const mentions = mentionsOf(normalized.text, {
    ...(date === undefined ? {} : { documentDate: date }),
    onOverflow: (span) => {
      const [start, end] = rawSpan(span.start, span.end);
      const where = `${rawIndex.toCodePoint(start)}-${rawIndex.toCodePoint(end)}`;
      console.error(`extract: ${file}@${where}: refused "${abbreviate(raw.slice(start, end))}": the number is beyond the range of a double`);
    },
  });
  // The same bytes as JSON.stringify(array, null, 2), one element at a time.
  let chunk = "[";
  let count = 0;
  for (const mention of mentions) {
    const [start, end] = rawSpan(mention.start, mention.end);
    const placed = { ...mention, text: raw.slice(start, end), start: rawIndex.toCodePoint(start), end: rawIndex.toCodePoint(end) };
    chunk += (count++ === 0 ? "\n  " : ",\n  ") + JSON.stringify(placed, null, 2).replaceAll("\n", "\n  ");
    if (chunk.length >= CHUNK) {
      process.stdout.write(chunk);
      chunk = "";
    }
  }
  process.stdout.write(chunk + (count === 0 ? "]\n" : "\n]\n"));
  return 0;
}

/** FILE as a string, or null after printing why it cannot be read as UTF-8 text. */
function readText(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`extract: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return null;
  }
  try {
    if (bytes.includes(0)) throw new TypeError("NUL byte");
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    console.error(`extract: ${file} is not UTF-8 text`);
    return null;
  }
}

function abbreviate(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 18)}…${text.slice(-18)}`;
}
