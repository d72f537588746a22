/**
 * resolve: give each curated figure and event its value and dates from the mentions the extract stage found
 * in the text and check curated expectations against them; each resolver returns the mentions it uses, and
 * coverage.ts combines those claims to account for every mention. Each record keeps its provenance (curated
 * entry, normalized span) for the stages after it.
 */
import type { Event, Figure, Mention } from "../../schemas/index.ts";
import type { Curated } from "../io/yaml-file.ts";
import { intervalColumns } from "../tables/date-interval.ts";
import type { CuratedEvent, CuratedFigure, Dismissal } from "../curation/records.ts";
import { PipelineError, throwIfAny } from "../io/errors.ts";
import type { ExtractedMention } from "../extract/mention.ts";
import { provenance, sourceContext, type Provenanced, type SourceContext } from "./context.ts";
import { account, coverageErrors, type Accounted } from "./coverage.ts";
import { dismissedMentions } from "./dismissals.ts";
import { resolveEvent } from "./event.ts";
import { resolveFigure } from "./figure.ts";
import { locateMentions, occurrencesOf, type Located } from "./locate.ts";

export type { Provenanced } from "./context.ts";

export interface CuratedFiles {
  figures: Curated<CuratedFigure>[];
  events: Curated<CuratedEvent>[];
  dismissed: Curated<Dismissal>[];
}

export type ResolveInput = Omit<Parameters<typeof sourceContext>[0], "located"> & {
  /** Mentions of the normalized text, offsets in code points. */
  mentions: ExtractedMention[];
  curated: CuratedFiles;
};

export interface Resolved {
  figures: Provenanced<Figure, CuratedFigure>[];
  events: Provenanced<Event>[];
  mentions: Mention[];
}

export function resolve({ mentions, curated, ...source }: ResolveInput): Resolved {
  const context = sourceContext({ ...source, located: locateMentions(source.normalized.text, mentions) });
  const errors: PipelineError[] = [];
  const collect = <T>(run: () => T): T[] => {
    try {
      return [run()];
    } catch (error) {
      if (!(error instanceof PipelineError)) throw error;
      errors.push(error);
      return [];
    }
  };
  // A record that fails would have used mentions of its quote: they are not reported as unused too, since the
  // record's own error is the one to fix (a measure not defined is one line, not one more per mention).
  const failed: Located[] = [];
  const record = <T>(item: Curated<CuratedFigure | CuratedEvent>, run: () => T): T[] => {
    const resolved = collect(run);
    if (resolved.length === 0) failed.push(...mentionsOfQuote(context, item.value));
    return resolved;
  };
  const figures = curated.figures.flatMap((item) => record(item, () => resolveFigure(context, item)));
  const events = curated.events.flatMap((item) => record(item, () => resolveEvent(context, item)));
  const dismissals = curated.dismissed.flatMap((item) => collect(() => dismissedMentions(context, item))).flat();
  // Each resolver returns its claims; coverage combines them, mention by mention.
  const accounted = account(context.located, [...figures, ...events], dismissals);
  errors.push(...coverageErrors(context, accounted, new Set(failed)));
  throwIfAny(errors);
  const provenanced = <T, C>({ uses: _, ...record }: Provenanced<T, C> & { uses: unknown }): Provenanced<T, C> =>
    record;
  return {
    figures: figures.map(provenanced),
    events: events.map(provenanced),
    mentions: context.located.map((m) => mentionRecord(context, m, accounted.get(m)!)),
  };
}

/** The mentions inside a record's quote, where it stands; none when it does not. */
function mentionsOfQuote(context: SourceContext, { quote, occurrence }: { quote: string; occurrence?: number }) {
  const found = occurrencesOf(context.text, quote);
  const at = found.length === 1 && occurrence === undefined ? found[0] : found[(occurrence ?? 0) - 1];
  if (at === undefined) return [];
  return context.located.filter((m) => m.start >= at && m.end <= at + quote.length);
}

function mentionRecord(context: SourceContext, m: Located, { usedBy, dismissedBy }: Accounted): Mention {
  const { char_start, char_end } = provenance(context, m);
  const quantity = m.mention.kind === "quantity" ? m.mention : null;
  const time = m.mention.kind === "time" ? m.mention : null;
  return {
    source_id: context.sourceId,
    kind: m.mention.kind,
    text: m.mention.text,
    char_start,
    char_end,
    value: quantity?.value ?? null,
    value_high: quantity?.value_high ?? null,
    unit: quantity?.unit ?? null,
    // A vague amount ("multibillion") has no number for a hedge to qualify.
    qualifier: quantity === null || quantity.vague ? null : quantity.qualifier,
    date_start: time?.date_start ?? null,
    date_end: time?.date_end ?? null,
    ...intervalColumns("date", time?.date_start ?? null, time?.date_end ?? null),
    used_by: [...new Set(usedBy)].sort(),
    dismissed: dismissedBy,
  };
}
