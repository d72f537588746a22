/**
 * The extract stage: finds quantity and time mentions in English text in linear time. The text is split into
 * paragraphs, each tokenized once; at each token the quantity and time matchers look a bounded number of
 * tokens ahead and the longest match wins (a quantity on ties), then scanning resumes after it.
 */

import type { ExtractOptions, Mention } from "./mention.ts";
import { codePointIndex } from "../code-points.ts";
import { matchQuantity } from "./quantities.ts";
import { DateResolver } from "./relative-dates.ts";
import { segments } from "./segments.ts";
import { matchTime } from "./times.ts";
import { tokenize } from "./tokenize.ts";

export type {
  DatePrecision,
  ExtractOptions,
  Mention,
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
export function extract(text: string, options: ExtractOptions = {}): Mention[] {
  const dates = new DateResolver(options.documentDate);
  const mentions: Mention[] = [];
  for (const [from, to] of segments(text)) {
    const tokens = tokenize(text, from, to);
    let i = 0;
    while (i < tokens.length) {
      const quantity = matchQuantity(tokens, i);
      const time = matchTime(tokens, i);
      if (time && (!quantity || time.end > quantity.end)) {
        const start = tokens[time.start]!.start;
        const end = tokens[time.end - 1]!.end;
        mentions.push({ kind: "time", text: text.slice(start, end), start, end, ...dates.resolve(time.value) });
        i = time.end;
      } else if (quantity) {
        const start = tokens[quantity.start]!.start;
        const end = tokens[quantity.end - 1]!.end;
        mentions.push({ kind: "quantity", text: text.slice(start, end), start, end, ...quantity.value });
        i = quantity.end;
      } else {
        i++;
      }
    }
  }
  const index = codePointIndex(text);
  for (const mention of mentions) {
    mention.start = index.toCodePoint(mention.start);
    mention.end = index.toCodePoint(mention.end);
  }
  return mentions;
}
