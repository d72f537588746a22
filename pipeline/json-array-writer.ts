/**
 * Writes records as one JSON array, byte for byte what `JSON.stringify(records, null, 2)` gives, a record at a
 * time: text is handed to `write` in pieces of about 16 K characters, so neither the records nor the output
 * are ever held whole. Records are flat plain objects (own enumerable keys) of strings, numbers, booleans and nulls.
 */
export class JsonArrayWriter<T extends object> {
  readonly #write: (text: string) => void;
  #pending = "";
  #started = false;

  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  add(record: T): void {
    let text = this.#started ? ",\n  {" : "[\n  {";
    let empty = true;
    for (const key in record) {
      const value = record[key];
      // As JSON.stringify does, a key whose value is undefined is left out.
      if (value === undefined) continue;
      text += (empty ? "" : ",") + fieldStart(key) + jsonValue(value);
      empty = false;
    }
    this.#pending += empty ? `${text}}` : `${text}\n  }`;
    this.#started = true;
    if (this.#pending.length >= FLUSH_AT) this.#flush();
  }

  /** Closes the array and writes what is left. */
  end(): void {
    this.#pending += this.#started ? "\n]\n" : "[]\n";
    this.#flush();
  }

  #flush(): void {
    if (this.#pending === "") return;
    this.#write(this.#pending);
    this.#pending = "";
  }
}

/** Characters written at a time: strings of this size stay out of V8's large-object space, where every one costs fresh memory. */
const FLUSH_AT = 1 << 14;
/** `\n    "key": ` by key: records repeat a few keys. */
const fieldStarts = new Map<string, string>();

function fieldStart(key: string): string {
  let start = fieldStarts.get(key);
  if (start === undefined) fieldStarts.set(key, (start = `\n    ${jsonString(key)}: `));
  return start;
}
/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and lone surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function jsonValue(value: unknown): string {
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean" || value === null) return String(value);
  throw new TypeError(`not a flat JSON value: ${typeof value}`);
}
