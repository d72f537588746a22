/**
 * The build-time charts: one module per kind, well-formed accessible SVG that scales with the page, the same bytes on
 * every render, values and sources from the data, and every label clear of the others and of the marks, checked on
 * the bounding boxes of Vega's own scene graph.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../pipeline/build.ts";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { formatValue } from "../../pipeline/config/format-unit.ts";
import { sourceMarkers, useEstimatedTextWidths } from "../../pipeline/formats/charts/kit.ts";
import { formatFolders } from "../../pipeline/formats/run.ts";
import { chartFiles, drawCharts, type ChartInput } from "../../pipeline/formats/charts/render.ts";
import type { Figure, Mention, SeriesObservation } from "../../schemas/index.ts";
import { QUALIFIERS } from "../../schemas/qualifiers.ts";
import { ROOT } from "../helpers/cli.ts";
import { FIXTURE_SOURCES, repoSourcesWithFixtures } from "../helpers/sources.ts";

const TRADE = "charts/trade-turnover.svg";
const TIMELINE = "charts/events-timeline.svg";
const SERIES = "trade-turnover-rus-prk";
const CONFIG_FILE = join(ROOT, "sources", "dataset.yaml");

/** The memo's charts are drawn here from the memo's published rows alone, whatever else sources/ holds. */
const MEMO = "ponars-pm-428";
const read = (table: string, dir?: string) => {
  const rows = JSON.parse(readFileSync(join(dir ?? join(ROOT, "dist"), "data", `${table}.json`), "utf8"));
  if (dir !== undefined) return rows;
  return (rows as Record<string, unknown>[]).filter((row) => (table === "sources" ? row.id : row.source_id) === MEMO);
};
/** The memo's series as published, and as it would read with no break in it. */
const published: SeriesObservation[] = read("trade_turnover");
const turnover: SeriesObservation[] = published.map((row) => ({ ...row, break_note: null }));
const input: ChartInput = {
  config: await loadDatasetConfig(CONFIG_FILE),
  sources: read("sources"),
  figures: read("figures"),
  events: read("events"),
  mentions: read("mentions"),
  series: { [SERIES]: turnover },
};

const BREAK_NOTE = "The 1988 figure is the Soviet Union's trade, the 1996 one Russia's.";
/** The series as it reads with a break before 1996. */
const withBreak: ChartInput = {
  ...input,
  series: {
    [SERIES]: turnover.map((row) => ({ ...row, break_note: row.period_start === "1996" ? BREAK_NOTE : null })),
  },
};

const MEMO_SOURCE = "Source: Serghei Golunov, PONARS Eurasia Policy Memo 428, 2016";
const PROJECTION = "trade-projection-rus-prk-2020";

/** Another memo by another author, to draw beside the first. */
const OTHER = {
  ...input.sources[0]!,
  id: "other-memo",
  author: "Ann Other",
  series: "Working Papers",
  number: "7",
  published: "2017-03",
};

/** The input with a second source stating the same projection in the same words. */
function withSecondProjection(): ChartInput {
  const projection = input.figures.find((f) => f.id === PROJECTION)!;
  const copy: Figure = { ...projection, id: `${PROJECTION}-other`, source_id: OTHER.id };
  const mention = input.mentions.find((m) => m.used_by.includes(PROJECTION))!;
  const copied: Mention = { ...mention, source_id: OTHER.id, used_by: [copy.id] };
  return {
    ...input,
    sources: [...input.sources, OTHER],
    figures: [...input.figures, copy],
    mentions: [...input.mentions, copied],
  };
}

/** Every figure, observation and event stated again by a second source, break included. */
function statedTwice(): ChartInput {
  const copy = <T extends { source_id: string }>(record: T, id: string) => ({ ...record, id, source_id: OTHER.id });
  const copied = (id: string | null) => (id === null ? null : `copy-${id}`);
  return {
    ...withBreak,
    sources: [...input.sources, OTHER],
    figures: [...input.figures, ...input.figures.map((f) => copy(f, copied(f.id)!))],
    events: [...input.events, ...input.events.map((e) => copy(e, copied(e.id)!))],
    mentions: [
      ...input.mentions,
      ...input.mentions.map((m) => ({ ...m, source_id: OTHER.id, used_by: m.used_by.map((id) => copied(id)!) })),
    ],
    series: {
      [SERIES]: [
        ...withBreak.series[SERIES]!,
        ...withBreak.series[SERIES]!.map((row) => ({
          ...row,
          figure_id: copied(row.figure_id)!,
          previous_figure_id: copied(row.previous_figure_id),
          source_id: OTHER.id,
        })),
      ],
    },
  };
}

let charts: Map<string, string>;
let broken: Map<string, string>;
beforeAll(async () => {
  [charts, broken] = await Promise.all([chartFiles(input), chartFiles(withBreak)]);
});

const svg = (path: string) => charts.get(path)!;

