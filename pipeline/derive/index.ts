/**
 * derive: indicators computed from the figures. Two families: the series the dataset configuration defines (one
 * measure between two parties, observations in period order within each source, found and paired with Arquero,
 * with the change from each observation to the one before it), and the indicators a source defines in its
 * indicators.yaml. Both compute with the one formula table, formulas.ts, on inputs read one way (a figure's
 * value, unit and mid-year). Every value is computed here; definitions name figure ids and formulas, never
 * numbers.
 */
import * as aq from "arquero";
import type { Figure, Indicator, SeriesObservation } from "../../schemas/index.ts";
import type { DerivedUnits, SeriesDefinition, UnitDefinition } from "../config/dataset-config.ts";
import { formatValue } from "../config/format-unit.ts";
import type { Curated } from "../io/yaml-file.ts";
import { intervalColumns } from "../tables/date-interval.ts";
import { PipelineError, throwIfAny } from "../io/errors.ts";
import type { Qualifier } from "../extract/mention.ts";
import { FORMULAS, type Formula, type FormulaInput, type Inputs, type Role } from "./formulas.ts";
import { midYear, periodLabel, periodSpan } from "./periods.ts";
import { explainBound, nameChangeBound, propagateQualifier, type Effect } from "./qualifier.ts";

const { op } = aq;

export interface IndicatorDefinition {
  id: string;
  name: string;
  description?: string | undefined;
  formula: string;
  a: string;
  b: string;
  c?: string | undefined;
  unit: string;
  /** For consistency checks: the largest absolute value accepted. */
  tolerance?: number | undefined;
}

export interface DeriveInput {
  figures: Figure[];
  definitions: Curated<IndicatorDefinition>[];
  series: SeriesDefinition[];
  /** Why an observation is not comparable with the one before it in its series, by figure id. */
  seriesBreaks: Map<string, string>;
  /** The units the dataset defines, to check definitions' units and to write inputs in descriptions. */
  units: Units;
  /** The dataset's units of ratios, percents and growth rates. */
  derivedUnits: DerivedUnits;
}

export interface Derived {
  indicators: Indicator[];
  /** Each series' observations, by the series' id. */
  series: Map<string, SeriesObservation[]>;
}

type Units = Record<string, UnitDefinition>;

const ROLES: Role[] = ["a", "b", "c"];
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

export function derive(input: DeriveInput): Derived {
  const byId = new Map(input.figures.map((figure) => [figure.id, figure]));
  const table = aq
    .from(input.figures)
    .derive({ year: aq.escape((d: Figure) => midYear(d.period_start, d.period_end)) });
  const series = new Map<string, SeriesObservation[]>();
  const indicators: Indicator[] = [];
  for (const definition of input.series) {
    const rows = seriesRows(table, definition, input.seriesBreaks);
    series.set(definition.id, rows);
    indicators.push(...seriesIndicators(definition, rows, byId, input));
  }
  indicators.push(...definedIndicators(input, byId, new Set(indicators.map((i) => i.id))));
  checkFiniteAndConsistent(indicators, input.definitions);
  return { indicators, series };
}

/** An observation with the one before it in its source, as Arquero pairs them. */
interface SeriesRow {
  year: number;
  value: number;
  unit: string;
  previous_value: number | null;
  previous_year: number | null;
}

/**
 * Each change column of a series, the formula that computes it (from the previous observation, a, to this one, b), and
 * its indicator's wording.
 */
const CHANGES = {
  change_abs: { formula: "difference", slug: "abs-change", name: "Change in" },
  change_pct: { formula: "percent_change", slug: "pct-change", name: "Percent change in" },
  cagr_pct: { formula: "cagr", slug: "cagr", name: "Compound annual growth of" },
} as const;

/** A change's inputs, previous observation and this one, in the roles its formula gives them. */
function changeInputs(column: keyof typeof CHANGES, previous: FormulaInput, current: FormulaInput): Inputs {
  // A difference is this one less the previous; the others run from the previous (a) to this one (b).
  return column === "change_abs" ? { a: current, b: previous } : { a: previous, b: current };
}

