/** The map from each normalized character back to the raw characters it stands for (see normalize.ts). */

/**
 * The offset map stored by runs: a run is either a stretch of characters copied one for one from consecutive
 * raw characters, or a single character standing for a raw range of another length (an escape, folded white
 * space, a paragraph separator). Prose has a run every few dozen characters, so the map takes a small part of
 * the 8 bytes per character that a pair of arrays takes.
 */
export class OffsetMap {
  /** Characters mapped so far. */
  length = 0;
  /**
   * Normalized index of each run's first character, ascending. Plain arrays of small integers: as compact as typed
   * arrays, and far cheaper to make for the many short paragraphs a text has.
   */
  readonly #first: number[] = [];
  /** Raw start of each run's first character. */
  readonly #rawStart: number[] = [];
  /** Raw end of a single character that stands for a range of another length; -1 for a one-for-one run. */
  readonly #rawEnd: number[] = [];

  /** Maps the next `count` characters one for one to the raw characters from `start`. */
  copied(start: number, count: number): void {
    const last = this.#first.length - 1;
    if (last < 0 || this.#rawEnd[last] !== -1 || this.#rawStart[last]! + this.length - this.#first[last]! !== start) {
      this.#run(start, -1);
    }
    this.length += count;
  }

  /** Maps the next character to the raw range [start, end). */
  push(start: number, end: number): void {
    if (end === start + 1) {
      this.copied(start, 1);
    } else {
      this.#run(start, end);
      this.length++;
    }
  }

  /** Appends the mapping of all of other's characters. */
  append(other: OffsetMap): void {
    const runs = other.#first.length;
    for (let run = 0, i = 0; i < other.length; run++) {
      const runEnd = run + 1 < runs ? other.#first[run + 1]! : other.length;
      const rawStart = other.#rawStart[run]! + i - other.#first[run]!;
      if (other.#rawEnd[run] === -1) this.copied(rawStart, runEnd - i);
      else this.push(rawStart, other.#rawEnd[run]!);
      i = runEnd;
    }
  }

  /** Raw start of the character at normalized index i (0 <= i < length). */
  start(i: number): number {
    const run = this.#runOf(i);
    return this.#rawStart[run]! + i - this.#first[run]!;
  }

  /** Raw end of the character at normalized index i (0 <= i < length). */
  end(i: number): number {
    const run = this.#runOf(i);
    const end = this.#rawEnd[run]!;
    return end === -1 ? this.#rawStart[run]! + i - this.#first[run]! + 1 : end;
  }

  #run(rawStart: number, rawEnd: number): void {
    this.#first.push(this.length);
    this.#rawStart.push(rawStart);
    this.#rawEnd.push(rawEnd);
  }

  /** The last run that starts at or before i. */
  #runOf(i: number): number {
    let low = 0;
    let high = this.#first.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.#first[middle]! <= i) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
