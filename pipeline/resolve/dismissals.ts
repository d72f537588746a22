/**
 * Dismissals: quantity mentions that are no figure and time mentions that date no record, each with the reason a reader
 * can check.
 */
import type { Curated } from "../io/yaml-file.ts";
import type { Dismissal } from "../curation/records.ts";
import { failer, type SourceContext } from "./context.ts";
import { occurrencesOf, type Located } from "./locate.ts";

/** A mention a dismissal accounts for, and why. */
export interface Dismissed {
  mention: Located;
  reason: string;
}

/** The mentions of the dismissal's kind inside each occurrence of its quote. */
export function dismissedMentions(context: SourceContext, item: Curated<Dismissal>): Dismissed[] {
  const fail = failer(item);
  const { kind, quote, occurrences, reason } = item.value;
  const found = occurrencesOf(context.text, quote);
  if (found.length !== occurrences) {
    fail(
      `quote stands ${found.length} times in the text, not ${occurrences} as \`occurrences\` says: "${quote}"`,
      "quote",
    );
  }
  return found.flatMap((at) => {
    const inside = context.located.filter(
      (m) => m.mention.kind === kind && m.start >= at && m.end <= at + quote.length,
    );
    if (inside.length === 0) fail(`no ${kind} mention was extracted in "${quote}"`, "quote");
    return inside.map((mention) => ({ mention, reason }));
  });
}
