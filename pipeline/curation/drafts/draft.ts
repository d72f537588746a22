/**
 * Drafts of a source's curated records, from the mentions the extractor found in its normalized text: a figure for
 * every quantity (its value, unit and hedge from the mention, its period from the time mention its sentence gives,
 * its measure and parties guessed from dataset.yaml's terms, its claim type from the sentence's words), an event for
 * every sentence that gives a time and names an actor of dataset.yaml (its date, actors, event type and PLOVER
 * category guessed), and a dismissal for every vague amount, range and time mention no draft uses. Each draft is
 * a curated record in the form the build reads, to be accepted or removed by a curator; nothing here is published.
 */
import type { DatasetConfig } from "../../config/dataset-config.ts";
import { termWords, words } from "../../config/format-unit.ts";
import { extract } from "../../extract/index.ts";
import type { QuantityMention, TimeMention } from "../../extract/mention.ts";
import { rawRange, type NormalizedText } from "../../ingest/normalize.ts";
import { locateMentions, occurrencesOf, type Located, type Span } from "../../resolve/locate.ts";
import { codePointIndex } from "../../text/code-points.ts";
import { lineFinder } from "../../text/lines.ts";
import { whenLabel } from "../../resolve/when.ts";
import type { CuratedEvent, CuratedFigure, Dismissal } from "../records.ts";
import { COMPARISON_BASE, REFERS_BACK } from "./cues.ts";
import { actorsIn, guessClaimType, guessEventType, guessMeasure, guessPlover } from "./guess.ts";
import { sentenceAt, sentencesOf, uniquePassage, type Sentence } from "./passages.ts";

/** The longest title the events table takes. */
const MAX_TITLE = 100;

export interface DraftInput {
  /** The text file's name, for the comments that say where a draft comes from. */
  textFile: string;
  raw: string;
  normalized: NormalizedText;
  config: DatasetConfig;
  /**
   * The text's own date (add-source's --date), when known: relative dates resolve against it, and a period after
   * it makes a figure a projection.
   */
  documentDate: string | null;
  /** Ids other sources already use: a draft's id is none of them. */
  takenIds: ReadonlySet<string>;
}

/** Where a draft stands in the raw text: the line, and code point offsets (end exclusive). */
export interface RawPlace {
  line: number;
  start: number;
  end: number;
}

/** What a draft gives, once accepted as it stands, for the bench to compare with the curated records. */
/** A record as drafted: marked as a draft, and null where the curator is left to fill it. */
type Draft<R, Open extends keyof R> = Omit<R, Open> & { [K in Open]: R[K] | null } & { draft: true };

export interface DraftedFigure {
  record: Draft<Omit<CuratedFigure, "expect" | "expect_period">, "measure">;
  /** Where its quantity mention stands, and what the extractor read. */
  mention: RawPlace;
  value: number;
  unit: string;
  period: { start: string | null; end: string | null } | null;
  qualifier: string;
  /** Words for the curator: what was read and guessed, and what is left to fill. */
  comment: string;
}

export interface DraftedEvent {
  record: Draft<CuratedEvent, "event_type">;
  quote: RawPlace;
  /** Where the time mention that dates it stands. */
  dateMention: RawPlace;
  date: { start: string | null; end: string | null };
  comment: string;
}

export interface DraftedDismissal {
  record: Draft<Omit<Dismissal, "occurrences">, "reason">;
  comment: string;
}

export interface Drafts {
  figures: DraftedFigure[];
  events: DraftedEvent[];
  dismissed: DraftedDismissal[];
}

/** What every draft reads: the input, its text, mentions and sentences, and how to place and name a draft. */
interface Context {
  input: DraftInput;
  text: string;
  located: Located[];
  sentences: Sentence[];
  place: (span: Span) => RawPlace;
  id: (parts: (string | null)[]) => string;
}