/** A change column's value for a row, from its formula; null for a source's first observation. */
function change(column: keyof typeof CHANGES, d: SeriesRow): number | null {
  if (d.previous_value === null) return null;
  // Two observations of one period (the same mid-point) have no growth rate.
  if (column === "cagr_pct" && d.year === d.previous_year) return null;
  const previous = { value: d.previous_value, unit: d.unit, year: d.previous_year };
  return FORMULAS[CHANGES[column].formula]!.compute(
    changeInputs(column, previous, { value: d.value, unit: d.unit, year: d.year }),
  );
}

/** One series' observations, in period order within each source, each with the change from the one before. */
function seriesRows(
  figures: aq.ColumnTable,
  series: SeriesDefinition,
  breaks: Map<string, string>,
): SeriesObservation[] {
  const rows = figures
    .params({ measure: series.measure, subject: series.subject, counterpart: series.counterpart })
    .filter(
      (d: Figure & { year: number | null }, $: SeriesDefinition) =>
        d.measure === $.measure && d.subject === $.subject && d.counterpart === $.counterpart && d.year !== null,
    )
    .groupby("source_id")
    .orderby("year")
    .derive({
      previous_figure_id: (d: Figure) => op.lag(d.id, 1, null),
      previous_value: (d: Figure) => op.lag(d.value, 1, null),
      previous_year: (d: { year: number }) => op.lag(d.year, 1, null),
      previous_qualifier: (d: Figure) => op.lag(d.qualifier, 1, null),
    })
    .ungroup()
    .derive({
      // op.lag gives the null default at a source's first row, which `change` returns as null.
      years_since_previous: (d: SeriesRow) => (d.previous_value === null ? null : d.year - d.previous_year!),
      change_abs: aq.escape((d: SeriesRow) => change("change_abs", d)),
      change_pct: aq.escape((d: SeriesRow) => change("change_pct", d)),
      cagr_pct: aq.escape((d: SeriesRow) => change("cagr_pct", d)),
    })
    .objects() as (Figure & {
    year: number;
    previous_figure_id: string | null;
    previous_qualifier: Qualifier | null;
  } & Omit<SeriesObservation, "figure_id">)[];
  return rows
    .map((row) => ({
      figure_id: row.id,
      source_id: row.source_id,
      period_start: row.period_start!,
      period_end: row.period_end!,
      period_first_day: row.period_first_day!,
      period_last_day: row.period_last_day!,
      year: row.year,
      value: row.value,
      qualifier: row.qualifier,
      previous_figure_id: row.previous_figure_id,
      years_since_previous: row.years_since_previous,
      change_abs: row.change_abs,
      change_pct: row.change_pct,
      cagr_pct: row.cagr_pct,
      change_qualifier:
        row.previous_qualifier === null
          ? null
          : nameChangeBound(
              propagateQualifier([
                { qualifier: row.previous_qualifier, effect: -1 },
                { qualifier: row.qualifier as Qualifier, effect: 1 },
              ]),
              row.change_abs!,
            ),
      break_note: row.previous_figure_id === null ? null : (breaks.get(row.id) ?? null),
    }))
    .sort((a, b) => a.year - b.year || (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0));
}

/** Each consecutive pair of observations gives an absolute change, a percent change and a growth rate. */
function seriesIndicators(
  series: SeriesDefinition,
  rows: SeriesObservation[],
  byId: Map<string, Figure>,
  { units, derivedUnits }: DeriveInput,
): Indicator[] {
  return rows.flatMap((row) => {
    if (row.previous_figure_id === null) return [];
    const previous = byId.get(row.previous_figure_id)!;
    const current = byId.get(row.figure_id)!;
    const from = periodLabel(previous.period_start, previous.period_end);
    const to = periodLabel(current.period_start, current.period_end);
    return (Object.keys(CHANGES) as (keyof typeof CHANGES)[]).flatMap((column) => {
      const value = row[column];
      if (value === null) return [];
      const spec = CHANGES[column];
      const formula = FORMULAS[spec.formula]!;
      const inputs = changeInputs(column, formulaInput(previous), formulaInput(current));
      const figures = column === "change_abs" ? { a: current, b: previous } : { a: previous, b: current };
      const rendered = { a: render(figures.a, units), b: render(figures.b, units), c: "" };
      const breakNote = row.break_note === null ? null : `Break in the series: ${row.break_note}`;
      return [
        assemble({
          id: `${row.figure_id}-${spec.slug}`,
          name:
            `${spec.name} ${series.title}, ${from} to ` +
            `${to}${row.break_note === null ? "" : ", across a break in the series"}`,
          description: [
            `From ${from} to ${to}, within ${row.source_id}.`,
            ...(column === "cagr_pct" ? midPointNotes([previous, current]) : []),
            breakNote,
          ]
            .filter((s): s is string => s !== null)
            .join(" "),
          computation: formula.spell(rendered, inputs),
          value,
          unit: resultUnit(formula, inputs, derivedUnits),
          inputs: [
            { figure: previous, effect: -1 },
            { figure: current, effect: 1 },
          ],
          tolerance: null,
          // A series' changes compare two of its periods by design.
          comparesPeriods: false,
          change: formula.change === true,
          caveat: breakNote,
        }),
      ];
    });
  });
}

