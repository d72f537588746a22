/** Small bounds-safe questions about the token array, shared by the matchers. */

import { STREET_WORDS } from "./grammar/addresses.ts";
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
  if (next.kind !== "punct") return isFootnoteNumber(tokens, end);
  const after = tokens[end + 1];
  if (!((next.text === ":" || next.text === "/" || next.text === ".") && after?.kind === "number" && !after.spaced))
    return true;
  return next.text === "." && isFootnoteNumber(tokens, end + 1);
}

/**
 * A footnote's number glued to the end of a sentence or of a figure, as text converted from print leaves it: after
 * a full stop that follows a word, a percent sign or a bracket ("$4.5 billion.2 The", "40 percent.3", "7%.12"),
 * right after a percent sign ("12%3"), or in square brackets ("25 million.[4]"). It names a note, never an amount;
 * a number after "1.2." or "10:" is no footnote, nor is "c.1850" (circa).
 */
export function isFootnoteNumber(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const mark = tokens[i - 1];
  const before = tokens[i - 2];
  if (token?.kind !== "number" || token.spaced || !mark || !before || i < 2) return false;
  if (!/^[1-9]\d{0,2}$/.test(token.text)) return false;
  if (mark.text === "[") return tokens[i + 1]?.text === "]" && !tokens[i + 1]!.spaced;
  if (mark.text === "%") return endsMarker(tokens, i + 1);
  return (
    mark.text === "." &&
    !mark.spaced &&
    before.kind !== "number" &&
    !CIRCA.has(before.lower) &&
    (before.kind === "word" || FOOTNOTE_AFTER.has(before.text)) &&
    endsMarker(tokens, i + 1)
  );
}

/** Abbreviations of "circa", after which a glued number is a year: "c.1850". */
const CIRCA: ReadonlySet<string> = new Set(["c", "ca", "cca", "circ"]);

/** Marks a footnote's full stop may follow, besides a word: "7%.12", "(2015).3", "[4].5". */
const FOOTNOTE_AFTER: ReadonlySet<string> = new Set(["%", ")", "]", "\u201d", '"']);

/** Nothing glued after a footnote's number but punctuation: "billion.2 The", "percent.3", not "percent.3rd". */
function endsMarker(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end];
  return !next || next.spaced || next.kind === "punct";
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

const SENTENCE_ENDS: ReadonlySet<string> = new Set([".", "!", "?", ";"]);

/** A sentence end: ".", "!", "?" or ";" followed by a space and a capital, or by nothing. */
export function endsSentence(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (!SENTENCE_ENDS.has(token.text)) return false;
  if (token.text !== ".") return true;
  const next = tokens[k + 1];
  const before = tokens[k - 1];
  // "Oct. 15", "U.S.": a point glued to a short word and followed by no capitalised word is an abbreviation's.
  if (before && before.kind === "word" && before.text.length <= 4 && next && !/^[A-Z]/.test(next.text)) return false;
  return true;
}

const STREETS: ReadonlySet<string> = new Set(STREET_WORDS);

/** After a house number, a street's name of one to three capitalised words ("Pennsylvania Avenue"): its end. */
export function streetEnd(tokens: readonly Token[], k: number): number | null {
  for (let n = k; n < k + 4; n++) {
    const token = tokens[n];
    if (!token?.spaced || token.kind !== "word" || !isCapitalized(token)) return null;
    if (n > k && STREETS.has(token.text)) return n + 1;
  }
  return null;
}
