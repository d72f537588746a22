/**
 * ingest: verify the raw text against its pinned SHA-256 and normalize it for reading and extraction,
 * keeping a map from every normalized character back to the raw bytes it came from.
 *
 * The raw file is a plain-text conversion of a published memo. Normalization undoes the conversion's
 * artefacts and nothing else: `\$` escapes, `[anchor](url)` link markup (the anchor text stays), footnotes
 * that landed mid-sentence (set apart after the body), page breaks that split a sentence with a blank
 * line (rejoined), and runs of white space (folded to one space; paragraphs stay separated by a blank line).
 *
 * One linear pass writes UTF-16 code units and their raw ranges into typed arrays: no object per character,
 * and every look-ahead (link markup, white space) stops at the end of its block, so time and memory grow
 * linearly with the input whatever it holds.
 */
import { sha256 } from "./sha256.ts";
import { PipelineError } from "./errors.ts";

export interface NormalizedText {
  /** Body paragraphs joined by "\n\n", then any footnotes, each as a paragraph of its own. */
  text: string;
  /** For each UTF-16 index of `text`, the raw UTF-16 range [rawStart[i], rawEnd[i]) it stands for. */
  rawStart: Int32Array;
  rawEnd: Int32Array;
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
function isSpace(code: number): boolean {
  if (code < 0x80) return code === SPACE || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Normalized code units with their raw ranges, and the links whose anchors they hold (indices local to the
 * buffer). Grows by doubling when no capacity is given up front.
 */
class PieceBuffer {
  length = 0;
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  links: Link[] = [];

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  grow(minimum: number): void {
    const capacity = Math.max(minimum, this.codes.length * 2, 16);
    const grown = (old: Int32Array) => {
      const next = new Int32Array(capacity);
      next.set(old.subarray(0, this.length));
      return next;
    };
    const codes = new Uint16Array(capacity);
    codes.set(this.codes.subarray(0, this.length));
    this.codes = codes;
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }

  /** Moves [from, from + count) to `to` (within this buffer), links included. */
  move(from: number, count: number, to: number, firstLink: number): void {
    this.codes.copyWithin(to, from, from + count);
    this.starts.copyWithin(to, from, from + count);
    this.ends.copyWithin(to, from, from + count);
    for (let k = firstLink; k < this.links.length; k++) {
      this.links[k]!.first += to - from;
      this.links[k]!.last += to - from;
    }
  }

  /** Appends [from, from + count) of another buffer, links included. */
  append(other: PieceBuffer, from: number, count: number, links: Link[]): void {
    if (this.length + count > this.codes.length) this.grow(this.length + count);
    this.codes.set(other.codes.subarray(from, from + count), this.length);
    this.starts.set(other.starts.subarray(from, from + count), this.length);
    this.ends.set(other.ends.subarray(from, from + count), this.length);
    const shift = this.length - from;
    for (const link of links) this.links.push({ ...link, first: link.first + shift, last: link.last + shift });
    this.length += count;
  }

  /** Writes a paragraph separator at the end, "\n\n" standing for the raw gap up to `gapEnd`. */
  separate(gapEnd: number): void {
    if (this.length + 2 > this.codes.length) this.grow(this.length + 2);
    const gapStart = this.ends[this.length - 1]!;
    // A footnote moved after the body owns no gap: its separator stands for nothing in the raw text.
    const start = gapStart <= gapEnd ? gapStart : gapEnd;
    for (let k = this.length; k < this.length + 2; k++) {
      this.codes[k] = NEWLINE;
      this.starts[k] = start;
      this.ends[k] = gapEnd;
    }
  }
}

export function normalize(raw: string): NormalizedText {
  // Normalizing never lengthens a block, and the blank line between two blocks takes at least two raw
  // characters, as many as the separator that replaces it: the body fits in raw.length (+2 for the reserve).
  const body = new PieceBuffer(raw.length + 2);
  const footnotes = new PieceBuffer(0);
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
      // Written after a reserve of two places for a separator, then moved into place.
      const reserve = body.length === 0 ? 0 : 2;
      const at = body.length + reserve;
      const firstLink = body.links.length;
      body.length = at;
      const count = inlinePieces(raw, blockStart, blockEnd, body);
      body.length = at - reserve;
      if (count > 0) {
        if (reserve > 0 && isPageBreak(body.codes[body.length - 1]!, body.codes[at]!)) {
          // The sentence goes on after a page break: one space stands for the whole gap, footnotes included.
          body.move(at, count, body.length + 1, firstLink);
          body.codes[body.length] = SPACE;
          body.starts[body.length] = previousBodyEnd;
          body.ends[body.length] = blockStart;
          body.length += 1 + count;
        } else {
          if (reserve > 0) body.separate(body.starts[at]!);
          body.length += reserve + count;
        }
        previousBodyEnd = blockEnd;
      }
    }
    if (gap.done) break;
    blockStart = gap.value.index + gap.value[0].length;
  }
  return assemble(body, footnotes, footnoteStarts);
}