/** The drafts of a text: what add-source writes, and what the bench measures. */
export function draftRecords(input: DraftInput): Drafts {
  const text = input.normalized.text;
  const mentions = extract(text, input.documentDate === null ? {} : { documentDate: input.documentDate });
  const context: Context = {
    input,
    text,
    located: locateMentions(text, mentions),
    sentences: sentencesOf(text),
    place: placer(input),
    id: idMaker(input.takenIds),
  };
  const used = new Set<Located>();
  const figures: DraftedFigure[] = [];
  const dismissed: DraftedDismissal[] = [];
  const quantities = context.located.filter((m): m is Located<QuantityMention> => m.mention.kind === "quantity");
  const figureSentences = new Set<Sentence>();
  for (const quantity of quantities) {
    const sentence = sentenceAt(context.sentences, quantity);
    if (quantity.mention.vague || quantity.mention.value === null || quantity.mention.value_high !== null) {
      const dismissal = dismissalDraft(context, quantity, sentence);
      if (dismissal !== null) dismissed.push(dismissal);
      continue;
    }
    const figure = figureDraft(context, quantity, sentence);
    figures.push(figure.draft);
    figureSentences.add(sentence);
    if (figure.time !== null) used.add(figure.time);
  }
  const events: DraftedEvent[] = [];
  for (const sentence of context.sentences) {
    for (const { draft, time } of eventDrafts(context, sentence, figureSentences.has(sentence))) {
      events.push(draft);
      used.add(time);
    }
  }
  for (const time of context.located.filter((m) => m.mention.kind === "time" && !used.has(m))) {
    const dismissal = dismissalDraft(context, time, sentenceAt(context.sentences, time));
    if (dismissal !== null) dismissed.push(dismissal);
  }
  return { figures, events, dismissed };
}

/** The raw place of a normalized span. */
function placer({ raw, normalized }: DraftInput): (span: Span) => RawPlace {
  const rawIndex = codePointIndex(raw);
  const lineOf = lineFinder(raw);
  return (span) => {
    const [start, end] = rawRange(normalized, span.start, span.end);
    return { line: lineOf(start), start: rawIndex.toCodePoint(start), end: rawIndex.toCodePoint(end) };
  };
}

/** Ids unique among the drafts and the other sources: "-2", "-3" after a taken one. */
function idMaker(taken: ReadonlySet<string>): (parts: (string | null)[]) => string {
  const given = new Set(taken);
  return (parts) => {
    const base =
      parts
        .filter((part): part is string => part !== null && part !== "")
        .join("-")
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 80)
        .replace(/-+$/, "") || "record";
    let id = base;
    for (let n = 2; given.has(id); n++) id = `${base}-${n}`;
    given.add(id);
    return id;
  };
}

/** A time mention that can date something: one with a date, or a relative one the source's date will resolve. */
function datable(m: Located): m is Located<TimeMention> {
  return (
    m.mention.kind === "time" && m.mention.offset === null && (m.mention.date_start !== null || m.mention.relative)
  );
}

/** A time mention named as the build reads it: its words inside the quote, or inside a passage of its own. */
function whenSpec(
  { text, sentences }: Context,
  time: Located,
  quote: Span,
): string | { mention: string; in: string } | null {
  const words = time.mention.text;
  if (time.start >= quote.start && time.end <= quote.end && occurrencesOf(text, words, quote).length === 1)
    return words;
  // The words leading up to the date within its own sentence read best ("carried 1.4 million passengers in 2023").
  const passage =
    uniquePassage(text, time, sentenceAt(sentences, time), [], "leftwards") ??
    uniquePassage(text, time, { start: 0, end: text.length });
  return passage === null ? null : { mention: words, in: text.slice(passage.start, passage.end) };
}

function quoteOf(text: string, span: Span): { quote: string; occurrence?: number } {
  const quote = text.slice(span.start, span.end);
  const found = occurrencesOf(text, quote);
  return found.length > 1 ? { quote, occurrence: found.indexOf(span.start) + 1 } : { quote };
}

function figureDraft(
  context: Context,
  quantity: Located<QuantityMention>,
  sentence: Sentence,
): { draft: DraftedFigure; time: Located<TimeMention> | null } {
  const { input, text, located } = context;
  const m = quantity.mention;
  const inside = (span: Span) => located.filter((o) => o.start >= span.start && o.end <= span.end);
  // The sentence, naming the amount when it holds more than one; a passage of its own when the words repeat.
  let quote: Span = sentence;
  let amount: string | undefined;
  const others = inside(sentence).filter((o) => o.mention.kind === "quantity" && o !== quantity);
  if (others.length > 0) {
    if (occurrencesOf(text, m.text, sentence).length === 1) amount = m.text;
    else quote = uniquePassage(text, quantity, sentence, others) ?? quantity;
  }
  const time = periodMention(context, quantity, sentence);
  const period = time === null ? null : whenSpec(context, time, quote);
  const sentenceText = text.slice(sentence.start, sentence.end);
  const { actors: parties, rest } = actorsIn(sentenceText, input.config.actors);
  const paragraph = actorsIn(text.slice(sentence.paragraph.start, sentence.paragraph.end), input.config.actors).rest;
  const guess = guessMeasure(input.config, m, rest, paragraph);
  const [subject = null, counterpart = null] = parties;
  const dates =
    time === null || period === null ? null : { start: time.mention.date_start, end: time.mention.date_end };
  const claim = guessClaimType(sentenceText, dates?.start ?? null, input.documentDate);
  const record: DraftedFigure["record"] = {
    id: context.id([guess.measure ?? "figure", subject, counterpart, dates === null ? null : periodSlug(dates, time!)]),
    draft: true,
    measure: guess.measure,
    subject,
    counterpart,
    ...quoteOf(text, quote),
    ...(amount === undefined ? {} : { amount }),
    period,
    claim_type: claim,
  };
  const place = context.place(quantity);
  const read = `"${m.text}" read as ${m.value} ${m.unit}${m.unit === "year" ? " (a duration)" : ""}, ${words(m.qualifier)}`;
  const when =
    period === null
      ? "no period: its sentence gives no date for it"
      : `period ${dates!.start === null ? `"${time!.mention.text}", resolved by the build` : periodLabel(dates!)}`;
  const measure =
    guess.measure !== null
      ? `measure ${guess.measure} guessed from the sentence's words`
      : guess.candidates.length === 0
        ? `measure to fill: no measure of dataset.yaml is in ${guess.unit}; add one`
        : `measure to fill: one of ${guess.candidates.join(", ")}`;
  return {
    draft: {
      record,
      mention: place,
      value: m.value!,
      unit: guess.unit,
      period: dates,
      qualifier: m.qualifier,
      comment: `${input.textFile}:${place.line} (characters ${place.start}-${place.end}): ${read}; ${when}; ${measure}`,
    },
    time: period === null ? null : time,
  };
}

