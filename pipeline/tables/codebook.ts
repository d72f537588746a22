/**
 * The codebook's rows, from the dataset configuration: every actor, unit, measure, event type and series it
 * defines, with its name and definition. A measure or event type the configuration does not name is named from
 * its code ("trade_turnover" → "Trade turnover").
 */
import type { ActorEntry, EventTypeEntry, MeasureEntry, SeriesEntry, UnitEntry } from "../../schemas/index.ts";
import type { DatasetConfig } from "../config/dataset-config.ts";

export interface Codebook {
  actors: ActorEntry[];
  units: UnitEntry[];
  measures: MeasureEntry[];
  eventTypes: EventTypeEntry[];
  series: SeriesEntry[];
}

/** "trade_turnover" → "Trade turnover". */
export function nameOfCode(code: string): string {
  const words = code.replaceAll("_", " ");
  return words[0]!.toUpperCase() + words.slice(1);
}

/** A measure's or event type's name: the one the configuration gives, else its code's. */
export function termName(code: string, terms: Readonly<Record<string, { name?: string }>>): string {
  return terms[code]?.name ?? nameOfCode(code);
}

export function codebookOf(config: DatasetConfig): Codebook {
  return {
    actors: Object.entries(config.actors).map(([code, { name }]) => ({ code, name })),
    units: Object.entries(config.units).map(([code, { name, currency }]) => ({
      code,
      name,
      currency: currency ?? null,
    })),
    measures: Object.entries(config.measures).map(([code, { unit, description }]) => ({
      code,
      name: termName(code, config.measures),
      unit,
      description,
    })),
    eventTypes: Object.entries(config.event_types).map(([code, { description }]) => ({
      code,
      name: termName(code, config.event_types),
      description,
    })),
    series: config.series.map(({ id, table, title, measure, subject, counterpart }) => ({
      id,
      table,
      title,
      measure,
      subject,
      counterpart,
    })),
  };
}