function isPageBreak(lastCode: number, firstCode: number): boolean {
  return !SENTENCE_END.has(lastCode) && LOWERCASE_LETTER.test(String.fromCharCode(firstCode));
}

/**
 * Writes one paragraph's characters into `out` from `out.length`, with escapes and link markup undone and
 * white space folded; returns how many it wrote (`out.length` is left after them).
 */
function inlinePieces(raw: string, start: number, end: number, out: PieceBuffer): number {
  // A block never normalizes to more characters than it has, so one capacity check covers the loop.
  if (out.length + (end - start) > out.codes.length) out.grow(out.length + (end - start));
  const { codes, starts, ends } = out;
  const first = out.length;
  let n = first;
  let i = start;
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < end && ESCAPABLE.has(raw.charCodeAt(i + 1))) {
      codes[n] = raw.charCodeAt(i + 1);
      starts[n] = i;
      ends[n++] = i + 2;
      i += 2;
    } else if (c === OPEN_BRACKET && linkAt(raw, i, end, out.links, n)) {
      const link = out.links.at(-1)!;
      for (let k = i + 1; n <= link.last; k++, n++) {
        codes[n] = raw.charCodeAt(k);
        starts[n] = k;
        ends[n] = k + 1;
      }
      i = link.rawClose;
    } else if (isSpace(c)) {
      let j = i + 1;
      while (j < end && isSpace(raw.charCodeAt(j))) j++;
      if (n > first && j < end) {
        codes[n] = SPACE;
        starts[n] = i;
        ends[n++] = j;
      }
      i = j;
    } else {
      codes[n] = c;
      starts[n] = i;
      ends[n++] = ++i;
    }
  }
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
    if (c === OPEN_PAREN || isSpace(c)) return false;
  }
  return false;
}

/** The body, then each footnote as a paragraph of its own, as the text and its offset map. */
function assemble(body: PieceBuffer, footnotes: PieceBuffer, footnoteStarts: number[]): NormalizedText {
  let nextLink = 0;
  footnoteStarts.forEach((from, k) => {
    const to = footnoteStarts[k + 1] ?? footnotes.length;
    const firstLink = nextLink;
    while (nextLink < footnotes.links.length && footnotes.links[nextLink]!.first < to) nextLink++;
    if (body.length > 0) {
      body.separate(footnotes.starts[from]!);
      body.length += 2;
    }
    body.append(footnotes, from, to - from, footnotes.links.slice(firstLink, nextLink));
  });
  const length = body.length;
  const text = Buffer.from(body.codes.buffer, body.codes.byteOffset, length * 2).toString("utf16le");
  const linksByFirst = new Map<number, Link>();
  const linksByLast = new Map<number, Link>();
  for (const link of body.links) {
    linksByFirst.set(link.first, link);
    linksByLast.set(link.last, link);
  }
  return { text, rawStart: body.starts.subarray(0, length), rawEnd: body.ends.subarray(0, length), linksByFirst, linksByLast };
}

/** The raw UTF-16 range that the normalized range [start, end) stands for. */
export function rawRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  if (start < 0 || end > normalized.text.length || start >= end) {
    throw new RangeError(`normalized range [${start}, ${end}) is empty or outside the text`);
  }
  let rawStart = normalized.rawStart[start]!;
  let rawEnd = normalized.rawEnd[end - 1]!;
  // A span that takes a link's whole anchor at its edge takes the link markup too; one that cuts it does not.
  const opening = normalized.linksByFirst.get(start);
  if (opening && opening.last < end) rawStart = opening.rawOpen;
  const closing = normalized.linksByLast.get(end - 1);
  if (closing && closing.first >= start) rawEnd = closing.rawClose;
  return [rawStart, rawEnd];
}
