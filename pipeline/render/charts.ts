/**
 * Charts rendered at build time as static SVG with Vega-Lite: the Russian–North Korean trade turnover series
 * and a timeline of the dated events. Every value and date comes from the records passed in.
 */
import type { TopLevelSpec } from "vega-lite";
import { qualifier, type Event, type Figure, type SeriesObservation as TradeTurnover, type Source } from "../../schemas/index.ts";
import { endYear, startYear } from "../derive/periods.ts";

export interface ChartInput {
  sources: Source[];
  figures: Figure[];
  events: Event[];
  tradeTurnover: TradeTurnover[];
}

type Qualifier = Figure["qualifier"];
type Actor = NonNullable<Figure["subject"]>;
type Vega = typeof import("vega");

const FONT_SIZE = 11;
const NOTE_COLOR = "#555";

/** SVG files by path relative to dist/. */
export async function chartFiles(input: ChartInput): Promise<Map<string, string>> {
  const specs = new Map<string, TopLevelSpec>([
    ["charts/trade-turnover.svg", tradeTurnoverSpec(input.tradeTurnover, input.figures, sourceLine(input.sources))],
    ["charts/events-timeline.svg", eventsTimelineSpec(input.events, sourceLine(input.sources))],
  ]);
  // Loaded here, not at the top, so that nothing but chart rendering pays for Vega.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  useEstimatedTextWidths(vega);
  const files = new Map<string, string>();
  for (const [path, spec] of specs) {
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    files.set(path, `${await view.toSVG()}\n`);
    view.finalize();
  }
  return files;
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
function useEstimatedTextWidths(vega: Vega): void {
  const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } };
  textMetrics.width = (item, text) => {
    const value = text ?? item.text ?? "";
    const lines = Array.isArray(value) ? value.map(String) : [String(value)];
    const longest = Math.max(...lines.map((line) => line.length));
    return Math.round(0.6 * longest * (item.fontSize ?? FONT_SIZE));
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Trade turnover

/** How each hedge is drawn and named; the shapes differ as well as the colours (Okabe–Ito, colour-blind safe). */
const HEDGES: Record<Qualifier, { name: string; words: string; shape: string; color: string }> = {
  exact: { name: "exact", words: "", shape: "circle", color: "#0072B2" },
  approximate: { name: "approximate", words: "about, around", shape: "diamond", color: "#E69F00" },
  at_most: { name: "at most", words: "almost, as much as", shape: "triangle-down", color: "#009E73" },
  at_least: { name: "at least", words: "over, more than", shape: "triangle-up", color: "#CC79A7" },
};

function hedgeLegend(q: Qualifier): string {
  const { name, words } = HEDGES[q];
  return words === "" ? name : `${name} (${words})`;
}

/** The words a label puts before an amount: the target's "as much as" is an upper bound, China's "over" a lower one. */
const LABEL_HEDGES: Record<Qualifier, string> = { exact: "", approximate: "about ", at_most: "as much as ", at_least: "over " };

const ACTOR_NAMES: Record<Actor, string> = {
  RUS: "Russia",
  PRK: "North Korea",
  KOR: "South Korea",
  CHN: "China",
  UKR: "Ukraine",
  USA: "United States",
  JPN: "Japan",
  SUN: "Soviet Union",
  UN: "United Nations",
  EU: "European Union",
};

interface TradeMark {
  year: number;
  start: number;
  end: number;
  value: number;
  /** More than one year, month or day, such as 2011-2012: drawn as a range. */
  spansPeriods: boolean;
  hedge: string;
  label: string;
  description: string;
}

function tradeTurnoverSpec(series: TradeTurnover[], figures: Figure[], source: string): TopLevelSpec {
  const observations = [...series].sort((a, b) => a.year - b.year).map(observationMark);
  const last = observations.at(-1);
  if (last === undefined) throw new Error("charts: no trade turnover observations to draw");
  const seriesIds = new Set(series.map((row) => row.figure_id));
  const targets = figures.filter((f) => f.measure === "trade_target").map(targetMark);
  const references = figures.filter((f) => f.measure === "trade_turnover" && !seriesIds.has(f.id)).map(referenceMark);
  const all = [...observations, ...targets, ...references];
  const fell = fellFromPrevious(observations);
  const xDomain = yearDomain(all.flatMap((m) => [m.start, m.end]));
  const yDomain = decadeDomain(all.map((m) => m.value));
  const x = (field: string) => ({ field, type: "quantitative", title: "Year", scale: { domain: xDomain, nice: false, zero: false }, axis: yearAxis(xDomain) }) as const;
  const y = {
    field: "value",
    type: "quantitative",
    title: "Trade turnover, US dollars (log scale)",
    scale: { type: "log", domain: yDomain, nice: false },
    axis: { values: oneTwoFiveTicks(yDomain), labelExpr: USD_LABEL_EXPR, grid: true },
  } as const;
  const usedHedges = qualifier.options.filter((q) => all.some((m) => m.hedge === hedgeLegend(q)));
  const hedgeScale = (channel: "shape" | "color") => ({
    field: "hedge",
    type: "nominal",
    title: "Hedge in the memo",
    legend: { orient: "right" },
    scale: { domain: usedHedges.map(hedgeLegend), range: usedHedges.map((q) => HEDGES[q][channel]) },
  }) as const;
  const hedged = { x: x("year"), y, shape: hedgeScale("shape"), color: hedgeScale("color"), description: { field: "description" } };
  const labels = (name: string, marks: TradeMark[], placement: { dx?: number; dy?: number; align: "right" | "center" }) => ({
    name,
    data: { values: marks },
    mark: { type: "text", fontSize: FONT_SIZE, baseline: "middle", aria: false, ...placement },
    encoding: { x: x("year"), y, text: { field: "label" } },
  }) as const;

  // Log, not a broken axis: the series runs from $45M to $2.35B and China's figure is $6B. On a linear axis
  // every post-Soviet observation would sit in the bottom tenth; a log axis shows the falls and recoveries as
  // the ratios they are, with no gap to explain.
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Russian–North Korean trade turnover, ${seriesStart(series)}–${seriesEnd(series)}`,
      subtitle: "One mark per figure in the memo; shape and colour show its hedge",
      anchor: "start",
    },
    width: 560,
    height: TRADE_HEIGHT,
    config: CONFIG,
    layer: [
      {
        name: "ranges",
        data: { values: all.filter((m) => m.spansPeriods) },
        mark: { type: "rule", strokeWidth: 2, aria: false },
        encoding: { x: x("start"), x2: { field: "end" }, y, color: hedgeScale("color") },
      },
      {
        name: "target_paths",
        data: { values: targets.map((t) => ({ from: last.year, fromValue: last.value, to: t.year, value: t.value })) },
        mark: { type: "rule", strokeDash: [5, 4], color: NOTE_COLOR, strokeWidth: 1.2, aria: false },
        encoding: { x: x("from"), x2: { field: "to" }, y: { ...y, field: "fromValue" }, y2: { field: "value" } },
      },
      { name: "observations", data: { values: observations }, mark: { type: "point", filled: true, size: 90, opacity: 1 }, encoding: hedged },
      labels("observation_labels", observations.filter((m) => !fell.has(m)), { dy: -14, align: "center" }),
      // Below and to the left of a point that fell from the one before: clear of both neighbours and of the
      // dashed path to the target, which leaves the last point upwards to the right.
      labels("observation_labels_below", observations.filter((m) => fell.has(m)), { dy: 14, dx: 6, align: "right" }),
      { name: "targets", data: { values: targets }, mark: { type: "point", filled: false, size: 140, strokeWidth: 2, opacity: 1 }, encoding: hedged },
      labels("target_labels", targets, { dy: -16, align: "right", dx: -4 }),
      { name: "references", data: { values: references }, mark: { type: "point", filled: true, size: 90, opacity: 1 }, encoding: hedged },
      labels("reference_labels", references, { align: "right", dx: -10 }),
      sourceNote(source, TRADE_HEIGHT),
    ],
  };
}

const TRADE_HEIGHT = 360;

function observationMark(row: TradeTurnover): TradeMark {
  return {
    year: row.year,
    start: startYear(row.period_start),
    end: endYear(row.period_end),
    value: row.value,
    spansPeriods: row.period_start !== row.period_end,
    hedge: hedgeLegend(row.qualifier),
    label: usd(row.value),
    description: `${periodText(row.period_start, row.period_end)}: ${usd(row.value)}, ${HEDGES[row.qualifier].name} (${row.figure_id})`,
  };
}

/** "official target, as much as $1B by 2020" */
function targetMark(figure: Figure): TradeMark {
  return figureMark(figure, (amount, period) => `official target, ${amount} by ${period}`);
}

/** "China–North Korea, 2013: over $6B" */
function referenceMark(figure: Figure): TradeMark {
  const parties = [figure.subject, figure.counterpart].filter((a): a is Actor => a !== null).map((a) => ACTOR_NAMES[a]);
  return figureMark(figure, (amount, period) => `${parties.join("–")}, ${period}: ${amount}`);
}

function figureMark(figure: Figure, describe: (amount: string, period: string) => string): TradeMark {
  if (figure.period_start === null || figure.period_end === null) throw new Error(`charts: ${figure.id} has no period to place it on`);
  const start = startYear(figure.period_start);
  const end = endYear(figure.period_end);
  const label = describe(`${LABEL_HEDGES[figure.qualifier]}${usd(figure.value)}`, periodText(figure.period_start, figure.period_end));
  return {
    year: (start + end) / 2,
    start,
    end,
    value: figure.value,
    spansPeriods: figure.period_start !== figure.period_end,
    hedge: hedgeLegend(figure.qualifier),
    label,
    description: `${label} (${figure.id})`,
  };
}

/** The observations lower than the one before them. */
function fellFromPrevious(observations: TradeMark[]): Set<TradeMark> {
  return new Set(observations.filter((mark, i) => i > 0 && mark.value < observations[i - 1]!.value));
}

function periodText(start: string, end: string): string {
  return start === end ? start : `${start}–${end}`;
}

/** "$2.35B", "$85M": three significant digits at most. */
function usd(value: number): string {
  const [scaled, suffix] = value >= 1e9 ? [value / 1e9, "B"] : value >= 1e6 ? [value / 1e6, "M"] : [value / 1e3, "K"];
  return `$${Number(scaled.toPrecision(3))}${suffix}`;
}

const USD_LABEL_EXPR = "datum.value >= 1e9 ? '$' + datum.value / 1e9 + 'B' : '$' + datum.value / 1e6 + 'M'";

/** Every five years, the domain padded to whole lustra around the data. */
function yearDomain(years: number[]): [number, number] {
  return [Math.floor((Math.min(...years) - 1) / 5) * 5, Math.ceil((Math.max(...years) + 1) / 5) * 5];
}

function yearAxis([first, last]: [number, number]) {
  const values = Array.from({ length: (last - first) / 5 + 1 }, (_, i) => first + 5 * i);
  return { values, format: "d", grid: true };
}

/** Whole decades around the values: [1e7, 1e10] for $45M..$6B. */
function decadeDomain(values: number[]): [number, number] {
  return [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
}

/** 1, 2, 5, 10, 20, 50, ... within a decade domain. */
function oneTwoFiveTicks([low, high]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let decade = low; decade < high; decade *= 10) ticks.push(decade, 2 * decade, 5 * decade);
  return [...ticks, high];
}

function seriesStart(series: TradeTurnover[]): string {
  return series.map((row) => row.period_start.slice(0, 4)).sort()[0]!;
}

function seriesEnd(series: TradeTurnover[]): string {
  return series.map((row) => row.period_end.slice(0, 4)).sort().at(-1)!;
}

// ---------------------------------------------------------------------------------------------------------------
// Events timeline

const LANE_HEIGHT = 16;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface EventMark {
  lane: string;
  type: string;
  start: number;
  end: number;
  middle: number;
  single: boolean;
  description: string;
}

function eventsTimelineSpec(events: Event[], source: string): TopLevelSpec {
  const marks = [...events].sort(byDateThenId).map(eventMark);
  if (marks.length === 0) throw new Error("charts: no events to draw");
  const time = timeAxis(marks);
  const height = marks.length * LANE_HEIGHT;
  const types = [...new Set(marks.map((m) => m.type))];
  const lanes = [...new Set(marks.map((m) => m.lane))];
  const x = (field: string) => ({ field, type: "quantitative", title: "Year", scale: time.scale, axis: { values: time.ticks, format: "d", grid: true, labelFlush: false } }) as const;
  const encoding = {
    y: {
      field: "lane",
      type: "nominal",
      title: null,
      scale: { domain: lanes },
      axis: { labelLimit: 620, labelFontSize: 10, grid: true, gridColor: "#eee", domain: false, ticks: false, labelPadding: 6 },
    },
    color: {
      field: "type",
      type: "nominal",
      title: "Event type",
      scale: { domain: types, scheme: "tableau20" },
      legend: { orient: "top", direction: "horizontal", columns: 3, symbolType: "circle", titleOrient: "left" },
    },
    description: { field: "description" },
  } as const;
  const firstYear = Math.floor(Math.min(...marks.map((m) => m.start)));
  const lastYear = Math.ceil(Math.max(...marks.map((m) => m.end))) - 1;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Dated events in Russian–North Korean relations, ${firstYear}–${lastYear}`,
      subtitle: `Bars: periods; dots: a single year, month or day. * Date inferred from the memo's wording. The time axis is stretched after ${time.stretchFrom}.`,
      anchor: "start",
    },
    width: TIMELINE_WIDTH,
    height,
    config: CONFIG,
    layer: [
      {
        name: "axis_stretch",
        data: { values: [{ year: time.stretchFrom }] },
        mark: { type: "rule", strokeDash: [4, 3], color: NOTE_COLOR },
        encoding: { x: x("year") },
      },
      {
        name: "event_periods",
        data: { values: marks.filter((m) => !m.single) },
        mark: { type: "bar", height: 9, cornerRadius: 2 },
        encoding: { ...encoding, x: x("start"), x2: { field: "end" } },
      },
      {
        name: "event_dates",
        data: { values: marks.filter((m) => m.single) },
        mark: { type: "point", filled: true, size: 70, opacity: 1 },
        encoding: { ...encoding, x: x("middle") },
      },
      sourceNote(source, height),
    ],
  };
}

