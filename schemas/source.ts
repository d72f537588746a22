import { z } from "zod";
import { dateInterval, isoPartialDate, sourceId, webAddress } from "./fields.ts";
import { sourceType } from "./vocabularies.ts";

const published = dateInterval("published", "published");

export const sourceSchema = z
  .object({
    id: sourceId.describe("Stable identifier of the source document"),
    title: z.string().min(1).describe("Title of the document as published"),
    author: z.string().min(1).describe("Author(s) as credited"),
    affiliation: z.string().nullable().describe("Author's affiliation as credited in the document"),
    series: z.string().nullable().describe("Publication series"),
    number: z.string().nullable().describe("Number within the series"),
    published: isoPartialDate.describe("Publication date at the precision the document gives"),
    published_first_day: published.first_day,
    published_last_day: published.last_day,
    publisher: z.string().min(1).describe("Publisher"),
    url: webAddress
      .nullable()
      .describe("Where the document is published (an http or https address, or a DOI as doi:10.…), where known"),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the raw text file the records' offsets refer to"),
    bytes: z.int().positive().describe("Size of the raw text file in bytes"),
    license_note: z.string().min(1).describe("The status of the document's text: whose it is and how it is used here"),
    note: z.string().nullable().describe("Remarks on the record itself, such as why `url` is empty"),
    type: sourceType,
  })
  .strict()
  .describe("One row per source document");

export type Source = z.infer<typeof sourceSchema>;
