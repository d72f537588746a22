/**
 * Extraction over a whole file as a stream: the file's text, given a piece at a time (whole characters, already
 * checked), is normalized and searched as it comes, and each paragraph's mentions are written as soon as the
 * paragraph is complete, placed in the file (code point offsets, the file's own text). Neither the text nor the
 * normalized text nor the output is ever held whole: memory grows with the largest paragraph, not the file.
 * The output is what normalize(), mentionsOf() and JSON.stringify(mentions, null, 2) give on the whole text: the
 * stream goes through the same normalizer, by the same text format's rules.
 */
import { CodePointCounter } from "../text/code-points.ts";
import { MentionFinder, type ExtractOptions } from "../extract/index.ts";
import { Normalizer, rawCharacters, type NormalizedPieces } from "../ingest/normalize.ts";
import type { TextRules } from "../ingest/text-format.ts";
import type { TextPiece } from "../io/text-file.ts";
import { MentionJsonWriter } from "./mention-json.ts";

export interface ExtractFileOptions {
  /** How the file was converted: what normalization undoes. */
  textFormat: TextRules;
  documentDate?: string;
  /** Receives the JSON array as UTF-8, a part at a time, in a view it must not keep. */
  write: (bytes: Uint8Array) => void;
  /** True once nobody reads the output (a closed pipe): the rest is not searched. */
  closed?: () => boolean;
  /** A number beyond the double range, refused: its text and code point offsets in the file. */
  onOverflow?: ExtractOptions["onOverflow"];
}

/**
 * `pieces`: the file's text in order, none cut inside a surrogate pair.
 * @throws RangeError when documentDate is not "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 */
export function extractFile(
  pieces: Iterable<TextPiece>,
  { textFormat, documentDate, write, closed = () => false, onOverflow }: ExtractFileOptions,
): void {
  const raw = new RawPieces();
  const output = new MentionJsonWriter(write);
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
  let waiting: string[] = [];
  let waitingLength = 0;
  let astral = false;
  const feed = () => {
    const text = waiting.length === 1 ? waiting[0]! : waiting.join("");
    raw.add(text, astral);
    normalizer.feed(text);
    raw.release(normalizer.pendingFrom);
    waiting = [];
    waitingLength = 0;
    astral = false;
  };
  for (const piece of pieces) {
    if (closed()) return;
    waiting.push(piece.text);
    waitingLength += piece.text.length;
    astral ||= piece.astral;
    // A block longer than the pieces is carried into the next: fed at least twice its length at a time, it is
    // copied a bounded number of times.
    if (waitingLength >= 2 * normalizer.carried) feed();
  }
  if (waiting.length > 0) feed();
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

  /** `astral`: whether the text may hold a surrogate pair (when not, it is not searched for one). */
  add(text: string, astral: boolean): void {
    if (astral) this.#codePoints.add(text, this.#length);
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
