/**
 * ingest: verify the raw text against its pinned SHA-256 and normalize it for reading and extraction,
 * keeping a map from every normalized character back to the raw bytes it came from.
 *
 * The raw file is a plain-text conversion of a published memo. Normalization undoes the conversion's
 * artefacts and nothing else: `\$` escapes, `[anchor](url)` link markup (the anchor text stays), footnotes
 * that landed mid-sentence (set apart after the body), page breaks that split a sentence with a blank
 * line (rejoined), and runs of white space (folded to one space; paragraphs stay separated by a blank line).
 *
 * One linear pass writes UTF-16 code units into a typed array and their raw ranges into an offset map kept by
 * runs (a few bytes per run of copied characters, not 8 per character): no object per character, and every
 * look-ahead (link markup, white space) stops at the end of its block, so time and memory grow linearly with
 * the input whatever it holds.
 */
import { sha256 } from "./sha256.ts";
import { isWhiteSpace } from "./whitespace.ts";
import { PipelineError } from "./errors.ts";

export interface NormalizedText {
  /** Body paragraphs joined by "\n\n", then any footnotes, each as a paragraph of its own. */
  text: string;
  /** The raw UTF-16 range [start, end) that each UTF-16 index of `text` stands for. */
  map: OffsetMap;
  /** Link anchors by their first and by their last normalized index, for spans that take a whole link. */
  linksByFirst: Map<number, Link>;
  linksByLast: Map<number, Link>;
}

/** A `[anchor](target)` link: the anchor's normalized range and the whole markup's raw range. */
interface Link {
  first: number;
  last: number;
  rawOpen: number;
  rawClose: number;
}