/** The unit a formula gives these inputs; the configuration's checks make a problem here a bug. */
function resultUnit(formula: Formula, inputs: Inputs, derivedUnits: DerivedUnits): string {
  const result = formula.unit(inputs, derivedUnits);
  if ("problem" in result) throw new Error(`derive: ${result.problem}`);
  return result.unit;
}

/** The indicators the sources define, each computed by its formula from its input figures. */
function definedIndicators(input: DeriveInput, byId: Map<string, Figure>, seriesIds: Set<string>): Indicator[] {
  const definitions = input.definitions;
  checkDefinitions(definitions, byId, input, seriesIds);
  return definitions.map(({ value: definition }) => {
    const formula = FORMULAS[definition.formula]!;
    const roles = ROLES.filter((role) => formula.roles[role] !== undefined);
    const figuresOf = Object.fromEntries(roles.map((role) => [role, byId.get(definition[role]!)!])) as Partial<
      Record<Role, Figure>
    >;
    const rendered = Object.fromEntries(
      ROLES.map((role) => [role, figuresOf[role] ? render(figuresOf[role], input.units) : ""]),
    ) as Record<Role, string>;
    const inputs: Inputs = Object.fromEntries(roles.map((role) => [role, formulaInput(figuresOf[role]!)]));
    return assemble({
      id: definition.id,
      name: definition.name,
      description: definition.description ?? null,
      computation: formula.spell(rendered, inputs),
      value: formula.compute(inputs),
      unit: definition.unit,
      inputs: roles.map((role) => ({ figure: figuresOf[role]!, effect: formula.roles[role]! })),
      tolerance: definition.tolerance ?? null,
      change: formula.change === true,
      comparesPeriods: formula.comparesPeriods,
      caveat: null,
    });
  });
}

function formulaInput(figure: Figure): FormulaInput {
  return { value: figure.value, unit: figure.unit, year: midYear(figure.period_start, figure.period_end) };
}

interface Parts {
  id: string;
  name: string;
  description: string | null;
  computation: string;
  value: number;
  unit: string;
  inputs: { figure: Figure; effect: Effect }[];
  tolerance: number | null;
  /** Whether inputs from different periods are a caveat worth stating in `note`. */
  comparesPeriods: boolean;
  /** Whether the value is a change or difference, whose bound is named by its direction. */
  change: boolean;
  /** A caveat for `note` beside any period mismatch, such as a break in a series. */
  caveat: string | null;
}

/** "a is 2014, b is 2015": each input figure's period. */
function inputPeriods(parts: Parts): string {
  return parts.inputs.map(({ figure }) => `${figure.id} is ${periodOf(figure)}`).join(", ");
}

/** "2011-2012": a figure's period as descriptions give it. */
function periodOf(figure: Figure): string {
  return periodLabel(figure.period_start, figure.period_end);
}

