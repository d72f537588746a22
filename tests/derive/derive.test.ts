/**
 * Indicators recomputed independently, with plain arithmetic, from the figures of whatever sources/ holds: every
 * series' changes and every indicator a source defines. What one source's indicators must be (values, hedges,
 * words) is in that source's expectations.yaml.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assemble } from "../../pipeline/build.ts";
import { loadCuration } from "../../pipeline/io/yaml-file.ts";
import { curatedIndicator } from "../../pipeline/curation/records.ts";
import { derive } from "../../pipeline/derive/index.ts";
import { nameChangeBound } from "../../pipeline/derive/qualifier.ts";
import { PipelineErrors } from "../../pipeline/io/errors.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import type { Figure, Indicator } from "../../schemas/index.ts";
import { brokenSources, replaceIn, ROOT, runInProcess } from "../helpers/cli.ts";

const assembled = await assemble(join(ROOT, "sources"));
const { config } = assembled;
const figures = assembled.dataset.figures.map((item) => item.record);
const deriveFrom = (figures: Figure[], definitions = assembled.definitions) =>
  derive({
    figures,
    definitions,
    series: config.series,
    seriesBreaks: new Map(),
    units: config.units,
    derivedUnits: config.derived_units,
  });
const { indicators, series } = deriveFrom(figures);
const figureById = new Map(figures.map((f) => [f.id, f]));
const v = (id: string) => {
  const figure = figureById.get(id);
  if (!figure) throw new Error(`no figure ${id}`);
  return figure.value;
};
const indicator = (id: string): Indicator => {
  const found = indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

/** A partial date's first instant and the instant after its end, in decimal years, as the README defines them. */
const decimalYear = (date: string) => {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return year + (month - 1) / 12 + (day - 1) / 365.25;
};
const afterEnd = (date: string) => decimalYear(date) + [1, 1 / 12, 1 / 365.25][date.split("-").length - 1]!;
const midpoint = (start: string, end: string) => (decimalYear(start) + afterEnd(end)) / 2;

describe.each([...series].map(([id, rows]) => [id, rows] as const))("series %s", (seriesId, rows) => {
  const definition = config.series.find((s) => s.id === seriesId)!;

  it("holds every figure of its measure and parties, one row each, in period order within each source", () => {
    const members = figures.filter(
      (f) =>
        f.measure === definition.measure &&
        f.subject === definition.subject &&
        f.counterpart === definition.counterpart &&
        f.period_start !== null,
    );
    expect(rows.map((row) => row.figure_id).sort()).toEqual(members.map((f) => f.id).sort());
    for (const row of rows) expect(row.year, row.figure_id).toBe(midpoint(row.period_start, row.period_end));
    for (const source of new Set(rows.map((row) => row.source_id))) {
      const own = rows.filter((row) => row.source_id === source);
      for (const [i, row] of own.entries()) {
        expect(row.previous_figure_id, row.figure_id).toBe(i === 0 ? null : own[i - 1]!.figure_id);
        if (i > 0) expect(row.year).toBeGreaterThanOrEqual(own[i - 1]!.year);
      }
    }
  });

  it("gives each change, percent change and growth rate from the source's preceding observation", () => {
    for (const row of rows.filter((r) => r.previous_figure_id !== null)) {
      const [a, b] = [v(row.previous_figure_id!), v(row.figure_id)];
      const previous = rows.find((r) => r.figure_id === row.previous_figure_id)!;
      const years = row.year - previous.year;
      close(row.change_abs!, b - a);
      close(row.change_pct!, (100 * (b - a)) / a);
      close(row.cagr_pct!, 100 * ((b / a) ** (1 / years) - 1));
      close(indicator(`${row.figure_id}-abs-change`).value, b - a);
      close(indicator(`${row.figure_id}-pct-change`).value, (100 * (b - a)) / a);
      close(indicator(`${row.figure_id}-cagr`).value, 100 * ((b / a) ** (1 / years) - 1));
    }
    for (const row of rows.filter((r) => r.previous_figure_id === null))
      expect([row.change_abs, row.change_pct, row.cagr_pct], row.figure_id).toEqual([null, null, null]);
  });
});

