/**
 * Splits text into paragraphs (at blank lines), which mentions never cross, so the token array stays small
 * whatever the input size. A paragraph longer than `max` UTF-16 units is cut at the first line break, else
 * sentence end, else space in the following `max` units, else hard (never inside a surrogate pair).
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
  const limit = Math.min(text.length, start + max);
  for (let p = start; p < limit; p++) {
    if (text.charCodeAt(p) !== NEWLINE) continue;
    let k = p + 1;
    while (k < text.length && text.charCodeAt(k) !== NEWLINE && isSpace(text.charCodeAt(k))) k++;
    if (k < text.length && text.charCodeAt(k) === NEWLINE) return k + 1;
    p = k - 1;
  }
  return limit === text.length ? limit : fallbackCut(text, limit, Math.min(text.length, limit + max));
}

function fallbackCut(text: string, from: number, to: number): number {
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === NEWLINE) return p + 1;
  for (let p = from; p + 1 < to; p++) {
    const code = text.charCodeAt(p);
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && isSpace(text.charCodeAt(p + 1))) return p + 1;
  }
  for (let p = from; p < to; p++) if (isSpace(text.charCodeAt(p))) return p;
  const code = text.charCodeAt(to - 1);
  return to < text.length && code >= 0xd800 && code <= 0xdbff ? to + 1 : to;
}
