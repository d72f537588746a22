/**
 * Normalization: the raw text made readable and searchable by its text format's rules (text-format.ts), keeping a
 * map from every normalized character back to the raw characters it came from.
 *
 * Every format folds runs of white space to one space and keeps paragraphs apart by a blank line (its lines ended
 * by CR, LF or CRLF alike); a format may add the conversion artefacts it undoes: backslash escapes and
 * `[anchor](url)` link markup (the anchor text stays), footnotes that landed mid-sentence (set apart after the
 * body), page breaks that split a sentence with a blank line (rejoined). Nothing else is changed.
 *
 * One linear pass writes the text as slices of the raw text (a new string only where a character changes) and
 * their raw ranges into an offset map kept by runs (a few bytes per run of copied characters, not 8 per
 * character): no object per character, and every look-ahead (link markup, white space) stops at the end of its
 * block, so time and memory grow linearly with the input whatever it holds. The whole text (normalize) and the
 * extract command's stream (Normalizer) go through this one implementation.
 */
import { isWhiteSpace } from "../text/whitespace.ts";
import { OffsetMap } from "./offset-map.ts";
import type { TextRules } from "./text-format.ts";

export { OffsetMap };

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

const SENTENCE_END = new Set([...'.!?:;"”’)'].map((c) => c.charCodeAt(0)));
const LOWERCASE_LETTER = /^\p{Ll}$/u;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/**
 * Normalized text as the list of strings it is made of, with its offset map (into the whole raw text) and the
 * links whose anchors it holds (indices local to it). Most strings are slices of the raw text (V8 shares their
 * characters), so a block that normalizes to itself costs one slice.
 */
export class NormalizedPieces {
  length = 0;
  chunks: string[] = [];
  map = new OffsetMap();
  links: Link[] = [];
  /**
   * A footnote's raw block and where it starts in the raw text: it is handed over after the body, when a caller reading
   * the raw text in pieces may have let that piece go.
   */
  rawBlock: { text: string; base: number } | null = null;

  /** The first or last code unit written (the pieces are not empty). */
  firstCode(): number {
    return this.chunks[0]!.charCodeAt(0);
  }

  lastCode(): number {
    const last = this.chunks.at(-1)!;
    return last.charCodeAt(last.length - 1);
  }

  text(): string {
    return this.chunks.join("");
  }

  /** Writes one character standing for the raw range [start, end). */
  write(character: string, start: number, end: number): void {
    this.chunks.push(character);
    this.length++;
    this.map.push(start, end);
  }

  /** Writes a paragraph separator, "\n\n" standing for the raw gap up to `gapEnd`. */
  separate(gapEnd: number): void {
    const gapStart = this.map.end(this.length - 1);
    // A footnote moved after the body owns no gap: its separator stands for nothing in the raw text.
    const start = Math.min(gapStart, gapEnd);
    this.write("\n", start, gapEnd);
    this.write("\n", start, gapEnd);
  }

  /** Appends all of other's pieces, its links shifted to their new place. */
  append(other: NormalizedPieces): void {
    for (const chunk of other.chunks) this.chunks.push(chunk);
    this.map.append(other.map);
    const shift = this.length;
    for (const link of other.links) this.links.push({ ...link, first: link.first + shift, last: link.last + shift });
    this.length += other.length;
  }
}

/**
 * Normalization as a stream: the raw text is fed in pieces of any size, and each body paragraph is handed over
 * as soon as the next block shows that no page break continues it; footnotes follow the body, at `finish`. Only
 * the block still open and the paragraph not yet handed over are held, so memory stays bounded by the largest
 * paragraph (and the footnotes), not by the text.
 */
export class Normalizer {
  readonly #onParagraph: (paragraph: NormalizedPieces) => void;
  /** The body paragraph not yet handed over: the next block may continue it after a page break. */
  #pending: NormalizedPieces | null = null;
  #footnotes: NormalizedPieces[] = [];
  #previousBodyEnd = -1;
  /** The raw text after the last block boundary found, which starts at raw offset #carryBase. */
  #carry = "";
  #carryBase = 0;
  /** Where in #carry a blank line may still start: its trailing white space (the rest was searched). */
  #searchFrom = 0;

  readonly #rules: TextRules;

  constructor(rules: TextRules, onParagraph: (paragraph: NormalizedPieces) => void) {
    this.#rules = rules;
    this.#onParagraph = onParagraph;
  }

  /** UTF-16 units of raw text held for the next piece: the block still open. */
  get carried(): number {
    return this.#carry.length;
  }

  /** The raw offset from which the paragraph not yet handed over, or the block still open, starts. */
  get pendingFrom(): number {
    return this.#pending?.map.start(0) ?? this.#carryBase;
  }

  /** Normalizes the next piece of the raw text; a block that may go on in the next piece waits for it. */
  feed(piece: string): void {
    this.#blocks(this.#carry + piece, false);
  }

