/**
 * The extract command's stream (extract-file.ts) against its definition: normalize the whole text, find its
 * mentions, place them in the raw text and stringify them at once, by each text format's rules. Tiny pieces cut
 * paragraphs, links, escapes, line ends and surrogate pairs' lines everywhere, so any state lost between pieces
 * shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointIndex } from "../../pipeline/text/code-points.ts";
import { mentionsOf } from "../../pipeline/extract/index.ts";
import { extractFile } from "../../pipeline/commands/extract-file.ts";
import { MentionJsonWriter } from "../../pipeline/commands/mention-json.ts";
import type { ExtractedMention } from "../../pipeline/extract/index.ts";
import { normalize, NormalizedPieces, Normalizer, rawCharacters } from "../../pipeline/ingest/normalize.ts";
import type { TextRules } from "../../pipeline/ingest/text-format.ts";
import { TextFile } from "../../pipeline/io/text-file.ts";
import { MEMO_DIR } from "../helpers/cli.ts";
import { PDF_MARKDOWN, PLAIN_TEXT } from "../helpers/text-formats.ts";

const FORMATS = fc.constantFrom(PLAIN_TEXT, PDF_MARKDOWN);

interface Span {
  text: string;
  start: number;
  end: number;
}

/** What extractFile must print and refuse for `raw`, computed on the whole text. */
function definition(raw: string, format: TextRules, documentDate?: string): { json: string; overflows: Span[] } {
  const normalized = normalize(raw, format);
  const rawIndex = codePointIndex(raw);
  const normalizedIndex = codePointIndex(normalized.text);
  const place = ({ start, end }: { start: number; end: number }) => {
    const [rawStart, rawEnd] = rawCharacters(normalized, normalizedIndex.toUtf16(start), normalizedIndex.toUtf16(end));
    return {
      text: raw.slice(rawStart, rawEnd),
      start: rawIndex.toCodePoint(rawStart),
      end: rawIndex.toCodePoint(rawEnd),
    };
  };
  const overflows: Span[] = [];
  const mentions = [
    ...mentionsOf(normalized.text, {
      ...(documentDate && { documentDate }),
      onOverflow: (span) => overflows.push(place(span)),
    }),
  ];
  return {
    json: `${JSON.stringify(
      mentions.map((mention) => ({ ...mention, ...place(mention) })),
      null,
      2,
    )}\n`,
    overflows,
  };
}

const scratch = mkdtempSync(join(tmpdir(), "rdd-extract-file-"));

/** What the extract command prints and refuses for `raw`, its file read `blockBytes` bytes at a time. */
function streamed(
  raw: string,
  format: TextRules,
  blockBytes?: number,
  documentDate?: string,
): { json: string; overflows: Span[] } {
  const file = join(scratch, "text.txt");
  writeFileSync(file, raw);
  const text = new TextFile(file, { maxBytes: 1 << 20, ...(blockBytes && { blockBytes }) });
  let json = "";
  const overflows: Span[] = [];
  try {
    extractFile(text.pieces(), {
      textFormat: format,
      ...(documentDate && { documentDate }),
      write: (part) => (json += Buffer.from(part).toString()),
      onOverflow: (span) => overflows.push(span),
    });
  } finally {
    text.close();
  }
  return { json, overflows };
}

/** Prose, figures, dates and everything normalization rewrites: markup, footnotes, page breaks, odd white space. */
const FRAGMENTS = [
  "Trade",
  "rose",
  "by",
  "5 percent",
  "in 2015",
  "to $1.2 billion",
  "about 300",
  "almost 40,000 workers",
  "the following year",
  "a year earlier",
  "in March",
  "on May 3",
  "February-October 2017",
  "48 cents a share",
  `$${"9".repeat(320)} billion`,
  ".",
  ",",
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "\r\n\r\n",
  "\r",
  "\r\r",
  "\n\r",
  "\n \n",
  "\u00a0",
  "\u2003",
  "\\$",
  "\\",
  "[link](http://example.org)",
  "[unclosed",
  "](",
  "[a](",
  "]",
  "😀",
  "𝄞",
  "“quoted”",
  "é",
  "—",
  "\n\n¹ A footnote from 2014.\n\n",
  "²",
  "\n\ncontinued after a page break",
  "\n\nNew paragraph",
];
const texts = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }))
  .map(([bom, fragments]) => (bom ? "\uFEFF" : "") + fragments.join(" "));

