/** The tense of the sentence around a mention, from its words: enough to place a day written without its year. */

import { FUTURE_WORDS, IMPERATIVE_VERBS, NOT_PAST_ED, PAST_WORDS, PLAN_WORDS } from "./grammar/tense-words.ts";
import { endsSentence } from "./token-checks.ts";
import type { Tense } from "./times.ts";
import type { Token } from "./tokenize.ts";

/** How far the words are looked for on either side, within the sentence. */
const REACH = 14;

/**
 * "future" when a word of the sentence puts its event ahead ("will"), or a word of plan does ("due", "expected",
 * "scheduled") in a sentence with no verb in the past; "past" when a verb is in the past ("repaid", "said",
 * "rose", any "-ed" form) and no plan is spoken of; "planned" for a plan reported in the past ("said a ruling was
 * expected"), ahead of when it was said. A request ("Book …", "Plan …") is "future"; otherwise null. The
 * mention's own tokens [start, end) are passed over; an abbreviation's point ("Oct.") does not end the sentence.
 */
export function tenseAround(tokens: readonly Token[], start: number, end: number): Tense {
  let past = false;
  let plan = false;
  const look = (k: number): boolean => {
    const word = tokens[k]!.lower;
    if (FUTURE_WORDS.has(word)) return true;
    if (PLAN_WORDS.has(word)) plan = true;
    else if (PAST_WORDS.has(word) || (isEdForm(word) && !PRESENT_BE.has(tokens[k - 1]?.lower ?? ""))) past = true;
    return false;
  };
  let first = start;
  for (let k = start - 1; k >= Math.max(0, start - REACH) && !endsSentence(tokens, k); k--) {
    if (look(k)) return "future";
    first = k;
  }
  for (let k = end; k < Math.min(tokens.length, end + REACH) && !endsSentence(tokens, k); k++)
    if (look(k)) return "future";
  if (plan) return past ? "planned" : "future";
  if (past) return "past";
  // "Rates are fixed until 12/31": a state that holds now lasts until a date ahead.
  if (UNTIL.has(tokens[start - 1]?.lower ?? "")) return "future";
  // A request ("Plan the offsite for the second week of February") asks for what is ahead.
  return first < start && IMPERATIVE_VERBS.has(tokens[first]!.lower) && (first === 0 || endsSentence(tokens, first - 1))
    ? "future"
    : null;
}

/** "is", "are", "am": an "-ed" form after them is a participle in the present ("rates are fixed"), not a past verb. */
const PRESENT_BE: ReadonlySet<string> = new Set(["is", "are", "am"]);

const UNTIL: ReadonlySet<string> = new Set(["until", "till"]);

function isEdForm(word: string): boolean {
  return word.length > 4 && word.endsWith("ed") && !NOT_PAST_ED.has(word);
}
