/**
 * The build-time charts: one module per kind, well-formed accessible SVG, the same bytes on every render, values and
 * sources from the data.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { chartFiles, type ChartInput } from "../../pipeline/formats/charts/render.ts";
import type { SeriesObservation } from "../../schemas/index.ts";
import { ROOT } from "../helpers/cli.ts";

const TRADE = "charts/trade-turnover.svg";
const TIMELINE = "charts/events-timeline.svg";
const SERIES = "trade-turnover-rus-prk";
const CONFIG_FILE = join(ROOT, "sources", "dataset.yaml");

/** The memo's rows of a published table: the charts are drawn here from the memo alone, whatever else sources/ holds. */
const MEMO = "ponars-pm-428";
const read = (table: string) =>
  (JSON.parse(readFileSync(join(ROOT, "dist", "data", `${table}.json`), "utf8")) as Record<string, unknown>[]).filter(
    (row) => (table === "sources" ? row.id : row.source_id) === MEMO,
  ) as never[];
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

  it("are byte for byte the same when rendered again", async () => {
    expect(await chartFiles(input)).toEqual(charts);
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

  it("name every source they draw from, and no other", async () => {
    const other = {
      ...input.sources[0]!,
      id: "other-memo",
      author: "Ann Other",
      series: "Working Papers",
      number: "7",
      published: "2017-03",
    };
    const china = input.figures.find((f) => f.id === "trade-turnover-chn-prk-2013")!;
    const unused = { ...other, id: "unused", author: "Not Drawn" };
    const files = await chartFiles({
      ...input,
      sources: [...input.sources, other, unused],
      figures: input.figures.map((f) => (f === china ? { ...f, source_id: other.id } : f)),
    });
    expect(notes(files.get(TRADE)!)).toEqual([
      "Sources: Serghei Golunov, PONARS Eurasia Policy Memo 428, 2016; Ann Other, Working Papers 7, 2017",
    ]);
    expect(notes(files.get(TIMELINE)!)).toEqual(["Source: Serghei Golunov, PONARS Eurasia Policy Memo 428, 2016"]);
    for (const text of files.values()) expect(text).not.toContain("Not Drawn");
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
      "projection: as much as $1 billion by 2020 (trade-projection-rus-prk-2020)",
      "China–North Korea: over $6 billion in 2013 (trade-turnover-chn-prk-2013)",
    ]);
    expect(svg(TRADE)).toContain(">projection: as much as $1 billion by 2020</text>");
  });

  it("has a title, axis titles from the configuration, a hedge legend and the source", () => {
    for (const text of [
      "Russian–North Korean trade turnover, 1988–2015",
      "Year",
      "Trade turnover, US dollars (log scale)",
      "Hedge in the source",
      "$2.35B",
      "$100M",
    ]) {
      expect(svg(TRADE)).toContain(`>${text}</text>`);
    }
    for (const hedge of [
      "exact",
      "approximate (about, around)",
      "at most (almost, nearly)",
      "at least (over, more than)",
    ]) {
      expect(svg(TRADE)).toContain(`>${hedge}</text>`);
    }
    expect(notes(svg(TRADE))).toEqual(["Source: Serghei Golunov, PONARS Eurasia Policy Memo 428, 2016"]);
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
    expect(chart).toContain(">Russian–North Korean trade turnover, 1988–2015 (series break before 1996)</text>");
    const title = "Russian–North Korean trade turnover, 1988–2015 (series break before 1996)";
    expect(chart).toContain(`<title>${title}</title>`);
    expect(markLabels(chart, "breaks")).toEqual([BREAK_NOTE]);
    expect(notes(chart)).toEqual([
      `Break between 1988 and 1996: ${BREAK_NOTE}`,
      "Source: Serghei Golunov, PONARS Eurasia Policy Memo 428, 2016",
    ]);
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
    expect((await chartFiles({ ...input, figures, mentions })).get(TRADE)).toContain(
      ">projection: as much as $2 billion by 2020</text>",
    );
    // With no mention to quote, the value and its hedge are written out.
    const unquoted = await chartFiles({
      ...input,
      figures,
      mentions: input.mentions.filter((m) => !m.used_by.includes(projection)),
    });
    expect(unquoted.get(TRADE)).toContain(">projection: at most $2B by 2020</text>");
  });
});

describe("timeline chart", () => {
  it("has one mark per event: a bar for a period, a dot for a single date or a date it happened by", () => {
    const bars = markLabels(svg(TIMELINE), "event_periods");
    const dots = markLabels(svg(TIMELINE), "event_dates");
    const periods = input.events.filter((e) => e.date_start !== e.date_end && e.date_basis !== "no_later_than");
    expect(bars).toHaveLength(periods.length);
    expect(dots).toHaveLength(input.events.length - periods.length);
    for (const event of input.events)
      expect([...bars, ...dots].filter((label) => label.endsWith(`(${event.id})`))).toHaveLength(1);
  });

  it("labels each row with the event's date, title and type, and marks inferred dates", () => {
    expect(svg(TIMELINE)).toContain(">1950–1953 · The Korean War, which ended in a stalemate [war]</text>");
    const hydrogenBombTest = ">Jan 2016* · North Korea's hydrogen bomb test [weapons test]</text>";
    expect(decodeEntities(svg(TIMELINE))).toContain(hydrogenBombTest);
    expect(svg(TIMELINE)).toContain("[UN vote]</text>");
    // A date the source gives only as an upper bound reads "by", with no period drawn across it.
    for (const event of input.events.filter((e) => e.date_basis === "no_later_than")) {
      expect(
        markLabels(svg(TIMELINE), "event_dates").some(
          (label) => label.startsWith("by ") && label.endsWith(`(${event.id})`),
        ),
      ).toBe(true);
    }
  });

  it(
    "colours each event by its PLOVER group, the same colour for every category of a group, and names " + "the group",
    () => {
      const fills = new Map<string, Set<string>>();
      for (const [, label, fill] of svg(TIMELINE).matchAll(/aria-label="([^"]*)"[^>]* fill="(#[0-9A-Fa-f]{6})"/g)) {
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
        expect(svg(TIMELINE)).toContain(`>${text}</text>`);
    },
  );
});

/** The SVG group Vega writes for the layer named `name` (mark groups hold no nested groups). */
function markGroup(svgText: string, name: string): string {
  const match = new RegExp(`<g class="mark-[a-z]+ role-mark ${name}_marks"[^>]*?(?:/>|>(.*?)</g>)`, "s").exec(svgText);
  if (match === null) throw new Error(`no mark group ${name}`);
  return match[1] ?? "";
}

/** The lines of text under the plot, entities decoded. */
function notes(svgText: string): string[] {
  return [...markGroup(svgText, "notes").matchAll(/>([^<]+)</g)].map((m) => decodeEntities(m[1]!));
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
