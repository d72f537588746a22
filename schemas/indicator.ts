import { z } from "zod";
import { dateInterval, id, isoPartialDate, note, sourceId } from "./fields.ts";

const period = dateInterval("period_start", "period_end");
import { derivedQualifier, qualifier, vocabularyEnums, type Terms, type Vocabulary } from "./vocabularies.ts";

export function indicatorSchema<M extends Terms, U extends Terms, A extends Terms, E extends Terms>(vocabulary: Vocabulary<M, U, A, E>) {
  const { unit } = vocabularyEnums(vocabulary);
  return z
    .object({
      id,
      name: z.string().min(1).describe("What the indicator is, in a few words"),
      description: z.string().min(1).describe("How it is computed, with its inputs' values, so a reader can check it with a calculator"),
      value: z.number().finite().describe("The computed value, at full precision"),
      unit: unit.describe("Unit of `value`, from the dataset's vocabulary"),
      period_start: isoPartialDate.nullable().describe("Start of the period the indicator covers: the earliest start among its inputs"),
      period_end: isoPartialDate.nullable().describe("End of the period the indicator covers: the latest end among its inputs"),
      period_first_day: period.first_day.nullable(),
      period_last_day: period.last_day.nullable(),
      inputs: z.array(id).min(1).describe("Ids of the figures it is computed from (`;`-separated in CSV)"),
      qualifier: derivedQualifier.describe(
        `${derivedQualifier.description} (an \`at_most\` denominator makes a ratio \`at_least\`; ` +
          "an `at_most` start makes a fall `fall_at_most`)",
      ),
      tolerance: z.number().nonnegative().nullable().describe("For a consistency check: the largest absolute value that counts as consistent; the build fails above it"),
      note: note.describe("Caveats, such as inputs from different periods or a break in a series"),
    })
    .strict()
    .describe("Indicators computed from the figures, never typed by hand");
}

export type Indicator = z.infer<ReturnType<typeof indicatorSchema<Terms, Terms, Terms, Terms>>>;

/** A series table: one measure between one subject and one counterpart, as the dataset configuration defines it. */
export function seriesSchema(title: string, unitName: string) {
  return z
    .object({
      figure_id: id.describe("The figure this observation is"),
      source_id: sourceId,
      period_start: isoPartialDate.describe("Start of the observation's period"),
      period_end: isoPartialDate.describe("End of the observation's period; a two-year observation (2011-2012) spans both years"),
      period_first_day: period.first_day,
      period_last_day: period.last_day,
      year: z.number().describe("Mid-point of the period in decimal years (1988 → 1988.5, 2011-2012 → 2012), " + "the x value for growth rates"),
      value: z.number().finite().describe(`${title}, ${unitName}`),
      qualifier,
      previous_figure_id: id.nullable().describe("The preceding observation from the same source, empty for the first"),
      years_since_previous: z.number().nullable().describe("Years between the two observations' mid-points"),
      change_abs: z.number().finite().nullable().describe(`Change from the preceding observation, ${unitName}`),
      change_pct: z.number().finite().nullable().describe("Change from the preceding observation, percent"),
      cagr_pct: z.number().finite().nullable().describe("Compound annual growth rate from the preceding observation, percent per year"),
      change_qualifier: derivedQualifier
        .nullable()
        .describe(
          "The hedge the two observations give the change columns: `exact` only when both are exact, `approximate` " +
            "when their hedges give the change no direction, else the bound on the change's size with its direction " +
            "(`fall_at_most`: a fall of at most the change's size). Never a bare `at_least`/`at_most`, which the " +
            "type still allows so that values valid in 2.0 stay valid; empty for the first observation",
        ),
      break_note: z
        .string()
        .nullable()
        .describe("Why this observation is not comparable with the preceding one (a break in the series); empty when it is"),
    })
    .strict()
    .describe(`${title}, one row per observation in period order within each source, with changes from the one before`);
}

export type SeriesObservation = z.infer<ReturnType<typeof seriesSchema>>;
