import { z } from "zod";
import { charEnd, charStart, id, isoPartialDate, note, quote, sourceId } from "./fields.ts";
import { claimType, qualifier, vocabularyEnums, type Vocabulary } from "./vocabularies.ts";

export function figureSchema<V extends Vocabulary>(vocabulary: V) {
  const { measure, unit, actor } = vocabularyEnums(vocabulary);
  return z
    .object({
      id,
      source_id: sourceId,
      measure,
      subject: actor.nullable().describe("The party the figure is about (ISO 3166-1 alpha-3 or organisation code), if any"),
      counterpart: actor.nullable().describe("The other party of a bilateral figure (ISO 3166-1 alpha-3 or organisation code), if any"),
      period_start: isoPartialDate.nullable().describe("Start of the period the figure refers to, ISO 8601 at the text's precision; empty when the text gives none"),
      period_end: isoPartialDate.nullable().describe("End of the period, ISO 8601 at the text's precision; equal to period_start for a single period"),
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

export type Figure = z.infer<ReturnType<typeof figureSchema<Vocabulary>>>;