/**
 * The time mention that dates a quantity, in its sentence: the first after it in the same clause with no other
 * quantity between ("$85 million in 1996"), else the nearest before it ("In January 2024 the city cut the price
 * ... to €39"). A date that is a comparison's base ("more than in 2022") dates nothing it compares. A sentence
 * with no date that points back to one ("during the year") takes the last date before it in its paragraph.
 */
function periodMention({ text, located }: Context, quantity: Located, sentence: Sentence): Located<TimeMention> | null {
  const within = (span: Span) => (t: Located) => t.start >= span.start && t.end <= span.end;
  const dates = located.filter(
    (t): t is Located<TimeMention> =>
      datable(t) && !COMPARISON_BASE.test(text.slice(sentence.paragraph.start, t.start)),
  );
  const times = dates.filter(within(sentence));
  const quantities = located.filter((q) => q.mention.kind === "quantity" && q !== quantity);
  const after = times.find(
    (t) =>
      t.start >= quantity.end &&
      !quantities.some((q) => q.start >= quantity.end && q.end <= t.start) &&
      !/[,;:]/.test(text.slice(quantity.end, t.start)),
  );
  const before = times.filter((t) => t.end <= quantity.start).at(-1);
  if (after !== undefined || before !== undefined) return after ?? before!;
  if (!REFERS_BACK.test(text.slice(sentence.start, sentence.end))) return null;
  return dates.filter((t) => within(sentence.paragraph)(t) && t.end <= sentence.start).at(-1) ?? null;
}

/**
 * The events of a sentence that gives a date and names an actor: one for each date it gives. None for a heading
 * (a paragraph with no full stop) or for a sentence that reports a statistic: one with a figure whose words name
 * no happening (no verb of the cues' table, no event type of dataset.yaml) is the figure's, not an event.
 */
