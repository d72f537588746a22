/** The tense of the sentence around a mention, from its words: enough to place a day written without its year. */

import { FUTURE_WORDS, NOT_PAST_ED, PAST_WORDS } from "./grammar/tense-words.ts";
import type { Tense } from "./times.ts";
import type { Token } from "./tokenize.ts";

const SENTENCE_ENDS: ReadonlySet<string> = new Set([".", "!", "?", ";"]);
/** How far the words are looked for on either side, within the sentence. */
const REACH = 14;

/**
 * "future" when a word of the sentence puts its event ahead ("will", "due", "scheduled"), else "past" when a verb
 * is in the past ("repaid", "said", "rose", any "-ed" form), else null. The mention's own tokens
 * [start, end) are passed over; an abbreviation's point ("Oct.") does not end the sentence.
 */
export function tenseAround(tokens: readonly Token[], start: number, end: number): Tense {
  let past = false;
  const look = (k: number): boolean => {
    const word = tokens[k]!.lower;
    if (FUTURE_WORDS.has(word)) return true;
    if (PAST_WORDS.has(word) || (word.length > 4 && word.endsWith("ed") && !NOT_PAST_ED.has(word))) past = true;
    return false;
  };
  for (let k = start - 1; k >= Math.max(0, start - REACH) && !endsSentence(tokens, k); k--) if (look(k)) return "future";
  for (let k = end; k < Math.min(tokens.length, end + REACH) && !endsSentence(tokens, k); k++) if (look(k)) return "future";
  return past ? "past" : null;
}

/** A sentence end: ".", "!", "?" or ";" followed by a space and a capital, or by nothing. */
function endsSentence(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (!SENTENCE_ENDS.has(token.text)) return false;
  if (token.text !== ".") return true;
  const next = tokens[k + 1];
  const before = tokens[k - 1];
  // "Oct. 15", "U.S.": a point glued to a short word and followed by no capitalised word is an abbreviation's.
  if (before && before.kind === "word" && before.text.length <= 4 && next && !/^[A-Z]/.test(next.text)) return false;
  return true;
}
