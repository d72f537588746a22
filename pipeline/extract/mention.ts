/** The mentions the extract stage finds in any English text. Offsets are Unicode code points, end exclusive. */

/** How a source hedges a number: "almost" is at_most, "over" at_least, "about" approximate (schemas/qualifiers.ts). */
export type { Qualifier } from "../../schemas/qualifiers.ts";
import type { Qualifier } from "../../schemas/qualifiers.ts";

export interface QuantityMention {
  kind: "quantity";
  /** The mention's exact text, hedge word and rate word included ("almost $210 million", "$900 million annually"). */
  text: string;
  start: number;
  end: number;
  /** In base units: 2350000000 for "$2.35 billion", 90 for "90 percent", 3 for "tripled"; null for vague amounts. */
  value: number | null;
  /** High end of a range ("from $2 billion to $4 billion"), else null. */
  value_high: number | null;
  /** "USD", "EUR", "RUB", …, "USD/year", "percent", "count", "ratio", "km", "mi", "t", "m3", … */
  unit: string;
  qualifier: Qualifier;
  /** True for amounts without a number ("billions of dollars", "multibillion"). */
  vague: boolean;
  /** For counts, the counted noun that follows ("states" in "11 states"), else null. */
  noun: string | null;
}

export type DatePrecision = "day" | "month" | "year" | "decade" | "range";

export interface TimeMention {
  kind: "time";
  text: string;
  start: number;
  end: number;
  /** ISO 8601 at the text's precision ("2014", "2014-03", "2013-03-05"); null when unresolvable. */
  date_start: string | null;
  date_end: string | null;
  precision: DatePrecision | null;
  /** True when the date was resolved against context (a preceding date or the document date). */
  relative: boolean;
  /** For offsets such as "a year after", an ISO 8601 duration ("P1Y"), else null. */
  offset: string | null;
}

export type ExtractedMention = QuantityMention | TimeMention;

export interface ExtractOptions {
  /** The document's own date ("YYYY-MM" or "YYYY-MM-DD"), for deictic expressions such as "this January". */
  documentDate?: string;
  /** Called for each amount too large for a double (a 400-digit number), which is refused rather than reported. */
  onOverflow?: (span: { text: string; start: number; end: number }) => void;
}
