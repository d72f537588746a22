/**
 * Values and parties as a reader sees them, from their definitions in sources/dataset.yaml: a unit with a
 * `currency` formats as money in that currency, any other as `prefix` + number + `suffix`; an actor code shows
 * its name.
 */
import type { DatasetConfig } from "../config/dataset-config.ts";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const COMPACT_NUMBER = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** "$2,350,000,000", "16,670 persons", "90%"; compact: "$2.35B", "16.7K persons". */
export function formatValue(value: number, unitName: string, units: DatasetConfig["units"], { compact = false } = {}): string {
  const unit = units[unitName];
  if (unit === undefined) throw new Error(`unit "${unitName}" is not defined in dataset.yaml's units`);
  // A consistency check's float residue (-2.4e-7) reads as 0, not "-0".
  const shown = Math.abs(value) < 0.005 ? 0 : value;
  const number = unit.currency === undefined ? (compact ? COMPACT_NUMBER : NUMBER).format(shown) : money(unit.currency, compact).format(shown);
  return `${unit.prefix ?? ""}${number}${unit.suffix ?? ""}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function money(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency} ${compact}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    format = compact
      ? new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumSignificantDigits: 3 })
      : new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 2 });
    moneyFormats.set(key, format);
  }
  return format;
}

/** "Russia" for RUS; a code the configuration does not define shows as itself. */
export function actorName(code: string, actors: DatasetConfig["actors"]): string {
  return actors[code]?.name ?? code;
}

/** A vocabulary term as words: "at_least" → "at least". */
export function words(term: string): string {
  return term.replaceAll("_", " ");
}
