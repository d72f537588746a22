/**
 * The records as the renderers read them. Units, measures, actors and event types are terms of
 * sources/dataset.yaml, so they are plain strings here, looked up in the configuration, never in a table of
 * the code; a record typed with narrower literal unions is still assignable.
 */
import type { Event, Figure, Indicator, Source } from "../../schemas/index.ts";

export type FigureRecord = Omit<Figure, "measure" | "unit" | "subject" | "counterpart"> & {
  measure: string;
  unit: string;
  subject: string | null;
  counterpart: string | null;
};

export type EventRecord = Omit<Event, "event_type" | "actors" | "plover"> & { event_type: string; actors: readonly string[]; plover: string | null };

export type IndicatorRecord = Omit<Indicator, "unit"> & { unit: string };

/** One observation of a series table, in period order; `break_note` says why it is not comparable with the one before. */
export interface SeriesObservation {
  figure_id: string;
  period_start: string;
  period_end: string;
  value: number;
  qualifier: Figure["qualifier"];
  break_note?: string | null;
}

export type { Source };
