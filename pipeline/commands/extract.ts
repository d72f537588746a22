/**
 * `cli.ts extract FILE [--date YYYY-MM[-DD]] [--format NAME]`: prints the mentions of any UTF-8 text as a JSON
 * array, offsets and text taken from FILE itself. `--format` names how the text was converted (a module of
 * ingest/text-formats/), which decides what normalization undoes; plain text by default.
 *
 * The file is read twice a block at a time (io/text-file.ts): checked whole first, so that a bad byte is refused
 * before anything is printed, then extracted as a stream (extract-file.ts), its output written as it comes.
 * Usage errors exit 2 and input errors exit 1, each with one line on stderr, never a stack trace.
 */
import { parseArgs } from "node:util";
import { parseIsoDate } from "../extract/calendar.ts";
import { DEFAULT_TEXT_FORMAT, loadTextFormat, textFormatNames } from "../ingest/text-format.ts";
import type { CommandIo } from "../io/command-io.ts";
import { PipelineError } from "../io/errors.ts";
import { TextFile } from "../io/text-file.ts";
import { userPath } from "../io/user-path.ts";
import { extractFile } from "./extract-file.ts";

const USAGE = "usage: cli.ts extract FILE [--date YYYY-MM[-DD]] [--format NAME]";

export async function runExtract(args: string[], io: CommandIo): Promise<number> {
  // A parseArgs error (an unknown option) is reported by the command runner, as for every command.
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { date: { type: "string" }, format: { type: "string" } },
  });
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined) {
    io.error(USAGE);
    return 2;
  }
  const date = values.date;
  if (date !== undefined && (!/^\d{4}-\d{2}(-\d{2})?$/.test(date) || parseIsoDate(date) === null)) {
    io.error(`extract: --date must be a real calendar month or day, YYYY-MM or YYYY-MM-DD, not "${date}"`);
    return 2;
  }
  const textFormat = await loadTextFormat(values.format ?? DEFAULT_TEXT_FORMAT);
  if (textFormat === null) {
    io.error(
      `extract: --format must be a text format (${textFormatNames().join(", ")}), not ${JSON.stringify(values.format)}`,
    );
    return 2;
  }
  try {
    const text = new TextFile(userPath(file), { maxBytes: MAX_TEXT_BYTES });
    try {
      extractFile(text.pieces(), {
        textFormat,
        ...(date === undefined ? {} : { documentDate: date }),
        write: (part) => io.write(part),
        closed: () => io.closed(),
        onOverflow: ({ text, start, end }) =>
          io.error(
            `extract: ${file}@${start}-${end}: refused "${abbreviate(text)}": the number is beyond the range of a double`,
          ),
      });
    } finally {
      text.close();
    }
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    io.error(`extract: ${String(error)}`);
    return 1;
  }
  return 0;
}

/**
 * Far larger than any article: the file is streamed, so memory grows with its largest paragraph, not its size; the
 * limit keeps a file that is one paragraph below V8's limit on a string's length (2^29 - 24 UTF-16 units).
 */
const MAX_TEXT_BYTES = 500 * 1024 * 1024;

function abbreviate(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 18)}…${text.slice(-18)}`;
}
