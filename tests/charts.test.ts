/** The build-time charts: well-formed SVG, the same bytes on every render, one mark per record, values from the data. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chartFiles, type ChartInput } from "../pipeline/render/charts.ts";
import { ROOT } from "./helpers/cli.ts";

const TRADE = "charts/trade-turnover.svg";
const TIMELINE = "charts/events-timeline.svg";

const read = (table: string) => JSON.parse(readFileSync(join(ROOT, "dist", "data", `${table}.json`), "utf8"));
const input: ChartInput = { sources: read("sources"), figures: read("figures"), events: read("events"), tradeTurnover: read("trade_turnover") };

let charts: Map<string, string>;
beforeAll(async () => {
  charts = await chartFiles(input);
});

const svg = (path: string) => charts.get(path)!;

describe("chart files", () => {
  it("are the trade turnover chart and the events timeline", () => {
    expect([...charts.keys()]).toEqual([TRADE, TIMELINE]);
  });

  it.each([TRADE, TIMELINE])("%s is well-formed SVG", (path) => {
    expect(wellFormednessErrors(svg(path))).toEqual([]);
    expect(svg(path)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("are byte for byte the same when rendered again", async () => {
    expect(await chartFiles(input)).toEqual(charts);
  });
});

describe("trade turnover chart", () => {
  it("has one point per observation, each described with its figure id", () => {
    const labels = markLabels(svg(TRADE), "observations");
    expect(labels).toHaveLength(input.tradeTurnover.length);
    for (const row of input.tradeTurnover) expect(labels.filter((label) => label.includes(`(${row.figure_id})`))).toHaveLength(1);
  });

  it("draws a two-year observation as a range across both years", () => {
    const ranges = input.tradeTurnover.filter((row) => row.period_start !== row.period_end);
    expect(ranges.map((row) => row.figure_id)).toEqual(["trade-turnover-rus-prk-2011-2012"]);
    expect(markGroup(svg(TRADE), "ranges").match(/<line /g)).toHaveLength(ranges.length);
  });

  it("marks the 2020 target and China's 2013 figure, labelled", () => {
    expect(markLabels(svg(TRADE), "targets")).toEqual(["official target, as much as $1B by 2020 (trade-target-rus-prk-2020)"]);
    expect(markLabels(svg(TRADE), "references")).toEqual(["China–North Korea, 2013: over $6B (trade-turnover-chn-prk-2013)"]);
    expect(svg(TRADE)).toContain(">official target, as much as $1B by 2020</text>");
    expect(svg(TRADE)).toContain(">China–North Korea, 2013: over $6B</text>");
  });

  it("has a title, axis titles, a hedge legend and the source note", () => {
    for (const text of ["Russian–North Korean trade turnover, 1988–2015", "Year", "Trade turnover, US dollars (log scale)", "Hedge in the memo", "Source: Golunov, PONARS Eurasia Policy Memo 428, 2016"]) {
      expect(svg(TRADE)).toContain(`>${text}</text>`);
    }
    for (const hedge of ["exact", "approximate (about, around)", "at most (almost, as much as)", "at least (over, more than)"]) {
      expect(svg(TRADE)).toContain(`>${hedge}</text>`);
    }
  });

  it("takes its values from the data, not from the code", async () => {
    const figures = input.figures.map((f) => (f.measure === "trade_target" ? { ...f, value: 2 * f.value } : f));
    const changed = await chartFiles({ ...input, figures });
    expect(changed.get(TRADE)).toContain(">official target, as much as $2B by 2020</text>");
  });
});

describe("events timeline", () => {
  it("has one mark per event: a bar for a period, a dot for a single date", () => {
    const bars = markLabels(svg(TIMELINE), "event_periods");
    const dots = markLabels(svg(TIMELINE), "event_dates");
    const periods = input.events.filter((e) => e.date_start !== e.date_end);
    expect(bars).toHaveLength(periods.length);
    expect(dots).toHaveLength(input.events.length - periods.length);
    for (const event of input.events) expect([...bars, ...dots].filter((label) => label.endsWith(`(${event.id})`))).toHaveLength(1);
  });

  it("labels each row with the event's date and title, and marks inferred dates", () => {
    expect(svg(TIMELINE)).toContain(">1950–1953 · Korean War ends in a stalemate</text>");
    expect(svg(TIMELINE)).toContain(">Jan 2016* · North Korea's hydrogen bomb test</text>");
  });

  it("has a legend of event types and the source note", () => {
    expect(svg(TIMELINE)).toContain(">Event type</text>");
    expect(svg(TIMELINE)).toContain(">weapons test</text>");
    expect(svg(TIMELINE)).toContain(">Source: Golunov, PONARS Eurasia Policy Memo 428, 2016</text>");
  });
});

/** The SVG group Vega writes for the layer named `name` (mark groups hold no nested groups). */
function markGroup(svgText: string, name: string): string {
  const match = new RegExp(`<g class="mark-[a-z]+ role-mark ${name}_marks"[^>]*>(.*?)</g>`, "s").exec(svgText);
  if (match === null) throw new Error(`no mark group ${name}`);
  return match[1]!;
}

/** The accessible description of each mark in a layer, entities decoded. */
function markLabels(svgText: string, name: string): string[] {
  return [...markGroup(svgText, name).matchAll(/<(?:path|line) aria-label="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

function decodeEntities(text: string): string {
  return text.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
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
