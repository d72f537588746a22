import { z } from "zod";
import { charEnd, charStart, dateInterval, isoPartialDate, sourceId } from "./fields.ts";

const date = dateInterval("date_start", "date_end");
import { qualifier } from "./vocabularies.ts";

export const mentionSchema = z
  .object({
    source_id: sourceId,
    kind: z.enum(["quantity", "time"]).describe("`quantity` for a number with its unit, `time` for a date, period or relative time"),
    text: z.string().min(1).describe("The mention as it reads in the normalized text, hedge words included"),
    char_start: charStart.describe("Start of the mention in the raw source text, in Unicode code points"),
    char_end: charEnd.describe("End of the mention in the raw source text, in Unicode code points, exclusive"),
    value: z.number().finite().nullable().describe("For a quantity: its value in base units; empty for a vague amount or a time"),
    value_high: z.number().finite().nullable().describe("For a range of amounts: the high end; else empty"),
    unit: z.string().nullable().describe("For a quantity: its unit as extracted (USD, percent, count, ratio, km, ...)"),
    qualifier: qualifier.nullable().describe("For a quantity: the hedge its words give it"),
    date_start: isoPartialDate.nullable().describe("For a time: where it starts, ISO 8601 at the text's precision"),
    date_end: isoPartialDate.nullable().describe("For a time: where it ends, ISO 8601 at the text's precision"),
    date_first_day: date.first_day.nullable(),
    date_last_day: date.last_day.nullable(),
    used_by: z.array(z.string()).describe("Ids of the figures and events built from this mention (`;`-separated in CSV)"),
    dismissed: z.string().nullable().describe("For a quantity that is no figure: why it was dismissed"),
  })
  .strict()
  .describe("Every quantity and time mention the extract stage found in a source, and what became of it");

export type Mention = z.infer<typeof mentionSchema>;
