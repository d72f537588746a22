/**
 * The shape of the curated files in a source folder: what each figure and event means, and why a quantity
 * mention is not a figure. Values and dates are never typed here; they come from the text's mentions.
 */
import { z } from "zod";
import { isoPartialDate } from "../../schemas/fields.ts";
import { claimType, plover, qualifier } from "../../schemas/vocabularies.ts";
import { FORMULA_NAMES } from "../derive/formulas.ts";

/** A term of the dataset configuration (a measure, an actor, an event type, a unit), checked against it on use. */
const term = z.string().min(1);

/** Text as YAML may read it: `1988` unquoted is a number, and means the text "1988". */
const text = z.union([z.string().min(1), z.number().transform(String)]);

/** A time mention inside another passage (`in`): one end of a window whose ends stand apart in the text. */
const mentionIn = z.object({ mention: text, in: text }).strict();

/**
 * The forms of a period or date: the text of a time mention inside the record's quote; or inside another
 * passage (`in`); the start of one and the end of another (`from`, `to`, each in `in` or in a passage of its
 * own); or one shifted back by an offset mention such as "a year after" inside the record's quote (`minus`).
 */
const whenForms = [
  text,
  z.object({ mention: text, in: text.optional(), minus: text.optional() }).strict(),
  z.object({ from: z.union([text, mentionIn]), to: z.union([text, mentionIn]), in: text.optional() }).strict(),
] as const;

/**
 * An event's date may also be only an upper bound (`by`): the time mention, in the quote or in another passage
 * (`in`), by which the happening had taken place. A figure's period has no basis column to say so.
 */
const byForm = z.object({ by: text, in: text.optional() }).strict();

export const periodSpec = z.union(whenForms, {
  error: "not a period: give a time mention's text, {mention, in?, minus?} or {from, to, in?} ({by} dates events only)",
});
export const dateSpec = z.union([...whenForms, byForm], {
  error: "not a date: give a time mention's text, {mention, in?, minus?}, {from, to, in?} or {by, in?}",
});
export type WhenSpec = z.infer<typeof dateSpec>;

/** A check on a resolved date: "2016-01", or "2011/2012" for a range (ISO 8601 interval notation). */
const expectedDate = z.string().superRefine((value, ctx) => {
  const parts = value.split("/");
  for (const part of parts) {
    if (parts.length > 2 || !isoPartialDate.safeParse(part).success) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a possible ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or start/end range`,
      });
      return;
    }
  }
});

const located = {
  quote: z.string().min(1),
  /** Which occurrence of `quote` in the text, from 1, when it stands there more than once. */
  occurrence: z.int().positive().optional(),
  note: z.string().min(1).optional(),
};

export const curatedFigure = z
  .object({
    id: z.string(),
    measure: term,
    subject: term.nullable(),
    counterpart: term.nullable(),
    ...located,
    amount: text.optional(),
    period: periodSpec.nullable(),
    /** A check on the extracted value, never the value itself. */
    expect: z.number().optional(),
    expect_period: expectedDate.optional(),
    qualifier: qualifier.optional(),
    claim_type: claimType,
    /** Why this observation is not comparable with the one before it in its series (a break in the series). */
    series_break: z.string().min(1).optional(),
  })
  .strict();
export type CuratedFigure = z.infer<typeof curatedFigure>;

export const curatedEvent = z
  .object({
    id: z.string(),
    event_type: term,
    plover: plover.optional(),
    actors: z.array(term).min(1),
    title: z.string().min(1),
    ...located,
    date: dateSpec,
    /** A check on the resolved date, never the date itself. */
    expect_date: expectedDate.optional(),
  })
  .strict();
export type CuratedEvent = z.infer<typeof curatedEvent>;

export const dismissal = z
  .object({
    /** Which mentions inside `quote` are dismissed: quantities (the default) or time expressions. */
    kind: z.enum(["quantity", "time"]).default("quantity"),
    quote: z.string().min(1),
    /** How many times `quote` stands in the text; every occurrence's mentions of `kind` are dismissed. */
    occurrences: z.int().positive().default(1),
    /** Why the mention is no figure, or dates no record: required, so every gap in coverage is argued. */
    reason: z.string().min(1),
  })
  .strict();
export type Dismissal = z.infer<typeof dismissal>;

export const curatedIndicator = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    description: z.string().min(1).optional(),
    formula: z.enum(FORMULA_NAMES),
    a: z.string(),
    b: z.string(),
    c: z.string().optional(),
    unit: term,
    tolerance: z.number().nonnegative().optional(),
  })
  .strict();
