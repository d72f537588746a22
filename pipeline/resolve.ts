/**
 * resolve: give each curated figure and event its value and dates from the mentions the extract stage found
 * in the text, check curated expectations against them, and account for every quantity mention: used by a
 * figure or dismissed with a reason.
 */
import type { Event, Figure } from "../schemas/index.ts";
import { MEASURE_UNITS } from "../schemas/vocabularies.ts";
import type { Mention as MentionRecord } from "../schemas/mention.ts";
import { codePointIndex } from "./code-points.ts";
import type { Curated } from "./curation.ts";
import type { CuratedEvent, CuratedFigure, Dismissal, WhenSpec } from "./curated-records.ts";
import { PipelineError, throwIfAny } from "./errors.ts";
import { intervalColumns } from "./date-interval.ts";
import type { Mention, QuantityMention, TimeMention } from "./extract/mention.ts";
import { rawRange, type NormalizedText } from "./ingest.ts";

export interface CuratedFiles {
  figures: Curated<CuratedFigure>[];
  events: Curated<CuratedEvent>[];
  dismissed: Curated<Dismissal>[];
}

export interface ResolveInput {
  sourceId: string;
  textFile: string;
  raw: string;
  normalized: NormalizedText;
  /** Mentions of the normalized text, offsets in code points. */
  mentions: Mention[];
  curated: CuratedFiles;
}

export interface Resolved {
  figures: Figure[];
  events: Event[];
  mentions: MentionRecord[];
  /** Where each figure and event was curated, for messages from later stages. */
  origins: Map<Figure | Event, Curated<unknown>>;
}

/** A mention located in the normalized text by UTF-16 index, with what claims it. */
interface Located<M extends Mention = Mention> {
  mention: M;
  start: number;
  end: number;
  usedBy: string[];
  dismissedBy: string | null;
}

interface Span {
  start: number;
  end: number;
}

interface When {
  start: string;
  end: string;
  precision: Event["date_precision"];
  basis: Event["date_basis"];
}

/** A value counts as agreeing with a curated expectation within this relative tolerance. */
const EXPECT_TOLERANCE = 1e-9;

/** Mention units that may stand for a measure's unit: a bare count of people is a number of persons. */
const UNIT_ALIASES: Record<string, string[]> = { person: ["count"], rank: ["count"] };

const PRECISION_OF_DURATION: Record<string, When["precision"]> = { Y: "year", M: "month", D: "day" };

