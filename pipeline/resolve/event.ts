/** A curated event resolved: its date from the time mentions it names, its basis from how the date was built. */
import type { Event } from "../../schemas/index.ts";
import type { Curated } from "../io/yaml-file.ts";
import { intervalColumns } from "../tables/date-interval.ts";
import type { CuratedEvent } from "../curation/records.ts";
import { checkTerm, failer, provenance, type ResolvedRecord, type SourceContext } from "./context.ts";
import { locateQuote, type Located } from "./locate.ts";
import { checkExpectedDate, resolveWhen } from "./when.ts";

export function resolveEvent(context: SourceContext, item: Curated<CuratedEvent>): ResolvedRecord<Event> {
  const fail = failer(item);
  const c = item.value;
  checkTerm(context, "event_types", c.event_type, fail, "event_type");
  for (const [index, actor] of c.actors.entries()) checkTerm(context, "actors", actor, fail, `actors.${index}`);
  const span = locateQuote(context.text, c.quote, c.occurrence, fail, context.textFile);
  const uses: Located[] = [];
  const when = resolveWhen(context, c.date, span, fail, "date", (t) => uses.push(t));
  if (when.basis !== "explicit" && c.note === undefined) {
    const kind = when.basis === "inferred" ? "an inferred date" : "an upper-bound (no_later_than) date";
    fail(`${kind} needs a \`note\` that says what dates it`, "date");
  }
  checkExpectedDate(c.expect_date, when, fail, "expect_date");
  const record: Event = {
    id: c.id,
    source_id: context.sourceId,
    date_start: when.start,
    date_end: when.end,
    ...intervalColumns("date", when.start, when.end),
    date_precision: when.precision,
    date_basis: when.basis,
    event_type: c.event_type,
    plover: c.plover ?? null,
    actors: c.actors,
    title: c.title,
    ...provenance(context, span),
    note: c.note ?? null,
  };
  return { record, origin: item, span, uses };
}
