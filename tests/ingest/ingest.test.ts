import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize as normalizeBy, rawRange } from "../../pipeline/ingest/normalize.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { MEMO_DIR } from "../helpers/cli.ts";
import { PDF_MARKDOWN, PLAIN_TEXT } from "../helpers/text-formats.ts";

/** The memo's format, whose rules most of these cases are about. */
const normalize = (raw: string) => normalizeBy(raw, PDF_MARKDOWN);

const raw = readFileSync(join(MEMO_DIR, "memo.txt"), "utf8");

describe("ingest on the memo", () => {
  const { text } = normalize(raw);

  it("keeps the text pinned in source.json", () => {
    const source = JSON.parse(readFileSync(join(MEMO_DIR, "source.json"), "utf8"));
    expect(sha256(readFileSync(join(MEMO_DIR, "memo.txt")))).toBe(source.sha256);
  });

  it("removes \\$ escapes and link markup, keeping the anchor text", () => {
    expect(text).not.toContain("\\$");
    expect(text).not.toContain("](#)");
    expect(text).toContain("almost $210 million in 2006");
    expect(text).toContain("the estimated number of North Korean workers");
    expect(text).toContain("China allegedly re-exports Russian goods");
  });

  it("rejoins the four sentences split by page breaks", () => {
    for (const joined of [
      "technologies, drug trafficking, and crime",
      "missile tests and supported UN sanctions",
      "due to his fear of irritating Beijing",
      "possibility of any large-scale trans-Korean",
    ]) {
      expect(text).toContain(joined);
    }
  });

  it("sets the footnote apart after the body", () => {
    expect(
      text.endsWith("¹ Serghei Golunov is Professor at the Kyushu University Center for Asia-Pacific Future Studies."),
    ).toBe(true);
    expect(text.match(/Kyushu University Center/g)).toHaveLength(1);
  });

  it("keeps paragraphs apart and folds other white space", () => {
    expect(text).toContain("Relations\n\nDecisive Soviet");
    expect(text).not.toMatch(/ {2}|\n{3}|^\s|\s$/);
  });

  it("maps every quote back to a raw span that normalizes to it", () => {
    for (const quote of [
      "almost $210 million",
      "the estimated number",
      "drug",
      "supported UN sanctions against Pyongyang in 2006",
      "re-exports",
    ]) {
      const at = text.indexOf(quote);
      const [start, end] = rawRange(normalize(raw), at, at + quote.length);
      expect(normalize(raw.slice(start, end)).text).toBe(quote);
    }
  });
});

describe("the offset map", () => {
  it("maps each normalized character to the raw characters it stands for", () => {
    const input = "Up \\$5  [bn](http://x) a\nb\n\n c\t\td";
    const normalized = normalize(input);
    expect(normalized.text).toBe("Up $5 bn a b c d");
    const standsFor = [...normalized.text].map((_, i) => input.slice(normalized.map.start(i), normalized.map.end(i)));
    expect(standsFor).toEqual([
      "U",
      "p",
      " ",
      "\\$",
      "5",
      "  ",
      "b",
      "n",
      " ",
      "a",
      "\n",
      "b",
      "\n\n ",
      "c",
      "\t\t",
      "d",
    ]);
    // A span that takes the whole anchor takes the link markup too.
    expect(rawRange(normalized, 6, 8)).toEqual([8, 22]);
  });
});

describe("line ends", () => {
  it("are CR, LF or CRLF alike: the memo with each normalizes to one text, each character mapped alike", () => {
    const lf = raw.replaceAll("\r\n", "\n");
    const crOnly = lf.replaceAll("\n", "\r");
    const crlf = lf.replaceAll("\n", "\r\n");
    const expected = normalize(lf);
    // A CR stands where an LF stood, one unit for one: the maps agree character for character.
    const cr = normalize(crOnly);
    expect(cr.text).toBe(expected.text);
    for (let i = 0; i < expected.text.length; i++) expect(cr.map.start(i)).toBe(expected.map.start(i));
    expect(normalize(crlf).text).toBe(expected.text);
    // Mixed within one text too, and a lone CR after an LF closes a blank line as a second LF would.
    expect(normalizeBy("a 2014\n\rb\r\n\r\nc\r\rd", PLAIN_TEXT).text).toBe("a 2014\n\nb\n\nc\n\nd");
  });

  it("part paragraphs exactly where a blank line is, by its definition as a regular expression", () => {
    // A line end (an LF, or a CR no LF follows), white space of the line, another line end.
    const blankLine = /(?:\n|\r(?!\n))[ \t\r]*(?:\n|\r(?!\n))\s*/;
    const byDefinition = (raw: string) =>
      raw
        .split(blankLine)
        .map((block) => block.replace(/\s+/g, " ").trim())
        .filter((block) => block !== "")
        .join("\n\n");
    const pieces = fc.constantFrom("word", "2014", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\v", "\f", "\u2028");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const raw = parts.join("");
        expect(normalizeBy(raw, PLAIN_TEXT).text).toBe(byDefinition(raw));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ingest on any text", () => {
  it("never throws, and every normalized character maps inside the raw text", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", "B", " ", "\n", "\\", "$", "[", "]", "(", ")", "#", "¹", "é", ".", "😀"),
        }),
        (input) => {
          const normalized = normalize(input);
          for (let i = 0; i < normalized.text.length; i++) {
            expect(normalized.map.start(i)).toBeGreaterThanOrEqual(0);
            expect(normalized.map.end(i)).toBeLessThanOrEqual(input.length);
            expect(normalized.map.start(i)).toBeLessThanOrEqual(normalized.map.end(i));
          }
        },
      ),
    );
  });

  it("round-trips any word span of plain prose", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z$]{1,8}$/), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (words, a, b) => {
          const input = words.join(" \n ");
          const normalized = normalize(input);
          const start = a % words.length;
          const end = start + (b % (words.length - start)) + 1;
          const quote = words.slice(start, end).join(" ");
          const at = normalized.text.indexOf(quote);
          const [rawStart, rawEnd] = rawRange(normalized, at, at + quote.length);
          expect(normalize(input.slice(rawStart, rawEnd)).text).toBe(quote);
        },
      ),
    );
  });
});

describe("text formats", () => {
  const converted = "Trade of \\$5 [bn](#) fell\n\nsharply.\n\n¹ A note.\n\nThe end.";

  it("plain text folds white space and keeps paragraphs, and undoes nothing a PDF conversion would need", () => {
    expect(normalizeBy(converted, PLAIN_TEXT).text).toBe(
      "Trade of \\$5 [bn](#) fell\n\nsharply.\n\n¹ A note.\n\nThe end.",
    );
    expect(normalizeBy("a  b\t c\n d\n\n\n e", PLAIN_TEXT).text).toBe("a b c d\n\ne");
  });

  it("pdf-markdown undoes escapes and links, rejoins a page break and sets the footnote after the body", () => {
    expect(normalizeBy(converted, PDF_MARKDOWN).text).toBe("Trade of $5 bn fell sharply.\n\nThe end.\n\n¹ A note.");
  });

  it("map every character back to the raw text, whatever the format", () => {
    for (const rules of [PLAIN_TEXT, PDF_MARKDOWN]) {
      const normalized = normalizeBy(converted, rules);
      const at = normalized.text.indexOf("fell");
      const [start, end] = rawRange(normalized, at, at + 4);
      expect(converted.slice(start, end)).toBe("fell");
    }
  });
});