export function resolve(input: ResolveInput): Resolved {
  const { normalized, curated } = input;
  const text = normalized.text;
  const normalizedIndex = codePointIndex(text);
  const rawIndex = codePointIndex(input.raw);
  const located: Located[] = input.mentions.map((mention) => ({
    mention,
    start: normalizedIndex.toUtf16(mention.start),
    end: normalizedIndex.toUtf16(mention.end),
    usedBy: [],
    dismissedBy: null,
  }));
  const errors: PipelineError[] = [];

  /** Runs one record's resolution, turning its PipelineError into a collected error. */
  function attempt<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (error instanceof PipelineError) errors.push(error);
      else throw error;
      return undefined;
    }
  }

  function occurrencesOf(needle: string, within: Span = { start: 0, end: text.length }): number[] {
    const found: number[] = [];
    for (let at = text.indexOf(needle, within.start); at >= 0 && at + needle.length <= within.end; at = text.indexOf(needle, at + 1)) {
      found.push(at);
    }
    return found;
  }

  function locateQuote(quote: string, occurrence: number | undefined, fail: Fail): Span {
    const found = occurrencesOf(quote);
    if (found.length === 0) fail(`quote is not in the normalized text of ${input.textFile}: "${quote}"`, "quote");
    if (occurrence === undefined && found.length > 1) {
      fail(`quote stands ${found.length} times in the text; say which with \`occurrence\`: "${quote}"`, "quote");
    }
    const at = found[(occurrence ?? 1) - 1];
    if (at === undefined) fail(`quote stands ${found.length} times in the text, not ${occurrence}`, "occurrence");
    return { start: at!, end: at! + quote.length };
  }

  /** The one mention of `kind` inside `span`, or the one over the text `needle` within it. */
  function mentionIn<K extends Mention["kind"]>(
    kind: K,
    span: Span,
    needle: string | undefined,
    fail: Fail,
    key: string,
  ): Located<Extract<Mention, { kind: K }>> {
    let target = span;
    if (needle !== undefined) {
      const found = occurrencesOf(needle, span);
      if (found.length !== 1) {
        fail(`"${needle}" stands ${found.length} times in the quote; it must stand once`, key);
      }
      target = { start: found[0]!, end: found[0]! + needle.length };
    }
    const candidates = located.filter(
      (m): m is Located<Extract<Mention, { kind: K }>> => m.mention.kind === kind && m.start < target.end && m.end > target.start,
    );
    const what = kind === "quantity" ? "quantity" : "time";
    if (candidates.length === 0) {
      fail(`no ${what} mention was extracted ${needle === undefined ? "in the quote" : `at "${needle}"`}`, key);
    }
    if (candidates.length > 1) {
      const texts = candidates.map((m) => `"${m.mention.text}"`).join(", ");
      fail(`the quote holds ${candidates.length} ${what} mentions (${texts}); name one with \`${key}\``, key);
    }
    const chosen = candidates[0]!;
    if (chosen.start < span.start || chosen.end > span.end) {
      fail(`the quote cuts the ${what} mention "${chosen.mention.text}"; quote all of it, hedge words included`, "quote");
    }
    return chosen;
  }

  function resolveWhen(spec: WhenSpec, quote: Span, fail: Fail, key: string, claim: (m: Located) => void): When {
    const timeIn = (needle: string, within: string | undefined): Located<TimeMention> => {
      const span = within === undefined ? quote : locateQuote(within, undefined, (m) => fail(m, `${key}.in`));
      const found = mentionIn("time", span, needle, fail, key);
      if (found.mention.date_start === null || found.mention.date_end === null) {
        fail(`the time mention "${found.mention.text}" has no date the text resolves`, key);
      }
      claim(found);
      return found;
    };
    if (typeof spec === "string") {
      const { mention } = timeIn(spec, undefined);
      return { start: mention.date_start!, end: mention.date_end!, precision: mention.precision!, basis: mention.relative ? "inferred" : "explicit" };
    }
    if ("from" in spec) {
      const from = timeIn(spec.from, spec.in).mention;
      const to = timeIn(spec.to, spec.in).mention;
      const relative = from.relative || to.relative;
      return { start: from.date_start!, end: to.date_end!, precision: "range", basis: relative ? "inferred" : "explicit" };
    }
    const { mention } = timeIn(spec.mention, spec.in);
    if (spec.minus === undefined) {
      return { start: mention.date_start!, end: mention.date_end!, precision: mention.precision!, basis: mention.relative ? "inferred" : "explicit" };
    }
    const offset = mentionIn("time", quote, spec.minus, fail, `${key}.minus`);
    claim(offset);
    const duration = /^P(\d+)([YMD])$/.exec(offset.mention.offset ?? "");
    if (!duration) fail(`"${offset.mention.text}" is not an offset of whole years, months or days`, `${key}.minus`);
    const [, amount, unit] = duration!;
    const shifted = shiftBack(mention.date_start!, Number(amount), unit as "Y" | "M" | "D");
    return { start: shifted, end: shifted, precision: PRECISION_OF_DURATION[unit!]!, basis: "inferred" };
  }

  function provenance(span: Span) {
    const [rawStart, rawEnd] = rawRange(normalized, span.start, span.end);
    return {
      quote: text.slice(span.start, span.end),
      char_start: rawIndex.toCodePoint(rawStart),
      char_end: rawIndex.toCodePoint(rawEnd),
    };
  }

  const origins = new Map<Figure | Event, Curated<unknown>>();
  const figures: Figure[] = [];
  for (const item of curated.figures) {
    const fail = failer(item);
    const figure = attempt(() => {
      const c = item.value;
      const span = locateQuote(c.quote, c.occurrence, fail);
      const amount = mentionIn("quantity", span, c.amount, fail, "amount");
      const m = amount.mention;
      if (m.vague || m.value === null) fail(`"${m.text}" is a vague amount; dismiss it instead of making it a figure`, "amount");
      if (m.value_high !== null) fail(`"${m.text}" is a range; a figure holds one number`, "amount");
      const unit = MEASURE_UNITS[c.measure];
      if (m.unit !== unit && !(UNIT_ALIASES[unit] ?? []).includes(m.unit)) {
        fail(`measure ${c.measure} is in ${unit}, but "${m.text}" is in ${m.unit}`, "measure");
      }
      if (c.expect !== undefined && Math.abs(m.value! - c.expect) > EXPECT_TOLERANCE * Math.abs(c.expect)) {
        fail(`expected ${c.expect}, but the text says ${m.value} ("${m.text}")`, "expect");
      }
      if (c.qualifier !== undefined && c.qualifier !== m.qualifier && c.note === undefined) {
        fail(`qualifier ${c.qualifier} overrides the text's ${m.qualifier}; say why in \`note\``, "qualifier");
      }
      const claimed: Located[] = [amount];
      const period = c.period === null ? null : resolveWhen(c.period, span, fail, "period", (t) => claimed.push(t));
      checkExpectedDate(c.expect_period, period, fail, "expect_period");
      for (const mention of claimed) mention.usedBy.push(c.id);
      return {
        id: c.id,
        source_id: input.sourceId,
        measure: c.measure,
        subject: c.subject,
        counterpart: c.counterpart,
        period_start: period?.start ?? null,
        period_end: period?.end ?? null,
        ...intervalColumns("period", period?.start ?? null, period?.end ?? null),
        value: m.value!,
        unit,
        qualifier: c.qualifier ?? m.qualifier,
        claim_type: c.claim_type,
        ...provenance(span),
        note: c.note ?? null,
      } satisfies Figure;
    });
    if (figure) {
      figures.push(figure);
      origins.set(figure, item);
    }
  }

  const events: Event[] = [];
  for (const item of curated.events) {
    const fail = failer(item);
    const event = attempt(() => {
      const c = item.value;
      const span = locateQuote(c.quote, c.occurrence, fail);
      const claimed: Located[] = [];
      const when = resolveWhen(c.date, span, fail, "date", (t) => claimed.push(t));
      if (when.basis === "inferred" && c.note === undefined) fail("an inferred date needs a `note` that says how", "date");
      checkExpectedDate(c.expect_date, when, fail, "expect_date");
      for (const mention of claimed) mention.usedBy.push(c.id);
      return {
        id: c.id,
        source_id: input.sourceId,
        date_start: when.start,
        date_end: when.end,
        ...intervalColumns("date", when.start, when.end),
        date_precision: when.precision,
        date_basis: when.basis,
        event_type: c.event_type,
        plover: c.plover ?? null,
        actors: c.actors,
        title: c.title,
        ...provenance(span),
        note: c.note ?? null,
      } satisfies Event;
    });
    if (event) {
      events.push(event);
      origins.set(event, item);
    }
  }

  for (const item of curated.dismissed) {
    const fail = failer(item);
    attempt(() => {
      const { quote, occurrences, reason } = item.value;
      const found = occurrencesOf(quote);
      if (found.length !== occurrences) {
        fail(`quote stands ${found.length} times in the text, not ${occurrences} as \`occurrences\` says: "${quote}"`, "quote");
      }
      for (const at of found) {
        const inside = located.filter((m) => m.mention.kind === "quantity" && m.start >= at && m.end <= at + quote.length);
        if (inside.length === 0) fail(`no quantity mention was extracted in "${quote}"`, "quote");
        for (const mention of inside) mention.dismissedBy = reason;
      }
    });
  }

  const quantities = located.filter((m) => m.mention.kind === "quantity");
  const unaccounted = quantities.filter((m) => m.usedBy.length === 0 && m.dismissedBy === null).length;
  if (unaccounted > 0) {
    const covered = quantities.length - unaccounted;
    const percent = ((100 * covered) / quantities.length).toFixed(1);
    errors.push(new PipelineError(`coverage ${covered} of ${quantities.length} quantity mentions (${percent}%), below 100%`, { file: input.textFile }));
  }
  for (const m of quantities) {
    const claims = m.usedBy.length + (m.dismissedBy === null ? 0 : 1);
    if (claims === 1) continue;
    const [rawStart] = rawRange(normalized, m.start, m.end);
    const line = lineNumber(input.raw, rawStart);
    const problem =
      claims === 0
        ? "is neither used by a figure nor dismissed with a reason: add a figure, or a dismissal to dismissed.yaml"
        : `is claimed ${claims} times (${[...m.usedBy, ...(m.dismissedBy === null ? [] : ["a dismissal"])].join(", ")})`;
    errors.push(new PipelineError(`quantity mention "${m.mention.text}" ${problem}`, { file: input.textFile, line, record: m.mention.text }));
  }

  throwIfAny(errors);
  return { figures, events, mentions: located.map((m) => mentionRecord(m, input.sourceId, provenance(m))), origins };
}

