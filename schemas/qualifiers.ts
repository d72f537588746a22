/**
 * How a source hedges a number, and the phrases that hedge it, commonest first: one list for the extractor, the
 * schemas' descriptions and the charts' legends. Plain data, no Zod, so that extraction loads none.
 */
export const QUALIFIERS = ["exact", "approximate", "at_least", "at_most"] as const;

export type Qualifier = (typeof QUALIFIERS)[number];

export const HEDGES: Record<Exclude<Qualifier, "exact">, readonly string[]> = {
  at_most: [
    "almost", "nearly", "up to", "as much as", "as many as", "no more than", "not more than", "at most",
    "less than", "fewer than", "under", "just under", "below",
  ],
  at_least: [
    "over", "more than", "at least", "exceeded", "exceeding", "exceeds", "upwards of", "just over", "well over",
    "above",
  ],
  approximate: [
    "about", "around", "approximately", "roughly", "some", "close to", "an estimated", "approx .", "approx",
    "circa",
  ],
};

