/**
 * Values and parties as a reader sees them, from their definitions in sources/dataset.yaml: a unit with a
 * `currency` formats as money in that currency, any other as `prefix` + number + `suffix`; an actor code shows
 * its name. The one place that formats a unit, for descriptions, charts and the explorer.
 */
import type { DatasetConfig } from "./dataset-config.ts";

export interface FormatOptions {
  /** "$2.35B", "16.7K persons": three significant digits with a scale word. */
  compact?: boolean;
  /** Fraction digits at most, when not compact. */
  digits?: number;
  /** Without the unit's prefix and suffix ("1.4M" for 1.4M passengers), where an axis title names the unit. */
  bare?: boolean;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(currency: string | undefined, { compact = false, digits = 2 }: FormatOptions): Intl.NumberFormat {
  const key = `${currency ?? ""} ${compact} ${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    const money = currency === undefined ? {} : { style: "currency" as const, currency };
    const precision = compact
      ? { notation: "compact" as const, maximumSignificantDigits: 3 }
      : { minimumFractionDigits: 0, maximumFractionDigits: digits };
    format = new Intl.NumberFormat("en-US", { ...money, ...precision });
    formats.set(key, format);
  }
  return format;
}

/** "$2,350,000,000", "16,670 persons", "90%"; compact: "$2.35B", "16.7K persons". */
export function formatValue(
  value: number,
  unitName: string,
  units: DatasetConfig["units"],
  options: FormatOptions = {},
): string {
  const unit = units[unitName];
  if (unit === undefined) throw new Error(`unit "${unitName}" is not defined in dataset.yaml's units`);
  // A consistency check's float residue (-2.4e-7) reads as 0, not "-0".
  const shown = Math.abs(value) < 0.5 * 10 ** -(options.digits ?? 2) ? 0 : value;
  const number = numberFormat(unit.currency, options).format(shown);
  return options.bare ? number : `${unit.prefix ?? ""}${number}${unit.suffix ?? ""}`;
}

/** "Russia" for RUS; a code the configuration does not define shows as itself. */
export function actorName(code: string, actors: DatasetConfig["actors"]): string {
  return actors[code]?.name ?? code;
}

/** A vocabulary term as words: "at_least" → "at least". */
export function words(term: string): string {
  return term.replaceAll("_", " ");
}

/** A dataset term as words, a word that is an actor's code keeping its capitals: "un_vote" → "UN vote". */
export function termWords(term: string, actors: DatasetConfig["actors"]): string {
  return words(term)
    .split(" ")
    .map((word) => (word.toUpperCase() in actors ? word.toUpperCase() : word))
    .join(" ");
}