describe("bounds on a change", () => {
  /** Whether a true change `actual` satisfies "`qualifier` `value`", read as a reader reads the qualifier's name. */
  const holds = (qualifier: string, value: number, actual: number): boolean =>
    ({
      at_least: actual >= value,
      at_most: actual <= value,
      rise_at_least: actual >= Math.abs(value),
      rise_at_most: actual <= Math.abs(value),
      fall_at_least: -actual >= Math.abs(value),
      fall_at_most: -actual <= Math.abs(value),
    })[qualifier]!;

  const signed = fc.double({ min: -1e9, max: 1e9, noNaN: true });

  it("name the direction, and mean what the signed bound means", () => {
    fc.assert(
      fc.property(fc.constantFrom("at_least" as const, "at_most" as const), signed, signed, (bound, value, actual) => {
        const named = nameChangeBound(bound, value);
        expect(named).toMatch(value < 0 ? /^fall_/ : /^rise_/);
        expect(holds(named, value, actual)).toBe(holds(bound, value, actual));
      }),
    );
    expect(nameChangeBound("exact", -5)).toBe("exact");
    expect(nameChangeBound("approximate", -5)).toBe("approximate");
  });

  it("are never left as a bare at_least or at_most, on any change", () => {
    const changes = indicators.filter((i) => /-(abs-change|pct-change|cagr)$/.test(i.id) || i.unit === "percent/year");
    for (const i of changes) expect(["at_least", "at_most"], i.id).not.toContain(i.qualifier);
    for (const rows of series.values())
      for (const row of rows) expect(["at_least", "at_most"], row.figure_id).not.toContain(row.change_qualifier);
  });
});

/** Each formula a definition may name, as plain arithmetic on its inputs' values (and the years between a, b). */
const FORMULAS: Record<string, (a: number, b: number, c: number, years: number) => number> = {
  ratio: (a, b) => a / b,
  share: (a, b) => (100 * a) / b,
  percent_of: (a, b) => (a / 100) * b,
  sum: (a, b) => a + b,
  difference: (a, b) => a - b,
  percent_change: (a, b) => (100 * (b - a)) / a,
  sum_ratio: (a, b, c) => (a + b) / c,
  remainder_check: (a, b, c) => b - (b * a) / 100 - c,
  cagr: (a, b, _, years) => 100 * ((b / a) ** (1 / years) - 1),
};

describe("defined indicators", () => {
  it.each(assembled.definitions.map((d) => [d.value.id, d.value] as const))("%s is its formula", (id, definition) => {
    const years = () => {
      const [a, b] = [figureById.get(definition.a)!, figureById.get(definition.b)!];
      return midpoint(b.period_start!, b.period_end!) - midpoint(a.period_start!, a.period_end!);
    };
    const c = definition.c === undefined ? Number.NaN : v(definition.c);
    const formula = FORMULAS[definition.formula];
    expect(formula, definition.formula).toBeDefined();
    close(
      indicator(id).value,
      formula!(v(definition.a), v(definition.b), c, definition.formula === "cagr" ? years() : 0),
    );
    expect(indicator(id).inputs).toEqual([definition.a, definition.b, ...(definition.c ? [definition.c] : [])]);
  });

  it("lists the figures each indicator comes from", () => {
    for (const i of indicators)
      for (const input of i.inputs) expect(figureById.has(input), `${i.id} → ${input}`).toBe(true);
  });
});

