/**
 * ingest: verify the raw text against its pinned SHA-256 and normalize it for reading and extraction,
 * keeping a map from every normalized character back to the raw bytes it came from.
 *
 * The raw file is a plain-text conversion of a published memo. Normalization undoes the conversion's
 * artefacts and nothing else: `\$` escapes, `[anchor](url)` link markup (the anchor text stays), footnotes
 * that landed mid-sentence (set apart after the body), page breaks that split a sentence with a blank
 * line (rejoined), and runs of white space (folded to one space; paragraphs stay separated by a blank line).
 */
import { createHash } from "node:crypto";
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
const FOOTNOTE_START = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ /u;
const BLANK_LINE = /\n[ \t\r]*\n\s*/g;
const SENTENCE_END = /[.!?:;"”’)]$/u;
const LOWERCASE_START = /^\p{Ll}/u;

interface Block {
  start: number;
  end: number;
}

interface Piece {
  char: string;
  start: number;
  end: number;
  /** For a link's anchor text: the link's raw range. */
  link?: { rawOpen: number; rawClose: number };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

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

export function normalize(raw: string): NormalizedText {
  const blocks = splitBlocks(raw);
  const body: Piece[][] = [];
  const footnotes: Piece[][] = [];
  let previousBodyEnd = -1;
  for (const block of blocks) {
    const pieces = inlinePieces(raw, block);
    if (pieces.length === 0) continue;
    if (FOOTNOTE_START.test(raw.slice(block.start, block.end))) {
      footnotes.push(pieces);
      continue;
    }
    const previous = body.at(-1);
    if (previous && isPageBreak(previous, pieces)) {
      // The sentence goes on after a page break: one space stands for the whole gap, footnotes included.
      previous.push({ char: " ", start: previousBodyEnd, end: block.start }, ...pieces);
    } else {
      body.push(pieces);
    }
    previousBodyEnd = block.end;
  }
  return assemble([...body, ...footnotes]);
}

function splitBlocks(raw: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const gap of raw.matchAll(BLANK_LINE)) {
    blocks.push({ start, end: gap.index });
    start = gap.index + gap[0].length;
  }
  blocks.push({ start, end: raw.length });
  return blocks;
}

function isPageBreak(before: Piece[], after: Piece[]): boolean {
  const lastChar = before.at(-1)?.char ?? "";
  const firstChar = after[0]?.char ?? "";
  return !SENTENCE_END.test(lastChar) && LOWERCASE_START.test(firstChar);
}

/** One paragraph's characters with escapes and link markup undone and white space folded. */
function inlinePieces(raw: string, block: Block): Piece[] {
  const pieces: Piece[] = [];
  let i = block.start;
  while (i < block.end) {
    const c = raw[i]!;
    if (c === "\\" && i + 1 < block.end && /[$\\*_[\]()#`]/.test(raw[i + 1]!)) {
      pieces.push({ char: raw[i + 1]!, start: i, end: i + 2 });
      i += 2;
    } else if (c === "[") {
      const link = linkAt(raw, i, block.end);
      if (link) {
        const markup = { rawOpen: i, rawClose: link.end };
        for (let k = link.anchorStart; k < link.anchorEnd; k++) pieces.push({ char: raw[k]!, start: k, end: k + 1, link: markup });
        i = link.end;
      } else {
        pieces.push({ char: c, start: i, end: i + 1 });
        i++;
      }
    } else if (/\s/.test(c)) {
      let j = i + 1;
      while (j < block.end && /\s/.test(raw[j]!)) j++;
      if (pieces.length > 0 && j < block.end) pieces.push({ char: " ", start: i, end: j });
      i = j;
    } else {
      pieces.push({ char: c, start: i, end: i + 1 });
      i++;
    }
  }
  return pieces;
}

/** `[anchor](target)` starting at `open`, with no brackets or line breaks inside; null when absent. */
function linkAt(raw: string, open: number, limit: number) {
  const close = raw.indexOf("](", open + 1);
  if (close < 0 || close >= limit) return null;
  const anchor = raw.slice(open + 1, close);
  if (anchor.length === 0 || /[[\]\n]/.test(anchor)) return null;
  const targetEnd = raw.indexOf(")", close + 2);
  if (targetEnd < 0 || targetEnd >= limit || /[\s()]/.test(raw.slice(close + 2, targetEnd))) return null;
  return { anchorStart: open + 1, anchorEnd: close, end: targetEnd + 1 };
}

function assemble(paragraphs: Piece[][]): NormalizedText {
  const pieces: Piece[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) {
      const gapStart = pieces.at(-1)!.end;
      const gapEnd = paragraph[0]!.start;
      // A footnote moved after the body owns no gap: its separator stands for nothing in the raw text.
      const [start, end] = gapStart <= gapEnd ? [gapStart, gapEnd] : [paragraph[0]!.start, paragraph[0]!.start];
      pieces.push({ char: "\n", start, end }, { char: "\n", start, end });
    }
    pieces.push(...paragraph);
  });
  const rawStart = new Int32Array(pieces.length);
  const rawEnd = new Int32Array(pieces.length);
  const links = new Map<Piece["link"], Link>();
  pieces.forEach((piece, i) => {
    rawStart[i] = piece.start;
    rawEnd[i] = piece.end;
    if (piece.link) {
      const link = links.get(piece.link) ?? { first: i, last: i, ...piece.link };
      link.last = i;
      links.set(piece.link, link);
    }
  });
  return {
    text: pieces.map((piece) => piece.char).join(""),
    rawStart,
    rawEnd,
    linksByFirst: new Map([...links.values()].map((link) => [link.first, link])),
    linksByLast: new Map([...links.values()].map((link) => [link.last, link])),
  };
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
