import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";
import { segments } from "../../pipeline/extract/segments.ts";

/** The contract every result must satisfy, whatever the input. */
function expectWellFormed(text: string, mentions: ExtractedMention[]): void {
  const points = Array.from(text);
  let previousEnd = 0;
  for (const m of mentions) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(previousEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(points.length);
    expect(m.text).toBe(points.slice(m.start, m.end).join(""));
    previousEnd = m.end;
  }
}

/** Words and symbols that trigger the matchers, to reach their edge cases rather than plain prose. */
const TRIGGERS = [
  "$",
  "\\$",
  "US",
  "€",
  "£",
  "RUB",
  "1948",
  "1,200",
  "2.35",
  "12",
  "53",
  "05",
  "2014",
  "1990",
  "s",
  "'",
  "-",
  "–",
  "/",
  ":",
  ".",
  ",",
  "#",
  "No",
  "billion",
  "bn",
  "m",
  "k",
  "percent",
  "per",
  "cent",
  "%",
  "from",
  "to",
  "between",
  "and",
  "the",
  "early",
  "mid",
  "late",
  "end",
  "start",
  "of",
  "first",
  "second",
  "half",
  "quarter",
  "third",
  "thirds",
  "March",
  "May",
  "Jan",
  "this",
  "last",
  "next",
  "that",
  "same",
  "following",
  "year",
  "month",
  "day",
  "years",
  "a",
  "an",
  "one",
  "two",
  "twenty",
  "five",
  "hundred",
  "dozen",
  "fold",
  "times",
  "more",
  "as",
  "almost",
  "about",
  "over",
  "up",
  "at",
  "least",
  "some",
  "multibillion",
  "multi",
  "billions",
  "dollars",
  "rubles",
  "annually",
  "km",
  "kilometer",
  "tons",
  "cubic",
  "meters",
  "after",
  "later",
  "ago",
  "st",
  "th",
  "😀",
  "𝔘",
  "\n\n",
  "\u0301",
  "\ud800",
];

const triggerText = fc
  .array(fc.tuple(fc.constantFrom(...TRIGGERS), fc.constantFrom(" ", " ", "", "\n")), { maxLength: 40 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(""));

const anyUtf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 200,
});

const documentDate = fc.option(
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  { nil: undefined },
);

describe("extract: properties", () => {
  it("never throws and returns well-formed spans on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), anyUtf16, triggerText),
        documentDate,
        (text, date) => {
          expectWellFormed(text, extract(text, { documentDate: date }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("returns mentions sorted by start and non-overlapping", () => {
    fc.assert(
      fc.property(triggerText, (text) => {
        const mentions = extract(text);
        for (let k = 1; k < mentions.length; k++) expect(mentions[k - 1]!.end).toBeLessThanOrEqual(mentions[k]!.start);
      }),
      { numRuns: 1000 },
    );
  });

  it("is the same over a paragraph whether alone or among others", () => {
    fc.assert(
      fc.property(
        triggerText.map((t) => t.replaceAll("\n", " ")),
        triggerText.map((t) => t.replaceAll("\n", " ")),
        (a, b) => {
          const alone = extract(b).map((m) => [m.kind, m.text, m.kind === "quantity" ? m.value : m.offset]);
          const shift = Array.from(a).length + 2;
          const together = extract(`${a}\n\n${b}`).filter((m) => m.start >= shift);
          expect(together.map((m) => [m.kind, m.text, m.kind === "quantity" ? m.value : m.offset])).toEqual(alone);
        },
      ),
      { numRuns: 500 },
    );
  });

  const FILLER = [
    "the",
    "report",
    "said",
    "trade",
    "river",
    "green",
    "quickly",
    "while",
    "data",
    "ships",
    "across",
    "border",
    "😀",
    "𝔘𝔫𝔦",
    "é",
  ];
  const numberText = fc.oneof(
    fc.integer({ min: 0, max: 999 }).map(String),
    fc.integer({ min: 2101, max: 9999 }).map(String),
    fc.integer({ min: 1000, max: 2_000_000_000 }).map((n) => n.toLocaleString("en-US")),
    fc
      .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 99 }))
      .map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`),
  );

  it("finds a number inserted into filler text, with its value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FILLER), { maxLength: 12 }),
        fc.array(fc.constantFrom(...FILLER), { maxLength: 12 }),
        numberText,
        (before, after, number) => {
          // A modern year with a note's number glued after it, ending the text ("peaked in 2014.5"), is left unread
          // (pipeline/extract/README.md): it may as well be the year and footnote 5.
          fc.pre(after.length > 0 || !/^(1[89]\d{2}|20\d{2}|2100)\.[1-9]\d?$/.test(number));
          const text = [...before, number, ...after].join(" ");
          const mentions = extract(text);
          expectWellFormed(text, mentions);
          const start = Array.from(before.join(" ")).length + (before.length > 0 ? 1 : 0);
          const found = mentions.find((m) => m.start === start);
          expect(found).toMatchObject({
            kind: "quantity",
            text: number,
            value: Number(number.replaceAll(",", "")),
            unit: "count",
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("finds a currency amount inserted into filler text, with its value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FILLER), { maxLength: 8 }),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(["million", 1e6], ["billion", 1e9], ["bn", 1e9]),
        (filler, n, [scale, factor]) => {
          const amount = `$${n} ${scale}`;
          const text = [...filler, amount, ...filler].join(" ");
          expect(extract(text).find((m) => m.text === amount)).toMatchObject({ value: n * factor, unit: "USD" });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("segments", () => {
  // Mostly words and sentence ends, so that paragraphs often outgrow `max`.
  const text = fc.string({
    unit: fc.constantFrom("a", "b", "ab ", ". ", "a", "b", " ", ".", "\n", "\n\n", "\n \n", "😀"),
    maxLength: 300,
  });

  it("cover the text in order and cut a paragraph alone, or what follows a segment, as in the whole text", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 40 }), (whole, max) => {
        const cuts = [...segments(whole, max)];
        cuts.forEach(([start, end], k) => {
          expect(start).toBe(k === 0 ? 0 : cuts[k - 1]![1]);
          expect(end).toBeGreaterThan(start);
        });
        expect(cuts.at(-1)?.[1] ?? 0).toBe(whole.length);
        // A segment ends at a blank line, so the text from any segment's start on is cut the same way.
        for (const [start] of cuts) {
          const rest = whole.slice(start);
          expect([...segments(rest, max)].map(([s, e]) => [s + start, e + start])).toEqual(
            cuts.filter(([s]) => s >= start),
          );
        }
        // What follows a paragraph does not move its cuts: the paragraph alone, without its blank line, is cut alike.
        for (const blankLine of whole.matchAll(/\n[^\S\n]*\n/g)) {
          const paragraphEnd = blankLine.index;
          const alone = cuts.filter(([s]) => s < paragraphEnd).map(([s, e]) => [s, Math.min(e, paragraphEnd)]);
          expect([...segments(whole.slice(0, paragraphEnd), max)]).toEqual(alone);
        }
      }),
      { numRuns: 500 },
    );
  });
});
