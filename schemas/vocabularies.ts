/** Controlled vocabularies: every enum in the data contract, in one place. */
import { z } from "zod";
import { CHANGE_BOUNDS, HEDGES, QUALIFIERS } from "./qualifiers.ts";

/** Terms a dataset defines in its configuration (sources/dataset.yaml): never listed in code. */
export type Terms = readonly [string, ...string[]];

/** A dataset's terms; generic so that a vocabulary given `as const` keeps its literal types in the schemas. */
export interface Vocabulary<M extends Terms = Terms, U extends Terms = Terms, A extends Terms = Terms, E extends Terms = Terms> {
  measures: M;
  units: U;
  actors: A;
  eventTypes: E;
}

/** The enums of the terms a dataset defines, described for the data dictionary. */
export function vocabularyEnums<M extends Terms, U extends Terms, A extends Terms, E extends Terms>(vocabulary: Vocabulary<M, U, A, E>) {
  return {
    measure: z.enum(vocabulary.measures).describe("What the number measures, from the dataset's vocabulary; each measure has one unit"),
    unit: z.enum(vocabulary.units).describe("Unit of `value`, from the dataset's vocabulary (see its units in the data dictionary)"),
    actor: z
      .enum(vocabulary.actors)
      .describe("A party: an ISO 3166-1 alpha-3 country code or an organisation code, from the dataset's vocabulary"),
    eventType: z.enum(vocabulary.eventTypes).describe("What kind of happening the event is, from the dataset's vocabulary"),
  };
}

export const qualifier = z
  .enum(QUALIFIERS)
  .describe(
    `How the source hedges the number: \`at_most\` for ${HEDGES.at_most.slice(0, 4).join("/")}, \`at_least\` for ` +
      `${HEDGES.at_least.slice(0, 4).join("/")}, \`approximate\` for ` + `${HEDGES.approximate.slice(0, 6).join("/")}, \`exact\` for no hedge`,
  );

/** The qualifier of a computed value: a level's bound keeps the figures' names, a change's names its direction. */
export const derivedQualifier = z
  .enum([...QUALIFIERS, ...CHANGE_BOUNDS])
  .describe(
    "`exact` only when every input is exact; `approximate` when the inputs' hedges give the result no direction; " +
      "for a level (a ratio, share or sum), `at_least`/`at_most` as for figures; for a change or difference, the " +
      "bound on its size with its direction: `rise_at_most` (a rise of at most the value), `rise_at_least`, " +
      "`fall_at_most` (a fall of at most the value's size: −78.6 `fall_at_most` is a fall of no more than 78.6), " +
      "`fall_at_least`",
  );

export const claimType = z
  .enum(["reported", "estimate", "projection", "allegation"])
  .describe("What kind of claim the source makes: a reported fact, an estimate, a projection of what could be, or an " + "allegation");

/** What kind of document a source is, as it is cited (CITATION.cff's reference type: render/sources.ts). */
export const SOURCE_TYPES = [
  "report",
  "news_article",
  "magazine_article",
  "journal_article",
  "web_page",
  "blog_post",
  "book",
  "government_document",
] as const;

export const sourceType = z
  .enum(SOURCE_TYPES)
  .nullable()
  .describe(
    "What kind of document the source is (a report, a news article, a web page, ...), where its record says; null " +
      "where it does not, and a source in a series is then cited as a report",
  );

/** The PLOVER event categories (Political Language Ontology for Verifiable Event Records). */
export const plover = z
  .enum([
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
  ])
  .describe("The matching PLOVER event category, where one fits");

export const datePrecision = z
  .enum(["day", "month", "year", "decade", "range"])
  .describe("How precise the date is as the text gives it: a day, a month, a year, a decade or part of one, or a range " + "of years or months");

export const dateBasis = z
  .enum(["explicit", "inferred", "no_later_than"])
  .describe(
    "`explicit` when the text states the date; `inferred` when it follows from the text (e.g. 'this January' in a " +
      "May 2016 memo), explained in `note`; `no_later_than` when the text gives only a date by which the happening " +
      "had taken place: `date_start`..`date_end` is that date, the happening may be earlier, and `note` says what " +
      "bounds it",
  );
