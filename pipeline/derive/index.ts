/**
 * derive: indicators computed from the figures with Arquero. Two families: the Russian–North Korean trade
 * turnover series with its changes between consecutive observations, and the indicators defined in a source's
 * indicators.yaml (ratios, shares, sums, differences, growth rates and consistency checks). Every value is
 * computed here; definitions name figure ids and formulas, never numbers.
 */
import * as aq from "arquero";
import type { Figure, Indicator, TradeTurnover } from "../../schemas/index.ts";
import type { Curated } from "../curation.ts";
import { PipelineError, throwIfAny } from "../errors.ts";
import type { Qualifier } from "../extract/mention.ts";
import { intervalColumns } from "../date-interval.ts";
import { FORMULAS, type Formula, type FormulaName, type Role } from "./formulas.ts";
import { midYear, periodLabel, periodSpan } from "./periods.ts";
import { explainBound, propagateQualifier, type Effect } from "./qualifier.ts";

const { op } = aq;

export interface IndicatorDefinition {
  id: string;
  name: string;
  description?: string | undefined;
  formula: FormulaName;
  a: string;
  b: string;
  c?: string | undefined;
  unit: Indicator["unit"];
  /** For consistency checks: the largest absolute value accepted. */
  tolerance?: number | undefined;
}

export interface Derived {
  indicators: Indicator[];
  tradeTurnover: TradeTurnover[];
}

const ROLES: Role[] = ["a", "b", "c"];
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

export function derive(figures: Figure[], definitions: Curated<IndicatorDefinition>[]): Derived {
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  checkInputsExist(byId, definitions);
  const table = aq.from(figures).derive({ year: aq.escape((d: Figure) => midYear(d.period_start, d.period_end)) });
  const series = tradeTurnoverSeries(table);
  const indicators = [...seriesIndicators(series, byId), ...definedIndicators(table, definitions, byId)];
  checkFiniteAndConsistent(indicators, definitions);
  return { indicators, tradeTurnover: series.objects() as TradeTurnover[] };
}

/** Russian–North Korean trade turnover in period order, with the change from each observation's predecessor. */
function tradeTurnoverSeries(figures: aq.ColumnTable): aq.ColumnTable {
  return figures
    .filter((d: Figure) => d.measure === "trade_turnover" && d.subject === "RUS" && d.counterpart === "PRK")
    .orderby("year")
    .derive({
      previous_figure_id: (d: Figure) => op.lag(d.id, 1, null),
      previous_value: (d: Figure) => op.lag(d.value, 1, null),
      previous_year: (d: { year: number }) => op.lag(d.year, 1, null),
    })
    .derive({
      // op.lag gives the null default at the first row: guard it, or the arithmetic below yields NaN.
      years_since_previous: (d: SeriesRow) => (d.previous_value === null ? null : d.year - d.previous_year),
      change_abs: (d: SeriesRow) => (d.previous_value === null ? null : d.value - d.previous_value),
      change_pct: (d: SeriesRow) => (d.previous_value === null ? null : (100 * (d.value - d.previous_value)) / d.previous_value),
      cagr_pct: (d: SeriesRow) =>
        d.previous_value === null ? null : 100 * (op.pow(d.value / d.previous_value, 1 / (d.year - d.previous_year)) - 1),
    })
    .select("id", "period_start", "period_end", "period_first_day", "period_last_day", "year", "value", "qualifier", "previous_figure_id", "years_since_previous", "change_abs", "change_pct", "cagr_pct")
    .rename({ id: "figure_id" });
}

interface SeriesRow {
  year: number;
  value: number;
  previous_value: number | null;
  previous_year: number;
}

interface DefinitionRow {
  formula: FormulaName;
  a_value: number;
  b_value: number;
  c_value: number;
  a_year: number;
  b_year: number;
  years: number;
}

const SERIES_MEASURES = {
  change_abs: { slug: "abs-change", name: "Change in Russian–North Korean trade turnover", unit: "USD" },
  change_pct: { slug: "pct-change", name: "Percent change in Russian–North Korean trade turnover", unit: "percent" },
  cagr_pct: { slug: "cagr", name: "Compound annual growth of Russian–North Korean trade turnover", unit: "percent/year" },
} as const;