type Fail = (message: string, key: string) => never;

function checkExpectedDate(expected: string | undefined, when: When | null, fail: Fail, key: string): void {
  if (expected === undefined) return;
  const actual = when === null ? "no date" : when.start === when.end ? when.start : `${when.start}/${when.end}`;
  if (actual !== expected) fail(`expected ${expected}, but the text gives ${actual}`, key);
}

function failer(item: Curated<unknown>): Fail {
  return (message, key) => {
    throw new PipelineError(message, { file: item.file, line: item.lineOf(...key.split(".")), record: item.record });
  };
}

function mentionRecord(m: Located, sourceId: string, where: { char_start: number; char_end: number }): MentionRecord {
  const quantity = m.mention.kind === "quantity" ? (m.mention as QuantityMention) : null;
  const time = m.mention.kind === "time" ? (m.mention as TimeMention) : null;
  return {
    source_id: sourceId,
    kind: m.mention.kind,
    text: m.mention.text,
    char_start: where.char_start,
    char_end: where.char_end,
    value: quantity?.value ?? null,
    value_high: quantity?.value_high ?? null,
    unit: quantity?.unit ?? null,
    qualifier: quantity?.qualifier ?? null,
    date_start: time?.date_start ?? null,
    date_end: time?.date_end ?? null,
    ...intervalColumns("date", time?.date_start ?? null, time?.date_end ?? null),
    used_by: [...new Set(m.usedBy)].sort(),
    dismissed: m.dismissedBy,
  };
}

/** The ISO date `count` years, months or days before `date`, at that unit's precision. */
function shiftBack(date: string, count: number, unit: "Y" | "M" | "D"): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const shifted = new Date(Date.UTC(year - (unit === "Y" ? count : 0), month - 1 - (unit === "M" ? count : 0), day - (unit === "D" ? count : 0)));
  const iso = shifted.toISOString();
  return unit === "Y" ? iso.slice(0, 4) : unit === "M" ? iso.slice(0, 7) : iso.slice(0, 10);
}

function lineNumber(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