describe("derive on any positive figures", () => {
  it("never emits NaN or Infinity", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e13, noNaN: true }), {
          minLength: figures.length,
          maxLength: figures.length,
        }),
        (values) => {
          const varied: Figure[] = figures.map((figure, i) => ({ ...figure, value: values[i]! }));
          const result = deriveFrom(
            varied,
            assembled.definitions.filter((d) => d.value.tolerance === undefined),
          );
          for (const row of result.indicators) expect(Number.isFinite(row.value), row.id).toBe(true);
          for (const rows of result.series.values())
            for (const row of rows)
              for (const x of [row.change_abs, row.change_pct, row.cagr_pct])
                expect(x === null || Number.isFinite(x)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("the units of what derive computes", () => {
  const input = { figures, series: config.series, seriesBreaks: new Map(), units: config.units };

  it("come from the dataset configuration's derived_units, not from the code", () => {
    const renamed = derive({ ...input, definitions: [], derivedUnits: { percent: "pct", growth_rate: "pct/yr" } });
    const units = (slug: string) => new Set(renamed.indicators.filter((i) => i.id.endsWith(slug)).map((i) => i.unit));
    expect([units("-pct-change"), units("-cagr"), units("-abs-change")]).toEqual([
      new Set(["pct"]),
      new Set(["pct/yr"]),
      new Set(["USD"]),
    ]);
    expect(() =>
      derive({
        ...input,
        definitions: assembled.definitions,
        derivedUnits: { ...config.derived_units, ratio: "times" },
      }),
    ).toThrow(/gives times, not ratio/);
  });

  it("are asked for by a formula that needs one the configuration does not name", () => {
    expect(() =>
      derive({
        ...input,
        definitions: assembled.definitions,
        derivedUnits: { percent: "percent", growth_rate: "percent/year" },
      }),
    ).toThrow(/formula ratio: the dataset configuration names no unit for a ratio \(derived_units\.ratio\)/);
  });
});

describe("an inconsistent memo", () => {
  it("fails the build, naming the consistency indicator", async () => {
    const { sourcesDir, outDir } = brokenSources((dir) => {
      // A write-off share that no longer leaves the "remaining $1 billion".
      replaceIn(join(dir, "memo.txt"), "write off 90 percent", "write off 80 percent");
      replaceIn(join(dir, "figures.yaml"), "write off 90 percent", "write off 80 percent", 2);
      replaceIn(join(dir, "figures.yaml"), "amount: 90 percent", "amount: 80 percent");
      replaceIn(join(dir, "figures.yaml"), "expect: 90\n", "expect: 80\n");
      replaceIn(join(dir, "events.yaml"), "write off 90 percent", "write off 80 percent");
      const source = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));
      source.sha256 = sha256(readFileSync(join(dir, "memo.txt")));
      writeFileSync(join(dir, "source.json"), JSON.stringify(source, null, 2));
    });
    const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /\[debt-remainder-consistency-2012\]: consistency check failed: 1,000,000,000 exceeds the tolerance of 1/,
    );
    expect(result.stderr).toMatch(/^\S*indicators\.yaml:\d+ \[debt-remainder-consistency-2012\]/);
  });
});

describe("an indicator definition whose formula does not fit its inputs", () => {
  /** The messages deriving gives with these definitions added to the memo's, each naming its file and line. */
  function problems(yaml: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), "rdd-definitions-"));
    const file = join(dir, "indicators.yaml");
    writeFileSync(file, yaml);
    try {
      deriveFrom(figures, [...assembled.definitions, ...loadCuration(file, curatedIndicator)]);
      return [];
    } catch (error) {
      return (error instanceof PipelineErrors ? error.errors : [error]).map((e) =>
        String(e).replace(file, "indicators.yaml"),
      );
    }
  }

  it.each([
    [
      "a growth rate of an undated figure",
      "- id: g\n  name: g\n  formula: cagr\n  a: border-length-rus-prk\n  b: trade-turnover-rus-prk-2015\n  " +
        "unit: percent/year\n",
      "indicators.yaml:3 [g]: formula cagr: a growth rate needs two dated inputs",
    ],
    [
      "a sum of dollars and kilometres",
      "- id: s\n  name: s\n  formula: sum\n  a: border-length-rus-prk\n  b: trade-turnover-rus-prk-2015\n  unit: USD\n",
      "indicators.yaml:3 [s]: formula sum: its inputs a, b must share a unit, not km and USD",
    ],
    [
      "a result in the wrong unit",
      "- id: r\n  name: r\n  formula: sum\n  a: trade-turnover-rus-prk-2014\n  b: trade-turnover-rus-prk-2015\n  " +
        "unit: km\n",
      "indicators.yaml:6 [r]: formula sum over these inputs gives USD, not km",
    ],
    [
      "an input the formula does not take",
      "- id: c\n  name: c\n  formula: ratio\n  a: trade-turnover-rus-prk-2014\n  b: " +
        "trade-turnover-rus-prk-2015\n  c: debt-prk-rus-2012\n  unit: ratio\n",
      "indicators.yaml:6 [c]: formula ratio takes no input `c`",
    ],
    [
      "an id a series indicator already has",
      "- id: trade-turnover-rus-prk-2015-pct-change\n  name: x\n  formula: ratio\n  a: " +
        "trade-turnover-rus-prk-2014\n  b: trade-turnover-rus-prk-2015\n  unit: ratio\n",
      "indicators.yaml:1 [trade-turnover-rus-prk-2015-pct-change]: " +
        'id "trade-turnover-rus-prk-2015-pct-change" is already the id of a series indicator',
    ],
  ])("refuses %s, naming the file and line", (_, yaml, message) => {
    expect(problems(yaml)).toEqual([message]);
  });
});
