/**
 * How hedged inputs hedge a result. An input that is `at_least` pushes a result that grows with it to
 * `at_least`, and one that shrinks with it (a denominator, a subtrahend) to `at_most`; `at_most` the other way
 * round. Inputs pushing both ways, or an `approximate` one, leave the result `approximate`.
 */
import type { Qualifier } from "../extract/mention.ts";
import type { DerivedQualifier } from "../../schemas/qualifiers.ts";

/** +1 when the result grows with the input, -1 when it shrinks. */
export type Effect = 1 | -1;

export interface HedgedInput {
  qualifier: Qualifier;
  effect: Effect;
}

export function propagateQualifier(inputs: HedgedInput[]): Qualifier {
  const directions = new Set<Qualifier>();
  for (const { qualifier, effect } of inputs) {
    if (qualifier === "exact") continue;
    if (qualifier === "approximate") return "approximate";
    const growsWithResult = (qualifier === "at_least") === (effect === 1);
    directions.add(growsWithResult ? "at_least" : "at_most");
  }
  if (directions.size === 0) return "exact";
  return directions.size === 1 ? [...directions][0]! : "approximate";
}

/**
 * The bound on a change (or difference) named by its direction, so that a negative one cannot be misread: a
 * signed change of at least −78.6 is a fall of at most 78.6 (`fall_at_most`), at most +125 a rise of at most 125.
 */
export function nameChangeBound(qualifier: Qualifier, value: number): DerivedQualifier {
  if (qualifier === "exact" || qualifier === "approximate") return qualifier;
  if (value >= 0) return qualifier === "at_least" ? "rise_at_least" : "rise_at_most";
  return qualifier === "at_least" ? "fall_at_most" : "fall_at_least";
}

const BOUND_WORDS: Record<string, string> = {
  at_least: "a lower bound",
  at_most: "an upper bound",
  rise_at_least: "a rise of at least its size (a lower bound)",
  rise_at_most: "a rise of at most its size (an upper bound)",
  fall_at_least: "a fall of at least its size (an upper bound on the signed value)",
  fall_at_most: "a fall of at most its size (a lower bound on the signed value)",
};

/** A sentence saying why the result is a bound, or null for exact and approximate results. */
export function explainBound(result: DerivedQualifier, inputs: (HedgedInput & { id: string })[]): string | null {
  const bound = BOUND_WORDS[result];
  if (bound === undefined) return null;
  const causes = inputs
    .filter((input) => input.qualifier !== "exact")
    .map(
      (input) =>
        `${input.id} is ` +
        `${input.qualifier.replace("_", " ")}${input.effect === -1 ? " and divides or is subtracted" : ""}`,
    );
  return `The result is ${bound}: ${causes.join("; ")}.`;
}
