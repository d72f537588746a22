/**
 * validate: every record against its table's Zod schema, then the rules that span records: unique ids across
 * sources, references to existing sources, periods that do not end before they start, the measure's unit, and
 * quotes that equal the text at their offsets. The quote check takes its own route, not resolve's: the raw text
 * at the record's code point offsets, normalized alone by the source's text format, must read as the quote.
 */
import type { z } from "zod";
import type { Event, Figure, Indicator, Mention, SeriesObservation, Source } from "../../schemas/index.ts";
import type { DatasetConfig } from "../config/dataset-config.ts";
import { PipelineError, throwIfAny, type Location } from "../io/errors.ts";
import type { CuratedFigure } from "../curation/records.ts";
import type { Provenanced } from "../resolve/index.ts";
import { normalize } from "../ingest/normalize.ts";
import type { SourceText } from "../formats/format.ts";
import type { TableDefinitions } from "../tables/index.ts";
import { codePointIndex, type CodePointIndex } from "../text/code-points.ts";

export interface Dataset {
  sources: Source[];
  figures: Provenanced<Figure, CuratedFigure>[];
  events: Provenanced<Event>[];
  mentions: Mention[];
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

function where(item: Provenanced<{ id: string }>, field?: string): Location {
  const key = field === undefined ? undefined : (CURATED_KEY[field] ?? field);
  return {
    file: item.origin.file,
    line: key === undefined ? item.origin.lineOf() : item.origin.lineOf(key),
    record: item.origin.record,
  };
}

function schemaErrors(schema: z.ZodType, record: object, at: (field: string | undefined) => Location): PipelineError[] {
  const parsed = schema.safeParse(record);
  if (parsed.success) return [];
  return parsed.error.issues.map(
    (issue) =>
      new PipelineError(
        `${issue.path.join(".") || "record"}: ${issue.message}`,
        at(issue.path.length > 0 ? String(issue.path[0]) : undefined),
      ),
  );
}

/**
 * `published`: the records the output folder already publishes, as `table/source_id/id`: of two records with one
 * id, the one it does not hold is the newcomer, reported at its line.
 */
export function validate(
  dataset: Dataset,
  tables: TableDefinitions,
  texts: SourceText[],
  config: DatasetConfig,
  published: ReadonlySet<string> = new Set(),
): void {
  const errors: PipelineError[] = [];
  for (const source of dataset.sources)
    errors.push(...schemaErrors(tables.sources.schema, source, () => ({ file: "sources table", record: source.id })));
  for (const item of dataset.figures)
    errors.push(...schemaErrors(tables.figures.schema, item.record, (field) => where(item, field)));
  for (const item of dataset.events)
    errors.push(...schemaErrors(tables.events.schema, item.record, (field) => where(item, field)));
  for (const mention of dataset.mentions) {
    errors.push(
      ...schemaErrors(tables.mentions.schema, mention, () => ({
        file: "mentions table",
        record: `${mention.source_id}@${mention.char_start}`,
      })),
    );
  }

  const textOf = new Map(texts.map((text) => [text.source.id, { text, index: codePointIndex(text.raw) }]));
  const seen = new Map<string, { table: string; item: Provenanced<Figure | Event> }>();
  for (const [table, items] of [
    ["figures", dataset.figures],
    ["events", dataset.events],
  ] as const) {
    for (const item of items) {
      const { record } = item;
      const first = seen.get(record.id);
      if (first === undefined) seen.set(record.id, { table, item });
      else errors.push(duplicateId(first, { table, item }, published));
      const source = textOf.get(record.source_id);
      if (source === undefined) {
        errors.push(new PipelineError(`source_id "${record.source_id}" is not in the sources table`, where(item)));
      } else if (!quoteMatches(source.text, source.index, record)) {
        errors.push(
          new PipelineError(
            `quote does not equal the text at [${record.char_start}, ${record.char_end})`,
            where(item, "quote"),
          ),
        );
      }
    }
  }
  for (const item of dataset.figures) {
    const figure = item.record;
    const unit = config.measures[figure.measure]?.unit;
    if (unit !== undefined && figure.unit !== unit) {
      errors.push(
        new PipelineError(
          `unit ${figure.unit} is not allowed for measure ${figure.measure} (${unit})`,
          where(item, "unit"),
        ),
      );
    }
    const order = periodOrder(figure.period_start, figure.period_end);
    if (order) errors.push(new PipelineError(`period ${order}`, where(item, "period_start")));
  }
  for (const item of dataset.events) {
    const order = periodOrder(item.record.date_start, item.record.date_end);
    if (order) errors.push(new PipelineError(`date ${order}`, where(item, "date_start")));
  }
  throwIfAny(errors);
}

/**
 * Two records with one id, reported at the newcomer's line, naming the other's: the one the output does not
 * publish yet when the other is published (a curator's new record, wherever its folder sorts), else the later.
 */
function duplicateId(
  first: { table: string; item: Provenanced<Figure | Event> },
  later: { table: string; item: Provenanced<Figure | Event> },
  published: ReadonlySet<string>,
): PipelineError {
  const isPublished = ({ table, item }: typeof first) =>
    published.has(`${table}/${item.record.source_id}/${item.record.id}`);
  const [newcomer, other] = isPublished(later) && !isPublished(first) ? [first, later] : [later, first];
  const { file, lineOf } = other.item.origin;
  return new PipelineError(
    `duplicate id "${newcomer.item.record.id}": ${file}:${lineOf("id")} has it already (${other.table} of ` +
      `${other.item.record.source_id}); an id is unique across all sources`,
    where(newcomer.item, "id"),
  );
}

/**
 * The raw text at the record's code point offsets, normalized on its own by the source's format, reads as the quote.
 */
function quoteMatches(text: SourceText, index: CodePointIndex, record: Figure | Event): boolean {
  const raw = text.raw.slice(index.toUtf16(record.char_start), index.toUtf16(record.char_end));
  return normalize(raw, text.textFormat).text === record.quote;
}

/** Why a period is out of order ("ends 2014 before it starts 2015"), or null when it is in order. */
function periodOrder(start: string | null, end: string | null): string | null {
  if ((start === null) !== (end === null))
    return `has ${start === null ? "an end but no start" : "a start but no end"}`;
  if (start === null || end === null) return null;
  // Compare the earliest day the start can mean with the latest day the end can mean.
  const earliest = start + "-01-01".slice(start.length - 4);
  const latest = end + "-12-31".slice(end.length - 4);
  return earliest <= latest ? null : `ends ${end} before it starts ${start}`;
}

/** The derived tables against their schemas; a failure here is a bug in derive, reported by row. */
export function validateDerived(
  derived: { indicators: Indicator[]; series: ReadonlyMap<string, SeriesObservation[]> },
  tables: TableDefinitions,
): void {
  const errors: PipelineError[] = [];
  const ids = new Set<string>();
  for (const indicator of derived.indicators) {
    const at = () => ({ file: "derived indicators", record: indicator.id });
    errors.push(...schemaErrors(tables.indicators.schema, indicator, at));
    if (ids.has(indicator.id)) errors.push(new PipelineError(`duplicate indicator id "${indicator.id}"`, at()));
    ids.add(indicator.id);
  }
  for (const [id, rows] of derived.series) {
    const table = tables.series.get(id)!;
    for (const row of rows)
      errors.push(...schemaErrors(table.schema, row, () => ({ file: `${table.name} series`, record: row.figure_id })));
  }
  throwIfAny(errors);
}
