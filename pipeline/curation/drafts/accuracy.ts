/**
 * How much of a source's curation its drafts got right: each curated figure against the draft of the same quantity
 * mention (value, unit, period and hedge all equal), each curated event against the draft whose quote overlaps
 * its own most (date and actors equal). The share is of the curated records, so a draft the curator removed costs
 * nothing here; how many drafts there were is reported beside it.
 */
import type { Event, Figure, Mention } from "../../../schemas/index.ts";
import type { Drafts } from "./draft.ts";

export interface Tally {
  /** Curated records. */
  curated: number;
  /** Curated records a draft got wholly right. */
  right: number;
  /** Curated records with a draft at all. */
  drafted: number;
  /** Per field: how many curated records the draft got that field right for. */
  fields: Record<string, number>;
  /** Drafts written. */
  drafts: number;
}

export interface Curated {
  figures: readonly Figure[];
  events: readonly Event[];
  mentions: readonly Mention[];
}

export function draftAccuracy(drafts: Drafts, curated: Curated): { figures: Tally; events: Tally } {
  return { figures: figureTally(drafts, curated), events: eventTally(drafts, curated) };
}

function figureTally(drafts: Drafts, { figures, mentions }: Curated): Tally {
  const byMention = new Map(drafts.figures.map((d) => [`${d.mention.start}-${d.mention.end}`, d]));
  return tally(
    figures,
    drafts.figures.length,
    (figure) => {
      const mention = mentions.find((m) => m.kind === "quantity" && m.used_by.includes(figure.id));
      return mention === undefined ? undefined : byMention.get(`${mention.char_start}-${mention.char_end}`);
    },
    {
      value: (f, d) => d.value === f.value,
      unit: (f, d) => d.unit === f.unit,
      period: (f, d) => (d.period?.start ?? null) === f.period_start && (d.period?.end ?? null) === f.period_end,
      hedge: (f, d) => d.qualifier === f.qualifier,
    },
  );
}

function eventTally(drafts: Drafts, { events, mentions }: Curated): Tally {
  const overlap = (a: { start: number; end: number }, b: { char_start: number; char_end: number }) =>
    Math.min(a.end, b.char_end) - Math.max(a.start, b.char_start);
  return tally(
    events,
    drafts.events.length,
    (event) => {
      // The draft dated by the same mention, among those that overlap the event's quote; else the most overlapping.
      const dating = new Set(
        mentions
          .filter((m) => m.kind === "time" && m.used_by.includes(event.id))
          .map((m) => `${m.char_start}-${m.char_end}`),
      );
      const overlapping = drafts.events.filter((d) => overlap(d.quote, event) > 0);
      const sameDate = overlapping.find((d) => dating.has(`${d.dateMention.start}-${d.dateMention.end}`));
      return (
        sameDate ??
        overlapping.reduce<Drafts["events"][number] | undefined>(
          (best, d) => (best === undefined || overlap(d.quote, event) > overlap(best.quote, event) ? d : best),
          undefined,
        )
      );
    },
    {
      date: (e, d) => d.date.start === e.date_start && d.date.end === e.date_end,
      actors: (e, d) => [...d.record.actors].sort().join() === [...e.actors].sort().join(),
    },
  );
}

function tally<R, D>(
  records: readonly R[],
  drafts: number,
  draftOf: (record: R) => D | undefined,
  checks: Record<string, (record: R, draft: D) => boolean>,
): Tally {
  const fields = Object.fromEntries(Object.keys(checks).map((name) => [name, 0]));
  let right = 0;
  let drafted = 0;
  for (const record of records) {
    const draft = draftOf(record);
    if (draft === undefined) continue;
    drafted++;
    const results = Object.entries(checks).map(([name, check]) => [name, check(record, draft)] as const);
    for (const [name, ok] of results) if (ok) fields[name]! += 1;
    if (results.every(([, ok]) => ok)) right++;
  }
  return { curated: records.length, right, drafted, fields, drafts };
}
