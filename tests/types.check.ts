/**
 * Type test, checked by `tsc` in `npm test`: the published declarations must equal the types Zod infers from
 * the published Zod schemas (built with the dataset's vocabulary), and the id unions must bite. A drift between
 * schemas, data and types fails the type check.
 */
import type { z } from "zod";
import type * as published from "../dist/index.js";
import type {
  actorEntrySchema,
  eventTypeEntrySchema,
  measureEntrySchema,
  seriesEntrySchema,
  unitEntrySchema,
  eventSchema,
  figureSchema,
  indicatorSchema,
  mentionSchema,
  qualifier,
  sourceSchema,
  tradeTurnoverSchema,
} from "../dist/zod/esm/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type Checks = [
  Assert<Equal<published.Figure, z.infer<typeof figureSchema>>>,
  Assert<Equal<published.Event, z.infer<typeof eventSchema>>>,
  Assert<Equal<published.Indicator, z.infer<typeof indicatorSchema>>>,
  Assert<Equal<published.Source, z.infer<typeof sourceSchema>>>,
  Assert<Equal<published.Mention, z.infer<typeof mentionSchema>>>,
  Assert<Equal<published.TradeTurnover, z.infer<typeof tradeTurnoverSchema>>>,
  Assert<Equal<published.ActorEntry, z.infer<typeof actorEntrySchema>>>,
  Assert<Equal<published.UnitEntry, z.infer<typeof unitEntrySchema>>>,
  Assert<Equal<published.MeasureEntry, z.infer<typeof measureEntrySchema>>>,
  Assert<Equal<published.EventTypeEntry, z.infer<typeof eventTypeEntrySchema>>>,
  Assert<Equal<published.SeriesEntry, z.infer<typeof seriesEntrySchema>>>,
  Assert<Equal<(typeof published.actors)[number]["code"], string>>,
  Assert<Equal<published.Measure, z.infer<typeof figureSchema>["measure"]>>,
  Assert<Equal<published.Actor, z.infer<typeof eventSchema>["actors"][number]>>,
  Assert<Equal<published.Qualifier, z.infer<typeof qualifier>>>,
  Assert<Equal<(typeof published.figures)[number]["id"], published.FigureId>>,
  Assert<Equal<typeof published.isFigureId, (s: string) => s is published.FigureId>>,
  Assert<Equal<typeof published.isEventId, (s: string) => s is published.EventId>>,
  Assert<Equal<typeof published.isIndicatorId, (s: string) => s is published.IndicatorId>>,
  Assert<Equal<typeof published.isSourceId, (s: string) => s is published.SourceId>>,
];

declare const figure: typeof published.figure;
export const known = figure("trade-turnover-rus-prk-1988").value;
// @ts-expect-error a misspelled id is not a FigureId
export const misspelled = figure("trade-turnover-rus-prk-1898");

declare const isFigureId: typeof published.isFigureId;
declare const input: string;
// @ts-expect-error a string is not a FigureId until a guard says so
export const unguarded = figure(input);
export const guarded = isFigureId(input) ? figure(input).value : undefined;
