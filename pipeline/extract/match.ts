/** The result type every matcher returns, and how competing matches are chosen. */

/** A pattern found over tokens[start, end) (token indices, end exclusive). */
export interface Match<T> {
  start: number;
  end: number;
  value: T;
}

type Candidate<T> = Match<T> | null;

/**
 * The longest candidate; on a tie the one listed first. Fixed parameters rather than a rest array: it runs at
 * nearly every token that may start a mention, and an array per call is garbage the collector pays for.
 */
export function longest<T>(
  a: Candidate<T>,
  b: Candidate<T>,
  c: Candidate<T> = null,
  d: Candidate<T> = null,
  e: Candidate<T> = null,
  f: Candidate<T> = null,
): Candidate<T> {
  return longer(longer(longer(longer(longer(a, b), c), d), e), f);
}

/** The candidate if it is longer than the best so far (which wins a tie). */
export function longer<T>(best: Candidate<T>, candidate: Candidate<T>): Candidate<T> {
  return candidate && (!best || candidate.end > best.end) ? candidate : best;
}
