/**
 * Extraction over a whole file as a stream: the file's bytes (already checked as UTF-8) are decoded, normalized
 * and searched a piece at a time, and each paragraph's mentions are written as soon as the paragraph is
 * complete, placed in the file (code point offsets, the file's own text). Neither the decoded text nor the
 * normalized one nor the output is ever held whole: beyond the bytes given, memory grows with the largest
 * paragraph, not the file.
 * The output is what normalize(), mentionsOf() and JSON.stringify(mentions, null, 2) give on the whole text: the
 * stream goes through the same normalizer, by the same text format's rules.
 */
import { isAscii } from "node:buffer";
import { CodePointCounter } from "../text/code-points.ts";
import { MentionFinder, type ExtractedMention, type ExtractOptions } from "../extract/index.ts";
import { Normalizer, rawCharacters, type NormalizedPieces } from "../ingest/normalize.ts";
import type { TextRules } from "../ingest/text-format.ts";
import { JsonArrayWriter } from "../io/json-array-writer.ts";

export interface ExtractFileOptions {
  /** How the file was converted: what normalization undoes. */
  textFormat: TextRules;
  documentDate?: string;
  /** Receives the JSON array, a part at a time. */
  write: (text: string) => void;
  /** True once nobody reads the output (a closed pipe): the rest is not searched. */
  closed?: () => boolean;
  /** A number beyond the double range, refused: its text and code point offsets in the file. */
  onOverflow?: ExtractOptions["onOverflow"];
  /** Bytes decoded at a time (tests make it tiny, to cut paragraphs everywhere). */
  pieceBytes?: number;
}

/**
 * Bytes decoded at a time, up to the next line break: small enough that each piece's string is short-lived
 * (fresh memory is what large strings cost most), large enough that pieces are few.
 */
const PIECE_BYTES = 1 << 14;
const NEWLINE = 0x0a;

/** @throws RangeError when documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function extractFile(
  bytes: Buffer,
  { textFormat, documentDate, write, closed = () => false, onOverflow, pieceBytes = PIECE_BYTES }: ExtractFileOptions,
): void {
  const raw = new RawPieces();
  const output = new JsonArrayWriter<ExtractedMention>(write);
  const finder = new MentionFinder({
    ...(documentDate === undefined ? {} : { documentDate }),
    onOverflow: (span) => {
      const [start, end] = raw.place(span);
      onOverflow?.({ text: raw.slice(start, end), start: raw.toCodePoint(start), end: raw.toCodePoint(end) });
    },
  });
  const normalizer = new Normalizer(textFormat, (paragraph) => {
    raw.paragraph = paragraph;
    for (const mention of finder.find(paragraph.text())) {
      // Found in the normalized text, reported at the mention's place in the file.
      const [start, end] = raw.place(mention);
      mention.text = raw.slice(start, end);
      mention.start = raw.toCodePoint(start);
      mention.end = raw.toCodePoint(end);
      output.add(mention);
    }
  });
  for (let from = 0; from < bytes.length && !closed(); ) {
    // A paragraph longer than a piece is carried into the next: pieces at least double it, so it is copied a
    // bounded number of times.
    const next = bytes.indexOf(NEWLINE, from + Math.max(pieceBytes, 2 * normalizer.carried));
    const to = next < 0 ? bytes.length : next + 1;
    raw.add(decodePiece(bytes, from, to));
    normalizer.feed(raw.last);
    raw.release(normalizer.pendingFrom);
    from = to;
  }
  // Once nobody reads the output, the footnotes are not searched either.
  if (closed()) return;
  normalizer.finish();
  output.end();
}

/**
 * The raw text of the file, held a few pieces at a time: from the paragraph not yet handed over on. Footnotes,
 * handed over after the body, bring their own raw text.
 */
class RawPieces {
  readonly #pieces: { text: string; base: number }[] = [];
  readonly #codePoints = new CodePointCounter();
  #length = 0;
  /** The paragraph whose mentions are being placed. */
  paragraph: NormalizedPieces | null = null;

  get last(): string {
    return this.#pieces.at(-1)!.text;
  }

  add(text: string): void {
    this.#codePoints.add(text, this.#length);
    this.#pieces.push({ text, base: this.#length });
    this.#length += text.length;
  }

  /** Lets go of the pieces that end before `offset`. */
  release(offset: number): void {
    let drop = 0;
    while (drop < this.#pieces.length - 1 && this.#pieces[drop]!.base + this.#pieces[drop]!.text.length <= offset)
      drop++;
    this.#pieces.splice(0, drop);
  }

  /** The raw UTF-16 range of the current paragraph's characters [start, end): where they stand in the file. */
  place({ start, end }: { start: number; end: number }): [number, number] {
    return rawCharacters(this.paragraph!, start, end);
  }

  toCodePoint(offset: number): number {
    return this.#codePoints.toCodePoint(offset);
  }

  slice(start: number, end: number): string {
    const block = this.paragraph?.rawBlock;
    if (block) return block.text.slice(start - block.base, end - block.base);
    let text = "";
    for (const piece of this.#pieces) {
      const pieceEnd = piece.base + piece.text.length;
      if (pieceEnd <= start || piece.base >= end) continue;
      text += piece.text.slice(Math.max(start, piece.base) - piece.base, Math.min(end, pieceEnd) - piece.base);
    }
    return text;
  }
}

/**
 * bytes[from, to) as text, already checked as UTF-8 and cut after a line break. Runs of ASCII lines are decoded as
 * Latin-1, many times faster than V8's UTF-8 decoder, which pays for every line once it meets one non-ASCII byte.
 */
function decodePiece(bytes: Buffer, from: number, to: number): string {
  const lines: string[] = [];
  let asciiFrom = from;
  for (let start = from; start < to; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 || newline >= to ? to : newline + 1;
    if (!isAscii(bytes.subarray(start, end))) {
      if (start > asciiFrom) lines.push(bytes.toString("latin1", asciiFrom, start));
      lines.push(bytes.toString("utf8", start, end));
      asciiFrom = end;
    }
    start = end;
  }
  if (to > asciiFrom) lines.push(bytes.toString("latin1", asciiFrom, to));
  return lines.length === 1 ? lines[0]! : lines.join("");
}
