/**
 * The formulas an indicator definition may use: one table, name → inputs, computation, result unit and the
 * computation in words. Each input role says how the result moves with it (for the qualifier); a formula with
 * no entry here cannot be named in a definition, so no definition can silently compute something else.
 */
import type { Effect } from "./qualifier.ts";

export type Role = "a" | "b" | "c";

export interface FormulaInput {
  value: number;
  unit: string;
  /** Mid-point of the input's period in decimal years; null when the figure has no period. */
  year: number | null;
}

export interface Formula {
  /** The inputs it takes, with how the result moves with each. */
  roles: Partial<Record<Role, Effect>>;
  /** The result is a change or difference, which may be negative: its bound is named by direction. */
  change?: true;
  compute(inputs: Record<Role, FormulaInput>): number;
  /** The result's unit given the inputs', or why the inputs do not fit the formula. */
  unit(inputs: Record<Role, FormulaInput>): { unit: string } | { problem: string };
  /** The computation in words, given each input rendered as "value (figure id)". */
  spell(rendered: Record<Role, string>, inputs: Record<Role, FormulaInput>): string;
}

/** The result's unit when every listed input has the same unit, else the problem. */
function sameUnit(roles: Role[], result: (unit: string) => string) {
  return (inputs: Record<Role, FormulaInput>) => {
    const units = [...new Set(roles.map((role) => inputs[role].unit))];
    return units.length === 1 ? { unit: result(units[0]!) } : { problem: `its inputs ${roles.join(", ")} must share a unit, not ${units.join(" and ")}` };
  };
}

/** The years between the two inputs' mid-points, or null when either is undated. */
export function yearsBetween(a: FormulaInput, b: FormulaInput): number | null {
  return a.year === null || b.year === null ? null : b.year - a.year;
}

export const FORMULAS: Record<string, Formula> = {
  ratio: {
    roles: { a: 1, b: -1 },
    compute: ({ a, b }) => a.value / b.value,
    // Like over like is a ratio; anything over a ratio (a multiplier) keeps its own unit.
    unit: ({ a, b }) => (a.unit === b.unit ? { unit: "ratio" } : b.unit === "ratio" ? { unit: a.unit } : { problem: `a ratio of ${a.unit} to ${b.unit} has no unit of this dataset` }),
    spell: ({ a, b }) => `${a} ÷ ${b}`,
  },
  share: { roles: { a: 1, b: -1 }, compute: ({ a, b }) => (100 * a.value) / b.value, unit: sameUnit(["a", "b"], () => "percent"), spell: ({ a, b }) => `100 × ${a} ÷ ${b}` },
  percent_of: {
    roles: { a: 1, b: 1 },
    compute: ({ a, b }) => (a.value / 100) * b.value,
    unit: ({ a, b }) => (a.unit === "percent" ? { unit: b.unit } : { problem: `input a must be in percent, not ${a.unit}` }),
    spell: ({ a, b }) => `${a} ÷ 100 × ${b}`,
  },
  sum: { roles: { a: 1, b: 1 }, compute: ({ a, b }) => a.value + b.value, unit: sameUnit(["a", "b"], (unit) => unit), spell: ({ a, b }) => `${a} + ${b}` },
  difference: {
    roles: { a: 1, b: -1 },
    change: true,
    compute: ({ a, b }) => a.value - b.value,
    unit: sameUnit(["a", "b"], (unit) => unit),
    spell: ({ a, b }) => `${a} − ${b}`,
  },
  sum_ratio: {
    roles: { a: 1, b: 1, c: -1 },
    compute: ({ a, b, c }) => (a.value + b.value) / c.value,
    unit: sameUnit(["a", "b", "c"], () => "ratio"),
    spell: ({ a, b, c }) => `(${a} + ${b}) ÷ ${c}`,
  },
  remainder_check: {
    roles: { a: -1, b: 1, c: -1 },
    change: true,
    compute: ({ a, b, c }) => b.value - (b.value * a.value) / 100 - c.value, // not b × (1 − a/100): 1 − 0.9 is inexact
    unit: ({ a, b, c }) => (a.unit !== "percent" ? { problem: `input a must be in percent, not ${a.unit}` } : sameUnit(["b", "c"], (unit) => unit)({ a, b, c })),
    spell: ({ a, b, c }) => `${b} − ${b} × ${a} ÷ 100 − ${c}`,
  },
  cagr: {
    roles: { a: -1, b: 1 },
    change: true,
    compute: ({ a, b }) => 100 * (Math.pow(b.value / a.value, 1 / yearsBetween(a, b)!) - 1),
    unit: ({ a, b, c }) => {
      const years = yearsBetween(a, b);
      if (years === null) return { problem: "a growth rate needs two dated inputs" };
      if (years <= 0) return { problem: `a growth rate needs input b later than input a, not ${years} years apart` };
      return sameUnit(["a", "b"], () => "percent/year")({ a, b, c });
    },
    spell: ({ a, b }, inputs) => {
      const years = yearsBetween(inputs.a, inputs.b);
      return `100 × ((${b} ÷ ${a})^(1 ÷ ${years}) − 1), over the ${years} year${years === 1 ? "" : "s"} between the periods' mid-points`;
    },
  },
};

export const FORMULA_NAMES = Object.keys(FORMULAS) as [string, ...string[]];
