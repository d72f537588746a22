/**
 * The `timeline` chart kind: every dated event on one row, a bar for a period and a dot for a single date,
 * coloured by its PLOVER group (cooperation in blues, conflict in oranges; verbal light, material dark), with
 * its event type in the row's label.
 */
import type { TopLevelSpec } from "vega-lite";
import { endYear, startYear } from "../../../derive/periods.ts";
import { z } from "zod";
import {
  chartKind,
  CONFIG,
  dateLabel,
  NOTE_COLOR,
  notesLayer,
  sourceLine,
  type ChartContext,
  type ChartDrawing,
} from "../kit.ts";
import { ploverGroup, PLOVER_GROUPS, type PloverGroup } from "../plover.ts";
import type { Event } from "../../../../schemas/index.ts";
import { words } from "../../../config/format-unit.ts";

const NO_CATEGORY = "no PLOVER category";

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

const LANE_HEIGHT = 16;
const WIDTH = 400;
/** Share of the width given to the years before the stretch. */
const EARLY_SHARE = 0.3;
const MIN_TICK_SPACING = 36;

interface EventMark {
  lane: string;
  group: string;
  start: number;
  end: number;
  middle: number;
  single: boolean;
  description: string;
}

/** The timeline draws every event and takes no options. */
export const kind = chartKind({ options: z.object({}).strict(), draw });

function draw({ config, sources, events }: ChartContext): ChartDrawing {
  const sorted = [...events].sort(byDateThenId);
  const marks = sorted.map((event) => eventMark(event, config.actors));
  if (marks.length === 0) throw new Error("charts: no events to draw");
  const time = timeAxis(marks);
  const height = marks.length * LANE_HEIGHT;
  const groups = [...PLOVER_GROUPS, NO_CATEGORY].filter((group) => marks.some((m) => m.group === group));
  const lanes = [...new Set(marks.map((m) => m.lane))];
  const x = (field: string) =>
    ({
      field,
      type: "quantitative",
      title: "Year",
      scale: time.scale,
      axis: { values: time.ticks, format: "d", grid: true, labelFlush: false },
    }) as const;
  const encoding = {
    y: {
      field: "lane",
      type: "nominal",
      title: null,
      scale: { domain: lanes },
      axis: {
        labelLimit: 720,
        labelFontSize: 10,
        grid: true,
        gridColor: "#eee",
        domain: false,
        ticks: false,
        labelPadding: 6,
      },
    },
    color: {
      field: "group",
      type: "nominal",
      title: "PLOVER group",
      scale: { domain: groups, range: groups.map((g) => GROUP_COLORS[g as PloverGroup]) },
      legend: { orient: "top", direction: "horizontal", columns: 2, symbolType: "circle", titleOrient: "left" },
    },
    description: { field: "description" },
  } as const;
  const firstYear = Math.floor(Math.min(...marks.map((m) => m.start)));
  const lastYear = Math.ceil(Math.max(...marks.map((m) => m.end))) - 1;
  const title = `Dated events in the sources, ${firstYear}–${lastYear}`;
  const subtitle =
    "Bars: periods; dots: a single year, month or day; [ ]: event type. * Date inferred from the source's wording; " +
    `by: no later than that date. The time axis is stretched after ${time.stretchFrom}.`;
  const source = sourceLine(sources, sorted);
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle, anchor: "start" },
    width: WIDTH,
    height,
    config: CONFIG,
    layer: [
      {
        name: "axis_stretch",
        data: { values: [{ year: time.stretchFrom }] },
        mark: { type: "rule", strokeDash: [4, 3], color: NOTE_COLOR, aria: false },
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
      notesLayer([source], height + 40),
    ],
  };
  const counts = groups.map((group) => `${marks.filter((m) => m.group === group).length} ${group}`).join(", ");
  const description =
    `${marks.length} events from ${firstYear} to ${lastYear} (${counts}), in date order: ` +
    `${marks.map((m) => m.description).join("; ")}. ${source}.`;
  return { spec, title, description };
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
  const earlyWidth = EARLY_SHARE * WIDTH;
  const early = yearTicks(first, stretchFrom, earlyWidth / (stretchFrom - first)).slice(0, -1);
  const late = yearTicks(stretchFrom, last, (WIDTH - earlyWidth) / (last - stretchFrom));
  return {
    stretchFrom,
    ticks: [...early, ...late],
    scale: { domain: [first, stretchFrom, last], range: [0, earlyWidth, WIDTH], nice: false, zero: false },
  };
}

/** Round years from `first` to `last`, at least MIN_TICK_SPACING pixels apart so that every label shows. */
function yearTicks(first: number, last: number, pixelsPerYear: number): number[] {
  const step = [1, 2, 5, 10, 20, 50].find((years) => years * pixelsPerYear >= MIN_TICK_SPACING) ?? 100;
  return Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + step * i);
}

function eventMark(event: Event, actors: Record<string, unknown>): EventMark {
  const start = startYear(event.date_start);
  const end = endYear(event.date_end);
  // A date the source gives only as an upper bound is a point at its end, labelled "by", never a period.
  const bounded = event.date_basis === "no_later_than";
  const single = bounded || event.date_start === event.date_end;
  const span =
    event.date_start === event.date_end
      ? dateLabel(event.date_start)
      : `${dateLabel(event.date_start)}–${dateLabel(event.date_end)}`;
  const when = bounded ? `by ${span}` : span + (event.date_basis === "inferred" ? "*" : "");
  const type = typeWords(event.event_type, actors);
  const group = ploverGroup(event.plover) ?? NO_CATEGORY;
  const category = event.plover === null ? NO_CATEGORY : `PLOVER ${event.plover}, ${group}`;
  return {
    lane: `${when} · ${event.title} [${type}]`,
    group,
    start,
    end,
    middle: bounded ? end : (start + end) / 2,
    single,
    description: `${when}: ${event.title}; ${type}; ${category} (${event.id})`,
  };
}

/** "weapons test"; a word that is an actor code keeps its capitals ("un_vote" → "UN vote"). */
function typeWords(type: string, actors: Record<string, unknown>): string {
  return words(type)
    .split(" ")
    .map((word) => (word.toUpperCase() in actors ? word.toUpperCase() : word))
    .join(" ");
}

function byDateThenId(a: Event, b: Event): number {
  return a.date_start.localeCompare(b.date_start) || a.date_end.localeCompare(b.date_end) || a.id.localeCompare(b.id);
}
