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
    // Room for the longest it can take: the fixed text, numbers, and six bytes per UTF-16 unit of the strings.
    const strings =
      mention.kind === "quantity"
        ? mention.unit.length + (mention.noun?.length ?? 0)
        : (mention.date_start?.length ?? 0) + (mention.date_end?.length ?? 0) + (mention.offset?.length ?? 0);
    this.#reserve(MENTION_BYTES + 6 * (mention.text.length + strings));
    const buffer = this.#buffer;
    let at = putAscii(buffer, this.#length, this.#started ? ',\n  {\n    "kind": "' : '[\n  {\n    "kind": "');
    this.#started = true;
    at = putAscii(buffer, at, mention.kind);
    at = putAscii(buffer, at, '",\n    "text": ');
    at = putString(buffer, at, mention.text);
    at = putAscii(buffer, at, ',\n    "start": ');
    at = putNumber(buffer, at, mention.start);
    at = putAscii(buffer, at, ',\n    "end": ');
    at = putNumber(buffer, at, mention.end);
    if (mention.kind === "quantity") {
      at = putAscii(buffer, at, ',\n    "value": ');
      at = putNumber(buffer, at, mention.value);
      at = putAscii(buffer, at, ',\n    "value_high": ');
      at = putNumber(buffer, at, mention.value_high);
      at = putAscii(buffer, at, ',\n    "unit": ');
      at = putString(buffer, at, mention.unit);
      at = putAscii(buffer, at, ',\n    "qualifier": ');
      at = putString(buffer, at, mention.qualifier);
      at = putAscii(
        buffer,
        at,
        mention.vague ? ',\n    "vague": true,\n    "noun": ' : ',\n    "vague": false,\n    "noun": ',
      );
      at = putString(buffer, at, mention.noun);
    } else {
      at = putAscii(buffer, at, ',\n    "date_start": ');
      at = putString(buffer, at, mention.date_start);
      at = putAscii(buffer, at, ',\n    "date_end": ');
      at = putString(buffer, at, mention.date_end);
      at = putAscii(buffer, at, ',\n    "precision": ');
      at = putString(buffer, at, mention.precision);
      at = putAscii(
        buffer,
        at,
        mention.relative ? ',\n    "relative": true,\n    "offset": ' : ',\n    "relative": false,\n    "offset": ',
      );
      at = putString(buffer, at, mention.offset);
    }
    this.#length = putAscii(buffer, at, "\n  }");
    if (this.#length >= FLUSH_BYTES) this.#flush();
  }

  /** Closes the array and writes what is left. */
  end(): void {
    this.#reserve(4);
    this.#length = putAscii(this.#buffer, this.#length, this.#started ? "\n]\n" : "[]\n");
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
}

/** Bytes written before they are handed over: a few system calls per megabyte of output. */
const FLUSH_BYTES = 1 << 16;
/** More than a mention's fixed text, four strings' quotes and nulls, and four numbers take. */
const MENTION_BYTES = 512;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Writes text known to be ASCII that JSON does not escape at buffer[at]; returns the end. */
function putAscii(buffer: Buffer, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
  return at;
}

/** Writes a string (or null) as JSON at buffer[at]; returns the end. */
function putString(buffer: Buffer, at: number, text: string | null): number {
  if (text === null) return putAscii(buffer, at, "null");
  const start = at;
  buffer[at++] = QUOTE;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    // Plain ASCII is written byte for byte; a string with anything else is quoted by JSON.stringify and encoded.
    if (code < 0x20 || code >= 0x7f || code === QUOTE || code === BACKSLASH)
      return start + buffer.write(JSON.stringify(text), start, "utf8");
    buffer[at++] = code;
  }
  buffer[at++] = QUOTE;
  return at;
}

/**
 * Writes a finite number as JSON writes it (JavaScript's shortest round-trip form) at buffer[at], anything else as
 * null; returns the end.
 */
function putNumber(buffer: Buffer, at: number, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return putAscii(buffer, at, "null");
  if (!(value >= 0 && value <= 0x7fffffff && (value | 0) === value)) return putAscii(buffer, at, String(value));
  const end = at + digitCount(value);
  for (let digit = end - 1, rest = value; digit >= at; digit--, rest = (rest / 10) | 0)
    buffer[digit] = 0x30 + (rest % 10);
  return end;
}

function digitCount(value: number): number {
  let count = 1;
  for (let rest = value; rest >= 10; rest = (rest / 10) | 0) count++;
  return count;
}
