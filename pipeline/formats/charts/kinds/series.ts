/**
 * The `series` chart kind: one series of dataset.yaml's `series` on a log axis, one mark per observation, with
 * the figures of the measures in the entry's `beside` (other parties, projections) labelled with the source's own
 * words, and a series break drawn and explained wherever an observation has a `break_note`. A projection hedged
 * as a bound ("as much as $1 billion by 2020") is drawn as that bound, a rule from its value towards the values it
 * allows, never joined to the series as if it were a trend. Every label is placed clear of the others and of
 * every mark (labels.ts); where sources state the same value for the same period, one label names them all.
 * However many values sources add, the chart builds: a label with no room beside its mark is listed under the
 * plot instead, with its period, and a break's label with no room is left to the title and the note that name it.
 */
import type { TopLevelSpec } from "vega-lite";
import { endYear, startYear } from "../../../derive/periods.ts";
import { z } from "zod";
import {
  chartKind,
  chartTitle,
  CONFIG,
  CONTENT_WIDTH,
  FONT_SIZE,
  LINE_HEIGHT,
  NOTE_COLOR,
  notesLayer,
  periodText,
  sourceLine,
  sourceMarkers,
  textWidth,
  wrapToWidth,
  type ChartContext,
  type ChartDrawing,
} from "../kit.ts";
import { ALL_SIDES, boxAround, overlaps, placeLabels, type Box, type LabelRequest, type Side } from "../labels.ts";
import type { Figure, Mention, SeriesObservation } from "../../../../schemas/index.ts";
import { HEDGES, QUALIFIERS, type Qualifier } from "../../../../schemas/qualifiers.ts";
import { actorName, formatValue, words } from "../../../config/format-unit.ts";
import { sentence } from "../../../text/sentence.ts";

/** How each hedge is drawn and named; the shapes differ as well as the colours (Okabe–Ito, colour-blind safe). */
const HEDGE_MARKS: Record<Qualifier, { name: string; words: string; shape: string; color: string }> = {
  exact: { name: "exact", words: "", shape: "circle", color: "#0072B2" },
  approximate: {
    name: "approximate",
    words: HEDGES.approximate.slice(0, 2).join(", "),
    shape: "diamond",
    color: "#E69F00",
  },
  at_most: { name: "at most", words: HEDGES.at_most.slice(0, 2).join(", "), shape: "triangle-down", color: "#009E73" },
  at_least: { name: "at least", words: HEDGES.at_least.slice(0, 2).join(", "), shape: "triangle-up", color: "#CC79A7" },
};

/** Before an amount whose words the quote does not give: "at most $2B". */
const HEDGE_PREFIXES: Record<Qualifier, string> = {
  exact: "",
  approximate: "about ",
  at_most: "at most ",
  at_least: "at least ",
};

/**
 * A claim other than a reported fact is named in its label; a projection is of a level reached "by" its period,
 * and a bounded projection is named as the bound it is.
 */
const CLAIMS: Record<Figure["claim_type"], { label: string | null; preposition: string }> = {
  reported: { label: null, preposition: "in" },
  estimate: { label: "estimate", preposition: "in" },
  projection: { label: "projection", preposition: "by" },
  allegation: { label: "allegation", preposition: "in" },
};

/** A projection hedged as a bound is drawn as that bound: a rule from its value down (upper) or up (lower). */
const BOUNDS: Partial<Record<Qualifier, { label: string; towards: "bottom" | "top" }>> = {
  at_most: { label: "projected upper bound", towards: "bottom" },
  at_least: { label: "projected lower bound", towards: "top" },
};

function hedgeLegend(q: Qualifier): string {
  const { name, words } = HEDGE_MARKS[q];
  return words === "" ? name : `${name} (${words})`;
}

/** One drawn mark: one observation, or one figure beside the series; several when sources state the same. */
interface Mark {
  year: number;
  start: number;
  end: number;
  value: number;
  /** "2011–2012". */
  period: string;
  /** More than one year, month or day, such as 2011-2012: drawn as a range. */
  spansPeriods: boolean;
  hedge: string;
  label: string;
  description: string;
  sourceIds: string[];
  /** A bounded projection's rule runs from the value towards this edge of the plot. */
  towards: "bottom" | "top" | null;
}

