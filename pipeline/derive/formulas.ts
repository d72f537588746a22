/**
 * The formulas derive computes, in one table: name → inputs, computation, result unit and the computation in
 * words. The series' changes and the indicators a source defines are both computed here. Each input role says
 * how the result moves with it (for the qualifier); a formula with no entry here cannot be named in a
 * definition, so no definition can silently compute something else. The units of ratios, percents and growth
 * rates are the dataset's own (its `derived_units`), never written here.
 */
import type { DerivedUnits } from "../config/dataset-config.ts";
import type { Effect } from "./qualifier.ts";

export type Role = "a" | "b" | "c";

export interface FormulaInput {
  value: number;
  unit: string;
  /** Mid-point of the input's period in decimal years; null when the figure has no period. */
  year: number | null;
}

/** A formula's inputs: one per role it takes. */
export type Inputs = Partial<Record<Role, FormulaInput>>;

export interface Formula {
  /** The inputs it takes, with how the result moves with each. */
  roles: Partial<Record<Role, Effect>>;
  /** Whether inputs from different periods are worth a caveat: a growth rate spans its inputs' periods by design. */
  comparesPeriods: boolean;
  /** The result is a change or difference, which may be negative: its bound is named by direction. */
  change?: true;
  compute(inputs: Inputs): number;
  /** The result's unit given the inputs' and the dataset's derived units, or why the inputs do not fit the formula. */
  unit(inputs: Inputs, units: DerivedUnits): { unit: string } | { problem: string };
  /** The computation in words, given each input rendered as "value (figure id)". */
  spell(rendered: Record<Role, string>, inputs: Inputs): string;
}

/** The input of a role the formula takes (its caller passes every role the formula names). */
function input(inputs: Inputs, role: Role): FormulaInput {
  const found = inputs[role];
  if (found === undefined) throw new Error(`formula input ${role} is missing`);
  return found;
}

/** The dataset's unit for `kind`, or the problem when its configuration names none. */
function derivedUnit(units: DerivedUnits, kind: keyof DerivedUnits): { unit: string } | { problem: string } {
  const unit = units[kind];
  return unit === undefined
    ? { problem: `the dataset configuration names no unit for a ${kind.replace("_", " ")} (derived_units.${kind})` }
    : { unit };
}

/** The result's unit when every listed input has the same unit, else the problem. */
function sameUnit(roles: Role[], result: (unit: string) => { unit: string } | { problem: string }) {
  return (inputs: Inputs) => {
    const units = [...new Set(roles.map((role) => input(inputs, role).unit))];
    return units.length === 1
      ? result(units[0]!)
      : { problem: `its inputs ${roles.join(", ")} must share a unit, not ${units.join(" and ")}` };
  };
}

/** The years between the two inputs' mid-points, or null when either is undated. */
export function yearsBetween(a: FormulaInput, b: FormulaInput): number | null {
  return a.year === null || b.year === null ? null : b.year - a.year;
}

const value = (inputs: Inputs, role: Role) => input(inputs, role).value;
const same = (unit: string) => ({ unit });

export const FORMULAS: Record<string, Formula> = {
  ratio: {
    roles: { a: 1, b: -1 },
    comparesPeriods: true,
    compute: (x) => value(x, "a") / value(x, "b"),
    // Like over like is a ratio; anything over a ratio (a multiplier) keeps its own unit.
    unit: (x, units) => {
      const [a, b] = [input(x, "a").unit, input(x, "b").unit];
      if (a === b) return derivedUnit(units, "ratio");
      return b === units.ratio ? { unit: a } : { problem: `a ratio of ${a} to ${b} has no unit of this dataset` };
    },
    spell: ({ a, b }) => `${a} ÷ ${b}`,
  },
  share: {
    roles: { a: 1, b: -1 },
    comparesPeriods: true,
    compute: (x) => (100 * value(x, "a")) / value(x, "b"),
    unit: (x, units) => sameUnit(["a", "b"], () => derivedUnit(units, "percent"))(x),
    spell: ({ a, b }) => `100 × ${a} ÷ ${b}`,
  },
  percent_of: {
    roles: { a: 1, b: 1 },
    comparesPeriods: true,
    compute: (x) => (value(x, "a") / 100) * value(x, "b"),
    unit: (x, units) =>
      input(x, "a").unit === units.percent
        ? { unit: input(x, "b").unit }
        : { problem: `input a must be in percent, not ${input(x, "a").unit}` },
    spell: ({ a, b }) => `${a} ÷ 100 × ${b}`,
  },
  sum: {
    roles: { a: 1, b: 1 },
    comparesPeriods: true,
    compute: (x) => value(x, "a") + value(x, "b"),
    unit: sameUnit(["a", "b"], same),
    spell: ({ a, b }) => `${a} + ${b}`,
  },
  difference: {
    roles: { a: 1, b: -1 },
    comparesPeriods: true,
    change: true,
    compute: (x) => value(x, "a") - value(x, "b"),
    unit: sameUnit(["a", "b"], same),
    spell: ({ a, b }) => `${a} − ${b}`,
  },
  percent_change: {
    roles: { a: -1, b: 1 },
    comparesPeriods: false,
    change: true,
    compute: (x) => (100 * (value(x, "b") - value(x, "a"))) / value(x, "a"),
    unit: (x, units) => sameUnit(["a", "b"], () => derivedUnit(units, "percent"))(x),
    spell: ({ a, b }) => `100 × (${b} − ${a}) ÷ ${a}`,
  },
  sum_ratio: {
    roles: { a: 1, b: 1, c: -1 },
    comparesPeriods: true,
    compute: (x) => (value(x, "a") + value(x, "b")) / value(x, "c"),
    unit: (x, units) => sameUnit(["a", "b", "c"], () => derivedUnit(units, "ratio"))(x),
    spell: ({ a, b, c }) => `(${a} + ${b}) ÷ ${c}`,
  },
  remainder_check: {
    roles: { a: -1, b: 1, c: -1 },
    comparesPeriods: true,
    change: true,
    // Not b × (1 − a/100): 1 − 0.9 is inexact.
    compute: (x) => value(x, "b") - (value(x, "b") * value(x, "a")) / 100 - value(x, "c"),
    unit: (x, units) =>
      input(x, "a").unit !== units.percent
        ? { problem: `input a must be in percent, not ${input(x, "a").unit}` }
        : sameUnit(["b", "c"], same)(x),
    spell: ({ a, b, c }) => `${b} − ${b} × ${a} ÷ 100 − ${c}`,
  },
  cagr: {
    roles: { a: -1, b: 1 },
    comparesPeriods: false,
    change: true,
    compute: (x) =>
      100 * (Math.pow(value(x, "b") / value(x, "a"), 1 / yearsBetween(input(x, "a"), input(x, "b"))!) - 1),
    unit: (x, units) => {
      const years = yearsBetween(input(x, "a"), input(x, "b"));
      if (years === null) return { problem: "a growth rate needs two dated inputs" };
      if (years <= 0) return { problem: `a growth rate needs input b later than input a, not ${years} years apart` };
      return sameUnit(["a", "b"], () => derivedUnit(units, "growth_rate"))(x);
    },
    spell: ({ a, b }, x) => {
      const years = yearsBetween(input(x, "a"), input(x, "b"));
      return (
        `100 × ((${b} ÷ ${a})^(1 ÷ ${years}) − 1), over the ${years} year${years === 1 ? "" : "s"} between the ` +
        `periods' mid-points`
      );
    },
  },
};

export const FORMULA_NAMES = Object.keys(FORMULAS) as [string, ...string[]];
