/**
 * Where a draft quotes from: the sentences of a normalized text, and the shortest passage around a mention that
 * stands once in the text (what a curated quote or `in` must be, to be found again). Spans are UTF-16 indices.
 */
import { occurrencesOf, type Span } from "../../resolve/locate.ts";
import { ABBREVIATIONS } from "./cues.ts";

/** A sentence: its span and the paragraph it belongs to. */
export interface Sentence extends Span {
  paragraph: Span;
}

/** A full stop, question or exclamation mark (with any closing quote or bracket), then space and a capital. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}$€£¥])/gu;

/** The sentences of each paragraph (paragraphs are apart by blank lines), in order. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphsOf(text)) {
    const body = text.slice(paragraph.start, paragraph.end);
    let start = 0;
    for (const end of body.matchAll(SENTENCE_END)) {
      const stop = end.index + end[0].trimEnd().length;
      if (endsWithAbbreviation(body.slice(start, end.index + 1))) continue;
      sentences.push({ start: paragraph.start + start, end: paragraph.start + stop, paragraph });
      start = end.index + end[0].length;
    }
    if (start < body.length) sentences.push({ start: paragraph.start + start, end: paragraph.end, paragraph });
  }
  return sentences;
}

function paragraphsOf(text: string): Span[] {
  const paragraphs: Span[] = [];
  for (let start = 0; start < text.length; ) {
    const gap = text.indexOf("\n\n", start);
    const end = gap < 0 ? text.length : gap;
    const trimmed = {
      start: start + leading(text.slice(start, end)),
      end: start + text.slice(start, end).trimEnd().length,
    };
    if (trimmed.end > trimmed.start) paragraphs.push(trimmed);
    start = end + 2;
  }
  return paragraphs;
}

function leading(text: string): number {
  return text.length - text.trimStart().length;
}

/** "No.", "Mr.", "U.S.", a single initial: a full stop that ends no sentence. */
function endsWithAbbreviation(text: string): boolean {
  const word = /(\S+)$/.exec(text)?.[1] ?? "";
  return /^\p{Lu}\.$/u.test(word) || /^(\p{L}\.){2,}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentence that holds `span`. */
export function sentenceAt(sentences: readonly Sentence[], span: Span): Sentence {
  return (
    sentences.find((s) => s.start <= span.start && span.end <= s.end) ?? sentences.find((s) => s.end > span.start)!
  );
}

/** Words a passage has at least, where its sentence has them, so that a curator reads it as a phrase. */
const MIN_WORDS = 5;

/**
 * The shortest passage around `span`, grown a word at a time (rightwards first, or leftwards) inside `within` and
 * never into a span of `avoid`, that stands once in `text`, holds `span`'s own words once and has MIN_WORDS words
 * where it can; null when none stands once.
 */
export function uniquePassage(
  text: string,
  span: Span,
  within: Span,
  avoid: readonly Span[] = [],
  first: "rightwards" | "leftwards" = "rightwards",
): Span | null {
  const words = text.slice(span.start, span.end);
  let [start, end] = [span.start, span.end];
  const blocked = (from: number, to: number) => avoid.some((a) => a.start < to && a.end > from);
  for (;;) {
    const passage = text.slice(start, end);
    const unique = occurrencesOf(text, passage).length === 1 && occurrencesOf(passage, words).length === 1;
    const long = passage.split(/\s+/).length >= MIN_WORDS;
    if (unique && long) return { start, end };
    const right = nextWordEnd(text, end, within.end);
    const left = previousWordStart(text, start, within.start);
    const canRight = right !== null && !blocked(end, right);
    const canLeft = left !== null && !blocked(left, start);
    if (canRight && (first === "rightwards" || !canLeft)) end = right;
    else if (canLeft) start = left!;
    else return unique ? { start, end } : null;
  }
}

/** The end of the word after `from` (its trailing punctuation included), or null at `limit`. */
function nextWordEnd(text: string, from: number, limit: number): number | null {
  if (from >= limit) return null;
  let at = from;
  while (at < limit && /\s/.test(text[at]!)) at++;
  while (at < limit && !/\s/.test(text[at]!)) at++;
  return at;
}

/** The start of the word before `from`, or null at `limit`. */
function previousWordStart(text: string, from: number, limit: number): number | null {
  if (from <= limit) return null;
  let at = from;
  while (at > limit && /\s/.test(text[at - 1]!)) at--;
  while (at > limit && !/\s/.test(text[at - 1]!)) at--;
  return at;
}
