/** Indicators recomputed independently, with plain arithmetic, from the published figures. */
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
const tradeTurnover = series.get("trade-turnover-rus-prk")!;
const v = (id: string) => {
  const figure = figures.find((f) => f.id === id);
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

describe("trade turnover series", () => {
  const observations = ["1988", "1996", "2006", "2009", "2011-2012", "2014", "2015"];
  const ids = observations.map((period) => `trade-turnover-rus-prk-${period}`);
  const years = [1988.5, 1996.5, 2006.5, 2009.5, 2012, 2014.5, 2015.5];

  it("has one row per observation, in period order", () => {
    expect(tradeTurnover.map((row) => row.figure_id)).toEqual(ids);
    expect(tradeTurnover.map((row) => row.year)).toEqual(years);
    expect(tradeTurnover[0]).toMatchObject({
      previous_figure_id: null,
      change_abs: null,
      change_pct: null,
      cagr_pct: null,
    });
  });

  it.each(ids.slice(1).map((id, i) => [ids[i]!, id, years[i]!, years[i + 1]!] as const))(
    "%s → %s: change, percent change and growth rate",
    (fromId, toId, fromYear, toYear) => {
      const [a, b] = [v(fromId), v(toId)];
      close(indicator(`${toId}-abs-change`).value, b - a);
      close(indicator(`${toId}-pct-change`).value, (100 * (b - a)) / a);
      close(indicator(`${toId}-cagr`).value, 100 * ((b / a) ** (1 / (toYear - fromYear)) - 1));
      const row = tradeTurnover.find((r) => r.figure_id === toId)!;
      close(row.change_pct!, (100 * (b - a)) / a);
    },
  );

  it("gives the headline changes", () => {
    close(indicator("trade-turnover-rus-prk-1996-pct-change").value, (100 * (85e6 - 2.35e9)) / 2.35e9);
    close(indicator("trade-turnover-rus-prk-2009-pct-change").value, (100 * (45e6 - 210e6)) / 210e6);
    close(indicator("trade-turnover-rus-prk-2011-2012-pct-change").value, (100 * (110e6 - 45e6)) / 45e6);
    close(indicator("trade-turnover-rus-prk-2015-pct-change").value, (100 * (63e6 - 92e6)) / 92e6);
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

  it("read right for the fall from almost $210 million (2006) to $45 million (2009): a fall of at most 78.6%", () => {
    for (const kind of ["abs-change", "pct-change", "cagr"]) {
      expect(indicator(`trade-turnover-rus-prk-2009-${kind}`).qualifier, kind).toBe("fall_at_most");
      expect(indicator(`trade-turnover-rus-prk-2006-${kind}`).qualifier, kind).toBe("rise_at_most");
    }
    expect(indicator("trade-turnover-rus-prk-2009-pct-change").description).toContain("a fall of at most its size");
    const changeQualifier = (id: string) => tradeTurnover.find((r) => r.figure_id === id)!.change_qualifier;
    expect(changeQualifier("trade-turnover-rus-prk-2009")).toBe("fall_at_most");
    expect(changeQualifier("trade-turnover-rus-prk-2006")).toBe("rise_at_most");
  });

  it("are never left as a bare at_least or at_most, on any change", () => {
    const changes = indicators.filter((i) => /-(abs-change|pct-change|cagr)$/.test(i.id) || i.unit === "percent/year");
    expect(changes.length).toBeGreaterThan(18);
    for (const i of changes) expect(["at_least", "at_most"], i.id).not.toContain(i.qualifier);
    for (const row of tradeTurnover) expect(["at_least", "at_most"], row.figure_id).not.toContain(row.change_qualifier);
  });
});

describe("defined indicators", () => {
  const cases: [string, number, Indicator["qualifier"]][] = [
    [
      "trade-turnover-chn-to-rus-prk-ratio-2013-2014",
      v("trade-turnover-chn-prk-2013") / v("trade-turnover-rus-prk-2014"),
      "approximate",
    ],
    ["debt-write-off-usd-2012", (v("debt-write-off-share-rus-prk-2012") / 100) * v("debt-prk-rus-2012"), "exact"],
    [
      "debt-remainder-consistency-2012",
      v("debt-prk-rus-2012") -
        (v("debt-prk-rus-2012") * v("debt-write-off-share-rus-prk-2012")) / 100 -
        v("investment-pledge-rus-prk-2012"),
      "exact",
    ],
    [
      "infrastructure-investment-rus-prk-2008-2014",
      v("investment-rus-prk-railway-2008-2014") + v("investment-rus-prk-terminal-2008-2014"),
      "exact",
    ],
    ["labor-quota-before-tripling-2013", v("labor-quota-rus-prk-2015") / v("quota-multiplier-rus-prk-2013"), "at_most"],
    [
      "labor-quota-filled-share-2016",
      (100 * v("workers-prk-in-rus-2016")) / v("labor-quota-rus-prk-2015"),
      "approximate",
    ],
    [
      "trade-projection-2020-required-cagr",
      100 * ((v("trade-projection-rus-prk-2020") / v("trade-turnover-rus-prk-2015")) ** (1 / 5) - 1),
      "approximate",
    ],
    [
      "trade-projection-2020-multiple-of-2015",
      v("trade-projection-rus-prk-2020") / v("trade-turnover-rus-prk-2015"),
      "approximate",
    ],
  ];

  it.each(cases)("%s = %d (%s)", (id, expected, qualifier) => {
    close(indicator(id).value, expected);
    expect(indicator(id).qualifier).toBe(qualifier);
  });

  it("finds the memo's debt figures consistent to the dollar", () => {
    expect(indicator("debt-remainder-consistency-2012").value).toBe(0);
  });

  it("states a year mismatch in the row", () => {
    expect(indicator("trade-turnover-chn-to-rus-prk-ratio-2013-2014").note).toContain(
      "trade-turnover-chn-prk-2013 is 2013, trade-turnover-rus-prk-2014 is 2014",
    );
    const ratio = indicator("trade-turnover-chn-to-rus-prk-ratio-2013-2014");
    expect(ratio.description).toContain("not a multiple within one year");
  });

  it("says that the quota before the tripling is not a quota of its period columns' years", () => {
    const before = indicator("labor-quota-before-tripling-2013");
    expect([before.period_start, before.period_end]).toEqual(["2013", "2015"]);
    expect(before.description).toContain("not the years this quota applied");
  });

  it("removes the indicators whose meaning was doubtful", () => {
    for (const id of [
      "trade-turnover-chn-to-rus-prk-ratio-2013-2011-2012",
      "infrastructure-investment-to-trade-2015-ratio",
      "re-exports-to-direct-trade-ratio-2015",
    ]) {
      expect(
        indicators.some((i) => i.id === id),
        id,
      ).toBe(false);
    }
  });

  it("says what the labour share divides and which way the quota's hedge points", () => {
    const share = indicator("labor-quota-filled-share-2016");
    expect(share.name).toBe("North Korean workers in Russia at the start of 2016 as a share of the 2015 labour quota");
    expect(share.description).toContain("Because the quota is at most 50,000, the share is at least this");
  });

  it("calls the 2020 figure the officials' projection, never a target they set", () => {
    for (const id of ["trade-projection-2020-multiple-of-2015", "trade-projection-2020-required-cagr"]) {
      expect(indicator(id).name).toContain("officials' 2020 trade projection");
      expect(indicator(id).description).toContain("a projection, not a target");
    }
  });

  it("explains the direction an at_most input gives a ratio", () => {
    expect(indicator("labor-quota-before-tripling-2013").description).toContain("an upper bound");
  });

  it("lists the figures each indicator comes from", () => {
    const figureIds = new Set(figures.map((f) => f.id));
    for (const i of indicators)
      for (const input of i.inputs) expect(figureIds.has(input), `${i.id} → ${input}`).toBe(true);
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
          for (const row of result.series.get("trade-turnover-rus-prk")!)
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
