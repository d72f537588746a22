/**
 * Locating curated quotes in a source's normalized text, and the extracted mentions inside them. Every function
 * here fails through `fail`, which names the curated file, line and key.
 */
import { codePointIndex } from "../text/code-points.ts";
import type { ExtractedMention } from "../extract/mention.ts";

export interface Span {
  start: number;
  end: number;
}

/** A mention located in the normalized text by UTF-16 index. */
export interface Located<M extends ExtractedMention = ExtractedMention> extends Span {
  mention: M;
}

export type Fail = (message: string, key: string) => never;

/** The extracted mentions (code point offsets) at their UTF-16 places in `text`. */
export function locateMentions(text: string, mentions: ExtractedMention[]): Located[] {
  const index = codePointIndex(text);
  return mentions.map((mention) => ({ mention, start: index.toUtf16(mention.start), end: index.toUtf16(mention.end) }));
}

/** Every UTF-16 index where `needle` stands wholly inside `within`. */
export function occurrencesOf(text: string, needle: string, within: Span = { start: 0, end: text.length }): number[] {
  const found: number[] = [];
  for (
    let at = text.indexOf(needle, within.start);
    at >= 0 && at + needle.length <= within.end;
    at = text.indexOf(needle, at + 1)
  ) {
    found.push(at);
  }
  return found;
}

/** The span of a curated quote: its only occurrence, or the one `occurrence` (from 1) names. */
export function locateQuote(
  text: string,
  quote: string,
  occurrence: number | undefined,
  fail: Fail,
  textFile: string,
): Span {
  const found = occurrencesOf(text, quote);
  if (found.length === 0) fail(`quote is not in the normalized text of ${textFile}: "${quote}"`, "quote");
  if (occurrence === undefined && found.length > 1) {
    fail(`quote stands ${found.length} times in the text; say which with \`occurrence\`: "${quote}"`, "quote");
  }
  const at = found[(occurrence ?? 1) - 1];
  if (at === undefined) fail(`quote stands ${found.length} times in the text, not ${occurrence}`, "occurrence");
  return { start: at!, end: at! + quote.length };
}

/** The one mention of `kind` inside `span`, or the one over the text `needle` within it. */
export function mentionIn<K extends ExtractedMention["kind"]>(
  text: string,
  located: Located[],
  kind: K,
  span: Span,
  needle: string | undefined,
  fail: Fail,
  key: string,
): Located<Extract<ExtractedMention, { kind: K }>> {
  let target = span;
  if (needle !== undefined) {
    const found = occurrencesOf(text, needle, span);
    if (found.length !== 1) fail(`"${needle}" stands ${found.length} times in the quote; it must stand once`, key);
    target = { start: found[0]!, end: found[0]! + needle.length };
  }
  const candidates = located.filter(
    (m): m is Located<Extract<ExtractedMention, { kind: K }>> =>
      m.mention.kind === kind && m.start < target.end && m.end > target.start,
  );
  if (candidates.length === 0)
    fail(`no ${kind} mention was extracted ${needle === undefined ? "in the quote" : `at "${needle}"`}`, key);
  if (candidates.length > 1) {
    const texts = candidates.map((m) => `"${m.mention.text}"`).join(", ");
    fail(`the quote holds ${candidates.length} ${kind} mentions (${texts}); name one with \`${key}\``, key);
  }
  const chosen = candidates[0]!;
  if (chosen.start < span.start || chosen.end > span.end) {
    fail(`the quote cuts the ${kind} mention "${chosen.mention.text}"; quote all of it, hedge words included`, "quote");
  }
  return chosen;
}