/** One indicator row: the qualifier and period from the inputs, and a description that spells the sum out. */
function assemble(parts: Parts): Indicator {
  const hedged = parts.inputs.map(({ figure, effect }) => ({
    id: figure.id,
    qualifier: figure.qualifier as Qualifier,
    effect,
  }));
  const propagated = propagateQualifier(hedged);
  const qualifier = parts.change ? nameChangeBound(propagated, parts.value) : propagated;
  const periods = parts.inputs.map(({ figure }) => ({ start: figure.period_start, end: figure.period_end }));
  const { start, end } = periodSpan(periods);
  const labels = [...new Set(parts.inputs.map(({ figure }) => periodLabel(figure.period_start, figure.period_end)))];
  const mismatch =
    parts.comparesPeriods && labels.length > 1 ? `Inputs cover different periods: ${inputPeriods(parts)}.` : null;
  const notes = [parts.caveat, mismatch].filter((s): s is string => s !== null);
  const sentences = [
    parts.description,
    `Computed as ${parts.computation} = ${NUMBER.format(parts.value)}.`,
    explainBound(qualifier, hedged),
  ];
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
    note: notes.length === 0 ? null : notes.join(" "),
  };
}

/** For each input spanning several years, how it enters a growth rate: at the mid-point of its period. */
function midPointNotes(figures: Figure[]): string[] {
  return figures
    .filter(
      (f) =>
        f.period_start !== null && f.period_end !== null && f.period_start.slice(0, 4) !== f.period_end.slice(0, 4),
    )
    .map(
      (f) =>
        `The ${periodLabel(f.period_start, f.period_end)} observation counts at the mid-point of its period, ` +
        `${decimalYear(midYear(f.period_start, f.period_end)!)}, in the growth rate.`,
    );
}

/** A mid-point in decimal years as a reader takes it: "2012.0 (the start of 2012)", "2014.5". */
function decimalYear(year: number): string {
  return Number.isInteger(year) ? `${year}.0 (the start of ${year})` : String(year);
}

/** "$2,350,000,000 (trade-turnover-rus-prk-1988)": an input as the description shows it. */
function render(figure: Figure, units: Units): string {
  return `${formatValue(figure.value, figure.unit, units, { digits: 6 })} (${figure.id})`;
}

/** Every definition's formula, inputs, units and periods, each problem at its file and line. */
function checkDefinitions(
  definitions: Curated<IndicatorDefinition>[],
  byId: Map<string, Figure>,
  { units, derivedUnits }: DeriveInput,
  seriesIds: Set<string>,
): void {
  const errors: PipelineError[] = [];
  for (const item of definitions) {
    const at = (key?: string) => ({
      file: item.file,
      line: key === undefined ? item.lineOf() : item.lineOf(key),
      record: item.record,
    });
    const definition = item.value;
    if (seriesIds.has(definition.id))
      errors.push(new PipelineError(`id "${definition.id}" is already the id of a series indicator`, at("id")));
    if (!(definition.unit in units))
      errors.push(
        new PipelineError(`unit "${definition.unit}" is not defined in the dataset configuration's units`, at("unit")),
      );
    const formula = FORMULAS[definition.formula]!;
    const inputs: Inputs = {};
    for (const role of ROLES) {
      const id = definition[role];
      const needed = formula.roles[role] !== undefined;
      if (needed && id === undefined)
        errors.push(new PipelineError(`formula ${definition.formula} needs input \`${role}\``, at()));
      else if (!needed && id !== undefined)
        errors.push(new PipelineError(`formula ${definition.formula} takes no input \`${role}\``, at(role)));
      else if (id !== undefined && !byId.has(id))
        errors.push(new PipelineError(`input ${role}: no figure has the id "${id}"`, at(role)));
      else if (id !== undefined) inputs[role] = formulaInput(byId.get(id)!);
    }
    if (Object.keys(inputs).length !== Object.keys(formula.roles).length) continue;
    const result = formula.unit(inputs, derivedUnits);
    if ("problem" in result)
      errors.push(new PipelineError(`formula ${definition.formula}: ${result.problem}`, at("formula")));
    else if (result.unit !== definition.unit) {
      errors.push(
        new PipelineError(
          `formula ${definition.formula} over these inputs gives ${result.unit}, not ${definition.unit}`,
          at("unit"),
        ),
      );
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
      errors.push(
        new PipelineError(`computed ${indicator.value}, not a finite number: ${indicator.description}`, where),
      );
    } else if (indicator.tolerance !== null && Math.abs(indicator.value) > indicator.tolerance) {
      errors.push(
        new PipelineError(
          `consistency check failed: ${NUMBER.format(indicator.value)} exceeds the tolerance of ` +
            `${NUMBER.format(indicator.tolerance)} (${indicator.description})`,
          where,
        ),
      );
    }
  }
  throwIfAny(errors);
}