/** Each consecutive pair of observations gives an absolute change, a percent change and a growth rate. */
function seriesIndicators(series: aq.ColumnTable, byId: Map<string, Figure>): Indicator[] {
  return series
    .filter((d: TradeTurnover) => d.previous_figure_id !== null)
    .fold(["change_abs", "change_pct", "cagr_pct"], { as: ["measure", "value"] })
    .derive({
      indicator: aq.escape((d: TradeTurnover & { measure: keyof typeof SERIES_MEASURES; value: number }) => {
        const previous = byId.get(d.previous_figure_id!)!;
        const current = byId.get(d.figure_id)!;
        const spec = SERIES_MEASURES[d.measure];
        const from = periodLabel(previous.period_start, previous.period_end);
        const to = periodLabel(current.period_start, current.period_end);
        const rendered = { a: render(previous), b: render(current), c: "" };
        const words = {
          change_abs: `${rendered.b} − ${rendered.a}`,
          change_pct: `100 × (${rendered.b} − ${rendered.a}) ÷ ${rendered.a}`,
          cagr_pct: FORMULAS.cagr.spell(rendered, d.years_since_previous),
        }[d.measure];
        return assemble({
          id: `trade-turnover-rus-prk-${spec.slug}-${from}-to-${to}`,
          name: `${spec.name}, ${from} to ${to}`,
          description: [`From ${from} to ${to}.`, ...(d.measure === "cagr_pct" ? midPointNotes([previous, current]) : [])].join(" "),
          computation: words,
          value: d.value,
          unit: spec.unit,
          inputs: [
            { figure: previous, effect: -1 },
            { figure: current, effect: 1 },
          ],
          tolerance: null,
          comparesPeriods: false,
        });
      }),
    })
    .array("indicator") as Indicator[];
}

/** The indicators a source defines, computed by joining each definition to its input figures. */
function definedIndicators(figures: aq.ColumnTable, definitions: Curated<IndicatorDefinition>[], byId: Map<string, Figure>): Indicator[] {
  if (definitions.length === 0) return [];
  let table = aq.from(definitions.map(({ value: d }) => ({ id: d.id, formula: d.formula, a: d.a, b: d.b, c: d.c ?? null })));
  for (const role of ROLES) {
    const inputs = figures.select({ id: role, value: `${role}_value`, year: `${role}_year` });
    table = table.lookup(inputs, role, `${role}_value`, `${role}_year`);
  }
  const computed = table
    .derive({ years: (d: DefinitionRow) => d.b_year - d.a_year })
    .derive({
      value: (d: DefinitionRow) =>
        d.formula === "ratio"
          ? d.a_value / d.b_value
          : d.formula === "share"
            ? (100 * d.a_value) / d.b_value
            : d.formula === "percent_of"
              ? (d.a_value / 100) * d.b_value
              : d.formula === "sum_ratio"
                ? (d.a_value + d.b_value) / d.c_value
              : d.formula === "sum"
                ? d.a_value + d.b_value
                : d.formula === "difference"
                  ? d.a_value - d.b_value
                  : d.formula === "remainder_check"
                    ? d.b_value - (d.b_value * d.a_value) / 100 - d.c_value // not b × (1 − a/100): 1 − 0.9 is inexact
                    : 100 * (op.pow(d.b_value / d.a_value, 1 / d.years) - 1), // cagr
    });
  const values = new Map((computed.objects() as { id: string; value: number; years: number }[]).map((row) => [row.id, row]));
  return definitions.map(({ value: definition }) => {
    const { value, years } = values.get(definition.id)!;
    const formula: Formula = FORMULAS[definition.formula];
    const roles = ROLES.filter((role) => definition[role] !== undefined && formula.roles[role] !== undefined);
    const rendered = Object.fromEntries(ROLES.map((role) => [role, definition[role] ? render(byId.get(definition[role])!) : ""])) as Record<Role, string>;
    return assemble({
      id: definition.id,
      name: definition.name,
      description: definition.description ?? null,
      computation: formula.spell(rendered, years),
      value,
      unit: definition.unit,
      inputs: roles.map((role) => ({ figure: byId.get(definition[role]!)!, effect: formula.roles[role]! })),
      tolerance: definition.tolerance ?? null,
      // A growth rate spans its inputs' periods by design; any other formula should compare like with like.
      comparesPeriods: definition.formula !== "cagr",
    });
  });
}

