import { z } from "zod";
import { charEnd, charStart, dateInterval, id, isoPartialDate, note, quote, sourceId } from "./fields.ts";
import { claimType, qualifier, vocabularyEnums, type Terms, type Vocabulary } from "./vocabularies.ts";

export function figureSchema<M extends Terms, U extends Terms, A extends Terms, E extends Terms>(vocabulary: Vocabulary<M, U, A, E>) {
  const { measure, unit, actor } = vocabularyEnums(vocabulary);
  const period = dateInterval("period_start", "period_end");
  return z
    .object({
      id,
      source_id: sourceId,
      measure,
      subject: actor.nullable().describe("The party the figure is about (ISO 3166-1 alpha-3 or organisation code), if any"),
      counterpart: actor.nullable().describe("The other party of a bilateral figure (ISO 3166-1 alpha-3 or organisation code), if any"),
      period_start: isoPartialDate.nullable().describe("Start of the period the figure refers to, ISO 8601 at the text's precision; empty when the text gives none"),
      period_end: isoPartialDate.nullable().describe("End of the period, ISO 8601 at the text's precision; equal to period_start for a single period"),
      period_first_day: period.first_day.nullable(),
      period_last_day: period.last_day.nullable(),
      value: z.number().finite().describe("The number in base units: dollars not millions, persons, kilometres, percent as 90"),
      unit,
      qualifier,
      claim_type: claimType,
      quote,
      char_start: charStart,
      char_end: charEnd,
      note,
    })
    .strict()
    .describe("One row per number stated in a source");
}

export type Figure = z.infer<ReturnType<typeof figureSchema<Terms, Terms, Terms, Terms>>>;
