/**
 * The `timeline` chart kind: every dated event on a row of its own, its label (date, title, event type) above a
 * mark on a shared time axis, coloured by its PLOVER group (cooperation in blues, conflict in oranges; verbal
 * light, material dark). The mark says what the dates mean (see the datasheet's "Windows and durations"): a
 * solid bar for a happening that lasted that long (an explicit range), a bracket for a window within which it
 * took place, a dot for a single year, month or day, and an arrow open to the left for a date the source gives
 * only as the latest it allows. Labels take the chart's whole width above their marks, so the chart reads on a
 * phone; rows never overlap.
 */
import type { TopLevelSpec } from "vega-lite";
import { endYear, startYear } from "../../../derive/periods.ts";
import { z } from "zod";
import {
  chartKind,
  chartTitle,
  CONFIG,
  CONTENT_WIDTH,
  dateLabel,
  FONT_SIZE,
  LINE_HEIGHT,
  NOTE_COLOR,
  notesLayer,
  sourceLine,
  sourceMarkers,
  textWidth,
  wrapToWidth,
  type ChartContext,
  type ChartDrawing,
} from "../kit.ts";
import { LabelPlacementError } from "../labels.ts";
import { ploverGroup, PLOVER_GROUPS, type PloverGroup } from "../plover.ts";
import type { DatasetConfig } from "../../../config/dataset-config.ts";
import type { Event } from "../../../../schemas/index.ts";
import { termName } from "../../../tables/codebook.ts";

const NO_CATEGORY = "no PLOVER category";
const TRACK_COLOR = "#f0f0f0";

/**
 * Okabe–Ito hues, colour-blind safe: a reader tells cooperation from conflict by hue, verbal from material by depth.
 */
const GROUP_COLORS: Record<PloverGroup | typeof NO_CATEGORY, string> = {
  "verbal cooperation": "#56B4E9",
  "material cooperation": "#0072B2",
  "verbal conflict": "#E69F00",
  "material conflict": "#D55E00",
  [NO_CATEGORY]: "#999999",
};

/** What a mark's shape says about the dates, in the key's words. */
const SHAPES = {
  duration: "bar: lasted this long",
  window: "bracket: happened once within this window",
  single: "dot: a single year, month or day",
  bound: "◂ no later than this date",
} as const;
type Shape = keyof typeof SHAPES;

/** Pixels: the label's lines, then the mark's band, then the gap to the next row. */
const MARK_BAND = 16;
const ROW_GAP = 8;
const BAR_HEIGHT = 8;
const CAP_HEIGHT = 10;
/** How far the no-later-than arrow reaches left of its date. */
const BOUND_REACH = 26;
/** Share of the width given to the years before the stretch. */
const EARLY_SHARE = 0.3;
const MIN_TICK_SPACING = 48;

interface EventMark {
  shape: Shape;
  group: string;
  start: number;
  end: number;
  middle: number;
  lines: string[];
  /** The row's top, the middle of its mark's band and the band's edges, in pixels from the plot's top. */
  top: number;
  y: number;
  trackTop: number;
  trackBottom: number;
  description: string;
}

/** The timeline draws every event and takes no options. */
export const kind = chartKind({ options: z.object({}).strict(), draw });

