/**
 * Splits text into paragraphs (at blank lines), which mentions never cross, so the token array stays small
 * whatever the input size. A paragraph longer than `max` UTF-16 units is cut within itself: at the first line
 * break, else sentence end, else space after its first `max` units, else hard (never inside a surrogate pair).
 * Cuts depend on the paragraph alone, never on what follows it, so a paragraph split off a text (as the extract
 * command streams them) is cut where it is cut in the whole text.
 */

import { isSpace } from "./tokenize.ts";

const DEFAULT_MAX = 1 << 14;
const NEWLINE = 0x0a;

/** [start, end) UTF-16 ranges covering the whole text, in order. */
export function* segments(text: string, max = DEFAULT_MAX): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    const end = segmentEnd(text, start, max);
    yield [start, end];
    start = end;
  }
}

function segmentEnd(text: string, start: number, max: number): number {
  // A paragraph that ends within 2 × max is found in one look, so each unit is looked at a bounded number of times.
  const reach = Math.min(text.length, start + 2 * max);
  let contentEnd = reach === text.length ? text.length : Number.POSITIVE_INFINITY;
  let after = text.length;
  // A native search, many times faster than a loop over every unit (a paragraph has few line breaks), in a
  // slice so that it stops at `reach` (V8 slices without copying).
  const window = text.slice(start, reach);
  for (let p = window.indexOf("\n") + start; p >= start; p = window.indexOf("\n", p + 1 - start) + start) {
    let k = p + 1;
    while (k < text.length && text.charCodeAt(k) !== NEWLINE && isSpace(text.charCodeAt(k))) k++;
    if (k < text.length && text.charCodeAt(k) === NEWLINE) {
      contentEnd = p;
      after = k + 1;
      break;
    }
    p = k - 1;
  }
  // The segment takes the blank line after its paragraph, so the next one starts at the next paragraph.
  if (contentEnd - start <= max) return after;
  return cutIn(text, start + max, Math.min(contentEnd, reach));
}

/** A cut in text[from, to): after a line break, else after a sentence end, else at a space, else at `to`. */
function cutIn(text: string, from: number, to: number): number {
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === NEWLINE) return p + 1;
  for (let p = from; p + 1 < to; p++) {
    const code = text.charCodeAt(p);
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && isSpace(text.charCodeAt(p + 1))) return p + 1;
  }
  for (let p = from; p < to; p++) if (isSpace(text.charCodeAt(p))) return p;
  const code = text.charCodeAt(to - 1);
  return to < text.length && code >= 0xd800 && code <= 0xdbff ? to + 1 : to;
}

/**
 * Whether a segment starting at `start` starts a paragraph: the text's start, or after a blank line (a segment cut
 * within a long paragraph starts after no blank line). A text given alone starts one.
 */
export function startsParagraph(text: string, start: number): boolean {
  if (start === 0) return true;
  if (text.charCodeAt(start - 1) !== NEWLINE) return false;
  let p = start - 2;
  while (p >= 0 && text.charCodeAt(p) !== NEWLINE && isSpace(text.charCodeAt(p))) p--;
  return p >= 0 && text.charCodeAt(p) === NEWLINE;
}
