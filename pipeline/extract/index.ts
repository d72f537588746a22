/**
 * The extract stage: finds quantity and time mentions in English text in linear time. The text is split into
 * paragraphs, each tokenized once; at each token the quantity and time matchers look a bounded number of
 * tokens ahead and the longest match wins (a quantity on ties), then scanning resumes after it.
 */

import type { ExtractOptions, ExtractedMention } from "./mention.ts";
import { codePointIndex } from "../text/code-points.ts";
import { matchQuantity, mayStartQuantity } from "./quantities.ts";
import { DateResolver } from "./relative-dates.ts";
import { segments, startsParagraph } from "./segments.ts";
import { matchTime, mayStartTime } from "./times.ts";
import { Tokenizer, type Token } from "./tokenize.ts";

export type {
  DatePrecision,
  ExtractOptions,
  ExtractedMention,
  Qualifier,
  QuantityMention,
  TimeMention,
} from "./mention.ts";

/**
 * Quantity and time mentions in `text`, sorted by start and non-overlapping. Offsets are code points, end
 * exclusive, and `text` is the code-point slice. A Markdown backslash before punctuation ("\$2.35 billion") is
 * ignored, so such a span starts at the "$"; a backslash inside a span ("almost \$210 million") stays in its
 * text.
 *
 * @throws RangeError when options.documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractedMention[] {
  return [...mentionsOf(text, options)];
}

/**
 * The mentions of `extract`, one at a time, so that a caller writing them out never holds them all: memory
 * stays bounded by the largest paragraph's tokens whatever the number of mentions.
 *
 * @throws RangeError when options.documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD" (on the first call of next()).
 */
export function* mentionsOf(text: string, options: ExtractOptions = {}): Generator<ExtractedMention> {
  const index = codePointIndex(text);
  const { onOverflow } = options;
  const finder = new MentionFinder({
    ...options,
    ...(onOverflow && {
      onOverflow: (span) =>
        onOverflow({ ...span, start: index.toCodePoint(span.start), end: index.toCodePoint(span.end) }),
    }),
  });
  for (const mention of finder.find(text)) {
    yield index.identity
      ? mention
      : { ...mention, start: index.toCodePoint(mention.start), end: index.toCodePoint(mention.end) };
  }
}

/**
 * Finds mentions text after text, each text one or more whole paragraphs, relative dates resolved across them:
 * the paragraphs of a text given one at a time yield what the whole text yields (segments never look past a
 * paragraph). Offsets are UTF-16 indices into the text given, so a caller that streams paragraphs can place
 * them in its own input.
 */
export class MentionFinder {
  readonly #dates: DateResolver;
  readonly #onOverflow: ExtractOptions["onOverflow"];
  /** One token array for all segments: a segment's tokens are done with before the next is tokenized. */
  readonly #tokenizer = new Tokenizer();

  /** @throws RangeError when options.documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  constructor(options: ExtractOptions = {}) {
    this.#dates = new DateResolver(options.documentDate);
    this.#onOverflow = options.onOverflow;
  }

  *find(text: string): Generator<ExtractedMention> {
    const tokens = this.#tokenizer.tokens;
    for (const [from, to] of segments(text)) {
      if (startsParagraph(text, from)) this.#dates.startParagraph();
      this.#tokenizer.tokenize(text, from, to);
      let i = 0;
      while (i < tokens.length) {
        // Most tokens start nothing: asked first, cheaply, so that the matchers are called only where they may match.
        const token = tokens[i]!;
        const starts = startsOf(token);
        if (starts === 0) {
          i++;
          continue;
        }
        const quantity = starts & QUANTITY ? matchQuantity(tokens, i) : null;
        const time = starts & TIME ? matchTime(tokens, i) : null;
        if (time?.value.kind === "refused" && (!quantity || time.end > quantity.end)) {
          // A date the dataset cannot hold, or a number that only looks like a year: neither a date nor a count.
          i = time.end;
        } else if (time && (!quantity || time.end > quantity.end)) {
          const start = tokens[time.start]!.start;
          const end = tokens[time.end - 1]!.end;
          // A date after "since" is a starting point, not the time the text goes on to talk about.
          const frames = tokens[time.start - 1]?.lower !== "since";
          const date = this.#dates.resolve(time.value, frames);
          // Each field named, so that every time mention has one shape (a spread's copy may not).
          yield {
            kind: "time",
            text: text.slice(start, end),
            start,
            end,
            date_start: date.date_start,
            date_end: date.date_end,
            precision: date.precision,
            relative: date.relative,
            offset: date.offset,
          };
          i = time.end;
        } else if (quantity) {
          const start = tokens[quantity.start]!.start;
          const end = tokens[quantity.end - 1]!.end;
          // A span read and refused (a decimal comma, a dash that may be a list's): no mention, nothing re-read.
          if (quantity.value === null) {
            i = quantity.end;
            continue;
          }
          const { value, value_high, unit, qualifier, vague, noun } = quantity.value;
          if (Number.isFinite(value ?? 0) && Number.isFinite(value_high ?? 0)) {
            yield {
              kind: "quantity",
              text: text.slice(start, end),
              start,
              end,
              value,
              value_high,
              unit,
              qualifier,
              vague,
              noun,
            };
          } else {
            // A number beyond the double range has no value to report: refused, not turned into a vague amount.
            this.#onOverflow?.({ text: text.slice(start, end), start, end });
          }
          i = quantity.end;
        } else {
          i++;
        }
      }
    }
  }
}

const QUANTITY = 1;
const TIME = 2;

/** Whether a quantity or a time may start at this token, kept on its lexeme: the walk asks it of every token. */
function startsOf(token: Token): number {
  const lexeme = token.lexeme;
  if (lexeme.starts < 0) lexeme.starts = (mayStartQuantity(token) ? QUANTITY : 0) | (mayStartTime(token) ? TIME : 0);
  return lexeme.starts;
}
