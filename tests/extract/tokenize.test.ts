import { describe, expect, it } from "vitest";
import { Tokenizer, TokenTest, tokenize, type Token } from "../../pipeline/extract/tokenize.ts";

/** Distinct words, more of them than the tokenizer keeps strings for, so that some share a slot. */
function manyWords(count: number): string[] {
  // k in base 26, written with the letters a to z.
  return Array.from(
    { length: count },
    (_, k) => `w${Array.from(k.toString(26), (digit) => String.fromCharCode(97 + parseInt(digit, 26))).join("")}`,
  );
}

describe("tokenize", () => {
  it("gives each token its own text, lower case and value, whatever strings it keeps", () => {
    // Short ASCII words (kept by their packed characters), long ones and ones with other letters (kept by hash).
    const shapes = (word: string, k: number) =>
      k % 5 === 1 ? `${word}lengthened` : k % 7 === 2 ? `${word}é` : k % 3 === 0 ? word.toUpperCase() : word;
    const words = manyWords(40_000).map(shapes);
    const text = words.map((word, k) => `${word} ${k}`).join(" ");
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual(words.flatMap((word, k) => [word, String(k)]));
    expect(tokens.filter((token) => token.kind === "word").map((token) => token.lower)).toEqual(
      words.map((word) => word.toLowerCase()),
    );
    expect(tokens.filter((token) => token.kind === "number").map((token) => token.numeric)).toEqual(
      words.map((_, k) => k),
    );
  });

  it("a Tokenizer writes each text's tokens into its one array, reusing its token objects", () => {
    const tokenizer = new Tokenizer();
    tokenizer.tokenize("one two three", 0, 13);
    const first = tokenizer.tokens[0];
    expect(tokenizer.tokenize("4 five", 0, 6)).toBe(tokenizer.tokens);
    expect(tokenizer.tokens.map((token) => [token.kind, token.text])).toEqual([
      ["number", "4"],
      ["word", "five"],
    ]);
    expect(tokenizer.tokens[0]).toBe(first);
    // Tokens of separate tokenize() calls are their own.
    const [a, b] = [tokenize("a"), tokenize("b")];
    expect([a[0]!.text, b[0]!.text]).toEqual(["a", "b"]);
  });
});

describe("TokenTest", () => {
  it("answers for each token's own string, even after a later token's string took its slot", () => {
    const tokens = tokenize(manyWords(40_000).join(" "));
    const endsInA = (token: Token) => token.text.endsWith("a");
    const test = new TokenTest(endsInA);
    // Asked last to first, then first to last: every answer must be the token's own.
    for (const token of [...tokens].reverse()) expect(test.has(token)).toBe(endsInA(token));
    for (const token of tokens) expect(test.has(token)).toBe(endsInA(token));
  });
});
