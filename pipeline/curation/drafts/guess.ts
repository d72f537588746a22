/**
 * Guesses a draft makes from a sentence: the actors it names (dataset.yaml's names, aliases and codes), the measure
 * a quantity measures and the event type a happening is (dataset.yaml's terms whose names and descriptions share
 * the sentence's words), the PLOVER category its verb names, and the kind of claim a figure is. Each guess is
 * only a guess: null where the words do not single one out, for the curator to decide.
 */
import type { DatasetConfig } from "../../config/dataset-config.ts";
import type { QuantityMention } from "../../extract/mention.ts";
import type { CuratedEvent, CuratedFigure } from "../records.ts";
import { CLAIM_CUES, STOP_WORDS, VERBS } from "./cues.ts";

type Plover = NonNullable<CuratedEvent["plover"]>;

/**
 * The actors a text names, in the order it first names them (by name, alias, or code written as a word), and the
 * text without their names, whose words say what happened.
 */
export function actorsIn(text: string, actors: DatasetConfig["actors"]): { actors: string[]; rest: string } {
  const found: { code: string; at: number; length: number }[] = [];
  for (const [code, { name, aliases = [] }] of Object.entries(actors)) {
    for (const words of [name, ...aliases, code]) {
      for (const match of text.matchAll(wordPattern(words)))
        found.push({ code, at: match.index, length: words.length });
    }
  }
  // The longest name wins where two overlap: "Halvard Port Authority", not "Halvard".
  found.sort((a, b) => b.length - a.length || a.at - b.at);
  const taken: { at: number; end: number }[] = [];
  const kept = found.filter(({ at, length }) => {
    if (taken.some((t) => t.at < at + length && at < t.end)) return false;
    taken.push({ at, end: at + length });
    return true;
  });
  kept.sort((a, b) => a.at - b.at);
  let rest = "";
  let from = 0;
  for (const { at, length } of kept) {
    rest += `${text.slice(from, at)} `;
    from = at + length;
  }
  return { actors: [...new Set(kept.map((f) => f.code))], rest: rest + text.slice(from) };
}

const patterns = new Map<string, RegExp>();

/** The words as a whole word, plural or possessive allowed; case matters only for words with a capital. */
function wordPattern(words: string): RegExp {
  let pattern = patterns.get(words);
  if (pattern === undefined) {
    const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const flags = /\p{Lu}/u.test(words) ? "gu" : "giu";
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:'s|’s|s)?(?![\\p{L}\\p{N}])`, flags);
    patterns.set(words, pattern);
  }
  return pattern;
}

export interface MeasureGuess {
  /** The measure, or null when none or more than one fits. */
  measure: string | null;
  /** The measure's unit, else the dataset's unit for the mention's (its own, or one that accepts it). */
  unit: string;
  /** The measures whose unit fits the mention's. */
  candidates: string[];
}

/**
 * The measure a quantity in `sentence` measures: the one whose unit fits and whose words the sentence (else its
 * `paragraph`) shares most.
 */
export function guessMeasure(
  config: DatasetConfig,
  mention: QuantityMention,
  sentence: string,
  paragraph: string,
): MeasureGuess {
  const fits = (unit: string) => unit === mention.unit || (config.units[unit]?.accepts ?? []).includes(mention.unit);
  const candidates = Object.entries(config.measures)
    .filter(([, definition]) => fits(definition.unit))
    .map(([name]) => name);
  // The counted noun ("61.5 million trips") says most, then the measure's name, then its description; where the
  // sentence does not tell, its paragraph may.
  const noun = stemsOf(mention.noun ?? "");
  const scorer = (context: string) => {
    const words = stemsOf(context);
    return (name: string) => {
      const definition = config.measures[name]!;
      const described = stemsOf(`${definition.description} ${config.units[definition.unit]?.name ?? ""}`);
      const named = stemsOf(name);
      return 3 * shared(noun, new Set([...named, ...described])) + 2 * shared(words, named) + shared(words, described);
    };
  };
  const measure = best(candidates, scorer(sentence)) ?? best(candidates, scorer(paragraph));
  const unitsFitting = Object.keys(config.units).filter(fits);
  const unit =
    measure !== null
      ? config.measures[measure]!.unit
      : mention.unit in config.units
        ? mention.unit
        : unitsFitting.length === 1
          ? unitsFitting[0]!
          : mention.unit;
  return { measure, unit, candidates };
}