function draw({ config, sources, events }: ChartContext): ChartDrawing {
  const sorted = [...events].sort(byDateThenId);
  if (sorted.length === 0) throw new Error("charts: no events to draw");
  const markers = sourceMarkers(sources, sorted);
  const marks = layOutRows(
    sorted.map((event) => eventMark(event, config.event_types, markers.get(event.source_id) ?? "")),
  );
  const time = timeAxis(marks);
  const height = marks.at(-1)!.y + MARK_BAND / 2;
  const groups = [...PLOVER_GROUPS, NO_CATEGORY].filter((group) => marks.some((m) => m.group === group));
  const shapes = (Object.keys(SHAPES) as Shape[]).filter((shape) => marks.some((m) => m.shape === shape));
  // One layer carries the axis under the rows, another the same axis over them; the rest draw none.
  const x = (field: string, orient: "top" | "bottom" | null = null) =>
    ({
      field,
      type: "quantitative",
      title: orient === "bottom" ? "Year" : null,
      scale: time.scale,
      axis: orient === null ? null : { values: time.ticks, format: "d", grid: false, labelFlush: true, orient },
    }) as const;
  const y = (field: string) => ({ field, type: "quantitative", scale: null, axis: null }) as const;
  const color = {
    field: "group",
    type: "nominal",
    title: "PLOVER group",
    scale: { domain: groups, range: groups.map((g) => GROUP_COLORS[g as PloverGroup]) },
    legend: { orient: "top", direction: "vertical", columns: 2, symbolType: "circle", columnPadding: 12 },
  } as const;
  const of = (shape: Shape) => marks.filter((m) => m.shape === shape);
  const caps = [
    ...of("window").flatMap((m) => [m.start, m.end].map((at) => ({ ...m, at }))),
    ...of("bound").map((m) => ({ ...m, at: m.end })),
  ];
  const firstYear = Math.floor(Math.min(...marks.map((m) => m.start)));
  const lastYear = Math.ceil(Math.max(...marks.map((m) => m.end))) - 1;
  const title = `Dated events in the sources, ${firstYear}–${lastYear}`;
  const subtitle = [
    "Each row: date · event [event type], then its mark.",
    `${capitalized(shapes.map((shape) => SHAPES[shape]).join("; "))}.`,
    `* Date inferred from the source's wording. The time axis is stretched after ${time.stretchFrom} (dashed).`,
  ];
  const source = sourceLine(sources, sorted);
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, subtitle),
    width: CONTENT_WIDTH,
    height,
    config: CONFIG,
    resolve: { axis: { x: "independent" } },
    layer: [
      {
        name: "axis_above",
        data: { values: [{ year: time.stretchFrom }] },
        mark: { type: "rule", opacity: 0, aria: false },
        encoding: { x: x("year", "top") },
      },
      {
        name: "axis_below",
        data: { values: [{ year: time.stretchFrom }] },
        mark: { type: "rule", opacity: 0, aria: false },
        encoding: { x: x("year", "bottom") },
      },
      // Each mark stands on a light track with the axis's years marked, so that no rule runs through a label.
      {
        name: "tracks",
        data: { values: marks },
        mark: { type: "rect", color: TRACK_COLOR, aria: false },
        encoding: {
          x: { value: 0 },
          x2: { value: CONTENT_WIDTH },
          y: y("trackTop"),
          y2: { field: "trackBottom" },
        },
      },
      {
        name: "track_years",
        data: {
          values: marks.flatMap((m) => time.ticks.map((year) => ({ year, top: m.trackTop, bottom: m.trackBottom }))),
        },
        mark: { type: "rule", color: "#fff", strokeWidth: 1, aria: false },
        encoding: { x: x("year"), y: y("top"), y2: { field: "bottom" } },
      },
      {
        name: "axis_stretch",
        data: { values: marks.map((m) => ({ year: time.stretchFrom, top: m.trackTop, bottom: m.trackBottom })) },
        mark: { type: "rule", strokeDash: [3, 2], color: NOTE_COLOR, aria: false },
        encoding: { x: x("year"), y: y("top"), y2: { field: "bottom" } },
      },
      {
        name: "row_labels",
        data: { values: marks },
        mark: {
          type: "text",
          align: "left",
          baseline: "top",
          fontSize: FONT_SIZE,
          lineHeight: LINE_HEIGHT,
          aria: false,
        },
        encoding: { x: { value: 0 }, y: y("top"), text: { field: "lines" } },
      },
      {
        name: "event_durations",
        data: { values: of("duration") },
        mark: { type: "bar", height: BAR_HEIGHT, cornerRadius: 2 },
        encoding: { x: x("start"), x2: { field: "end" }, y: y("y"), color, description: { field: "description" } },
      },
      {
        name: "event_windows",
        data: { values: of("window") },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: { x: x("start"), x2: { field: "end" }, y: y("y"), color, description: { field: "description" } },
      },
      {
        name: "event_bounds",
        data: { values: of("bound") },
        mark: { type: "rule", strokeWidth: 2, xOffset: -BOUND_REACH },
        encoding: { x: x("end"), x2: { field: "end" }, y: y("y"), color, description: { field: "description" } },
      },
      {
        name: "bound_arrows",
        data: { values: of("bound") },
        mark: { type: "point", shape: "triangle-left", filled: true, size: 60, opacity: 1, xOffset: -BOUND_REACH },
        encoding: { x: x("end"), y: y("y"), color, description: { field: "description" } },
      },
      {
        name: "caps",
        data: { values: caps },
        mark: { type: "rule", strokeWidth: 2, aria: false, yOffset: -CAP_HEIGHT / 2, y2Offset: CAP_HEIGHT / 2 },
        encoding: { x: x("at"), y: y("y"), y2: { field: "y" }, color },
      },
      {
        name: "event_dates",
        data: { values: of("single") },
        mark: { type: "point", filled: true, size: 70, opacity: 1 },
        encoding: { x: x("middle"), y: y("y"), color, description: { field: "description" } },
      },
      { ...notesLayer([source], height + 56), encoding: { x: { value: 0 }, y: { value: height + 56 } } },
    ],
  };
  const counts = groups.map((group) => `${marks.filter((m) => m.group === group).length} ${group}`).join(", ");
  const description =
    `${marks.length} events from ${firstYear} to ${lastYear} (${counts}), in date order: ` +
    `${marks.map((m) => m.description).join("; ")}. ${source}.`;
  return { spec, title, description };
}