describe("chart files", () => {
  it("are dataset.yaml's charts, in its order, each drawn by the module of its kind", () => {
    expect([...charts.keys()]).toEqual(input.config.charts.map((chart) => `charts/${chart.file}`));
    expect(input.config.charts.map((chart) => chart.kind)).toEqual(["series", "timeline"]);
  });

  it.each([TRADE, TIMELINE])("%s is well-formed SVG with a title and a description for screen readers", (path) => {
    expect(wellFormednessErrors(svg(path))).toEqual([]);
    expect(svg(path)).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/,
    );
  });

  it.each([TRADE, TIMELINE])("%s scales with the page: a viewBox, and no width or height of its own", (path) => {
    const root = /^<svg [^>]*>/.exec(svg(path))![0];
    expect(root).toMatch(/ viewBox="0 0 (\d+) \d+"/);
    expect(Number(/ viewBox="0 0 (\d+)/.exec(root)![1])).toBeLessThanOrEqual(481);
    expect(root).not.toMatch(/ (width|height)=/);
  });

  it("are byte for byte the same when rendered again", async () => {
    expect(await chartFiles(input)).toEqual(charts);
  });

  it("name each event's type on the timeline as the configuration names it", async () => {
    const type = input.events[0]!.event_type;
    const event_types = { ...input.config.event_types, [type]: { ...input.config.event_types[type]!, name: "Qx" } };
    const timeline = (await chartFiles({ ...input, config: { ...input.config, event_types } })).get(TIMELINE)!;
    expect(timeline).toContain("[Qx]");
  });

  it("refuse a kind with no module, naming dataset.yaml's line", async () => {
    const config = {
      ...input.config,
      charts: [...input.config.charts.slice(0, 1), { file: "events-timeline.svg", kind: "pie" }],
    };
    const error = await chartFiles({ ...input, config }).catch((e: unknown) => e);
    expect(String(error)).toBe(
      `${CONFIG_FILE}:${config.lineOf("charts", 1, "kind")}: chart kind "pie" has no module ` +
        `pipeline/formats/charts/kinds/pie.ts`,
    );
  });

  it("refuse an entry the kind cannot draw, naming dataset.yaml's line, not with a stack trace", async () => {
    const error = await chartFiles({ ...input, series: { [SERIES]: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(String(error)).toBe(
      `${CONFIG_FILE}:${input.config.lineOf("charts", 0)}: charts: series ${SERIES} has no observations to draw`,
    );
  });

  it("refuse options their kind does not take, even from a configuration the loader did not check", async () => {
    const config = { ...input.config, charts: [{ file: "events-timeline.svg", kind: "timeline", colour: "red" }] };
    const error = await chartFiles({ ...input, config }).catch((e: unknown) => e);
    expect(String(error)).toBe(
      `${CONFIG_FILE}:${config.lineOf("charts", 0)}: charts: events-timeline.svg: Unrecognized key: "colour"`,
    );
  });

  it("never call the officials' projection a target", () => {
    // "target" may stand only in a record id, such as trade-projection-rus-prk-2020.
    for (const [path, text] of [...charts, ...broken])
      expect(text.replace(/\([a-z0-9-]+\)/g, ""), path).not.toMatch(/target/i);
  });

  it("name every source they draw from, and no other; with several, each label says whose it is", async () => {
    const china = input.figures.find((f) => f.id === "trade-turnover-chn-prk-2013")!;
    const unused = { ...OTHER, id: "unused", author: "Not Drawn" };
    const files = await chartFiles({
      ...input,
      sources: [...input.sources, OTHER, unused],
      figures: input.figures.map((f) => (f === china ? { ...f, source_id: OTHER.id } : f)),
    });
    expect(notes(files.get(TRADE)!)).toBe(
      "Sources: ¹ Serghei Golunov, PONARS Eurasia Policy Memo 428, 2016; ² Ann Other, Working Papers 7, 2017",
    );
    expect(layerTexts(files.get(TRADE)!, "beside_labels")).toContain("China–North Korea: over $6 billion in 2013 ²");
    expect(layerTexts(files.get(TRADE)!, "observation_labels")).toContain("$2.35B ¹");
    expect(notes(files.get(TIMELINE)!)).toBe(MEMO_SOURCE);
    for (const text of files.values()) expect(text).not.toContain("Not Drawn");
  });
});

describe("labels", () => {
  /**
   * The memo's charts, with a break, with a second source, and the fixture sources' and the union's charts; each
   * input made once, for both tests below.
   */
  const once = (make: () => Promise<ChartInput>) => {
    let made: Promise<ChartInput> | undefined;
    return () => (made ??= make());
  };
  const cases: [string, () => Promise<ChartInput>][] = [
    ["the memo's charts", async () => input],
    ["the memo's charts with a series break", async () => withBreak],
    ["two sources stating the same projection", once(async () => withSecondProjection())],
    ["two sources stating every figure and event", once(async () => statedTwice())],
    ["the fixture sources' charts", once(() => builtInput(FIXTURE_SOURCES))],
    [
      "the memo's and the fixture sources' charts together",
      once(async () => builtInput(await repoSourcesWithFixtures())),
    ],
  ];

  it.each(cases)("stand clear of one another and of every mark, inside the chart: %s", async (_, make) => {
    const scenes = await scenesOf(await make());
    expect(scenes.length).toBeGreaterThan(0);
    for (const scene of scenes) {
      expect(scene.texts.length, scene.file).toBeGreaterThan(10);
      expect(clashes(scene), scene.file).toEqual([]);
    }
  });

  it.each(cases)("keep every value and the markers of its sources on one line: %s", async (_, make) => {
    for (const [path, chart] of await chartFiles(await make())) {
      const lines = [...chart.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].flatMap((m) =>
        m[1]!.split(/<\/tspan><tspan[^>]*>/).map((line) => decodeEntities(line.replace(/<[^>]+>/g, "")).trim()),
      );
      expect(lines.length, path).toBeGreaterThan(10);
      expect(
        lines.filter((line) => /^[⁰¹²³⁴⁵⁶⁷⁸⁹,]+$/.test(line)),
        path,
      ).toEqual([]);
    }
  });

  it("name every source that states the same value at the same place in one label", async () => {
    const chart = (await chartFiles(withSecondProjection())).get(TRADE)!;
    const projections = layerTexts(chart, "beside_labels").filter((label) => label.includes("$1 billion"));
    expect(projections).toEqual(["projected upper bound: as much as $1 billion by 2020 ¹,²"]);
    expect(markLabels(chart, "beside").filter((label) => label.includes(PROJECTION))).toHaveLength(1);
  });

  it("with no room beside their marks are listed under the plot, each once, and the chart still builds", async () => {
    // A second source's values for 2012 and 2013, close to the memo's for 2011-2012, 2014 and 2015.
    const at = (row: SeriesObservation, year: string, value: number, qualifier: Figure["qualifier"]) => ({
      ...row,
      figure_id: `other-${year}`,
      source_id: OTHER.id,
      period_start: year,
      period_end: year,
      value,
      qualifier,
    });
    const [first] = turnover;
    const added = [at(first!, "2012", 120e6, "exact"), at(first!, "2013", 112e6, "approximate")];
    const figures = added.map((row) => ({ ...input.figures[0]!, id: row.figure_id, source_id: OTHER.id }));
    const crowded = {
      ...input,
      sources: [...input.sources, OTHER],
      figures: [...input.figures, ...figures],
      series: { [SERIES]: [...turnover, ...added] },
    };
    const chart = (await chartFiles(crowded)).get(TRADE)!;
    const labels = [...layerTexts(chart, "observation_labels"), ...layerTexts(chart, "beside_labels")];
    const listed = notes(chart);
    expect(listed).toMatch(/^Not labelled on the plot for want of room: /);
    for (const label of [
      "$2.35B ¹",
      "$85M ¹",
      "$210M ¹",
      "$45M ¹",
      "$110M ¹",
      "$92M ¹",
      "$63M ¹",
      "$120M ²",
      "$112M ²",
    ])
      expect(labels.filter((text) => text === label).length + occurrences(listed, label), label).toBe(1);
    for (const scene of await scenesOf(crowded)) expect(clashes(scene), scene.file).toEqual([]);
  });
});

describe("labels of a crowded series", () => {
  /** A fixture source's series chart, its records replaced by random ones. */
  let fixture: ChartInput;
  beforeAll(async () => {
    fixture = await builtInput(FIXTURE_SOURCES);
  });

  /** Several sources stating close values for the same few years, ranges, breaks, and figures beside them. */
  const crowd = fc.record({
    sources: fc.integer({ min: 1, max: 4 }),
    observations: fc.array(
      fc.record({
        source: fc.nat(3),
        year: fc.integer({ min: 2016, max: 2024 }),
        years: fc.constantFrom(1, 1, 1, 2),
        // Close values: 100,000 to 300,000 in steps of 2,000.
        value: fc.integer({ min: 50, max: 150 }).map((n) => n * 2000),
        qualifier: fc.constantFrom(...QUALIFIERS),
        breaks: fc.nat(4).map((n) => n === 0),
      }),
      { minLength: 1, maxLength: 16 },
    ),
    beside: fc.uniqueArray(
      fc.record({
        source: fc.nat(3),
        year: fc.integer({ min: 2016, max: 2030 }),
        value: fc.integer({ min: 40, max: 1000 }).map((n) => n * 1000 + 7),
        qualifier: fc.constantFrom(...QUALIFIERS),
        claim: fc.constantFrom("reported", "estimate", "projection" as const),
      }),
      { maxLength: 5, selector: (figure) => figure.value },
    ),
  });

  type Crowd = typeof crowd extends fc.Arbitrary<infer T> ? T : never;
  const at = (year: number, value: number, more: Partial<Crowd["observations"][number]> = {}) =>
    ({ source: 0, year, years: 1, value, qualifier: "exact", breaks: false, ...more }) as Crowd["observations"][number];
  const besideAt = (year: number, value: number) =>
    ({ source: 0, year, value, qualifier: "exact", claim: "reported" }) as const;
  const one: Crowd = { sources: 1, observations: [at(2016, 100000)], beside: [] };

  function crowdedInput({
    sources: sourceCount,
    observations,
    beside,
  }: typeof crowd extends fc.Arbitrary<infer T> ? T : never) {
    const chart = fixture.config.charts.find((c) => c.kind === "series")!;
    const definition = fixture.config.series.find((s) => s.id === chart.series)!;
    const template = fixture.series[definition.id]![0]!;
    const figureTemplate = fixture.figures.find((f) => f.id === template.figure_id)!;
    const mentionTemplate = fixture.mentions.find((m) => m.kind === "quantity")!;
    const sources = Array.from({ length: sourceCount }, (_, i) => ({
      ...fixture.sources[0]!,
      id: `source-${i}`,
      author: `Author ${i}`,
    }));
    const sourceOf = (n: number) => sources[n % sourceCount]!.id;
    const previous = new Map<string, string>();
    const rows: SeriesObservation[] = observations.map((o, i) => {
      const source_id = sourceOf(o.source);
      const figure_id = `observation-${i}`;
      const previous_figure_id = previous.get(source_id) ?? null;
      previous.set(source_id, figure_id);
      return {
        ...template,
        figure_id,
        source_id,
        period_start: String(o.year),
        period_end: String(o.year + o.years - 1),
        value: o.value,
        qualifier: o.qualifier,
        previous_figure_id,
        break_note: o.breaks && previous_figure_id !== null ? `A new count from ${o.year} (${figure_id}).` : null,
      };
    });
    const figure = (id: string, source_id: string, year: number, years: number, value: number, rest: object) => ({
      ...figureTemplate,
      id,
      source_id,
      period_start: String(year),
      period_end: String(year + years - 1),
      value,
      ...rest,
    });
    const besideFigures: Figure[] = beside.map((b, i) =>
      figure(`beside-${i}`, sourceOf(b.source), b.year, 1, b.value, {
        qualifier: b.qualifier,
        claim_type: b.claim,
      }),
    );
    const mentions: Mention[] = besideFigures.map((f) => ({
      ...mentionTemplate,
      source_id: f.source_id,
      text: `${f.value.toLocaleString("en")} riders`,
      used_by: [f.id],
    }));
    const input: ChartInput = {
      ...fixture,
      config: { ...fixture.config, charts: [{ ...chart, beside: [definition.measure] }] },
      sources,
      figures: [
        ...rows.map((row) => figure(row.figure_id, row.source_id, Number(row.period_start), 1, row.value, {})),
        ...besideFigures,
      ],
      mentions,
      series: { [definition.id]: rows },
    };
    // Each observation's label: its amount, and the markers of every source stating it at the same place.
    const markers = sourceMarkers(sources, [...rows, ...besideFigures]);
    const unit = fixture.config.measures[definition.measure]!.unit;
    const byPlace = new Map<string, Set<string>>();
    for (const row of rows) {
      const key = JSON.stringify([row.period_start, row.period_end, row.value, row.qualifier]);
      byPlace.set(key, (byPlace.get(key) ?? new Set()).add(row.source_id));
    }
    const observationLabels = [...byPlace].map(([key, ids]) => {
      const number = formatValue(JSON.parse(key)[2], unit, fixture.config.units, { compact: true, bare: true });
      const tags = sources.filter((s) => ids.has(s.id)).map((s) => markers.get(s.id));
      return sourceCount > 1 && tags.some(Boolean) ? `${number} ${tags.join(",")}` : number;
    });
    return { input, observationLabels, besideWords: mentions.map((m) => m.text) };
  }

  it("build, with no two texts overlapping, and show every value exactly once on the plot or under it", async () => {
    await fc.assert(
      fc.asyncProperty(crowd, async (generated) => {
        const { input, observationLabels, besideWords } = crowdedInput(generated);
        const [scene] = await scenesOf(input);
        expect(clashes(scene!), scene!.file).toEqual([]);
        const chart = scene!.svg;
        const shown = [...layerTexts(chart, "observation_labels"), ...layerTexts(chart, "beside_labels"), notes(chart)];
        for (const label of new Set(observationLabels)) {
          const count = shown.reduce((sum, text) => sum + occurrences(text, label), 0);
          expect(count, label).toBe(observationLabels.filter((other) => other === label).length);
        }
        for (const words of besideWords) expect(occurrences(shown.join("\n"), words), words).toBe(1);
      }),
      {
        numRuns: 25,
        examples: [
          // A hollow mark just above a labelled one: its stroke is bounded wider than its symbol.
          [{ ...one, beside: [besideAt(2016, 123007)] }],
          // A hollow mark at the foot of a decade: the axis gets another decade, clear of the year labels.
          [{ ...one, beside: [besideAt(2019, 100007)] }],
          // Values all at one power of ten, with a break between two of them: the axis still spans a decade.
          [{ ...one, observations: [at(2016, 100000), at(2016, 100000, { breaks: true })] }],
          // A label at the end of a range: a rule's stroke reaches past its ends.
          [
            {
              ...one,
              observations: [
                at(2019, 100000),
                at(2020, 168000, { breaks: true }),
                at(2019, 168000, { years: 2 }),
                at(2016, 100000),
              ],
              beside: [besideAt(2029, 40007)],
            },
          ],
          // Two sources state one value, the second listed first: one label, its markers in the source line's order.
          [{ sources: 2, observations: [at(2023, 244000, { source: 1 }), at(2023, 244000)], beside: [] }],
        ],
      },
    );
  });
});

describe("series chart", () => {
  it("has one point per observation, each described with its figure id", () => {
    const labels = markLabels(svg(TRADE), "observations");
    expect(labels).toHaveLength(turnover.length);
    for (const row of turnover) expect(labels.filter((label) => label.includes(`(${row.figure_id})`))).toHaveLength(1);
  });

  it("draws a two-year observation as a range across both years", () => {
    const ranges = turnover.filter((row) => row.period_start !== row.period_end);
    expect(ranges.map((row) => row.figure_id)).toEqual(["trade-turnover-rus-prk-2011-2012"]);
    expect(markGroup(svg(TRADE), "ranges").match(/<line /g)).toHaveLength(ranges.length);
  });

  it("draws the figures of the measures beside it, labelled by claim type, hedge and the memo's words", () => {
    expect(markLabels(svg(TRADE), "beside")).toEqual([
      `projected upper bound: as much as $1 billion by 2020 (${PROJECTION})`,
      "China–North Korea: over $6 billion in 2013 (trade-turnover-chn-prk-2013)",
    ]);
    expect(layerTexts(svg(TRADE), "beside_labels")).toEqual([
      "projected upper bound: as much as $1 billion by 2020",
      "China–North Korea: over $6 billion in 2013",
    ]);
  });

  it("draws the projection as the ceiling it is, from its value down, and joins it to no observation", () => {
    const chart = svg(TRADE);
    expect(chart).not.toContain("continuation");
    expect(chart).not.toMatch(/stroke-dasharray="5,4"/);
    const rules = [
      ...markGroup(chart, "bounds").matchAll(/<line transform="translate\(([\d.]+),([\d.]+)\)" x2="0" y2="([\d.]+)"/g),
    ];
    expect(rules).toHaveLength(1);
    const [, x, top, length] = rules[0]!.map(Number);
    const projectionMark = new RegExp(
      `aria-label="[^"]*\\(${PROJECTION}\\)"[^>]*transform="translate\\(([\\d.]+),([\\d.]+)\\)`,
    );
    const [, markX, markY] = projectionMark.exec(chart)!.map(Number);
    expect(x).toBeCloseTo(markX!, 6);
    expect(top).toBeCloseTo(markY!, 6);
    // Down to the foot of the plot: the bottom of the value axis, where its lowest tick stands.
    const axisFoot = Number(
      /role-axis"[^>]*aria-label="Y-axis[^"]*"><g transform="translate\(0\.5,0\.5\)".*?<line transform="translate\(0,([\d.]+)\)"/s.exec(
        chart,
      )![1],
    );
    expect(top! + length!).toBeCloseTo(axisFoot, 0);
  });

  it("has a title, axis titles from the configuration, a hedge legend and the source", () => {
    expect(svg(TRADE)).toContain("<title>Russian–North Korean trade turnover, 1988–2015</title>");
    const all = texts(svg(TRADE));
    for (const text of [
      "Russian–North Korean trade turnover, 1988–2015",
      "Year",
      "Trade turnover, US dollars (log scale)",
      "Hedge in the source",
      "$2.35B",
      "$100M",
      "exact",
      "approximate (about, around)",
      "at most (almost, nearly)",
      "at least (over, more than)",
    ]) {
      expect(all, text).toContain(text);
    }
    expect(notes(svg(TRADE))).toBe(MEMO_SOURCE);
  });

  it("draws the break the memo's series has, before 1996", async () => {
    const chart = (await chartFiles({ ...input, series: { [SERIES]: published } })).get(TRADE)!;
    expect(published.filter((row) => row.break_note !== null).map((row) => row.period_start)).toEqual(["1996"]);
    expect(chart).toContain("(series break before 1996)</title>");
  });

  it("shows no break where no observation has a break note", () => {
    expect(svg(TRADE)).not.toContain("series break");
    expect(markGroup(svg(TRADE), "breaks")).toBe("");
  });

  it("shows a break between two observations, says why under the plot, and says so in the title", () => {
    const chart = broken.get(TRADE)!;
    const title = "Russian–North Korean trade turnover, 1988–2015 (series break before 1996)";
    expect(texts(chart)).toContain(title);
    expect(chart).toContain(`<title>${title}</title>`);
    expect(markLabels(chart, "breaks")).toEqual([BREAK_NOTE]);
    expect(notes(chart)).toBe(`Break between 1988 and 1996: ${BREAK_NOTE} ${MEMO_SOURCE}`);
    expect(
      markLabels(chart, "observations").find((label) => label.includes("(trade-turnover-rus-prk-1996)")),
    ).toContain(`series break before it: ${BREAK_NOTE}`);
    // The rule stands between the two observations.
    const x = (label: string) =>
      Number(new RegExp(`aria-label="[^"]*\\(${label}\\)"[^>]*transform="translate\\(([\\d.]+)`).exec(chart)![1]);
    const rule = Number(/breaks_marks"[^>]*><line [^>]*transform="translate\(([\d.]+)/.exec(chart)![1]);
    expect(rule).toBeGreaterThan(x("trade-turnover-rus-prk-1988"));
    expect(rule).toBeLessThan(x("trade-turnover-rus-prk-1996"));
  });

  it("takes its values from the data, not from the code", async () => {
    const figures = input.figures.map((f) => (f.measure === "trade_projection" ? { ...f, value: 2 * f.value } : f));
    const projection = figures.find((f) => f.measure === "trade_projection")!.id;
    // The label quotes the figure's own mention; a source that said "$2 billion" reads so on the chart.
    const mentions = input.mentions.map((m) =>
      m.used_by.includes(projection) ? { ...m, text: "as much as $2 billion", value: 2e9 } : m,
    );
    expect(layerTexts((await chartFiles({ ...input, figures, mentions })).get(TRADE)!, "beside_labels")).toContain(
      "projected upper bound: as much as $2 billion by 2020",
    );
    // With no mention to quote, the value and its hedge are written out.
    const unquoted = await chartFiles({
      ...input,
      figures,
      mentions: input.mentions.filter((m) => !m.used_by.includes(projection)),
    });
    expect(layerTexts(unquoted.get(TRADE)!, "beside_labels")).toContain("projected upper bound: at most $2B by 2020");
  });
});

describe("timeline chart", () => {
  /** What each event's mark is, by the layer that draws it. */
  const SHAPE_LAYERS = {
    duration: "event_durations",
    window: "event_windows",
    single: "event_dates",
    bound: "event_bounds",
  } as const;

  it("draws a bar only for a real duration, a bracket for a window, a dot for one date, an arrow for an upper bound", () => {
    const shapeOf = (e: ChartInput["events"][number]) =>
      e.date_basis === "no_later_than"
        ? "bound"
        : e.date_start === e.date_end
          ? "single"
          : e.date_precision === "range" && e.date_basis === "explicit"
            ? "duration"
            : "window";
    for (const [shape, layer] of Object.entries(SHAPE_LAYERS)) {
      const drawn = markLabels(svg(TIMELINE), layer).map((label) => /\(([^()]+)\)$/.exec(label)![1]);
      const expected = input.events.filter((e) => shapeOf(e) === shape).map((e) => e.id);
      expect(drawn.sort(), shape).toEqual(expected.sort());
    }
    // The datasheet's real durations: the Korean War, the 2008-2009 crisis, the Rajin railway and terminal
    // "Over 2008-2014", the visits "throughout 2014-15".
    expect(
      markLabels(svg(TIMELINE), "event_durations")
        .map((label) => /\(([^()]+)\)$/.exec(label)![1])
        .sort(),
    ).toEqual([
      "korean-war-1950-1953",
      "rus-economic-crisis-2008-2009",
      "rus-prk-senior-visits-2014-2015",
      "rus-rajin-cargo-terminal-2008-2014",
      "rus-rajin-railway-reconstruction-2008-2014",
    ]);
    // A window's bracket has a cap at each end, an upper bound's arrow one at its date.
    const windows = markLabels(svg(TIMELINE), "event_windows").length;
    const bounds = markLabels(svg(TIMELINE), "event_bounds").length;
    expect(markGroup(svg(TIMELINE), "caps").match(/<line /g)).toHaveLength(2 * windows + bounds);
    expect(markGroup(svg(TIMELINE), "bound_arrows").match(/<path /g)).toHaveLength(bounds);
  });

  it("says in its key what each mark means", () => {
    const subtitle = texts(svg(TIMELINE)).find((text) => text.startsWith("Each row"))!;
    for (const words of [
      "Bar: lasted this long",
      "bracket: happened once within this window",
      "dot: a single year, month or day",
      "◂ no later than this date",
      "* Date inferred from the source's wording",
    ]) {
      expect(subtitle).toContain(words);
    }
  });

  it("draws an upper bound as an arrow that ends at its date and is open to the left", () => {
    const crimea = input.events.find((e) => e.id === "rus-annexes-crimea-2014-03")!;
    expect(crimea.date_basis).toBe("no_later_than");
    const group = markGroup(svg(TIMELINE), "event_bounds");
    const line = new RegExp(
      `aria-label="[^"]*\\(${crimea.id}\\)"[^>]*transform="translate\\(([\\d.]+),[\\d.]+\\)" x2="([\\d.]+)"`,
    ).exec(group)!;
    const [, from, length] = line.map(Number);
    const arrow = new RegExp(`aria-label="[^"]*\\(${crimea.id}\\)"[^>]*transform="translate\\(([\\d.]+),`).exec(
      markGroup(svg(TIMELINE), "bound_arrows"),
    )!;
    expect(Number(arrow[1])).toBeCloseTo(from!, 6);
    expect(length).toBeGreaterThan(20);
  });

  it("labels each row with the event's date, title and type, and marks inferred dates", () => {
    const rows = layerTexts(svg(TIMELINE), "row_labels");
    expect(rows).toContain("1950–1953 · The Korean War, which ended in a stalemate [War]");
    expect(rows).toContain("Jan 2016* · North Korea's hydrogen bomb test [Weapons test]");
    expect(rows.some((row) => row.endsWith("[UN vote]"))).toBe(true);
    // A date the source gives only as an upper bound reads "by".
    for (const event of input.events.filter((e) => e.date_basis === "no_later_than")) {
      expect(rows.filter((row) => row.startsWith("by ") && row.includes(event.title))).toHaveLength(1);
    }
  });

  it(
    "colours each event by its PLOVER group, the same colour for every category of a group, and names " + "the group",
    () => {
      const fills = new Map<string, Set<string>>();
      for (const [, label, fill] of svg(TIMELINE).matchAll(
        /aria-label="([^"]*)"[^>]* (?:fill|stroke)="(#[0-9A-Fa-f]{6})"/g,
      )) {
        const group = /; (?:PLOVER [A-Z]+, )?([^;]+) \([^()]+\)$/.exec(decodeEntities(label!))![1]!;
        fills.set(group, (fills.get(group) ?? new Set()).add(fill!));
      }
      expect([...fills.keys()].sort()).toEqual([
        "material conflict",
        "material cooperation",
        "no PLOVER category",
        "verbal conflict",
        "verbal cooperation",
      ]);
      for (const colours of fills.values()) expect(colours.size).toBe(1);
      expect(new Set([...fills.values()].map((c) => [...c][0])).size).toBe(fills.size);
      for (const text of ["PLOVER group", "verbal cooperation", "material conflict"])
        expect(texts(svg(TIMELINE))).toContain(text);
    },
  );
});

/** A sources folder built, read back as the charts' input. */
async function builtInput(sourcesDir: string): Promise<ChartInput> {
  const outDir = join(mkdtempSync(join(tmpdir(), "rdd-charts-")), "dist");
  const config = await loadDatasetConfig(join(sourcesDir, "dataset.yaml"));
  await build({ sourcesDir, outDir, formats: formatFolders().filter((folder) => basename(folder) === "json") });
  const series = Object.fromEntries(config.series.map((s) => [s.id, read(s.table, outDir)]));
  const tables = (name: string) => read(name, outDir);
  return {
    config,
    sources: tables("sources"),
    figures: tables("figures"),
    events: tables("events"),
    mentions: tables("mentions"),
    series,
  };
}

interface SceneBox {
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Each chart's scene graph as Vega lays it out, in the SVG's coordinates: the bounding box of every piece of text,
 * and of every mark the data draws (points, bars, rules), with the chart's size and its SVG as Vega writes it.
 */
async function scenesOf(chartInput: ChartInput) {
  const vega = await import("vega");
  const { compile } = await import("vega-lite");
  useEstimatedTextWidths(vega);
  const scenes = [];
  for (const { chart, drawing } of await drawCharts(chartInput)) {
    const view = new vega.View(vega.parse(compile(drawing.spec).spec), { renderer: "none" });
    await view.runAsync();
    const [originX, originY] = view.origin();
    const texts: SceneBox[] = [];
    const marks: SceneBox[] = [];
    type Item = {
      marktype?: string;
      role?: string;
      name?: string;
      items?: Item[];
      x?: number;
      y?: number;
      text?: unknown;
      bounds?: SceneBox;
      opacity?: number;
    };
    const walk = (node: Item, x: number, y: number, inMark: Item | null): void => {
      if (node.marktype !== undefined) {
        for (const item of node.items ?? []) walk(item, x, y, node);
        return;
      }
      const box = node.bounds && {
        x1: node.bounds.x1 + x + originX,
        y1: node.bounds.y1 + y + originY,
        x2: node.bounds.x2 + x + originX,
        y2: node.bounds.y2 + y + originY,
      };
      if (inMark?.marktype === "text" && box !== undefined) {
        const text = [node.text ?? ""].flat().join(" ");
        if (text !== "") texts.push({ text, ...box });
      } else if (inMark?.role === "mark" && inMark.marktype !== "group" && box !== undefined && node.opacity !== 0) {
        // Tracks are the rows' background, not a mark a label could hide.
        if (!["tracks", "track_years"].some((name) => inMark.name?.startsWith(name)))
          marks.push({ text: `${inMark.name} mark`, ...box });
      }
      for (const child of node.items ?? []) walk(child, x + (node.x ?? 0), y + (node.y ?? 0), null);
    };
    walk((view.scenegraph() as unknown as { root: Item }).root, 0, 0, null);
    const svg = await view.toSVG();
    const viewBox = / viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    scenes.push({ file: chart.file, svg, texts, marks, width: Number(viewBox[1]), height: Number(viewBox[2]) });
    view.finalize();
  }
  return scenes;
}

/** How often `label` stands in `text` as a whole label, not as the start of a longer one ("$1M ¹" in "$1M ¹,²"). */
function occurrences(text: string, label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.match(new RegExp(`(?<![\\w$.])${escaped}(?![\\w.,⁰¹²³⁴⁵⁶⁷⁸⁹])`, "g"))?.length ?? 0;
}

/** Every text that overlaps another text or a mark, or stands outside the chart. */
function clashes({ texts, marks, width, height }: Awaited<ReturnType<typeof scenesOf>>[number]): string[] {
  const found: string[] = [];
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) if (overlap(a, b)) found.push(`"${a.text}" × "${b.text}"`);
    for (const mark of marks) if (overlap(a, mark)) found.push(`"${a.text}" × ${mark.text}`);
    if (a.x1 < 0 || a.y1 < 0 || a.x2 > width || a.y2 > height) found.push(`"${a.text}" outside the chart`);
  }
  return found;
}

function overlap(a: SceneBox, b: SceneBox): boolean {
  // Half a pixel of rounding either way is not an overlap.
  return a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;
}

/** The SVG group Vega writes for the layer named `name` (mark groups hold no nested groups). */
function markGroup(svgText: string, name: string): string {
  const match = new RegExp(`<g class="mark-[a-z]+ role-mark ${name}_marks"[^>]*?(?:/>|>(.*?)</g>)`, "s").exec(svgText);
  if (match === null) throw new Error(`no mark group ${name}`);
  return match[1] ?? "";
}

/** Every <text> of the SVG as one string, its lines (tspans) joined by spaces, entities decoded. */
function texts(svgText: string): string[] {
  return [...svgText.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((m) =>
    decodeEntities(m[1]!.replace(/<\/tspan><tspan[^>]*>/g, " ").replace(/<[^>]+>/g, "")),
  );
}

/** The texts of one layer. */
function layerTexts(svgText: string, name: string): string[] {
  return texts(markGroup(svgText, name));
}

/** The text under the plot, its lines joined. */
function notes(svgText: string): string {
  return layerTexts(svgText, "notes").join(" ");
}

/** The accessible description of each mark in a layer, entities decoded. */
function markLabels(svgText: string, name: string): string[] {
  return [...markGroup(svgText, name).matchAll(/<(?:path|line) aria-label="([^"]*)"/g)].map((m) =>
    decodeEntities(m[1]!),
  );
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * A small XML well-formedness check, enough for Vega's output: tags nest and close, attributes are quoted,
 * `&` starts an entity, and one root element holds everything.
 */
function wellFormednessErrors(xml: string): string[] {
  const errors: string[] = [];
  const open: string[] = [];
  let roots = 0;
  for (const [token] of xml.trim().matchAll(/<[^>]*>|[^<]+/g)) {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(token)) errors.push(`bare & in ${token.slice(0, 60)}`);
    if (!token.startsWith("<")) {
      if (open.length === 0 && token.trim() !== "") errors.push(`text outside the root: ${token.slice(0, 60)}`);
      continue;
    }
    const tag = /^<(\/)?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/)?>$/.exec(token);
    if (tag === null) {
      errors.push(`malformed tag ${token.slice(0, 60)}`);
      continue;
    }
    const [, closing, name, attributes, selfClosing] = tag;
    if (closing !== undefined) {
      if (attributes !== "" || selfClosing !== undefined) errors.push(`closing tag with attributes: ${token}`);
      const expected = open.pop();
      if (expected !== name) errors.push(`</${name}> closes <${expected}>`);
      continue;
    }
    if (open.length === 0) roots += 1;
    if (selfClosing === undefined) open.push(name!);
  }
  if (open.length > 0) errors.push(`unclosed: ${open.join(" > ")}`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return errors;
}
