/**
 * A record's date or period from the time mentions its curation names. How the date was built decides its
 * basis, so `date_basis` cannot drift from the rule: `explicit` only when one time mention of the text states
 * the whole date inside the record's own quote; `inferred` when it was resolved against context (a relative
 * expression), taken from another passage (`in`: the sentence or paragraph that dates the happening), built
 * from two mentions (a range from one date to another), or shifted by an offset ("a year after");
 * `no_later_than` when the curation gives only the date by which the happening had taken place (`by`).
 */
import type { Event } from "../../schemas/index.ts";
import type { WhenSpec } from "../curation/records.ts";
import type { DatePrecision, TimeMention } from "../extract/mention.ts";
import { mentionIn, locateQuote, type Fail, type Located, type Span } from "./locate.ts";

export type DateBasis = Event["date_basis"];

export interface When {
  start: string;
  end: string;
  precision: DatePrecision;
  basis: DateBasis;
}

export interface WhenContext {
  text: string;
  located: Located[];
  textFile: string;
}

const PRECISION_OF_DURATION: Record<string, DatePrecision> = { Y: "year", M: "month", D: "day" };

/** Resolves `spec` inside the record's quote; every time mention it uses is passed to `claim`. */
export function resolveWhen(
  context: WhenContext,
  spec: WhenSpec,
  quote: Span,
  fail: Fail,
  key: string,
  claim: (m: Located) => void,
): When {
  const { text, located } = context;
  const timeIn = (needle: string, within: string | undefined): TimeMention => {
    const span =
      within === undefined
        ? quote
        : locateQuote(text, within, undefined, (m) => fail(m, `${key}.in`), context.textFile);
    const found = mentionIn(text, located, "time", span, needle, fail, key);
    if (found.mention.date_start === null || found.mention.date_end === null) {
      fail(`the time mention "${found.mention.text}" has no date the text resolves`, key);
    }
    claim(found);
    return found.mention;
  };
  if (typeof spec === "string") return single(timeIn(spec, undefined));
  if ("by" in spec) return { ...single(timeIn(spec.by, spec.in)), basis: "no_later_than" };
  if ("from" in spec) {
    const end = (at: typeof spec.from) => (typeof at === "string" ? timeIn(at, spec.in) : timeIn(at.mention, at.in));
    const from = end(spec.from);
    const to = end(spec.to);
    return { start: from.date_start!, end: to.date_end!, precision: "range", basis: "inferred" };
  }
  const mention = timeIn(spec.mention, spec.in);
  if (spec.minus === undefined) {
    const when = single(mention);
    return spec.in === undefined ? when : { ...when, basis: "inferred" };
  }
  const offset = mentionIn(text, located, "time", quote, spec.minus, fail, `${key}.minus`);
  claim(offset);
  const duration = /^P(\d+)([YMD])$/.exec(offset.mention.offset ?? "");
  if (!duration) fail(`"${offset.mention.text}" is not an offset of whole years, months or days`, `${key}.minus`);
  const [, amount, unit] = duration!;
  const shifted = shiftBack(mention.date_start!, Number(amount), unit as "Y" | "M" | "D");
  return { start: shifted, end: shifted, precision: PRECISION_OF_DURATION[unit!]!, basis: "inferred" };
}

function single(mention: TimeMention): When {
  return {
    start: mention.date_start!,
    end: mention.date_end!,
    precision: mention.precision!,
    basis: mention.relative ? "inferred" : "explicit",
  };
}

/** "2011/2012" for a range, "2016-01" for a single period, "no date" for none: how a curated check states a date. */
export function whenLabel(when: { start: string; end: string } | null): string {
  return when === null ? "no date" : when.start === when.end ? when.start : `${when.start}/${when.end}`;
}

export function checkExpectedDate(expected: string | undefined, when: When | null, fail: Fail, key: string): void {
  if (expected === undefined) return;
  const actual = whenLabel(when);
  if (actual !== expected) fail(`expected ${expected}, but the text gives ${actual}`, key);
}

/** The ISO date `count` years, months or days before `date`, at that unit's precision. */
export function shiftBack(date: string, count: number, unit: "Y" | "M" | "D"): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const shifted = new Date(
    Date.UTC(
      year - (unit === "Y" ? count : 0),
      month - 1 - (unit === "M" ? count : 0),
      day - (unit === "D" ? count : 0),
    ),
  );
  const iso = shifted.toISOString();
  return unit === "Y" ? iso.slice(0, 4) : unit === "M" ? iso.slice(0, 7) : iso.slice(0, 10);
}
