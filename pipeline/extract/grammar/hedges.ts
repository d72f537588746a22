/**
 * Hedges the extractor reads besides the schemas' `HEDGES` (`../../../schemas/qualifiers.ts`, the list the
 * published descriptions and legends quote): negated hedges, each a phrase of its own under the bound it sets
 * ("not less than" is `at_least`), idioms and symbols. "<" and ">" hedge only glued to the amount, and a hedge
 * after a negation that is not a phrase here ("not nearly") is no hedge that could be read (`../hedges.ts`).
 */
import type { Qualifier } from "../../../schemas/qualifiers.ts";

export const MORE_HEDGES: Record<Exclude<Qualifier, "exact">, readonly string[]> = {
  at_most: ["not over", "not above", "not exceeding", "shy of", "just shy of", "south of", "<", "\u2264", "\u2a7d"],
  at_least: [
    "not less than",
    "no less than",
    "not fewer than",
    "no fewer than",
    "not under",
    "not below",
    "in excess of",
    "north of",
    ">",
    "\u2265",
    "\u2a7e",
  ],
  approximate: ["more or less", "~", "\u2248"],
};
