/** Qualifier words directly before an amount: "almost", "more than", "about", "an estimated". */

import { HEDGES, type Qualifier } from "../../schemas/qualifiers.ts";
import type { Match } from "./match.ts";
import { lowerAt, wordsAt } from "./token-checks.ts";
import type { Token } from "./tokenize.ts";

interface Hedge {
  words: readonly string[];
  qualifier: Qualifier;
}

/** Phrases by first word, longest first ("approx ." before "approx"). */
const HEDGES_BY_FIRST_WORD: ReadonlyMap<string, readonly Hedge[]> = (() => {
  const all = Object.entries(HEDGES).flatMap(([qualifier, phrases]) =>
    phrases.map((phrase): Hedge => ({ words: phrase.split(" "), qualifier: qualifier as Qualifier })),
  );
  all.sort((a, b) => b.words.length - a.words.length);
  const index = new Map<string, Hedge[]>();
  for (const hedge of all) {
    const first = hedge.words[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), hedge]);
  }
  return index;
})();

/** The hedge starting at tokens[i], if any; the caller checks that an amount follows. */
export function matchHedge(tokens: readonly Token[], i: number): Match<Qualifier> | null {
  for (const hedge of HEDGES_BY_FIRST_WORD.get(lowerAt(tokens, i)) ?? []) {
    if (wordsAt(tokens, i, hedge.words)) {
      return { start: i, end: i + hedge.words.length, value: hedge.qualifier };
    }
  }
  return null;
}

/** Lower-case words a hedge can start with. */
export const HEDGE_FIRST_WORDS: ReadonlySet<string> = new Set(HEDGES_BY_FIRST_WORD.keys());

/** Whether a whole hedge ends right before tokens[i] ("nearly 1/4", "upwards of 3/4"; not the "of" of "as of"). */
export function hedgeEndsAt(tokens: readonly Token[], i: number): boolean {
  for (let start = i - 1; start >= 0 && start >= i - 4; start--) if (matchHedge(tokens, start)?.end === i) return true;
  return false;
}