const TIMELINE_WIDTH = 400;
/** Share of the width given to the years before the stretch. */
const EARLY_SHARE = 0.3;
const MIN_TICK_SPACING = 36;

/**
 * The memo dates most events in its last decade or so, and a linear axis from the 1940s would pile them into a
 * sliver. The axis is piecewise linear instead: the decade in which the later three quarters of the events begin
 * starts a stretched part with 70% of the width, marked by a dashed rule and said in the subtitle.
 */
function timeAxis(marks: EventMark[]) {
  const starts = marks.map((m) => m.start).sort((a, b) => a - b);
  const first = Math.floor((starts[0]! - 1) / 10) * 10;
  const last = Math.ceil(Math.max(...marks.map((m) => m.end)));
  const stretchFrom = Math.max(first + 10, Math.floor(starts[Math.floor(starts.length / 4)]! / 10) * 10);
  const earlyWidth = EARLY_SHARE * TIMELINE_WIDTH;
  const early = yearTicks(first, stretchFrom, earlyWidth / (stretchFrom - first)).slice(0, -1);
  const late = yearTicks(stretchFrom, last, (TIMELINE_WIDTH - earlyWidth) / (last - stretchFrom));
  return {
    stretchFrom,
    ticks: [...early, ...late],
    scale: { domain: [first, stretchFrom, last], range: [0, earlyWidth, TIMELINE_WIDTH], nice: false, zero: false },
  };
}

