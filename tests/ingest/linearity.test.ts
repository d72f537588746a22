/**
 * Pathological inputs stay linear: ingest and extract on 1× and 8× of adversarial text. The time ratio is
 * about 8 when the work is linear and about 64 when it is quadratic; a test fails above 24, which leaves
 * room for noise on a shared machine (each size is timed as the fastest of several runs, in CPU time).
 * The smaller size is already large enough for the garbage collector to run during it, as it does at the
 * larger size (below that, a text costs half as much per character and the ratio would overstate growth).
 */
import { describe, expect, it } from "vitest";
import { mentionsOf } from "../../pipeline/extract/index.ts";
import { normalize as normalizeBy } from "../../pipeline/ingest/normalize.ts";
import { PDF_MARKDOWN } from "../helpers/text-formats.ts";

/** The format with the most rules to stay linear under: escapes, links, footnotes, page breaks. */
const normalize = (raw: string) => normalizeBy(raw, PDF_MARKDOWN);

const BASE_CHARS = 48_000;
const RUNS = 3;
const MAX_RATIO = 24;

function ingestAndExtract(raw: string): number {
  let count = 0;
  for (const _ of mentionsOf(normalize(raw).text, { documentDate: "2016-05" })) count++;
  return count;
}

/**
 * The fastest of RUNS runs, in CPU time; fewer once one takes less than `enough` (the fastest can only be faster,
 * so the test's verdict is the same).
 */
function cpuMs(run: () => unknown, enough = 0): number {
  let best = Infinity;
  for (let k = 0; k < RUNS && best >= enough; k++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** `unit` repeated to about `chars` characters, after an optional fixed prefix. */
function repeated(unit: string, chars: number, prefix = ""): string {
  return prefix + unit.repeat(Math.ceil(chars / unit.length));
}

const CASES: [string, string, string?][] = [
  ["unmatched [", "["],
  ["unfinished links [a](", "[a]("],
  ["links without a closing parenthesis", "[a](b"],
  ["one huge paragraph", "the trade grew by 5 percent in 2014 and "],
  ["a huge paragraph starting in lower case after a page break", "and then some more words ", "Trade fell\n\n"],
  ["digits separated by spaces", "1 "],
  ["numbers and dashes", "1-2 $3 to "],
  ["escapes and brackets", "\\$[(]"],
];

describe("ingest and extract on adversarial text", () => {
  for (const [name, unit, prefix] of CASES) {
    it(`stay linear on ${name}`, () => {
      const small = repeated(unit, BASE_CHARS, prefix);
      const large = repeated(unit, 8 * BASE_CHARS, prefix);
      ingestAndExtract(small); // warm-up, so the first timing is not the compiler's
      const smallMs = Math.max(
        cpuMs(() => ingestAndExtract(small)),
        0.5,
      );
      // The large text is run again only while its fastest run so far is too slow to pass.
      const ratio = cpuMs(() => ingestAndExtract(large), MAX_RATIO * smallMs) / smallMs;
      expect(ratio).toBeLessThan(MAX_RATIO);
    });
  }

  it("normalize a paragraph of 200,000 characters, rejoined after a page break, without overflowing the stack", () => {
    const text = repeated("word ", 200_000, "Intro\n\n");
    const normalized = normalize(text).text;
    expect(normalized.startsWith("Intro word word")).toBe(true);
    expect(normalized.length).toBe(text.trimEnd().length - 1);
  });
});
