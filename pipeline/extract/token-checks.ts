/** Small bounds-safe questions about the token array, shared by the matchers. */

import type { Token } from "./tokenize.ts";

/** Compound hyphens ("six-party", "mid-1990s"). */
export const HYPHENS: ReadonlySet<string> = new Set(["-", "\u2010", "\u2011"]);

/** Range dashes between numbers ("2008-2009", "1990–95"). */
export const DASHES: ReadonlySet<string> = new Set(["-", "\u2010", "\u2011", "\u2013"]);

/**
 * Marks that end a clause, which no mention reads on into: none starts a unit, scale, range, fraction or date part
 * (a point glued to digits after a number would have been read into the number).
 */
export const CLAUSE_ENDS: ReadonlySet<string> = new Set([",", ".", ";", ")"]);

/** Lower-cased text of tokens[i], or "" outside the array. */
export function lowerAt(tokens: readonly Token[], i: number): string {
  return tokens[i]?.lower ?? "";
}

/** tokens[i] exists and touches the token before it. */
export function isAttached(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return token !== undefined && !token.spaced && i > 0;
}

/** tokens[i] is a hyphen glued to words on both sides, as in "six-party". */
export function isHyphenJoin(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return token !== undefined && HYPHENS.has(token.text) && isAttached(tokens, i) && isAttached(tokens, i + 1);
}

/** First letter upper case, as month names are written. */
export function isCapitalized(token: Token): boolean {
  const first = token.text[0] ?? "";
  return first !== first.toLowerCase();
}

/**
 * Whether a mention may end before tokens[end]: not when the text runs on into a word or number
 * ("5G", "1st", "1990s") or into "10:30", "5/3", "1.2.3".
 */
export function endsCleanly(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end];
  if (!next || next.spaced) return true;
  if (next.kind !== "punct") return false;
  const after = tokens[end + 1];
  return !((next.text === ":" || next.text === "/" || next.text === ".") && after?.kind === "number" && !after.spaced);
}

/** Whether the tokens from \`i\` on are \`words\`, lower-cased ("as much as"). */
export function wordsAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (lowerAt(tokens, i + k) !== words[k]) return false;
  return true;
}

/**
 * A grammar table's phrase as the tokenizer would split it ("km/h" is "km", "/", "h"), each part with whether a
 * space precedes it. The tokenizer itself is not run on the tables: its string cache and code paths are kept for
 * the text.
 */
export function phraseTokens(phrase: string): { text: string; spaced: boolean }[] {
  return [...phrase.matchAll(/\s*([\p{L}\p{M}]+|[0-9]+|\S)/gu)].map((match, k) => ({
    text: match[1]!,
    spaced: k === 0 || match[0] !== match[1],
  }));
}
