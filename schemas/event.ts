import { z } from "zod";
import { charEnd, charStart, dateInterval, id, isoPartialDate, note, quote, sourceId } from "./fields.ts";
import { dateBasis, datePrecision, plover, vocabularyEnums, type Terms, type Vocabulary } from "./vocabularies.ts";

export function eventSchema<M extends Terms, U extends Terms, A extends Terms, E extends Terms>(vocabulary: Vocabulary<M, U, A, E>) {
  const { actor, eventType } = vocabularyEnums(vocabulary);
  const date = dateInterval("date_start", "date_end");
  return z
    .object({
      id,
      source_id: sourceId,
      date_start: isoPartialDate.describe("When the event starts, ISO 8601 at the text's precision"),
      date_end: isoPartialDate.describe("When it ends, ISO 8601 at the text's precision; equal to date_start for a single day, month or year"),
      date_first_day: date.first_day,
      date_last_day: date.last_day,
      date_precision: datePrecision,
      date_basis: dateBasis,
      event_type: eventType,
      plover: plover.nullable(),
      actors: z.array(actor).min(1).describe("The parties involved, ISO 3166-1 alpha-3 or organisation codes (`;`-separated in CSV)"),
      title: z.string().min(1).max(100).describe("A short neutral title in the project's own words"),
      quote,
      char_start: charStart,
      char_end: charEnd,
      note,
    })
    .strict()
    .describe("One row per dated happening in a source");
}

export type Event = z.infer<ReturnType<typeof eventSchema<Terms, Terms, Terms, Terms>>>;