/** Rows one under the other: each label's lines, then its mark's band. */
function layOutRows(marks: Omit<EventMark, "top" | "y" | "trackTop" | "trackBottom">[]): EventMark[] {
  let top = ROW_GAP;
  return marks.map((mark) => {
    for (const line of mark.lines) {
      if (textWidth(line) > CONTENT_WIDTH)
        throw new LabelPlacementError(
          `no room for the label "${mark.lines.join(" ")}": a word is wider than the chart`,
        );
    }
    const y = top + (mark.lines.length - 1) * LINE_HEIGHT + FONT_SIZE + MARK_BAND / 2 + 2;
    const row = { ...mark, top, y, trackTop: y - MARK_BAND / 2, trackBottom: y + MARK_BAND / 2 };
    top = row.trackBottom + ROW_GAP;
    return row;
  });
}

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
  const earlyWidth = EARLY_SHARE * CONTENT_WIDTH;
  const early = yearTicks(first, stretchFrom, earlyWidth / (stretchFrom - first)).slice(0, -1);
  const late = yearTicks(stretchFrom, last, (CONTENT_WIDTH - earlyWidth) / (last - stretchFrom));
  return {
    stretchFrom,
    ticks: [...early, ...late],
    scale: { domain: [first, stretchFrom, last], range: [0, earlyWidth, CONTENT_WIDTH], nice: false, zero: false },
  };
}

/** Round years from `first` to `last`, at least MIN_TICK_SPACING pixels apart so that every label shows. */
function yearTicks(first: number, last: number, pixelsPerYear: number): number[] {
  const step = [1, 2, 5, 10, 20, 50].find((years) => years * pixelsPerYear >= MIN_TICK_SPACING) ?? 100;
  return Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + step * i);
}

/** What the dates mean: a duration only when the source states the range itself (see the datasheet). */
function shapeOf(event: Event): Shape {
  if (event.date_basis === "no_later_than") return "bound";
  if (event.date_start === event.date_end) return "single";
  return event.date_precision === "range" && event.date_basis === "explicit" ? "duration" : "window";
}

function eventMark(
  event: Event,
  eventTypes: DatasetConfig["event_types"],
  marker: string,
): Omit<EventMark, "top" | "y" | "trackTop" | "trackBottom"> {
  const start = startYear(event.date_start);
  const end = endYear(event.date_end);
  const shape = shapeOf(event);
  const span =
    event.date_start === event.date_end
      ? dateLabel(event.date_start)
      : `${dateLabel(event.date_start)}–${dateLabel(event.date_end)}`;
  const when = shape === "bound" ? `by ${span}` : span + (event.date_basis === "inferred" ? "*" : "");
  const type = termName(event.event_type, eventTypes);
  const group = ploverGroup(event.plover) ?? NO_CATEGORY;
  const category = event.plover === null ? NO_CATEGORY : `PLOVER ${event.plover}, ${group}`;
  return {
    shape,
    group,
    start,
    end,
    middle: (start + end) / 2,
    lines: wrapToWidth(`${when} · ${event.title} [${type}]${marker === "" ? "" : ` ${marker}`}`, CONTENT_WIDTH),
    description: `${when}: ${event.title}; ${type}; ${SHAPES[shape]}; ${category} (${event.id})`,
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byDateThenId(a: Event, b: Event): number {
  return a.date_start.localeCompare(b.date_start) || a.date_end.localeCompare(b.date_end) || a.id.localeCompare(b.id);
}
