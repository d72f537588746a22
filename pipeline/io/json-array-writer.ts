/**
 * Writes records as one JSON array, byte for byte what `JSON.stringify(records, null, 2)` gives, a few records
 * at a time: neither the records nor the output are ever held whole. Each batch is formatted by JSON.stringify
 * itself (one native call, many times faster than formatting in JavaScript) as an array of its own, its
 * brackets cut off.
 */
export class JsonArrayWriter<T extends object> {
  readonly #write: (text: string) => void;
  #batch: T[] = [];
  #started = false;

  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  add(record: T): void {
    this.#batch.push(record);
    if (this.#batch.length === BATCH) this.#flush();
  }

  /** Closes the array and writes what is left. */
  end(): void {
    this.#flush();
    this.#write(this.#started ? "\n]\n" : "[]\n");
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    // "[\n  {…},\n  {…}\n]" without its "[" and "\n]": the records as they stand inside the whole array.
    const records = JSON.stringify(this.#batch, null, 2).slice(1, -2);
    this.#write((this.#started ? "," : "[") + records);
    this.#started = true;
    this.#batch = [];
  }
}

/**
 * Records formatted at a time: their JSON (some 300 characters each) stays well below the size at which V8
 * puts a string in its large-object space, where every one costs fresh memory.
 */
const BATCH = 64;
