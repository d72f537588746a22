/**
 * The `series` chart kind: one series of dataset.yaml's `series` on a log axis, one mark per observation, with
 * the figures of the measures in the entry's `beside` (other parties, projections) labelled with the source's own
 * words, and a series break drawn and explained wherever an observation has a `break_note`.
 */
import type { TopLevelSpec } from "vega-lite";
import { endYear, startYear } from "../../../derive/periods.ts";
import { z } from "zod";
import {
  chartKind,
  CONFIG,
  FONT_SIZE,
  NOTE_COLOR,
  notesLayer,
  periodText,
  sourceLine,
  type ChartContext,
  type ChartDrawing,
} from "../kit.ts";
import type { Figure, Mention, SeriesObservation } from "../../../../schemas/index.ts";
import { HEDGES, QUALIFIERS, type Qualifier } from "../../../../schemas/qualifiers.ts";
import { actorName, formatValue, words } from "../../../config/format-unit.ts";

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

/** A claim other than a reported fact is named in its label; a projection is of a level reached "by" its period. */
const CLAIMS: Record<Figure["claim_type"], { label: string | null; preposition: string }> = {
  reported: { label: null, preposition: "in" },
  estimate: { label: "estimate", preposition: "in" },
  projection: { label: "projection", preposition: "by" },
  allegation: { label: "allegation", preposition: "in" },
};

function hedgeLegend(q: Qualifier): string {
  const { name, words } = HEDGE_MARKS[q];
  return words === "" ? name : `${name} (${words})`;
}

interface Mark {
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

const WIDTH = 560;
const HEIGHT = 360;

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
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const observations = rows.map((row) => observationMark(row, amount));
  const seriesIds = new Set(rows.map((row) => row.figure_id));
  const besideFigures = figures.filter(
    (f) => options.beside.includes(f.measure) && !seriesIds.has(f.id) && f.period_start !== null,
  );
  const last = observations.at(-1)!;
  const seriesParties = [definition.subject, definition.counterpart];
  const besides = besideFigures.map((f) =>
    besideMark(f, mentions, seriesParties, (code) => actorName(code, config.actors), amount),
  );
  // A figure of the series' own parties after its last observation continues it: a dashed path leads there.
  const continuations = besides.filter(
    (mark, i) => mark.start >= last.end && sameParties(besideFigures[i]!, seriesParties),
  );
  const breaks = rows.flatMap((row, i) =>
    i > 0 && row.break_note ? [{ before: rows[i - 1]!, after: row, note: row.break_note }] : [],
  );
  const all = [...observations, ...besides];
  const fell = new Set(observations.filter((mark, i) => i > 0 && mark.value < observations[i - 1]!.value));
  const xDomain = yearDomain(all.flatMap((m) => [m.start, m.end]));
  const yDomain = decadeDomain(all.map((m) => m.value));
  const unitName = config.units[unit]!.name;
  const x = (field: string) =>
    ({
      field,
      type: "quantitative",
      title: "Year",
      scale: { domain: xDomain, nice: false, zero: false },
      axis: yearAxis(xDomain),
    }) as const;
  const ticks = oneTwoFiveTicks(yDomain);
  const y = {
    field: "value",
    type: "quantitative",
    title: `${capitalized(words(definition.measure))}, ${unitName} (log scale)`,
    scale: { type: "log", domain: yDomain, nice: false },
    axis: { values: ticks, labelExpr: lookupExpression(ticks, amount), grid: true },
  } as const;
  const usedHedges = QUALIFIERS.filter((q) => all.some((m) => m.hedge === hedgeLegend(q)));
  const hedgeScale = (channel: "shape" | "color") =>
    ({
      field: "hedge",
      type: "nominal",
      title: "Hedge in the source",
      legend: { orient: "right" },
      scale: { domain: usedHedges.map(hedgeLegend), range: usedHedges.map((q) => HEDGE_MARKS[q][channel]) },
    }) as const;
  const hedged = {
    x: x("year"),
    y,
    shape: hedgeScale("shape"),
    color: hedgeScale("color"),
    description: { field: "description" },
  };
  const labels = (name: string, marks: Mark[], placement: { dx?: number; dy?: number; align: "right" | "center" }) =>
    ({
      name,
      data: { values: marks },
      mark: { type: "text", fontSize: FONT_SIZE, baseline: "middle", aria: false, ...placement },
      encoding: { x: x("year"), y, text: { field: "label" } },
    }) as const;

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
  const drawn = [...rows.map((row) => figureById.get(row.figure_id)!).filter(Boolean), ...besideFigures];
  const source = sourceLine(sources, drawn);
  const breakMarks = breaks.map((b) => ({
    year: (endYear(b.before.period_end) + startYear(b.after.period_start)) / 2,
    label: "series break",
    description: b.note,
  }));

