/**
 * How a source hedges a number, and the phrases that hedge it, commonest first: one list for the extractor, the
 * schemas' descriptions and the charts' legends. Plain data, no Zod, so that extraction loads none.
 */
export const QUALIFIERS = ["exact", "approximate", "at_least", "at_most"] as const;

export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * How a computed change (or difference) is bounded, named by its direction: `fall_at_most` is a fall of at most
 * the value's size. A bare `at_least` on a negative change (the signed change is at least −78.6%) reads as "a
 * drop of at least 78.6%", the opposite, so a bounded change never carries the bare names.
 */
export const CHANGE_BOUNDS = ["rise_at_least", "rise_at_most", "fall_at_least", "fall_at_most"] as const;

/** The qualifier of a computed value: a figure's qualifiers, and the named bounds of a change. */
export type DerivedQualifier = Qualifier | (typeof CHANGE_BOUNDS)[number];

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

