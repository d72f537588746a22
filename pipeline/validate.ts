/**
 * validate: every record against its Zod schema, then the rules that span records: unique ids, references to
 * existing sources, periods that do not end before they start, the measure's unit, and quotes that equal the
 * raw text at their offsets once normalized.
 */
import type { z } from "zod";
import { eventSchema, figureSchema, indicatorSchema, MEASURE_UNITS, mentionSchema, sourceSchema, tradeTurnoverSchema, type Event, type Figure, type Indicator, type Mention, type Source, type TradeTurnover } from "../schemas/index.ts";
import { codePointIndex } from "./code-points.ts";
import { PipelineError, throwIfAny, type Location } from "./errors.ts";
import { normalize } from "./ingest.ts";
import type { Curated } from "./curation.ts";

export interface Dataset {
  sources: Source[];
  figures: Figure[];
  events: Event[];
  mentions: Mention[];
}

export interface ValidateContext {
  /** The raw text of each source, by source id. */
  rawTexts: Map<string, string>;
  /** Where each record was curated; records without one are located by table. */
  origins: Map<object, Curated<unknown>>;
}

/** Which curated key a published field comes from, so a message can point at the right line. */
const CURATED_KEY: Record<string, string> = {
  period_start: "period",
  period_end: "period",
  date_start: "date",
  date_end: "date",
  date_precision: "date",
  date_basis: "date",
  value: "amount",
  unit: "measure",
  char_start: "quote",
  char_end: "quote",
};

export function validate(dataset: Dataset, context: ValidateContext): void {
  const errors: PipelineError[] = [];
  const where = (table: string, record: { id?: string } | object, field?: string): Location => {
    const origin = context.origins.get(record);
    const id = "id" in record && typeof record.id === "string" ? record.id : undefined;
    if (!origin) return { file: `${table} table`, record: id };
    const key = field === undefined ? undefined : (CURATED_KEY[field] ?? field);
    return { file: origin.file, line: key === undefined ? origin.lineOf() : origin.lineOf(key), record: origin.record };
  };
  const check = <S extends z.ZodType>(table: string, schema: S, records: object[]) => {
    for (const record of records) {
      const parsed = schema.safeParse(record);
      if (parsed.success) continue;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        errors.push(new PipelineError(`${issue.path.join(".") || "record"}: ${issue.message}`, where(table, record, field || undefined)));
      }
    }
  };
  check("sources", sourceSchema, dataset.sources);
  check("figures", figureSchema, dataset.figures);
  check("events", eventSchema, dataset.events);
  check("mentions", mentionSchema, dataset.mentions);

  const sourceIds = new Set(dataset.sources.map((source) => source.id));
  const seen = new Map<string, string>();
  for (const [table, records] of [["figures", dataset.figures], ["events", dataset.events]] as const) {
    for (const record of records) {
      const firstTable = seen.get(record.id);
      if (firstTable !== undefined) {
        errors.push(new PipelineError(`duplicate id "${record.id}" (already used in ${firstTable})`, where(table, record, "id")));
      }
      seen.set(record.id, table);
      if (!sourceIds.has(record.source_id)) {
        errors.push(new PipelineError(`source_id "${record.source_id}" is not in the sources table`, where(table, record)));
      }
      const raw = context.rawTexts.get(record.source_id);
      if (raw !== undefined && !quoteMatches(raw, record)) {
        errors.push(new PipelineError(`quote does not equal the text at [${record.char_start}, ${record.char_end})`, where(table, record, "quote")));
      }
    }
  }
  for (const figure of dataset.figures) {
    const unit = MEASURE_UNITS[figure.measure];
    if (unit !== undefined && figure.unit !== unit) {
      errors.push(new PipelineError(`unit ${figure.unit} is not allowed for measure ${figure.measure} (${unit})`, where("figures", figure, "unit")));
    }
    const order = periodOrder(figure.period_start, figure.period_end);
    if (order) errors.push(new PipelineError(`period ${order}`, where("figures", figure, "period_start")));
  }
  for (const event of dataset.events) {
    const order = periodOrder(event.date_start, event.date_end);
    if (order) errors.push(new PipelineError(`date ${order}`, where("events", event, "date_start")));
  }
  throwIfAny(errors);
}

/** The raw span of a record, normalized the way ingest normalizes, must be the record's quote. */
function quoteMatches(raw: string, record: Figure | Event): boolean {
  const index = codePointIndex(raw);
  const span = raw.slice(index.toUtf16(record.char_start), index.toUtf16(record.char_end));
  return normalize(span).text === record.quote;
}

/** Why a period is out of order ("ends 2014 before it starts 2015"), or null when it is in order. */
function periodOrder(start: string | null, end: string | null): string | null {
  if ((start === null) !== (end === null)) return `has ${start === null ? "an end but no start" : "a start but no end"}`;
  if (start === null || end === null) return null;
  // Compare the earliest day the start can mean with the latest day the end can mean.
  const earliest = start + "-01-01".slice(start.length - 4);
  const latest = end + "-12-31".slice(end.length - 4);
  return earliest <= latest ? null : `ends ${end} before it starts ${start}`;
}

/** The derived tables against their schemas; a failure here is a bug in derive, reported by indicator id. */
export function validateDerived(derived: { indicators: Indicator[]; tradeTurnover: TradeTurnover[] }): void {
  const errors: PipelineError[] = [];
  const ids = new Set<string>();
  for (const indicator of derived.indicators) {
    const where = { file: "derived indicators", record: indicator.id };
    const parsed = indicatorSchema.safeParse(indicator);
    if (!parsed.success) for (const issue of parsed.error.issues) errors.push(new PipelineError(`${issue.path.join(".")}: ${issue.message}`, where));
    if (ids.has(indicator.id)) errors.push(new PipelineError(`duplicate indicator id "${indicator.id}"`, where));
    ids.add(indicator.id);
  }
  for (const row of derived.tradeTurnover) {
    const parsed = tradeTurnoverSchema.safeParse(row);
    if (!parsed.success) errors.push(new PipelineError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), { file: "trade_turnover series", record: row.figure_id }));
  }
  throwIfAny(errors);
}
