/**
 * Conversions between UTF-16 indices (how JavaScript slices strings) and Unicode code point offsets (how the
 * published data counts, as W3C TextPositionSelector does). Only the surrogate pairs are stored, so the index
 * costs nothing for text without astral characters and a few bytes per emoji otherwise; each conversion is a
 * binary search over them.
 */
export interface CodePointIndex {
  /** The text has no astral character: both conversions are the identity. */
  readonly identity: boolean;
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * UTF-16 index → code point offset for a text read in pieces: each piece's surrogate pairs are recorded as it
 * arrives, so the text need never be held whole.
 */
export class CodePointCounter {
  /** UTF-16 index of each pair's high half, ascending; a lone surrogate counts as a code point of its own. */
  readonly pairs: number[] = [];

  /** Records the pairs of `piece`, which starts at UTF-16 index `base` (pieces in order, none cut inside a pair). */
  add(piece: string, base = 0): void {
    for (const match of piece.matchAll(SURROGATE_PAIR)) this.pairs.push(base + match.index);
  }

  /** A pair starting before u shortens it by one; an index inside a pair (its low half) counts as the pair's. */
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.pairs, utf16);
  }
}

export function codePointIndex(text: string): CodePointIndex {
  const counter = new CodePointCounter();
  counter.add(text);
  const { pairs } = counter;
  if (pairs.length === 0) return { identity: true, toCodePoint: (i) => i, toUtf16: (i) => i };
  // The code point of pair k is pairs[k] - k: each earlier pair took one UTF-16 unit more than one code point.
  const pairCodePoints = pairs.map((at, k) => at - k);
  return {
    identity: false,
    toCodePoint: (u) => counter.toCodePoint(u),
    toUtf16: (c) => c + countBelow(pairCodePoints, c),
  };
}

/** How many of the ascending `values` are below `limit`. */
function countBelow(values: number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