describe("extractFile", () => {
  it("prints, for any text in any format read in blocks of any size, what the whole text gives at once", () => {
    fc.assert(
      fc.property(
        texts,
        FORMATS,
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(undefined, "2016-05", "2018-01-15"),
        (raw, format, blockBytes, date) => {
          expect(streamed(raw, format, blockBytes, date)).toEqual(definition(raw, format, date));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("prints the memo as the whole text gives it, read in blocks of any size", () => {
    const raw = readFileSync(join(MEMO_DIR, "memo.txt"), "utf8");
    const expected = definition(raw, PDF_MARKDOWN, "2016-05");
    expect(JSON.parse(expected.json).length).toBeGreaterThan(50);
    for (const blockBytes of [1, 7, 100, 4096, undefined])
      expect(streamed(raw, PDF_MARKDOWN, blockBytes, "2016-05"), `blocks of ${blockBytes}`).toEqual(expected);
  });

  it("stops searching once nobody reads the output", () => {
    const raw = "Trade rose 5 percent in 2015.\n\n".repeat(10_000);
    let written = 0;
    extractFile(
      raw.match(/[\s\S]{1,4096}/g)!.map((text) => ({ text, astral: true })),
      {
        textFormat: PLAIN_TEXT,
        write: (text) => (written += text.length),
        closed: () => written > 0,
      },
    );
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(definition(raw, PLAIN_TEXT).json.length / 10);
  });
});

describe("Normalizer", () => {
  it("fed in pieces of any size, hands over what normalize gives the whole text, in any format", () => {
    fc.assert(
      fc.property(
        texts,
        FORMATS,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
        (raw, format, sizes) => {
          const whole = normalize(raw, format);
          const joined = new NormalizedPieces();
          const normalizer = new Normalizer(format, (paragraph) => {
            if (joined.length > 0) joined.separate(paragraph.map.start(0));
            joined.append(paragraph);
          });
          for (let at = 0, k = 0; at < raw.length; at += sizes[k++ % sizes.length]!)
            normalizer.feed(raw.slice(at, at + sizes[k % sizes.length]!));
          normalizer.finish();
          expect(joined.text()).toBe(whole.text);
          for (let i = 0; i < whole.text.length; i++)
            expect([joined.map.start(i), joined.map.end(i)], `character ${i}`).toEqual([
              whole.map.start(i),
              whole.map.end(i),
            ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("Normalizer on a stream", () => {
  it("hands over each paragraph once a blank line shows it closed, whatever the line ends (memory stays a paragraph)", () => {
    for (const end of ["\n", "\r\n", "\r"]) {
      const handed: string[] = [];
      const normalizer = new Normalizer(PDF_MARKDOWN, (paragraph) => handed.push(paragraph.text()));
      for (let k = 0; k < 100; k++) normalizer.feed(`Trade rose 5 percent in ${1900 + k}.${end}${end}`);
      // Only the last two wait: the last until more text shows where its blank line ends, the one before it in case
      // a page break continues it.
      expect(handed, JSON.stringify(end)).toHaveLength(98);
      expect(normalizer.carried).toBeLessThan(40);
      normalizer.finish();
      expect(handed).toHaveLength(100);
    }
  });
});

describe("MentionJsonWriter", () => {
  it("writes what JSON.stringify(mentions, null, 2) writes, plus a line end, in parts that are whole UTF-8", () => {
    const text = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string());
    const number = fc.oneof(fc.double(), fc.integer(), fc.nat(), fc.constant(-0), fc.constant(2 ** 31));
    const orNull = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
    const quantity = fc.record({
      kind: fc.constant("quantity" as const),
      text,
      start: fc.nat(),
      end: fc.nat(),
      value: orNull(number),
      value_high: orNull(number),
      unit: text,
      qualifier: fc.constantFrom("exact" as const, "at_most" as const),
      vague: fc.boolean(),
      noun: orNull(text),
    });
    const time = fc.record({
      kind: fc.constant("time" as const),
      text,
      start: fc.nat(),
      end: fc.nat(),
      date_start: orNull(text),
      date_end: orNull(text),
      precision: fc.constantFrom(null, "day" as const, "range" as const),
      relative: fc.boolean(),
      offset: orNull(text),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(quantity, time), { maxLength: 300 }), (mentions: ExtractedMention[]) => {
        let json = "";
        const writer = new MentionJsonWriter((part) => (json += Buffer.from(part).toString()));
        for (const mention of mentions) writer.add(mention);
        writer.end();
        expect(json).toBe(`${JSON.stringify(mentions, null, 2)}\n`);
      }),
    );
  });
});
