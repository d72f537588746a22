/** Code point offsets against UTF-16 indices, checked against the plain definition on any text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointIndex } from "../../pipeline/text/code-points.ts";

/** The definition: code points that start before UTF-16 index u (a low half of a pair belongs to its pair). */
function codePointsBefore(text: string, u: number): number {
  let count = 0;
  for (let i = 0; i < u; i++) {
    const code = text.charCodeAt(i);
    const lowOfPair =
      code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!lowOfPair) count++;
  }
  const code = text.charCodeAt(u);
  const insidePair =
    u > 0 &&
    u < text.length &&
    code >= 0xdc00 &&
    code <= 0xdfff &&
    text.charCodeAt(u - 1) >= 0xd800 &&
    text.charCodeAt(u - 1) <= 0xdbff;
  return insidePair ? count - 1 : count;
}

describe("codePointIndex", () => {
  it("agrees with the definition at every index, both ways, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "é", "😀", "𝄞", "\uD800", "\uDC00") }), (text) => {
        const index = codePointIndex(text);
        expect(index.identity).toBe(!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text));
        for (let u = 0; u <= text.length; u++)
          expect(index.toCodePoint(u), `toCodePoint(${u})`).toBe(codePointsBefore(text, u));
        // Where each code point starts (and the end): the indices where the count of code points before moves.
        const codePointStarts = [...Array(text.length + 1).keys()].filter(
          (u) => u === 0 || codePointsBefore(text, u) !== codePointsBefore(text, u - 1),
        );
        for (const [c, u] of codePointStarts.entries()) expect(index.toUtf16(c), `toUtf16(${c})`).toBe(u);
      }),
    );
  });

  it("holds only the pairs: an index of a long text with one emoji is small and right at both ends", () => {
    const text = `😀${"a".repeat(1_000_000)}😀`;
    const index = codePointIndex(text);
    expect([index.toCodePoint(2), index.toCodePoint(text.length), index.toUtf16(1_000_002)]).toEqual([
      1,
      1_000_002,
      text.length,
    ]);
  });
});
