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

/** A DOI as a URI: doi:10.<registrant>/<suffix>. */
const DOI = /^doi:10\.\d{4,9}\/\S+$/;

/**
 * An address a reader can follow: http or https, or a DOI (doi:10.1000/182); never javascript:, data:, file: or any
 * other scheme, and no white space.
 */
export const webAddress = z
  .url({ protocol: /^(https?|doi)$/, error: "must be an http or https address, or a DOI as doi:10.…/…" })
  .refine((url) => !/\s/.test(url) && (!/^doi:/i.test(url) || DOI.test(url)), {
    error: "must be an http or https address, or a DOI as doi:10.…/…",
  });

export const note = z.string().nullable().describe("Free-text remarks: readings, ambiguities, and context from outside the source marked as such");

/**
 * The companion columns of a date kept at the text's precision: the interval it stands for as two real
 * calendar dates, for filtering, sorting and plotting; the precise column says how precise the text is.
 */
export function dateInterval(start: string, end: string) {
  return {
    first_day: z.iso
      .date()
      .describe(`First day of \`${start}\` as a real date (2014 → 2014-01-01, 2014-10 → 2014-10-01): use it to filter, ` + `sort or plot by date; \`${start}\` keeps the precision the text gives`),
    last_day: z.iso
      .date()
      .describe(`Last day of \`${end}\` as a real date (2014 → 2014-12-31, 2016-02 → 2016-02-29): with the first day, ` + `the whole interval the text allows`),
  };
}
