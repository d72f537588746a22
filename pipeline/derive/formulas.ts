/**
 * The formulas an indicator definition may use, over inputs `a`, `b` and `c` (figure values). Each says how
 * its result moves with each input, for the qualifier, and how to write the computation out for a reader.
 */
import type { Effect } from "./qualifier.ts";

export type Role = "a" | "b" | "c";

export interface Formula {
  roles: Partial<Record<Role, Effect>>;
  /** The computation in words, given each input rendered as "value (figure id)". */
  spell: (inputs: Record<Role, string>, years: number | null) => string;
}

export const FORMULAS = {
  ratio: { roles: { a: 1, b: -1 }, spell: ({ a, b }) => `${a} ÷ ${b}` },
  share: { roles: { a: 1, b: -1 }, spell: ({ a, b }) => `100 × ${a} ÷ ${b}` },
  percent_of: { roles: { a: 1, b: 1 }, spell: ({ a, b }) => `${a} ÷ 100 × ${b}` },
  sum_ratio: { roles: { a: 1, b: 1, c: -1 }, spell: ({ a, b, c }) => `(${a} + ${b}) ÷ ${c}` },
  sum: { roles: { a: 1, b: 1 }, spell: ({ a, b }) => `${a} + ${b}` },
  difference: { roles: { a: 1, b: -1 }, spell: ({ a, b }) => `${a} − ${b}` },
  remainder_check: { roles: { a: -1, b: 1, c: -1 }, spell: ({ a, b, c }) => `${b} − ${b} × ${a} ÷ 100 − ${c}` },
  cagr: {
    roles: { a: -1, b: 1 },
    spell: ({ a, b }, years) => `100 × ((${b} ÷ ${a})^(1 ÷ ${years}) − 1), over the ${years} years between the periods' mid-points`,
  },
} satisfies Record<string, Formula>;

export type FormulaName = keyof typeof FORMULAS;
export const FORMULA_NAMES = Object.keys(FORMULAS) as [FormulaName, ...FormulaName[]];
