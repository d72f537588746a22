export * from "./vocabularies.ts";
export { isoPartialDate } from "./fields.ts";
export { figureSchema, type Figure } from "./figure.ts";
export { eventSchema, type Event } from "./event.ts";
export { sourceSchema, type Source } from "./source.ts";
export { mentionSchema, type Mention } from "./mention.ts";
export { indicatorSchema, seriesSchema, type Indicator, type SeriesObservation } from "./indicator.ts";
export {
  actorEntrySchema,
  eventTypeEntrySchema,
  measureEntrySchema,
  seriesEntrySchema,
  unitEntrySchema,
  type ActorEntry,
  type EventTypeEntry,
  type MeasureEntry,
  type SeriesEntry,
  type UnitEntry,
} from "./codebook.ts";
