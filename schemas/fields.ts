/** Field types shared by several tables. */
import { z } from "zod";

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** "2016", "2016-05" or "2016-05-09": an ISO 8601 calendar date at the precision the text gives. */
export const isoPartialDate = z
  .string()
  .regex(PARTIAL_DATE, "must be an ISO 8601 date at year, month or day precision (YYYY, YYYY-MM or YYYY-MM-DD) with a real month and day")
  .refine((date) => date.length < 10 || z.iso.date().safeParse(date).success, "is not a calendar day");

export const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug (letters, digits, single hyphens)")
  .describe("Stable identifier, a lowercase slug unique across all sources");

export const sourceId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .describe("Id of the source document the record comes from (see the sources table)");

export const quote = z
  .string()
  .min(1)
  .describe("The source's own words for this record, as a reader sees them (the normalized text)");

export const charStart = z
  .int()
  .nonnegative()
  .describe("Start of the quote in the raw source text, in Unicode code points (W3C TextPositionSelector)");

export const charEnd = z
  .int()
  .positive()
  .describe("End of the quote in the raw source text, in Unicode code points, exclusive");

export const note = z.string().nullable().describe("Free-text remarks: readings, ambiguities, and context from outside the source marked as such");