/** The plot's height in pixels; its width is what the value axis leaves of the chart's (CONTENT_WIDTH). */
const HEIGHT = 340;
/** Symbol areas in square pixels, as Vega sizes them, and the half width of their boxes. */
const POINT_SIZE = 90;
const BESIDE_SIZE = 140;
/** The stroke of a hollow mark beside the series. */
const BESIDE_STROKE = 2;
const halfSide = (size: number, stroke = 0) => Math.sqrt(size) / 2 + stroke;
/** Lines of a label of words beside the series: about a third of the plot's width. */
const BESIDE_LABEL_WIDTH = 190;
/** Pixels between a value's mark and the top or bottom of the plot: a hollow mark's half size as Vega bounds it. */
const EDGE_ROOM = halfSide(BESIDE_SIZE, 2 * BESIDE_STROKE);
/** Year ticks at least this far apart, so that every label shows with room between. */
const MIN_YEAR_TICK_SPACING = 56;

const seriesOptions = z
  .object({
    /** The series of dataset.yaml to draw. */
    series: z.string().min(1),
    /** Measures whose figures are drawn beside the series (other parties, projections), in their own words. */
    beside: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const kind = chartKind({
  options: seriesOptions,
  references: ({ series, beside }) => [
    { path: ["series"], section: "series", term: series },
    ...beside.map((measure, index) => ({ path: ["beside", index], section: "measures" as const, term: measure })),
  ],
  draw,
});

function draw({
  config,
  options,
  sources,
  figures,
  mentions,
  series: allSeries,
}: ChartContext<z.output<typeof seriesOptions>>): ChartDrawing {
  const definition = config.series.find((s) => s.id === options.series)!;
  const rows = [...(allSeries[definition.id] ?? [])].sort(
    (a, b) => startYear(a.period_start) - startYear(b.period_start),
  );
  if (rows.length === 0) throw new Error(`charts: series ${definition.id} has no observations to draw`);
  const unit = config.measures[definition.measure]!.unit;
  const amount = (value: number) => formatValue(value, unit, config.units, { compact: true });
  // The axis title names the unit; the axis and the observations' labels show the numbers (a currency's sign too).
  const number = (value: number) => formatValue(value, unit, config.units, { compact: true, bare: true });
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const seriesIds = new Set(rows.map((row) => row.figure_id));
  const besideFigures = figures.filter(
    (f) => options.beside.includes(f.measure) && !seriesIds.has(f.id) && f.period_start !== null,
  );
  const seriesParties = [definition.subject, definition.counterpart];
  const drawn = [...rows.map((row) => figureById.get(row.figure_id)!).filter(Boolean), ...besideFigures];
  const markers = sourceMarkers(sources, drawn);
  const observations = merged(rows.map((row) => observationMark(row, amount, number)));
  const besides = merged(
    besideFigures.map((f) => besideMark(f, mentions, seriesParties, (code) => actorName(code, config.actors), amount)),
  );
  // A break stands between an observation and the one before it in its own source; sources that break the
  // series at the same place for the same reason share one rule.
  const breaks = [
    ...new Map(
      rows.flatMap((row) => {
        const before = rows.find((r) => r.figure_id === row.previous_figure_id);
        if (!row.break_note || before === undefined) return [];
        const key = JSON.stringify([before.period_end, row.period_start, row.break_note]);
        return [[key, { before, after: row, note: row.break_note }] as const];
      }),
    ).values(),
  ];
  const all = [...observations, ...besides];
  const xDomain = yearDomain(all.flatMap((m) => [m.start, m.end]));
  const yDomain = decadeDomain(all.map((m) => m.value));
  const ticks = oneTwoFiveTicks(yDomain);
  const axisWidth = valueAxisWidth(ticks.map(number));
  const plot = plotScales(xDomain, yDomain, CONTENT_WIDTH - axisWidth);
  const unitName = config.units[unit]!.name;
  const x = (field: string) =>
    ({
      field,
      type: "quantitative",
      title: "Year",
      scale: { domain: xDomain, nice: false, zero: false },
      axis: yearAxis(xDomain, plot.width),
    }) as const;
  const y = {
    field: "value",
    type: "quantitative",
    title: `${capitalized(words(definition.measure))}, ${unitName} (log scale)`,
    scale: { type: "log", domain: yDomain, nice: false },
    axis: { values: ticks, labelExpr: lookupExpression(ticks, number), grid: true },
  } as const;
  const usedHedges = QUALIFIERS.filter((q) => all.some((m) => m.hedge === hedgeLegend(q)));
  const hedgeScale = (channel: "shape" | "color") =>
    ({
      field: "hedge",
      type: "nominal",
      title: "Hedge in the source",
      legend: { orient: "top", direction: "vertical", columns: 1 },
      scale: { domain: usedHedges.map(hedgeLegend), range: usedHedges.map((q) => HEDGE_MARKS[q][channel]) },
    }) as const;
  const hedged = {
    x: x("year"),
    y,
    shape: hedgeScale("shape"),
    color: hedgeScale("color"),
    description: { field: "description" },
  };

  const first = rows[0]!.period_start.slice(0, 4);
  const end = rows.at(-1)!.period_end.slice(0, 4);
  const breakYears = breaks.map((b) => b.after.period_start.slice(0, 4));
  // The series' title names its parties; across a break it says so at once, and the note says why.
  const title =
    `${definition.title}, ` +
    `${first}–${end}${breakYears.length > 0 ? ` (series break before ${breakYears.join(", ")})` : ""}`;
  const breakNotes = breaks.map(
    (b) =>
      `Break between ${periodText(b.before.period_start, b.before.period_end)} and ` +
      `${periodText(b.after.period_start, b.after.period_end)}: ${b.note}`,
  );
  const source = sourceLine(sources, drawn);
  const breakMarks = breaks.map((b) => ({
    year: (endYear(b.before.period_end) + startYear(b.after.period_start)) / 2,
    label: "series break",
    description: b.note,
  }));
  const boundMarks = besides.filter((m) => m.towards !== null);
  const labelled = (marks: Mark[]) =>
    marks.map((m) => ({ ...m, label: `${m.label}${sourceTag(m.sourceIds, markers)}` }));
  const placed = placeAll(plot, labelled(observations), labelled(besides), boundMarks, breakMarks);
  // A label with no room on the plot reads under it, after its period where the label does not give it.
  const unlabelled = [
    ...placed.unplaced.observations.map((m) => `${m.period}: ${m.label}`),
    ...placed.unplaced.besides.map((m) => m.label),
  ];
  const unlabelledNote =
    unlabelled.length === 0 ? [] : [`Not labelled on the plot for want of room: ${unlabelled.join("; ")}`];
  const labelLayer = (name: string, labels: typeof placed.observations) =>
    ({
      name,
      data: { values: labels.map((l) => ({ year: plot.yearAt(l.left), value: plot.valueAt(l.top), lines: l.lines })) },
      mark: {
        type: "text",
        fontSize: FONT_SIZE,
        lineHeight: LINE_HEIGHT,
        align: "left",
        baseline: "top",
        aria: false,
      },
      encoding: { x: x("year"), y, text: { field: "lines" } },
    }) as const;

  // Log, not a broken axis: the series runs from tens of millions to billions. On a linear axis the low
  // observations would sit in the bottom tenth; a log axis shows the falls and recoveries as the ratios they are.
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chartTitle(title, [
      [
        "One mark per figure in the sources; shape and colour show its hedge",
        ...(besides.length > 0 ? ["hollow marks: figures beside the series"] : []),
        ...(boundMarks.length > 0 ? ["a rule from a hollow mark: the values a projected bound allows"] : []),
      ].join("; "),
    ]),
    width: plot.width,
    height: HEIGHT,
    config: CONFIG,
    layer: [
      {
        name: "breaks",
        data: { values: breakMarks },
        mark: { type: "rule", strokeDash: [2, 3], color: NOTE_COLOR, strokeWidth: 1.5 },
        encoding: { x: x("year"), description: { field: "description" } },
      },
      {
        name: "break_labels",
        data: { values: placed.breaks },
        // Rotated to read upwards from its anchor, the box's bottom right corner (see placeAll).
        mark: {
          type: "text",
          fontSize: FONT_SIZE,
          color: NOTE_COLOR,
          angle: 270,
          align: "left",
          baseline: "bottom",
          aria: false,
        },
        encoding: { x: x("year"), y, text: { field: "label" } },
      },
      {
        name: "ranges",
        data: { values: all.filter((m) => m.spansPeriods) },
        mark: { type: "rule", strokeWidth: 2, aria: false },
        encoding: { x: x("start"), x2: { field: "end" }, y, color: hedgeScale("color") },
      },
      {
        name: "bounds",
        data: {
          values: boundMarks.map((m) => ({ ...m, edge: m.towards === "bottom" ? yDomain[0] : yDomain[1] })),
        },
        mark: { type: "rule", strokeWidth: 2, aria: false },
        encoding: { x: x("year"), y, y2: { field: "edge" }, color: hedgeScale("color") },
      },
      {
        name: "observations",
        data: { values: observations },
        mark: { type: "point", filled: true, size: POINT_SIZE, opacity: 1 },
        encoding: hedged,
      },
      labelLayer("observation_labels", placed.observations),
      {
        name: "beside",
        data: { values: besides },
        mark: { type: "point", filled: false, size: BESIDE_SIZE, strokeWidth: BESIDE_STROKE, opacity: 1 },
        encoding: hedged,
      },
      labelLayer("beside_labels", placed.besides),
      {
        ...notesLayer([...breakNotes, ...unlabelledNote, source], HEIGHT + 56),
        encoding: { x: { value: -axisWidth }, y: { value: HEIGHT + 56 } },
      },
    ],
  };
  const description = [
    `${definition.title}: ${rows.length} observations from ${first} to ${end}: ` +
      `${observations.map((m) => m.description).join("; ")}.`,
    ...besides.map((m) => `Beside them: ${m.description}.`),
    ...breakNotes.map(sentence),
    sentence(source),
  ].join(" ");
  return { spec, title, description };
}

interface PlotScales {
  width: number;
  x(year: number): number;
  y(value: number): number;
  yearAt(px: number): number;
  valueAt(py: number): number;
}

/** The pixel positions Vega-Lite gives a year and a value in the plot, and back. */
function plotScales([x0, x1]: [number, number], [y0, y1]: [number, number], width: number): PlotScales {
  const [l0, l1] = [Math.log10(y0), Math.log10(y1)];
  return {
    width,
    x: (year) => ((year - x0) / (x1 - x0)) * width,
    y: (value) => HEIGHT * (1 - (Math.log10(value) - l0) / (l1 - l0)),
    yearAt: (px) => x0 + (px / width) * (x1 - x0),
    valueAt: (py) => 10 ** (l0 + (1 - py / HEIGHT) * (l1 - l0)),
  };
}

/**
 * Every label placed: the observations' amounts first, above a rise and below a fall; then the words of the
 * figures beside the series, to the left of their marks first (they stand at the series' ends). The marks whose
 * labels found no free place come back as `unplaced`; a break's label with no free place is left out.
 */
function placeAll(
  plot: PlotScales,
  observations: Mark[],
  besides: Mark[],
  bounds: Mark[],
  breaks: { year: number; label: string }[],
) {
  const marks: Box[] = [
    ...observations.map((m) => boxAround(plot.x(m.year), plot.y(m.value), halfSide(POINT_SIZE, 1))),
    // Vega bounds a stroked symbol by twice its stroke width (the stroke and a miter's allowance).
    ...besides.map((m) => boxAround(plot.x(m.year), plot.y(m.value), halfSide(BESIDE_SIZE, 2 * BESIDE_STROKE))),
    ...[...observations, ...besides]
      .filter((m) => m.spansPeriods)
      // A rule's stroke reaches past its ends too, by half its width.
      .map((m) => ({
        x1: plot.x(m.start) - 1,
        y1: plot.y(m.value) - 2,
        x2: plot.x(m.end) + 1,
        y2: plot.y(m.value) + 2,
      })),
    ...bounds.map((m) => {
      const from = plot.y(m.value);
      const [y1, y2] = m.towards === "bottom" ? [from, HEIGHT] : [0, from];
      return { x1: plot.x(m.year) - 2, y1, x2: plot.x(m.year) + 2, y2 };
    }),
    ...breaks.map((b) => ({ x1: plot.x(b.year) - 1, y1: 0, x2: plot.x(b.year) + 1, y2: HEIGHT })),
  ];
  // Each break's label reads upwards along its rule, at its foot or its head, on whichever side is free.
  const breakLabels = breaks.flatMap((b) => {
    const at = plot.x(b.year);
    const [width, height] = [FONT_SIZE, textWidth(b.label)];
    const candidates = [
      { x2: at - 3, y2: HEIGHT - 3 },
      { x2: at + 3 + width, y2: HEIGHT - 3 },
      { x2: at - 3, y2: 3 + height },
      { x2: at + 3 + width, y2: 3 + height },
    ].map(({ x2, y2 }) => ({ x1: x2 - width, y1: y2 - height, x2, y2 }));
    const box = candidates.find((c) => c.x1 >= 0 && c.x2 <= plot.width && !marks.some((mark) => overlaps(c, mark)));
    if (box === undefined) return [];
    marks.push(box);
    return [{ year: plot.yearAt(box.x2), value: plot.valueAt(box.y2), label: b.label, description: b.label }];
  });
  const request = (m: Mark, sides: readonly Side[], layouts: string[][], size: number): LabelRequest => ({
    layouts,
    x: plot.x(m.year),
    y: plot.y(m.value),
    radius: halfSide(size, 2),
    sides,
  });
  const observationRequests = observations.map((m, i) => {
    const fell = i > 0 && m.value < observations[i - 1]!.value;
    const sides: Side[] = fell ? ["below", "below-right", "below-left"] : ["above", "above-right", "above-left"];
    // The amount and its sources' markers on one line.
    return request(m, [...sides, ...ALL_SIDES.filter((side) => !sides.includes(side))], [[m.label]], POINT_SIZE);
  });
  const besideRequests = besides.map((m) =>
    request(
      m,
      ["left", "above-left", "below-left", "above", "below", "right", "above-right", "below-right"],
      [wrapToWidth(m.label, BESIDE_LABEL_WIDTH), wrapToWidth(m.label, BESIDE_LABEL_WIDTH / 2)],
      BESIDE_SIZE,
    ),
  );
  const placed = placeLabels([...observationRequests, ...besideRequests], marks, {
    x1: 0,
    y1: 0,
    x2: plot.width,
    y2: HEIGHT,
  });
  const [observationLabels, besideLabels] = [placed.slice(0, observations.length), placed.slice(observations.length)];
  return {
    observations: observationLabels.filter((label) => label !== null),
    besides: besideLabels.filter((label) => label !== null),
    breaks: breakLabels,
    unplaced: {
      observations: observations.filter((_, i) => observationLabels[i] === null),
      besides: besides.filter((_, i) => besideLabels[i] === null),
    },
  };
}

/** Marks at the same place with the same words, one per source, as one mark that names every source. */
function merged(marks: Mark[]): Mark[] {
  const byPlace = new Map<string, Mark>();
  for (const mark of marks) {
    const key = JSON.stringify([mark.start, mark.end, mark.value, mark.hedge, mark.label, mark.towards]);
    const same = byPlace.get(key);
    if (same === undefined) byPlace.set(key, { ...mark, sourceIds: [...mark.sourceIds] });
    else {
      same.sourceIds.push(...mark.sourceIds.filter((id) => !same.sourceIds.includes(id)));
      same.description += `; also ${mark.description}`;
    }
  }
  return [...byPlace.values()];
}

/**
 * " ¹,²": the markers of the sources that state a label's value, in the source line's order, when the chart draws
 * from more than one.
 */
function sourceTag(sourceIds: string[], markers: Map<string, string>): string {
  const tags = [...markers].filter(([id, tag]) => sourceIds.includes(id) && tag !== "").map(([, tag]) => tag);
  return tags.length === 0 ? "" : ` ${tags.join(",")}`;
}

function observationMark(
  row: SeriesObservation,
  amount: (value: number) => string,
  number: (value: number) => string,
): Mark {
  const start = startYear(row.period_start);
  const end = endYear(row.period_end);
  const breakText = row.break_note ? `, series break before it: ${row.break_note}` : "";
  return {
    year: (start + end) / 2,
    start,
    end,
    period: periodText(row.period_start, row.period_end),
    value: row.value,
    spansPeriods: row.period_start !== row.period_end,
    hedge: hedgeLegend(row.qualifier),
    label: number(row.value),
    description:
      `${periodText(row.period_start, row.period_end)}: ${amount(row.value)}, ` +
      `${HEDGE_MARKS[row.qualifier].name}${breakText} (${row.figure_id})`,
    sourceIds: [row.source_id],
    towards: null,
  };
}

/**
 * "projected upper bound: as much as $1 billion by 2020", "China–North Korea: over $6 billion in 2013": the
 * parties when they are not the series' own, the claim when it is not a reported fact, and the amount in the
 * source's words.
 */
function besideMark(
  figure: Figure,
  mentions: readonly Mention[],
  seriesParties: string[],
  name: (code: string) => string,
  amount: (value: number) => string,
): Mark {
  const start = startYear(figure.period_start!);
  const end = endYear(figure.period_end!);
  const parties = sameParties(figure, seriesParties)
    ? null
    : [figure.subject, figure.counterpart]
        .filter((a) => a !== null)
        .map(name)
        .join("–");
  const claim = CLAIMS[figure.claim_type];
  const bound = figure.claim_type === "projection" ? (BOUNDS[figure.qualifier] ?? null) : null;
  const prefix = [parties, bound?.label ?? claim.label].filter(Boolean).join(" ");
  const words = amountInWords(figure, mentions) ?? `${HEDGE_PREFIXES[figure.qualifier]}${amount(figure.value)}`;
  const period = periodText(figure.period_start!, figure.period_end!);
  const label = `${prefix === "" ? "" : `${prefix}: `}${words} ${claim.preposition} ${period}`;
  return {
    year: (start + end) / 2,
    start,
    end,
    period,
    value: figure.value,
    spansPeriods: figure.period_start !== figure.period_end,
    hedge: hedgeLegend(figure.qualifier),
    label,
    description: `${label} (${figure.id})`,
    sourceIds: [figure.source_id],
    towards: bound?.towards ?? null,
  };
}

/** The amount as the source words it, hedge included ("as much as $1 billion"): the figure's quantity mention. */
function amountInWords(figure: Figure, mentions: readonly Mention[]): string | null {
  return mentions.find((m) => m.kind === "quantity" && m.used_by.includes(figure.id))?.text ?? null;
}

function sameParties(figure: Figure, [subject, counterpart]: string[]): boolean {
  return figure.subject === subject && figure.counterpart === counterpart;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A Vega expression that labels each tick as `format` does: the axis and the marks speak alike. */
function lookupExpression(ticks: number[], format: (value: number) => string): string {
  return ticks.reduceRight(
    (otherwise, tick) => `datum.value === ${tick} ? ${JSON.stringify(format(tick))} : ${otherwise}`,
    "''",
  );
}

/** The domain padded to whole lustra around the data. */
function yearDomain(years: number[]): [number, number] {
  return [Math.floor((Math.min(...years) - 1) / 5) * 5, Math.ceil((Math.max(...years) + 1) / 5) * 5];
}

/** Every 5, 10 or 20 years, whichever leaves the labels room on the plot's width. */
function yearAxis([first, last]: [number, number], width: number) {
  const step = [5, 10, 20, 50].find((years) => (years / (last - first)) * width >= MIN_YEAR_TICK_SPACING) ?? 100;
  const start = Math.ceil(first / step) * step;
  const values = Array.from({ length: Math.floor((last - start) / step) + 1 }, (_, i) => start + step * i);
  return { values, format: "d", grid: true, labelFlush: true };
}

/** The value axis's width as Vega-Lite lays it out: its widest label, the tick and paddings, its rotated title. */
function valueAxisWidth(labels: string[]): number {
  const TICK_AND_PADDINGS = 5 + 2 + 4;
  return Math.ceil(Math.max(...labels.map((label) => textWidth(label))) + TICK_AND_PADDINGS + FONT_SIZE);
}

/**
 * Whole decades around the values: [1e7, 1e10] for $45M..$6B; at least one decade, [1e5, 1e6] for 100K alone. A
 * value so near an end that its mark would reach the axis or the legend beyond it gets one more decade that way.
 */
function decadeDomain(values: number[]): [number, number] {
  const [least, most] = [Math.log10(Math.min(...values)), Math.log10(Math.max(...values))];
  let [low, high] = [Math.floor(least), Math.max(Math.ceil(most), Math.floor(least) + 1)];
  const room = (decades: number) => (decades / (high - low)) * HEIGHT;
  while (room(least - low) < EDGE_ROOM || room(high - most) < EDGE_ROOM) {
    if (room(least - low) < EDGE_ROOM) low -= 1;
    if (room(high - most) < EDGE_ROOM) high += 1;
  }
  return [10 ** low, 10 ** high];
}

/** 1, 2, 5, 10, 20, 50, ... within a decade domain. */
function oneTwoFiveTicks([low, high]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let decade = low; decade < high; decade *= 10) ticks.push(decade, 2 * decade, 5 * decade);
  return [...ticks, high];
}