/** Round years from `first` to `last`, at least MIN_TICK_SPACING pixels apart so that every label shows. */
function yearTicks(first: number, last: number, pixelsPerYear: number): number[] {
  const step = [1, 2, 5, 10, 20, 50].find((years) => years * pixelsPerYear >= MIN_TICK_SPACING) ?? 100;
  return Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + step * i);
}

function eventMark(event: Event): EventMark {
  const start = startYear(event.date_start);
  const end = endYear(event.date_end);
  const single = event.date_start === event.date_end;
  const when = (single ? dateLabel(event.date_start) : `${dateLabel(event.date_start)}–${dateLabel(event.date_end)}`) + (event.date_basis === "inferred" ? "*" : "");
  return {
    lane: `${when} · ${event.title}`,
    type: typeLabel(event.event_type),
    start,
    end,
    middle: (start + end) / 2,
    single,
    description: `${when}: ${event.title} (${event.id})`,
  };
}

function byDateThenId(a: Event, b: Event): number {
  return a.date_start.localeCompare(b.date_start) || a.date_end.localeCompare(b.date_end) || a.id.localeCompare(b.id);
}

/** "2014" → "2014", "2014-03" → "Mar 2014", "2014-03-27" → "27 Mar 2014". */
function dateLabel(date: string): string {
  const [year, month, day] = date.split("-");
  if (month === undefined) return year!;
  const name = `${MONTHS[Number(month) - 1]} ${year}`;
  return day === undefined ? name : `${Number(day)} ${name}`;
}

