/** Qualifier words directly before an amount: "almost", "more than", "about", "an estimated". */

import { HEDGES, type Qualifier } from "../../schemas/qualifiers.ts";
import { MORE_HEDGES } from "./grammar/hedges.ts";
import type { Match } from "./match.ts";
import { isAttached, lowerAt, wordsAt } from "./token-checks.ts";
import type { Token } from "./tokenize.ts";

interface Hedge {
  words: readonly string[];
  qualifier: Qualifier;
}

/** Phrases by first word, longest first ("approx ." before "approx"). */
const HEDGES_BY_FIRST_WORD: ReadonlyMap<string, readonly Hedge[]> = (() => {
  const all = [HEDGES, MORE_HEDGES].flatMap((table) =>
    Object.entries(table).flatMap(([qualifier, phrases]) =>
      phrases.map((phrase): Hedge => ({ words: phrase.split(" "), qualifier: qualifier as Qualifier })),
    ),
  );
  all.sort((a, b) => b.words.length - a.words.length);
  const index = new Map<string, Hedge[]>();
  for (const hedge of all) {
    const first = hedge.words[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), hedge]);
  }
  return index;
})();

/** Words that turn the bound of the hedge after them: a negated hedge is read only as a phrase of the table. */
const NEGATIONS: ReadonlySet<string> = new Set(["not", "no", "never"]);

/** Symbols that hedge only when glued to the amount: a spaced ">" opens a quoted line in plain text. */
const GLUED_SYMBOLS: ReadonlySet<string> = new Set(["<", ">"]);

/**
 * The hedge starting at tokens[i], if any; the caller checks that an amount follows. Its value is null where a
 * negation before it turns it into a bound the table does not name ("not nearly 60 percent"): the amount after
 * it then has no qualifier that could be given, and is no mention.
 */
export function matchHedge(tokens: readonly Token[], i: number): Match<Qualifier | null> | null {
  for (const hedge of HEDGES_BY_FIRST_WORD.get(lowerAt(tokens, i)) ?? []) {
    if (wordsAt(tokens, i, hedge.words) && (tokens[i]!.kind !== "punct" || isSymbolHedge(tokens, i))) {
      const value = NEGATIONS.has(lowerAt(tokens, i - 1)) ? null : hedge.qualifier;
      return { start: i, end: i + hedge.words.length, value };
    }
  }
  return null;
}

/** "~$3m", "≥ 500", ">10,000": a symbol hedges when it is not glued to a word or number before it ("x>5"). */
function isSymbolHedge(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before !== undefined && !tokens[i]!.spaced && before.kind !== "punct") return false;
  return !GLUED_SYMBOLS.has(tokens[i]!.text) || isAttached(tokens, i + 1);
}

/** Lower-case words a hedge can start with. */
export const HEDGE_FIRST_WORDS: ReadonlySet<string> = new Set(HEDGES_BY_FIRST_WORD.keys());

/** Lower-case words that end a hedge ("nearly", "than", "of" in "upwards of"). */
export const HEDGE_WORDS: ReadonlySet<string> = new Set(
  [...HEDGES_BY_FIRST_WORD.values()].flatMap((hedges) => hedges.map((hedge) => hedge.words.at(-1) ?? "")),
);

/** Whether a whole hedge ends right before tokens[i] ("nearly 1/4", "upwards of 3/4"; not the "of" of "as of"). */
export function hedgeEndsAt(tokens: readonly Token[], i: number): boolean {
  for (let start = i - 1; start >= 0 && start >= i - 4; start--) if (matchHedge(tokens, start)?.end === i) return true;
  return false;
}