interface Parts {
  id: string;
  name: string;
  description: string | null;
  computation: string;
  value: number;
  unit: Indicator["unit"];
  inputs: { figure: Figure; effect: Effect }[];
  tolerance: number | null;
  /** Whether inputs from different periods are a caveat worth stating in `note`. */
  comparesPeriods: boolean;
}

/** One indicator row: the qualifier and period from the inputs, and a description that spells the sum out. */
function assemble(parts: Parts): Indicator {
  const hedged = parts.inputs.map(({ figure, effect }) => ({ id: figure.id, qualifier: figure.qualifier as Qualifier, effect }));
  const qualifier = propagateQualifier(hedged);
  const periods = parts.inputs.map(({ figure }) => ({ start: figure.period_start, end: figure.period_end }));
  const { start, end } = periodSpan(periods);
  const labels = [...new Set(parts.inputs.map(({ figure }) => periodLabel(figure.period_start, figure.period_end)))];
  const mismatch =
    parts.comparesPeriods && labels.length > 1
      ? `Inputs cover different periods: ${parts.inputs.map(({ figure }) => `${figure.id} is ${periodLabel(figure.period_start, figure.period_end)}`).join(", ")}.`
      : null;
  const sentences = [parts.description, `Computed as ${parts.computation} = ${NUMBER.format(parts.value)}.`, explainBound(qualifier, hedged)];
  return {
    id: parts.id,
    name: parts.name,
    description: sentences.filter((s) => s !== null).join(" "),
    value: parts.value,
    unit: parts.unit,
    period_start: start,
    period_end: end,
    ...intervalColumns("period", start, end),
    inputs: parts.inputs.map(({ figure }) => figure.id),
    qualifier,
    tolerance: parts.tolerance,
    note: mismatch,
  };
}

/** For each input spanning several years, how it enters a growth rate: at the mid-point of its period. */
function midPointNotes(figures: Figure[]): string[] {
  return figures
    .filter((f) => f.period_start !== null && f.period_end !== null && f.period_start.slice(0, 4) !== f.period_end.slice(0, 4))
    .map((f) => `The ${periodLabel(f.period_start, f.period_end)} observation counts at the mid-point of its period, ${midYear(f.period_start, f.period_end)}, in the growth rate.`);
}

/** "$2,350,000,000 (trade-turnover-rus-prk-1988)": an input as the description shows it. */
function render(figure: Figure): string {
  const amount = NUMBER.format(figure.value);
  const value = figure.unit === "USD" || figure.unit === "USD/year" ? `$${amount}` : figure.unit === "percent" ? `${amount}%` : amount;
  return `${value} (${figure.id})`;
}

function checkInputsExist(byId: Map<string, Figure>, definitions: Curated<IndicatorDefinition>[]): void {
  const errors: PipelineError[] = [];
  for (const item of definitions) {
    for (const role of ROLES) {
      const id = item.value[role];
      const formula: Formula = FORMULAS[item.value.formula];
      const needed = formula.roles[role] !== undefined;
      if (needed && id === undefined) {
        errors.push(new PipelineError(`formula ${item.value.formula} needs input \`${role}\``, { file: item.file, line: item.lineOf(), record: item.record }));
      } else if (id !== undefined && !byId.has(id)) {
        errors.push(new PipelineError(`input ${role}: no figure has the id "${id}"`, { file: item.file, line: item.lineOf(role), record: item.record }));
      }
    }
  }
  throwIfAny(errors);
}

function checkFiniteAndConsistent(indicators: Indicator[], definitions: Curated<IndicatorDefinition>[]): void {
  const curated = new Map(definitions.map((item) => [item.value.id, item]));
  const errors: PipelineError[] = [];
  for (const indicator of indicators) {
    const item = curated.get(indicator.id);
    const where = { file: item?.file ?? "derived indicators", line: item?.lineOf(), record: indicator.id };
    if (!Number.isFinite(indicator.value)) {
      errors.push(new PipelineError(`computed ${indicator.value}, not a finite number: ${indicator.description}`, where));
    } else if (indicator.tolerance !== null && Math.abs(indicator.value) > indicator.tolerance) {
      errors.push(
        new PipelineError(
          `consistency check failed: ${NUMBER.format(indicator.value)} exceeds the tolerance of ${NUMBER.format(indicator.tolerance)} (${indicator.description})`,
          where,
        ),
      );
    }
  }
  throwIfAny(errors);
}