function typeLabel(type: string): string {
  return type.replaceAll("_", " ").replace("un ", "UN ");
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

const CONFIG = {
  // A margin for fonts a little wider than the estimate in useEstimatedTextWidths.
  padding: 16,
  font: "sans-serif",
  title: { fontSize: 15, subtitleFontSize: FONT_SIZE, subtitleColor: NOTE_COLOR, offset: 12 },
  axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, titleFontWeight: "normal", gridColor: "#e6e6e6" },
  legend: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelLimit: 260 },
  view: { stroke: null },
} as const;

/** The source line under the plot, in pixels from its top. */
/** "Source: Golunov, PONARS Eurasia Policy Memo 428, 2016", from the sources table. */
function sourceLine(sources: Source[]): string {
  const cite = (s: Source) => [s.author.split(" ").at(-1), [s.series, s.number].filter(Boolean).join(" "), s.published.slice(0, 4)].filter(Boolean).join(", ");
  return `Source: ${sources.map(cite).join("; ")}`;
}

function sourceNote(note: string, plotHeight: number) {
  return {
    name: "source_note",
    data: { values: [{ note }] },
    mark: { type: "text", align: "left", baseline: "top", fontSize: 10, color: NOTE_COLOR },
    encoding: { x: { value: 0 }, y: { value: plotHeight + 40 }, text: { field: "note" } },
  } as const;
}
