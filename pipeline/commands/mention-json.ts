/**
 * Writes mentions as one JSON array, byte for byte what `JSON.stringify(mentions, null, 2)` followed by a line
 * end gives, straight into one reused buffer of UTF-8, handed over a few kilobytes at a time: neither the
 * mentions nor the output are ever held whole, and no string is made for the output. A mention's fields are
 * known, so each is written from a template in the order the extractor builds them; numbers are written once,
 * as digits; a string is written byte for byte while it is plain ASCII, and only one that holds a character JSON
 * escapes or UTF-8 encodes in more than one byte goes through JSON.stringify and the buffer's own encoder.
 */
import type { ExtractedMention } from "../extract/index.ts";

export class MentionJsonWriter {
  readonly #write: (bytes: Uint8Array) => void;
  #buffer = Buffer.allocUnsafe(FLUSH_BYTES * 2);
  #length = 0;
  #started = false;

  /** `write` receives whole mentions' bytes (valid UTF-8), in a view of the buffer that it must not keep. */
  constructor(write: (bytes: Uint8Array) => void) {
    this.#write = write;
  }

  add(mention: ExtractedMention): void {
    this.#ascii(this.#started ? ',\n  {\n    "kind": "' : '[\n  {\n    "kind": "');
    this.#started = true;
    this.#ascii(mention.kind);
    this.#ascii('",\n    "text": ');
    this.#string(mention.text);
    this.#ascii(',\n    "start": ');
    this.#number(mention.start);
    this.#ascii(',\n    "end": ');
    this.#number(mention.end);
    if (mention.kind === "quantity") {
      this.#ascii(',\n    "value": ');
      this.#number(mention.value);
      this.#ascii(',\n    "value_high": ');
      this.#number(mention.value_high);
      this.#ascii(',\n    "unit": ');
      this.#string(mention.unit);
      this.#ascii(',\n    "qualifier": ');
      this.#string(mention.qualifier);
      this.#ascii(mention.vague ? ',\n    "vague": true,\n    "noun": ' : ',\n    "vague": false,\n    "noun": ');
      this.#string(mention.noun);
    } else {
      this.#ascii(',\n    "date_start": ');
      this.#string(mention.date_start);
      this.#ascii(',\n    "date_end": ');
      this.#string(mention.date_end);
      this.#ascii(',\n    "precision": ');
      this.#string(mention.precision);
      this.#ascii(
        mention.relative ? ',\n    "relative": true,\n    "offset": ' : ',\n    "relative": false,\n    "offset": ',
      );
      this.#string(mention.offset);
    }
    this.#ascii("\n  }");
    if (this.#length >= FLUSH_BYTES) this.#flush();
  }

  /** Closes the array and writes what is left. */
  end(): void {
    this.#ascii(this.#started ? "\n]\n" : "[]\n");
    this.#flush();
  }

  #flush(): void {
    this.#write(this.#buffer.subarray(0, this.#length));
    this.#length = 0;
  }

  /** Room for `bytes` more: the buffer grows for a mention longer than it (a mention is handed over whole). */
  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.#buffer.length, this.#length + bytes));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }

  /** Text known to be ASCII that JSON does not escape. */
  #ascii(text: string): void {
    this.#reserve(text.length);
    const buffer = this.#buffer;
    let at = this.#length;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.#length = at;
  }

  #string(text: string | null): void {
    if (text === null) {
      this.#ascii("null");
      return;
    }
    // JSON escapes take up to 6 bytes per UTF-16 unit, UTF-8 up to 3.
    this.#reserve(6 * text.length + 2);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = QUOTE;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code < 0x20 || code >= 0x7f || code === QUOTE || code === BACKSLASH) {
        this.#length += this.#buffer.write(JSON.stringify(text), this.#length, "utf8");
        return;
      }
      buffer[at++] = code;
    }
    buffer[at++] = QUOTE;
    this.#length = at;
  }

  /** A finite number as JSON writes it (JavaScript's shortest round-trip form); anything else as null. */
  #number(value: number | null): void {
    if (value === null || !Number.isFinite(value)) {
      this.#ascii("null");
    } else if (value >= 0 && value <= 0x7fffffff && (value | 0) === value) {
      this.#reserve(10);
      const buffer = this.#buffer;
      const end = this.#length + digitCount(value);
      for (let at = end - 1, rest = value; at >= this.#length; at--, rest = (rest / 10) | 0)
        buffer[at] = 0x30 + (rest % 10);
      this.#length = end;
    } else {
      this.#ascii(String(value));
    }
  }
}

/** Bytes written before they are handed over: a few system calls per megabyte of output. */
const FLUSH_BYTES = 1 << 16;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function digitCount(value: number): number {
  let count = 1;
  for (let rest = value; rest >= 10; rest = (rest / 10) | 0) count++;
  return count;
}
