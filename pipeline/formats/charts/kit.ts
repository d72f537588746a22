/**
 * What every chart kind shares: what a kind's module declares (its options and how it draws), the records it
 * may draw, the Vega-Lite settings, the source line, the accessible title and description, and a text width
 * estimate that keeps the SVG the same on every machine.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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
  return ((await import(pathToFileURL(module).href)) as { kind: ChartKind }).kind;
}

/**
 * Every chart is laid out for one width of its viewBox, CHART_WIDTH, and published without a width of its own, so
 * that it scales with the page. Its type is sized for a phone: at 358 px (a 390-px screen less its margins)
 * FONT_SIZE is still about 10.5 px, and the layout leaves room for it.
 */
export const CHART_WIDTH = 480;
export const PADDING = 16;
/** The width inside the padding: titles, notes and legends are laid out within it. */
export const CONTENT_WIDTH = CHART_WIDTH - 2 * PADDING;
export const FONT_SIZE = 14;
export const LINE_HEIGHT = 18;
export const TITLE_SIZE = 18;
export const NOTE_COLOR = "#555";

export const CONFIG = {
  padding: PADDING,
  font: "sans-serif",
  title: {
    fontSize: TITLE_SIZE,
    lineHeight: TITLE_SIZE + 4,
    subtitleFontSize: FONT_SIZE,
    subtitleLineHeight: LINE_HEIGHT,
    subtitleColor: NOTE_COLOR,
    offset: 12,
  },
  axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, titleFontWeight: "normal", gridColor: "#e6e6e6" },
  legend: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelLimit: CONTENT_WIDTH, symbolSize: 90 },
  view: { stroke: null },
} as const;

/** The width Vega gives a line of text here: the estimate useEstimatedTextWidths installs. */
export function textWidth(line: string, fontSize = FONT_SIZE): number {
  return Math.round(ESTIMATED_EM_PER_CHARACTER * line.length * fontSize);
}

/** A line broken at spaces into lines no wider than `width` pixels at `fontSize` (a longer word stands alone). */
export function wrapToWidth(line: string, width: number, fontSize = FONT_SIZE): string[] {
  return wrap(line, Math.floor(width / (ESTIMATED_EM_PER_CHARACTER * fontSize)));
}

/** A title and subtitle wrapped to the chart's width. */
export function chartTitle(text: string, subtitle: string[]) {
  return {
    text: wrapToWidth(text, CONTENT_WIDTH, TITLE_SIZE),
    subtitle: subtitle.flatMap((line) => wrapToWidth(line, CONTENT_WIDTH)),
    anchor: "start",
  } as const;
}

/** Superscript numerals that mark which source a label comes from, when a chart draws from more than one. */
const SUPERSCRIPTS = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

/** The drawn records' sources, in the sources table's order, each with its marker ("" when there is only one). */
export function sourceMarkers(sources: Source[], records: { source_id: string }[]): Map<string, string> {
  const used = new Set(records.map((record) => record.source_id));
  const cited = sources.filter((source) => used.has(source.id));
  const marker = (n: number) => [...String(n)].map((digit) => SUPERSCRIPTS[Number(digit)]).join("");
  return new Map(cited.map((source, i) => [source.id, cited.length > 1 ? marker(i + 1) : ""]));
}

/**
 * "Source: Golunov, PONARS Eurasia Policy Memo 428, 2016": every source of the records drawn, from the sources
 * table; with more than one, each after the marker its labels carry ("Sources: ¹ Golunov, …; ² …").
 */
export function sourceLine(sources: Source[], records: { source_id: string }[]): string {
  const markers = sourceMarkers(sources, records);
  // The author as credited: a surname cannot be told from an organisation's last word.
  const cite = (s: Source) =>
    [s.author, [s.series, s.number].filter(Boolean).join(" "), s.published.slice(0, 4)].filter(Boolean).join(", ");
  const cited = sources
    .filter((source) => markers.has(source.id))
    .map((source) => `${markers.get(source.id) === "" ? "" : `${markers.get(source.id)} `}${cite(source)}`);
  return `${cited.length > 1 ? "Sources" : "Source"}: ${cited.join("; ")}`;
}

/** Lines of text under the plot (the source line last), from `offset` pixels below its top, wrapped to `width`. */
export function notesLayer(lines: string[], offset: number, width = CONTENT_WIDTH) {
  return {
    name: "notes",
    data: { values: [{}] },
    mark: {
      type: "text",
      text: lines.flatMap((line) => wrapToWidth(line, width)),
      align: "left",
      baseline: "top",
      fontSize: FONT_SIZE,
      lineHeight: LINE_HEIGHT,
      color: NOTE_COLOR,
    },
    encoding: { x: { value: 0 }, y: { value: offset } },
  } as const;
}

/**
 * A line broken at spaces into lines of at most `width` characters (a longer word stands alone), never between a
 * source's marker and the words it belongs to.
 */
export function wrap(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of unbreakable(line.split(" "))) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  return [...lines, current];
}

/** A source's marker, or several, as a word of its own: "²", "¹,²", "¹,²;" (an item of a list ends with it). */
const MARKER_WORD = new RegExp(`^[${SUPERSCRIPTS.join("")}]+(,[${SUPERSCRIPTS.join("")}]+)*[;,.]?$`);

/**
 * The words, each source marker joined to what it marks: to the word before it where it ends a label ("over $6
 * billion in 2013 ²", "$92M ²; …"), else to the word after it, which it opens ("¹ Serghei Golunov, …").
 */
function unbreakable(words: string[]): string[] {
  const joined: string[] = [];
  let opening = "";
  for (const [i, word] of words.entries()) {
    const marker = MARKER_WORD.test(word);
    if (marker && joined.length > 0 && opening === "" && (i === words.length - 1 || /[;,.]$/.test(word))) {
      joined[joined.length - 1] += ` ${word}`;
    } else if (marker && i < words.length - 1) {
      opening = opening === "" ? word : `${opening} ${word}`;
    } else {
      joined.push(opening === "" ? word : `${opening} ${word}`);
      opening = "";
    }
  }
  return joined;
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

/**
 * The SVG as published: with a <title> and a <desc> as its first children, which screen readers announce, and no
 * width or height of its own, so that it takes the width of the page and keeps its viewBox's proportions.
 */
export function publishedSvg(svg: string, title: string, description: string): string {
  const xml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
  const rootEnd = svg.indexOf(">") + 1;
  const root = svg.slice(0, rootEnd).replace(/ width="[\d.]+" height="[\d.]+"/, "");
  return `${root}<title>${xml(title)}</title><desc>${xml(description)}</desc>${svg.slice(rootEnd)}`;
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
    return Math.max(...lines.map((line) => textWidth(line, item.fontSize ?? FONT_SIZE)));
  };
}

const ESTIMATED_EM_PER_CHARACTER = 0.6;