/** A footnote paragraph starts with a superscript number and a space ("¹ Serghei Golunov is ..."). */
const FOOTNOTE_START = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+ /uy;
const BLANK_LINE = /\n[ \t\r]*\n\s*/g;
const SENTENCE_END = new Set([...".!?:;\"”’)"].map((c) => c.charCodeAt(0)));
const LOWERCASE_LETTER = /^\p{Ll}$/u;
/** Characters a backslash escapes in the conversion's Markdown. */
const ESCAPABLE = new Set([..."$\\*_[]()#`"].map((c) => c.charCodeAt(0)));
/** What inline normalization may change: an escape, a link, white space other than a single space. */
const MAY_CHANGE = /[\\[]|[^\S ]| \s/g;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

export { sha256 };

/** Refuses a text whose hash is not the pinned one: curated offsets are only meaningful for that text. */
export function verifyChecksum(bytes: Uint8Array, expected: string, file: string): void {
  const actual = sha256(bytes);
  if (actual !== expected) {
    throw new PipelineError(
      `SHA-256 mismatch: the text is ${actual}, source.json pins ${expected}; ` +
        "the text changed, so every curated offset is suspect (update source.json only after re-checking the curation)",
      { file },
    );
  }
}

/** True for the code units JavaScript's `\s` matches. */

/**
 * The offset map stored by runs: a run is either a stretch of characters copied one for one from consecutive
 * raw characters, or a single character standing for a raw range of another length (an escape, folded white
 * space, a paragraph separator). Prose has a run every few dozen characters, so the map takes a small part of
 * the 8 bytes per character that a pair of arrays takes.
 */
export class OffsetMap {
  /** Characters mapped so far. */
  length = 0;
  #runs = 0;
  /** Normalized index of each run's first character, ascending. */
  #first = new Int32Array(16);
  /** Raw start of each run's first character. */
  #rawStart = new Int32Array(16);
  /** Raw end of a single character that stands for a range of another length; -1 for a one-for-one run. */
  #rawEnd = new Int32Array(16);

  /** Maps the next `count` characters one for one to the raw characters from `start`. */
  copied(start: number, count: number): void {
    const last = this.#runs - 1;
    if (last < 0 || this.#rawEnd[last] !== -1 || this.#rawStart[last]! + this.length - this.#first[last]! !== start) {
      this.#run(start, -1);
    }
    this.length += count;
  }

  /** Maps the next character to the raw range [start, end). */
  push(start: number, end: number): void {
    if (end === start + 1) {
      this.copied(start, 1);
    } else {
      this.#run(start, end);
      this.length++;
    }
  }

  /** Appends the mapping of other's characters [from, to). */
  append(other: OffsetMap, from: number, to: number): void {
    for (let run = other.#runOf(from), i = from; i < to; run++) {
      const runEnd = run + 1 < other.#runs ? Math.min(other.#first[run + 1]!, to) : to;
      const rawStart = other.#rawStart[run]! + i - other.#first[run]!;
      if (other.#rawEnd[run] === -1) this.copied(rawStart, runEnd - i);
      else this.push(rawStart, other.#rawEnd[run]!);
      i = runEnd;
    }
  }

  clear(): void {
    this.length = 0;
    this.#runs = 0;
  }

  /** Raw start of the character at normalized index i (0 <= i < length). */
  start(i: number): number {
    const run = this.#runOf(i);
    return this.#rawStart[run]! + i - this.#first[run]!;
  }

  /** Raw end of the character at normalized index i (0 <= i < length). */
  end(i: number): number {
    const run = this.#runOf(i);
    const end = this.#rawEnd[run]!;
    return end === -1 ? this.#rawStart[run]! + i - this.#first[run]! + 1 : end;
  }

  #run(rawStart: number, rawEnd: number): void {
    if (this.#runs === this.#first.length) {
      const grown = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.#first = grown(this.#first);
      this.#rawStart = grown(this.#rawStart);
      this.#rawEnd = grown(this.#rawEnd);
    }
    this.#first[this.#runs] = this.length;
    this.#rawStart[this.#runs] = rawStart;
    this.#rawEnd[this.#runs++] = rawEnd;
  }

  /** The last run that starts at or before i. */
  #runOf(i: number): number {
    let low = 0;
    let high = this.#runs - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.#first[middle]! <= i) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** Normalized code units, their offset map and the links whose anchors they hold (indices local to them). */
class Pieces {
  length = 0;
  codes: Uint16Array;
  map = new OffsetMap();
  links: Link[] = [];

  constructor(capacity = 0) {
    this.codes = new Uint16Array(capacity);
  }

  /** Room for `count` more code units, growing by doubling. */
  reserve(count: number): void {
    if (this.length + count <= this.codes.length) return;
    const codes = new Uint16Array(Math.max(this.length + count, this.codes.length * 2, 16));
    codes.set(this.codes.subarray(0, this.length));
    this.codes = codes;
  }

  clear(): void {
    this.length = 0;
    this.map.clear();
    this.links.length = 0;
  }

  write(code: number, start: number, end: number): void {
    this.reserve(1);
    this.codes[this.length++] = code;
    this.map.push(start, end);
  }

  /** Writes a paragraph separator, "\n\n" standing for the raw gap up to `gapEnd`. */
  separate(gapEnd: number): void {
    const gapStart = this.map.end(this.length - 1);
    // A footnote moved after the body owns no gap: its separator stands for nothing in the raw text.
    const start = gapStart <= gapEnd ? gapStart : gapEnd;
    this.write(NEWLINE, start, gapEnd);
    this.write(NEWLINE, start, gapEnd);
  }

  /** Appends other's pieces [from, from + count), with `links` (those among them). */
  append(other: Pieces, from: number, count: number, links: Link[]): void {
    this.reserve(count);
    this.codes.set(other.codes.subarray(from, from + count), this.length);
    this.map.append(other.map, from, from + count);
    const shift = this.length - from;
    for (const link of links) this.links.push({ ...link, first: link.first + shift, last: link.last + shift });
    this.length += count;
  }
}

export function normalize(raw: string): NormalizedText {
  // Normalizing never lengthens a block, and the blank line between two blocks takes at least two raw
  // characters, as many as the separator that replaces it: the body fits in raw.length.
  const out = new Pieces(raw.length);
  /** One body paragraph at a time, before it is known whether it continues the previous one. */
  const paragraph = new Pieces();
  const footnotes = new Pieces();
  /** Where each footnote paragraph starts in `footnotes`. */
  const footnoteStarts: number[] = [];
  let previousBodyEnd = -1;
  let blockStart = 0;
  const blockEnds = raw.matchAll(BLANK_LINE);
  for (;;) {
    const gap = blockEnds.next();
    const blockEnd = gap.done ? raw.length : gap.value.index;
    FOOTNOTE_START.lastIndex = blockStart;
    if (FOOTNOTE_START.test(raw) && FOOTNOTE_START.lastIndex <= blockEnd) {
      const at = footnotes.length;
      if (inlinePieces(raw, blockStart, blockEnd, footnotes) > 0) footnoteStarts.push(at);
    } else {
      paragraph.clear();
      const count = inlinePieces(raw, blockStart, blockEnd, paragraph);
      if (count > 0) {
        if (out.length > 0 && isPageBreak(out.codes[out.length - 1]!, paragraph.codes[0]!)) {
          // The sentence goes on after a page break: one space stands for the whole gap, footnotes included.
          out.write(SPACE, previousBodyEnd, blockStart);
        } else if (out.length > 0) {
          out.separate(paragraph.map.start(0));
        }
        out.append(paragraph, 0, count, paragraph.links);
        previousBodyEnd = blockEnd;
      }
    }
    if (gap.done) break;
    blockStart = gap.value.index + gap.value[0].length;
  }
  appendFootnotes(out, footnotes, footnoteStarts);
  return normalizedText(out);
}

function isPageBreak(lastCode: number, firstCode: number): boolean {
  return !SENTENCE_END.has(lastCode) && LOWERCASE_LETTER.test(String.fromCharCode(firstCode));
}

/**
 * Writes one paragraph's characters into `out` from `out.length`, with escapes and link markup undone and
 * white space folded; returns how many it wrote (`out.length` is left after them).
 */
function inlinePieces(raw: string, start: number, end: number, out: Pieces): number {
  // A block never normalizes to more characters than it has, so one capacity check covers the loop.
  out.reserve(end - start);
  const { codes, map } = out;
  const first = out.length;
  let n = first;
  let i = start;
  /** Raw start of the characters copied one for one up to i and not yet mapped. */
  let copiedFrom = start;
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < end && ESCAPABLE.has(raw.charCodeAt(i + 1))) {
      if (i > copiedFrom) map.copied(copiedFrom, i - copiedFrom);
      codes[n++] = raw.charCodeAt(i + 1);
      map.push(i, i + 2);
      copiedFrom = i += 2;
    } else if (c === OPEN_BRACKET && linkAt(raw, i, end, out.links, n)) {
      if (i > copiedFrom) map.copied(copiedFrom, i - copiedFrom);
      const link = out.links.at(-1)!;
      map.copied(i + 1, link.last + 1 - n);
      for (let k = i + 1; n <= link.last; k++) codes[n++] = raw.charCodeAt(k);
      copiedFrom = i = link.rawClose;
    } else if (isWhiteSpace(c)) {
      let j = i + 1;
      while (j < end && isWhiteSpace(raw.charCodeAt(j))) j++;
      const kept = n > first && j < end;
      if (kept && j === i + 1) {
        // One white-space character becomes one space: still a copy, one for one.
        codes[n++] = SPACE;
        i = j;
        continue;
      }
      if (i > copiedFrom) map.copied(copiedFrom, i - copiedFrom);
      if (kept) {
        codes[n++] = SPACE;
        map.push(i, j);
      }
      copiedFrom = i = j;
    } else {
      // Copied as is up to the next character that may need more than a copy: a regex finds it far faster than
      // testing each character. The block's end is a line break, so the search never passes it by much.
      MAY_CHANGE.lastIndex = i + 1;
      let next = Math.min(MAY_CHANGE.exec(raw)?.index ?? end, end);
      // A single space before the block's end is dropped, not copied: left for the white-space branch.
      if (next === end && raw.charCodeAt(end - 1) === SPACE && end - 1 > i) next--;
      while (i < next) codes[n++] = raw.charCodeAt(i++);
    }
  }
  if (i > copiedFrom) map.copied(copiedFrom, i - copiedFrom);
  out.length = n;
  return n - first;
}

/**
 * Records the link `[anchor](target)` starting at `open`, its anchor to be written from normalized index
 * `first`: a non-empty anchor without brackets or line breaks, then a target without white space or
 * parentheses, all before `limit`; false when absent. Each scan stops at the first character that rules the
 * link out, so the scans of successive `[` never overlap much.
 */
function linkAt(raw: string, open: number, limit: number, links: Link[], first: number): boolean {
  let close = open + 1;
  for (; close < limit; close++) {
    const c = raw.charCodeAt(close);
    if (c === CLOSE_BRACKET) break;
    if (c === OPEN_BRACKET || c === NEWLINE) return false;
  }
  if (close === open + 1 || close + 1 >= limit || raw.charCodeAt(close + 1) !== OPEN_PAREN) return false;
  for (let k = close + 2; k < limit; k++) {
    const c = raw.charCodeAt(k);
    if (c === CLOSE_PAREN) {
      links.push({ first, last: first + close - open - 2, rawOpen: open, rawClose: k + 1 });
      return true;
    }
    if (c === OPEN_PAREN || isWhiteSpace(c)) return false;
  }
  return false;
}

/** Each footnote after the body, as a paragraph of its own. */
function appendFootnotes(out: Pieces, footnotes: Pieces, footnoteStarts: number[]): void {
  let nextLink = 0;
  footnoteStarts.forEach((from, k) => {
    const to = footnoteStarts[k + 1] ?? footnotes.length;
    const firstLink = nextLink;
    while (nextLink < footnotes.links.length && footnotes.links[nextLink]!.first < to) nextLink++;
    if (out.length > 0) out.separate(footnotes.map.start(from));
    out.append(footnotes, from, to - from, footnotes.links.slice(firstLink, nextLink));
  });
}

function normalizedText(out: Pieces): NormalizedText {
  const text = Buffer.from(out.codes.buffer, out.codes.byteOffset, out.length * 2).toString("utf16le");
  const { map } = out;
  const linksByFirst = new Map<number, Link>();
  const linksByLast = new Map<number, Link>();
  for (const link of out.links) {
    linksByFirst.set(link.first, link);
    linksByLast.set(link.last, link);
  }
  return {
    text,
    map,
    linksByFirst,
    linksByLast,
  };
}

/** The raw UTF-16 range of the normalized characters [start, end) themselves: where a mention stands in the file. */
export function rawCharacters(normalized: NormalizedText, start: number, end: number): [number, number] {
  return [normalized.map.start(start), normalized.map.end(end - 1)];
}

/** The raw UTF-16 range that the normalized range [start, end) stands for, as a quote: whole links included. */
export function rawRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  if (start < 0 || end > normalized.text.length || start >= end) {
    throw new RangeError(`normalized range [${start}, ${end}) is empty or outside the text`);
  }
  let rawStart = normalized.map.start(start);
  let rawEnd = normalized.map.end(end - 1);
  // A span that takes a link's whole anchor at its edge takes the link markup too; one that cuts it does not.
  const opening = normalized.linksByFirst.get(start);
  if (opening && opening.last < end) rawStart = opening.rawOpen;
  const closing = normalized.linksByLast.get(end - 1);
  if (closing && closing.first >= start) rawEnd = closing.rawClose;
  return [rawStart, rawEnd];
}
