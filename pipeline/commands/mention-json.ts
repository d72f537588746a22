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
    let at = putBytes(buffer, this.#length, this.#started ? NEXT_MENTION : FIRST_MENTION);
    this.#started = true;
    at = putBytes(buffer, at, mention.kind === "quantity" ? QUANTITY_TEXT : TIME_TEXT);
    at = putString(buffer, at, mention.text);
    at = putBytes(buffer, at, START);
    at = putNumber(buffer, at, mention.start);
    at = putBytes(buffer, at, END);
    at = putNumber(buffer, at, mention.end);
    if (mention.kind === "quantity") {
      at = putBytes(buffer, at, VALUE);
      at = putNumber(buffer, at, mention.value);
      at = putBytes(buffer, at, VALUE_HIGH);
      at = putNumber(buffer, at, mention.value_high);
      at = putBytes(buffer, at, UNIT);
      at = putString(buffer, at, mention.unit);
      at = putBytes(buffer, at, QUALIFIER);
      at = putString(buffer, at, mention.qualifier);
      at = putBytes(buffer, at, mention.vague ? VAGUE_NOUN : NOT_VAGUE_NOUN);
      at = putString(buffer, at, mention.noun);
    } else {
      at = putBytes(buffer, at, DATE_START);
      at = putString(buffer, at, mention.date_start);
      at = putBytes(buffer, at, DATE_END);
      at = putString(buffer, at, mention.date_end);
      at = putBytes(buffer, at, PRECISION);
      at = putString(buffer, at, mention.precision);
      at = putBytes(buffer, at, mention.relative ? RELATIVE_OFFSET : NOT_RELATIVE_OFFSET);
      at = putString(buffer, at, mention.offset);
    }
    this.#length = putBytes(buffer, at, CLOSE_MENTION);
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

/** The fixed text around and between a mention's fields, as bytes: copied whole, many times faster. */
const ascii = (text: string) => Buffer.from(text, "latin1");
const FIRST_MENTION = ascii('[\n  {\n    "kind": "');
const NEXT_MENTION = ascii(',\n  {\n    "kind": "');
const QUANTITY_TEXT = ascii('quantity",\n    "text": ');
const TIME_TEXT = ascii('time",\n    "text": ');
const START = ascii(',\n    "start": ');
const END = ascii(',\n    "end": ');
const VALUE = ascii(',\n    "value": ');
const VALUE_HIGH = ascii(',\n    "value_high": ');
const UNIT = ascii(',\n    "unit": ');
const QUALIFIER = ascii(',\n    "qualifier": ');
const VAGUE_NOUN = ascii(',\n    "vague": true,\n    "noun": ');
const NOT_VAGUE_NOUN = ascii(',\n    "vague": false,\n    "noun": ');
const DATE_START = ascii(',\n    "date_start": ');
const DATE_END = ascii(',\n    "date_end": ');
const PRECISION = ascii(',\n    "precision": ');
const RELATIVE_OFFSET = ascii(',\n    "relative": true,\n    "offset": ');
const NOT_RELATIVE_OFFSET = ascii(',\n    "relative": false,\n    "offset": ');
const CLOSE_MENTION = ascii("\n  }");
const NULL = ascii("null");

/** Bytes written before they are handed over: a few system calls per megabyte of output. */
const FLUSH_BYTES = 1 << 16;
/** More than a mention's fixed text, four strings' quotes and nulls, and four numbers take. */
const MENTION_BYTES = 512;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function putBytes(buffer: Buffer, at: number, bytes: Uint8Array): number {
  buffer.set(bytes, at);
  return at + bytes.length;
}

/** Writes text known to be ASCII that JSON does not escape at buffer[at]; returns the end. */
function putAscii(buffer: Buffer, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
  return at;
}

/** Writes a string (or null) as JSON at buffer[at]; returns the end. */
function putString(buffer: Buffer, at: number, text: string | null): number {
  if (text === null) return putBytes(buffer, at, NULL);
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
  if (value === null || !Number.isFinite(value)) return putBytes(buffer, at, NULL);
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
