/**
 * What every chart kind shares: what a kind's module declares (its options and how it draws), the records it
 * may draw, the Vega-Lite settings, the source line, the accessible title and description, and a text width
 * estimate that keeps the SVG the same on every machine.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { periodLabel } from "../../derive/periods.ts";
import type { TopLevelSpec } from "vega-lite";
import type { ChartDefinition, DatasetConfig } from "../../config/dataset-config.ts";
import type { Event, Figure, Mention, SeriesObservation, Source } from "../../../schemas/index.ts";

export interface ChartRecords {
  sources: Source[];
  figures: Figure[];
  events: Event[];
  /** The mentions table: each figure's amount in the source's own words (the mention that `used_by` names it). */
  mentions: Mention[];
  /** Each series of dataset.yaml's `series`, by id, as its table's rows. */
  series: Record<string, SeriesObservation[]>;
}

export interface ChartContext<Options = unknown> extends ChartRecords {
  config: DatasetConfig;
  chart: ChartDefinition;
  /** The entry's options, as the kind's `options` schema reads them. */
  options: Options;
}

export interface ChartDrawing {
  spec: TopLevelSpec;
  /** The SVG's <title> and <desc>, for screen readers. */
  title: string;
  description: string;
}

/** A term of dataset.yaml that an option names: where it stands in the entry, and the section that must define it. */
export interface ChartReference {
  path: (string | number)[];
  section: "series" | "measures";
  term: string;
}

/**
 * What a chart kind's module, pipeline/formats/charts/kinds/<kind>.ts, exports as `kind`: the options an entry of
 * that kind takes besides `file` and `kind` (checked when dataset.yaml is loaded, each bad option reported at its
 * line), the dataset terms they name, and how it draws.
 */
export interface ChartKind<O extends z.ZodType = z.ZodType> {
  options: O;
  references?(options: z.output<O>): ChartReference[];
  draw(context: ChartContext<z.output<O>>): ChartDrawing;
}

/** A kind's declaration, typed by its options schema. */
export function chartKind<O extends z.ZodType>(kind: ChartKind<O>): ChartKind<O> {
  return kind;
}

export const CHART_KINDS_DIR = join(import.meta.dirname, "kinds");

/** The module of a chart kind, by name; null when there is none. */
export async function loadChartKind(name: string): Promise<ChartKind | null> {
  const module = join(CHART_KINDS_DIR, `${name}.ts`);
  if (!existsSync(module)) return null;
  return ((await import(module)) as { kind: ChartKind }).kind;
}

export const FONT_SIZE = 11;
export const NOTE_COLOR = "#555";

export const CONFIG = {
  // A margin for fonts a little wider than the estimate in useEstimatedTextWidths.
  padding: 16,
  font: "sans-serif",
  title: { fontSize: 15, subtitleFontSize: FONT_SIZE, subtitleColor: NOTE_COLOR, offset: 12 },
  axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, titleFontWeight: "normal", gridColor: "#e6e6e6" },
  legend: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelLimit: 260 },
  view: { stroke: null },
} as const;

/**
 * "Source: Golunov, PONARS Eurasia Policy Memo 428, 2016": every source of the records drawn, from the sources table.
 */
export function sourceLine(sources: Source[], records: { source_id: string }[]): string {
  const used = new Set(records.map((record) => record.source_id));
  // The author as credited: a surname cannot be told from an organisation's last word.
  const cite = (s: Source) =>
    [s.author, [s.series, s.number].filter(Boolean).join(" "), s.published.slice(0, 4)].filter(Boolean).join(", ");
  const cited = sources.filter((source) => used.has(source.id)).map(cite);
  return `${cited.length > 1 ? "Sources" : "Source"}: ${cited.join("; ")}`;
}

/** Lines of text under the plot (the source line last), from `offset` pixels below its top. */
export function notesLayer(lines: string[], offset: number) {
  return {
    name: "notes",
    data: { values: [{}] },
    mark: {
      type: "text",
      text: lines.flatMap((line) => wrap(line, NOTE_LINE_CHARACTERS)),
      align: "left",
      baseline: "top",
      fontSize: 10,
      lineHeight: 14,
      color: NOTE_COLOR,
    },
    encoding: { x: { value: 0 }, y: { value: offset } },
  } as const;
}

/** About as many characters of the notes' 10-pixel text as fit the plot's width. */
const NOTE_LINE_CHARACTERS = 105;

/** A line broken at spaces into lines of at most `width` characters (a longer word stands alone). */
export function wrap(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  return [...lines, current];
}

/** "1988", "2011–2012". */
export function periodText(start: string, end: string): string {
  return periodLabel(start, end, { separator: "–" });
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2014" → "2014", "2014-03" → "Mar 2014", "2014-03-27" → "27 Mar 2014". */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split("-");
  if (month === undefined) return year!;
  const name = `${MONTHS[Number(month) - 1]} ${year}`;
  return day === undefined ? name : `${Number(day)} ${name}`;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The SVG with a <title> and a <desc> as its first children, which screen readers announce. */
export function accessibleSvg(svg: string, title: string, description: string): string {
  const xml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
  const rootEnd = svg.indexOf(">") + 1;
  return `${svg.slice(0, rootEnd)}<title>${xml(title)}</title><desc>${xml(description)}</desc>${svg.slice(rootEnd)}`;
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
}

/**
 * With the optional `canvas` package installed Vega measures text with the machine's fonts, and the SVG would
 * differ between machines; one fixed estimate keeps it byte for byte the same. 0.6 em per character is close to
 * common sans-serif fonts for mixed-case text, so labels are laid out neither cramped nor far apart.
 */
export function useEstimatedTextWidths(vega: typeof import("vega")): void {
  const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } };
  textMetrics.width = (item, text) => {
    const value = text ?? item.text ?? "";
    const lines = Array.isArray(value) ? value.map(String) : [String(value)];
    const longest = Math.max(...lines.map((line) => line.length));
    return Math.round(0.6 * longest * (item.fontSize ?? FONT_SIZE));
  };
}