  // Log, not a broken axis: the series runs from tens of millions to billions. On a linear axis the low
  // observations would sit in the bottom tenth; a log axis shows the falls and recoveries as the ratios they are.
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle:
        "One mark per figure in the sources; shape and colour show its hedge; hollow marks: figures beside the series",
      anchor: "start",
    },
    width: WIDTH,
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
        data: { values: breakMarks },
        mark: {
          type: "text",
          fontSize: 10,
          color: NOTE_COLOR,
          angle: 270,
          align: "right",
          baseline: "bottom",
          dx: -4,
          dy: -2,
          aria: false,
        },
        encoding: { x: x("year"), y: { value: 0 }, text: { field: "label" } },
      },
      {
        name: "ranges",
        data: { values: all.filter((m) => m.spansPeriods) },
        mark: { type: "rule", strokeWidth: 2, aria: false },
        encoding: { x: x("start"), x2: { field: "end" }, y, color: hedgeScale("color") },
      },
      {
        name: "continuation_paths",
        data: {
          values: continuations.map((t) => ({ from: last.year, fromValue: last.value, to: t.year, value: t.value })),
        },
        mark: { type: "rule", strokeDash: [5, 4], color: NOTE_COLOR, strokeWidth: 1.2, aria: false },
        encoding: { x: x("from"), x2: { field: "to" }, y: { ...y, field: "fromValue" }, y2: { field: "value" } },
      },
      {
        name: "observations",
        data: { values: observations },
        mark: { type: "point", filled: true, size: 90, opacity: 1 },
        encoding: hedged,
      },
      labels(
        "observation_labels",
        observations.filter((m) => !fell.has(m)),
        { dy: -14, align: "center" },
      ),
      // Below and to the left of a point that fell from the one before: clear of both neighbours and of a
      // dashed path that leaves the last point upwards to the right.
      labels(
        "observation_labels_below",
        observations.filter((m) => fell.has(m)),
        { dy: 14, dx: 6, align: "right" },
      ),
      {
        name: "beside",
        data: { values: besides },
        mark: { type: "point", filled: false, size: 140, strokeWidth: 2, opacity: 1 },
        encoding: hedged,
      },
      labels("beside_labels", besides, { dy: -16, align: "right", dx: -4 }),
      notesLayer([...breakNotes, source], HEIGHT + 40),
    ],
  };
  const description = [
    `${definition.title}: ${observations.length} observations from ${first} to ${end}: ` +
      `${observations.map((m) => m.description).join("; ")}.`,
    ...besides.map((m) => `Beside them: ${m.description}.`),
    ...breakNotes.map(sentence),
    sentence(source),
  ].join(" ");
  return { spec, title, description };
}

function observationMark(row: SeriesObservation, amount: (value: number) => string): Mark {
  const start = startYear(row.period_start);
  const end = endYear(row.period_end);
  const breakText = row.break_note ? `, series break before it: ${row.break_note}` : "";
  return {
    year: (start + end) / 2,
    start,
    end,
    value: row.value,
    spansPeriods: row.period_start !== row.period_end,
    hedge: hedgeLegend(row.qualifier),
    label: amount(row.value),
    description:
      `${periodText(row.period_start, row.period_end)}: ${amount(row.value)}, ` +
      `${HEDGE_MARKS[row.qualifier].name}${breakText} (${row.figure_id})`,
  };
}

/**
 * "projection: as much as $1 billion by 2020", "China–North Korea: over $6 billion in 2013": the parties when
 * they are not the series' own, the claim when it is not a reported fact, and the amount in the source's words.
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
  const prefix = [parties, claim.label].filter(Boolean).join(" ");
  const words = amountInWords(figure, mentions) ?? `${HEDGE_PREFIXES[figure.qualifier]}${amount(figure.value)}`;
  const period = periodText(figure.period_start!, figure.period_end!);
  const label = `${prefix === "" ? "" : `${prefix}: `}${words} ${claim.preposition} ${period}`;
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

/** The amount as the source words it, hedge included ("as much as $1 billion"): the figure's quantity mention. */
function amountInWords(figure: Figure, mentions: readonly Mention[]): string | null {
  return mentions.find((m) => m.kind === "quantity" && m.used_by.includes(figure.id))?.text ?? null;
}

function sameParties(figure: Figure, [subject, counterpart]: string[]): boolean {
  return figure.subject === subject && figure.counterpart === counterpart;
}

/** The text ending with a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
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
