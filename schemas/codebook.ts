/**
 * The codebook: one table per vocabulary the data tables' codes come from (actors, measures, units, event types)
 * and one of the series, each row a term with its name and definition from the dataset configuration
 * (sources/dataset.yaml). The data tables point at them with foreign keys.
 */
import { z } from "zod";
import { id } from "./fields.ts";

/** A term's code as the data tables give it. */
const code = z.string().regex(/^[A-Za-z0-9_/]+$/);
const name = z.string().min(1);

export const actorEntrySchema = z
  .object({
    code: code.describe("The actor's code, as `subject`, `counterpart` and `actors` give it: ISO 3166-1 alpha-3 or an organisation code"),
    name: name.describe("The actor's name"),
  })
  .strict()
  .describe("One row per actor (a party) the records may name");

export const unitEntrySchema = z
  .object({
    code: code.describe("The unit's code, as `unit` gives it"),
    name: name.describe("What the unit is, in words"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .describe("For an amount of money: its currency, ISO 4217; else empty"),
  })
  .strict()
  .describe("One row per unit a value may be given in");

export const measureEntrySchema = z
  .object({
    code: code.describe("The measure's code, as `measure` gives it"),
    name: name.describe("The measure's name"),
    unit: code.describe("The unit every figure of the measure is given in (see the units table)"),
    description: name.describe("What a figure of the measure counts"),
  })
  .strict()
  .describe("One row per measure a figure may be of");

export const eventTypeEntrySchema = z
  .object({
    code: code.describe("The event type's code, as `event_type` gives it"),
    name: name.describe("The event type's name"),
    description: name.describe("What kind of happening an event of the type is"),
  })
  .strict()
  .describe("One row per kind of happening an event may be");

export const seriesEntrySchema = z
  .object({
    id: id.describe("The series' id"),
    table: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .describe("The table that publishes the series' observations"),
    title: name.describe("The series' title"),
    measure: code.describe("The measure of its figures (see the measures table)"),
    subject: code.describe("The party its figures are about (see the actors table)"),
    counterpart: code.describe("The other party of its figures (see the actors table)"),
  })
  .strict()
  .describe("One row per series: the figures of one measure between one subject and one counterpart, in period order");

export type ActorEntry = z.infer<typeof actorEntrySchema>;
export type UnitEntry = z.infer<typeof unitEntrySchema>;
export type MeasureEntry = z.infer<typeof measureEntrySchema>;
export type EventTypeEntry = z.infer<typeof eventTypeEntrySchema>;
export type SeriesEntry = z.infer<typeof seriesEntrySchema>;
