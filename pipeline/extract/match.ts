/** The result type every matcher returns, and how competing matches are chosen. */

/** A pattern found over tokens[start, end) (token indices, end exclusive). */
export interface Match<T> {
  start: number;
  end: number;
  value: T;
}

/** The longest candidate; on a tie the one listed first. */
export function longest<T>(...candidates: (Match<T> | null)[]): Match<T> | null {
  let best: Match<T> | null = null;
  for (const candidate of candidates) if (candidate && (!best || candidate.end > best.end)) best = candidate;
  return best;
}