/** The event type whose name and description share most words with the sentence, if one does. */
export function guessEventType(config: DatasetConfig, sentence: string): string | null {
  const words = stemsOf(sentence);
  return best(
    Object.keys(config.event_types),
    (name) => {
      const score = 2 * shared(words, stemsOf(name)) + shared(words, stemsOf(config.event_types[name]!.description));
      return score;
    },
    { needsScore: true },
  );
}

/** The PLOVER category of the first verb in the sentence that names one. */
export function guessPlover(sentence: string): Plover | null {
  for (const word of sentence.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const plover = PLOVER_OF_FORM.get(word);
    if (plover !== undefined) return plover;
  }
  return null;
}

/** A projection for a period after the document's date or with a word of plans; an estimate or allegation by its word. */
export function guessClaimType(
  sentence: string,
  periodStart: string | null,
  documentDate: string | null,
): CuratedFigure["claim_type"] {
  const words = new Set(sentence.toLowerCase().match(/\p{L}+/gu) ?? []);
  for (const [claim, cues] of CLAIM_CUES) if (cues.some((cue) => words.has(cue))) return claim;
  if (periodStart !== null && documentDate !== null && periodStart.slice(0, 4) > documentDate.slice(0, 4))
    return "projection";
  return "reported";
}

/**
 * The one candidate with the highest score; the only candidate even with none, unless `needsScore`; null on a
 * tie or when no candidate scores.
 */
function best(candidates: string[], score: (name: string) => number, { needsScore = false } = {}): string | null {
  if (candidates.length === 1 && !needsScore) return candidates[0]!;
  const scored = candidates.map((name) => ({ name, score: score(name) })).sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (first === undefined || first.score === 0 || (second !== undefined && second.score === first.score)) return null;
  return first.name;
}

/** How many stems of `a` share a stem with `b` (one a prefix of the other, four letters at least, or equal). */
function shared(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const stem of a) {
    for (const other of b) {
      const [short, long] = stem.length <= other.length ? [stem, other] : [other, stem];
      if (short === long || (short.length >= 4 && long.startsWith(short))) {
        count++;
        break;
      }
    }
  }
  return count;
}

const SUFFIXES = [
  "ization",
  "isation",
  "ings",
  "ing",
  "ions",
  "ion",
  "ments",
  "ment",
  "ies",
  "ied",
  "ed",
  "es",
  "s",
  "e",
  "y",
];

/** The stems of a text's words, common words left out: "condemns" and "condemnation" share "condem". */
export function stemsOf(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of text
    .replaceAll("_", " ")
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    if (token.length < 3 || STOP_WORDS.has(token)) continue;
    let stem = LEMMA_OF_FORM.get(token) ?? token;
    for (let pass = 0; pass < 2; pass++) {
      const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= 3);
      if (suffix !== undefined) stem = stem.slice(0, -suffix.length);
    }
    stems.add(stem.slice(0, 7));
  }
  return stems;
}

/** Every form of a regular English verb: sign, signs, signed, signing; stop, stops, stopped, stopping. */
export function inflections(verb: string): string[] {
  const doubled = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(verb) ? verb + verb.at(-1) : verb;
  const third = /(s|sh|ch|x|z|o)$/.test(verb)
    ? `${verb}es`
    : /[^aeiou]y$/.test(verb)
      ? `${verb.slice(0, -1)}ies`
      : `${verb}s`;
  const past = verb.endsWith("e") ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : `${doubled}ed`;
  const participle = /[^e]e$/.test(verb) ? `${verb.slice(0, -1)}ing` : `${doubled}ing`;
  return [verb, third, past, participle];
}

const PLOVER_OF_FORM = new Map(
  VERBS.flatMap(({ verb, forms = [], plover }) => [...inflections(verb), ...forms].map((form) => [form, plover])),
);
const LEMMA_OF_FORM = new Map(VERBS.flatMap(({ verb, forms = [] }) => forms.map((form) => [form, verb])));