function eventDrafts(
  context: Context,
  sentence: Sentence,
  holdsFigure: boolean,
): { draft: DraftedEvent; time: Located<TimeMention> }[] {
  const { text, located } = context;
  if (!/[.!?]["'”’)\]]*$/.test(text.slice(sentence.paragraph.start, sentence.paragraph.end))) return [];
  const sentenceKind = happening(context, sentence);
  if (sentenceKind.actors.length === 0) return [];
  if (holdsFigure && sentenceKind.eventType === null && sentenceKind.plover === null) return [];
  let times = located.filter((t) => datable(t) && t.start >= sentence.start && t.end <= sentence.end);
  // A sentence that tells of a happening (its verb names a PLOVER category) but gives no date is dated, as a
  // window, by the last date its paragraph gave before it.
  if (times.length === 0 && sentenceKind.plover !== null) {
    const before = located.filter((t) => datable(t) && t.start >= sentence.paragraph.start && t.end <= sentence.start);
    times = before.slice(-1);
  }
  return (times as Located<TimeMention>[]).flatMap((time) => {
    const date = whenSpec(context, time, sentence);
    if (date === null) return [];
    // Who and what of the clause that gives the date, where it names an actor: a sentence may tell of several.
    const clause = happening(context, clauseAround(text, time, sentence));
    const kind = clause.actors.length > 0 ? clause : sentenceKind;
    return [{ draft: eventDraft(context, sentence, time, date, kind), time }];
  });
}

interface Happening {
  actors: string[];
  eventType: string | null;
  plover: string | null;
}

/** The actors a passage names, the event type its other words suggest, and the PLOVER category of its verb. */
function happening({ text, input }: Context, span: Span): Happening {
  const { actors, rest } = actorsIn(text.slice(span.start, span.end), input.config.actors);
  return { actors, eventType: guessEventType(input.config, rest), plover: guessPlover(rest) };
}

/** The clause of `sentence` around `span`: between the commas, semicolons or colons either side of it. */
function clauseAround(text: string, span: Span, sentence: Span): Span {
  const before = text.slice(sentence.start, span.start);
  const after = text.slice(span.end, sentence.end);
  const start = Math.max(...[...before.matchAll(/[,;:](?=\s)/g)].map((m) => m.index + 1), 0);
  const end = /[,;:](?=\s)/.exec(after)?.index ?? after.length;
  return { start: sentence.start + start, end: span.end + end };
}

function eventDraft(
  context: Context,
  sentence: Sentence,
  time: Located<TimeMention>,
  date: NonNullable<ReturnType<typeof whenSpec>>,
  { actors, eventType, plover }: Happening,
): DraftedEvent {
  const { input, text } = context;
  const dates = { start: time.mention.date_start, end: time.mention.date_end };
  const dateWords = dates.start === null ? time.mention.text : periodLabel(dates);
  const inferred = time.mention.relative || typeof date !== "string";
  const note = !inferred
    ? undefined
    : typeof date === "string"
      ? `Dated by "${time.mention.text}", which the text gives relative to its own date or a date before it.`
      : `Dated by "${time.mention.text}" in "${date.in}".`;
  const names = actors.slice(0, 3).map((code) => input.config.actors[code]!.name);
  const title =
    `${names.join(", ")}: ${eventType === null ? "a happening" : termWords(eventType, input.config.actors)}, ${dateWords}`.slice(
      0,
      MAX_TITLE,
    );
  const record: DraftedEvent["record"] = {
    id: context.id([
      ...actors.slice(0, 2),
      eventType ?? "event",
      dates.start === null ? null : periodSlug(dates, time),
    ]),
    draft: true,
    event_type: eventType,
    ...(plover === null ? {} : { plover: plover as NonNullable<CuratedEvent["plover"]> }),
    actors,
    title,
    ...quoteOf(text, sentence),
    date,
    ...(note === undefined ? {} : { note }),
  };
  const place = context.place(sentence);
  const type =
    eventType === null
      ? "event_type to fill (no event type's words match the sentence)"
      : `event type ${eventType} guessed`;
  return {
    record,
    quote: place,
    dateMention: context.place(time),
    date: dates,
    comment:
      `${input.textFile}:${place.line} (characters ${place.start}-${place.end}): dated by "${time.mention.text}" ` +
      `(${dateWords}); actors named where it is dated; ${type}${plover === null ? "" : `, PLOVER ${plover} from its verb`}; ` +
      "the title is drafted from them: say what happened, in your own words",
  };
}

/** A mention no record will use: a vague amount or a range (reason drafted), or a time that dates no draft. */
function dismissalDraft(context: Context, mention: Located, sentence: Sentence): DraftedDismissal | null {
  const { input, text, located } = context;
  const kind = mention.mention.kind;
  const sameKind = located.filter((o) => o.mention.kind === kind && o !== mention);
  const passage = uniquePassage(text, mention, sentence, sameKind);
  if (passage === null) return null;
  const m = mention.mention;
  const reason =
    m.kind === "time"
      ? null
      : m.vague || m.value === null
        ? `A vague amount ("${m.text}"): no number to record.`
        : `A range ("${m.text}"): a figure holds one number.`;
  const place = context.place(mention);
  return {
    record: { kind, draft: true, quote: text.slice(passage.start, passage.end), reason },
    comment:
      `${input.textFile}:${place.line} (characters ${place.start}-${place.end}): ${kind} mention ` +
      `"${m.text}"${reason === null ? ", used by no draft: say why it dates no record, or use it in one" : ""}`,
  };
}

/** "2023", "2011/2012", "2016-01": a resolved date as a curated check states it. */
function periodLabel(dates: { start: string | null; end: string | null }): string {
  return whenLabel({ start: dates.start!, end: dates.end! });
}

/** The period in an id: "2023", "2011-2012", or the mention's words when the build will resolve it. */
function periodSlug(dates: { start: string | null; end: string | null }, time: Located): string {
  if (dates.start === null) return time.mention.text;
  return dates.start === dates.end ? dates.start : `${dates.start}-${dates.end}`;
}
