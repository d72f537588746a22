/** What every resolver of one source reads: its text, its mentions, the dataset's terms, and how to report. */
import type { Curated } from "../io/yaml-file.ts";
import type { DatasetConfig } from "../config/dataset-config.ts";
import { PipelineError } from "../io/errors.ts";
import { rawRange, type NormalizedText } from "../ingest/normalize.ts";
import { codePointIndex, type CodePointIndex } from "../text/code-points.ts";
import type { Fail, Located, Span } from "./locate.ts";

export interface SourceContext {
  sourceId: string;
  textFile: string;
  raw: string;
  normalized: NormalizedText;
  /** The normalized text. */
  text: string;
  located: Located[];
  config: DatasetConfig;
  configFile: string;
  rawIndex: CodePointIndex;
}

export function sourceContext(input: Omit<SourceContext, "rawIndex" | "text">): SourceContext {
  return { ...input, text: input.normalized.text, rawIndex: codePointIndex(input.raw) };
}

/** A published record with where it came from: its curated entry and its span of the normalized text. */
export interface Provenanced<T, C = unknown> {
  record: T;
  origin: Curated<C>;
  span: Span;
}

/** A record resolved, with the mentions it uses (its value, its date or period): its claims for coverage. */
export interface ResolvedRecord<T, C = unknown> extends Provenanced<T, C> {
  uses: Located[];
}

/** The quote and raw code point offsets of a normalized span. */
export function provenance(context: SourceContext, span: Span) {
  const [rawStart, rawEnd] = rawRange(context.normalized, span.start, span.end);
  return {
    quote: context.normalized.text.slice(span.start, span.end),
    char_start: context.rawIndex.toCodePoint(rawStart),
    char_end: context.rawIndex.toCodePoint(rawEnd),
  };
}

export function failer(item: Curated<unknown>): Fail {
  return (message, key) => {
    throw new PipelineError(message, { file: item.file, line: item.lineOf(...key.split(".")), record: item.record });
  };
}

/** Fails unless `term` is defined in the dataset configuration's `section`. */
export function checkTerm(
  context: SourceContext,
  section: "measures" | "actors" | "event_types",
  term: string,
  fail: Fail,
  key: string,
): void {
  if (!(term in context.config[section]))
    fail(`${key}: "${term}" is not defined in ${context.configFile}'s ${section}`, key);
}