  /** Normalizes what is left, then hands over the last body paragraph and the footnotes. */
  finish(): void {
    this.#blocks(this.#carry, true);
    if (this.#pending) this.#onParagraph(this.#pending);
    this.#pending = null;
    for (const footnote of this.#footnotes) this.#onParagraph(footnote);
    this.#footnotes = [];
  }

  #blocks(text: string, final: boolean): void {
    const base = this.#carryBase;
    let blockStart = 0;
    const lineEnds = new LineEnds(text, this.#searchFrom);
    for (let gap = lineEnds.nextBlankLine(0); gap >= 0; gap = lineEnds.nextBlankLine(blockStart)) {
      const gapEnd = whiteSpaceEnd(text, gap);
      // A blank line that reaches the end of the piece may go on in the next one.
      if (gapEnd === text.length && !final) break;
      this.#block(text, blockStart, gap, base);
      blockStart = gapEnd;
    }
    if (final) {
      this.#block(text, blockStart, text.length, base);
      this.#carry = "";
      this.#carryBase = base + text.length;
      this.#searchFrom = 0;
      return;
    }
    this.#carry = text.slice(blockStart);
    this.#carryBase = base + blockStart;
    let searchFrom = this.#carry.length;
    while (searchFrom > 0 && isWhiteSpace(this.#carry.charCodeAt(searchFrom - 1))) searchFrom--;
    this.#searchFrom = searchFrom;
  }

  /** Whether the block text[start, end) is a footnote by the format's rules (its start matches, within the block). */
  #footnoteAt(text: string, start: number, end: number): boolean {
    const footnote = this.#rules.footnote;
    if (footnote === null) return false;
    footnote.lastIndex = start;
    return footnote.test(text) && footnote.lastIndex <= end;
  }

  /** The block text[start, end), text starting at raw offset `base`. */
  #block(text: string, start: number, end: number, base: number): void {
    const rules = this.#rules;
    const block = new NormalizedPieces();
    if (this.#footnoteAt(text, start, end)) {
      if (inlinePieces(rules, text, start, end, base, block) > 0) {
        // Copies, not slices: a footnote waits for the end of the text, and a slice would keep its piece alive.
        block.chunks = [ownCopy(block.text())];
        block.rawBlock = { text: ownCopy(text.slice(start, end)), base: base + start };
        this.#footnotes.push(block);
      }
      return;
    }
    if (inlinePieces(rules, text, start, end, base, block) === 0) return;
    const pending = this.#pending;
    if (pending && rules.pageBreaks && isPageBreak(pending.lastCode(), block.firstCode())) {
      // The sentence goes on after a page break: one space stands for the whole gap, footnotes included.
      pending.write(" ", this.#previousBodyEnd, base + start);
      pending.append(block);
    } else {
      if (pending) this.#onParagraph(pending);
      this.#pending = block;
    }
    this.#previousBodyEnd = base + end;
  }
}

/**
 * The blank lines of a text in order, whatever ends its lines (CR, LF or CRLF alike, mixed too): a line end, white
 * space of the line (spaces, tabs, CRs), and another line end. A CR is a line end of its own unless an LF follows
 * it. Line ends are found by native searches, many times faster than a regular expression that looks at every
 * character, each search going on from where the last one stopped.
 */
class LineEnds {
  readonly #text: string;
  /** The next LF and the next CR not looked at yet, or -1 when there is none. */
  #lf: number;
  #cr: number;

  constructor(text: string, from: number) {
    this.#text = text;
    this.#lf = text.indexOf("\n", from);
    this.#cr = text.indexOf("\r", from);
  }

  /** Where the next blank line at or after `from` starts (its first line end), or -1. */
  nextBlankLine(from: number): number {
    const text = this.#text;
    if (this.#lf >= 0 && this.#lf < from) this.#lf = text.indexOf("\n", from);
    if (this.#cr >= 0 && this.#cr < from) this.#cr = text.indexOf("\r", from);
    for (;;) {
      let end: number;
      if (this.#cr >= 0 && (this.#lf < 0 || this.#cr < this.#lf)) {
        end = this.#cr;
        this.#cr = text.indexOf("\r", end + 1);
        // A CRLF ends its line at its LF.
        if (text.charCodeAt(end + 1) === NEWLINE) continue;
      } else if (this.#lf >= 0) {
        end = this.#lf;
      } else {
        return -1;
      }
      let next = end + 1;
      let loneCr = false;
      for (; next < text.length; next++) {
        const code = text.charCodeAt(next);
        if (code === CARRIAGE_RETURN) loneCr ||= text.charCodeAt(next + 1) !== NEWLINE;
        else if (code !== SPACE && code !== TAB) break;
      }
      // Every line end before `next` is looked at: the next search starts after them.
      if (this.#lf >= 0) this.#lf = text.indexOf("\n", next + (text.charCodeAt(next) === NEWLINE ? 1 : 0));
      if (this.#cr >= 0 && this.#cr < next) this.#cr = text.indexOf("\r", next);
      // A second line end: an LF after the line's white space, or a lone CR in it.
      if (loneCr || text.charCodeAt(next) === NEWLINE) return end;
    }
  }
}

/** The end of the run of white space at text[start]. */
function whiteSpaceEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
  return end;
}

export function normalize(raw: string, rules: TextRules): NormalizedText {
  const out = new NormalizedPieces();
  const normalizer = new Normalizer(rules, (paragraph) => {
    if (out.length > 0) out.separate(paragraph.map.start(0));
    out.append(paragraph);
  });
  normalizer.feed(raw);
  normalizer.finish();
  return normalizedText(out);
}

/**
 * A string that shares no characters with another: V8 keeps a slice as a view of the whole string it was cut
 * from, while a concatenation, once read, is copied into a string of its own.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

function isPageBreak(lastCode: number, firstCode: number): boolean {
  return !SENTENCE_END.has(lastCode) && LOWERCASE_LETTER.test(String.fromCharCode(firstCode));
}

/**
 * Writes one paragraph's characters into `out`, with escapes and link markup undone and white space folded;
 * returns how many it wrote. Stretches that need no change are written as slices of `raw`.
 */
function inlinePieces(
  rules: TextRules,
  raw: string,
  start: number,
  end: number,
  base: number,
  out: NormalizedPieces,
): number {
  const { chunks, map } = out;
  const first = out.length;
  let n = first;
  let i = start;
  /** Raw start of the characters copied one for one up to i and not yet mapped. */
  let copiedFrom = start;
  /** Raw start of the characters written unchanged up to i and not yet sliced into `chunks`. */
  let sliceFrom = start;
  const sliceTo = (to: number) => {
    if (to > sliceFrom) chunks.push(raw.slice(sliceFrom, to));
  };
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < end && rules.escapable.has(raw.charCodeAt(i + 1))) {
      sliceTo(i);
      if (i > copiedFrom) map.copied(base + copiedFrom, i - copiedFrom);
      chunks.push(raw[i + 1]!);
      n++;
      map.push(base + i, base + i + 2);
      sliceFrom = copiedFrom = i += 2;
    } else if (c === OPEN_BRACKET && rules.links && linkAt(raw, i, end, out.links, n)) {
      sliceTo(i);
      if (i > copiedFrom) map.copied(base + copiedFrom, i - copiedFrom);
      const link = out.links.at(-1)!;
      const anchorLength = link.last + 1 - n;
      map.copied(base + i + 1, anchorLength);
      chunks.push(raw.slice(i + 1, i + 1 + anchorLength));
      n += anchorLength;
      sliceFrom = copiedFrom = i = link.rawClose;
      link.rawOpen += base;
      link.rawClose += base;
    } else if (isWhiteSpace(c)) {
      let j = i + 1;
      while (j < end && isWhiteSpace(raw.charCodeAt(j))) j++;
      const kept = n > first && j < end;
      if (kept && j === i + 1) {
        // One white-space character becomes one space: still a copy, one for one (and unchanged if a space).
        if (c !== SPACE) {
          sliceTo(i);
          chunks.push(" ");
          sliceFrom = i + 1;
        }
        n++;
        i = j;
        continue;
      }
      sliceTo(i);
      if (i > copiedFrom) map.copied(base + copiedFrom, i - copiedFrom);
      if (kept) {
        chunks.push(" ");
        n++;
        map.push(base + i, base + j);
      }
      sliceFrom = copiedFrom = i = j;
    } else {
      // Copied as is up to the next character that may need more than a copy: a regex finds it far faster than
      // testing each character. The block's end is a line break, so the search never passes it by much.
      const mayChange = rules.mayChange;
      mayChange.lastIndex = i + 1;
      let next = Math.min(mayChange.exec(raw)?.index ?? end, end);
      // A single space before the block's end is dropped, not copied: left for the white-space branch.
      if (next === end && raw.charCodeAt(end - 1) === SPACE && end - 1 > i) next--;
      n += next - i;
      i = next;
    }
  }
  sliceTo(i);
  if (i > copiedFrom) map.copied(base + copiedFrom, i - copiedFrom);
  out.length = n;
  return n - first;
}

/**
 * Records the link `[anchor](target)` starting at `open`, its anchor to be written from normalized index
 * `first`: a non-empty anchor without brackets or line ends, then a target without white space or
 * parentheses, all before `limit`; false when absent. Each scan stops at the first character that rules the
 * link out, so the scans of successive `[` never overlap much.
 */
function linkAt(raw: string, open: number, limit: number, links: Link[], first: number): boolean {
  let close = open + 1;
  for (; close < limit; close++) {
    const c = raw.charCodeAt(close);
    if (c === CLOSE_BRACKET) break;
    if (c === OPEN_BRACKET || c === NEWLINE || c === CARRIAGE_RETURN) return false;
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

function normalizedText(out: NormalizedPieces): NormalizedText {
  const text = out.text();
  const linksByFirst = new Map<number, Link>();
  const linksByLast = new Map<number, Link>();
  for (const link of out.links) {
    linksByFirst.set(link.first, link);
    linksByLast.set(link.last, link);
  }
  return { text, map: out.map, linksByFirst, linksByLast };
}

/** The raw UTF-16 range of the normalized characters [start, end) themselves: where a mention stands in the file. */
export function rawCharacters(normalized: { map: OffsetMap }, start: number, end: number): [number, number] {
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
