/**
 * A value in its unit, as the dataset configuration defines the unit: money in its currency ("$2,350,000,000"),
 * else prefix, number and suffix ("90%", "rank 10", "17 km"). The one place that formats a unit for readers.
 */
import type { UnitDefinition } from "./dataset-config.ts";

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(digits: number, currency: string | undefined): Intl.NumberFormat {
  const key = `${digits} ${currency ?? ""}`;
  let format = formats.get(key);
  if (format === undefined) {
    const money = currency === undefined ? {} : { style: "currency" as const, currency, minimumFractionDigits: 0 };
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, ...money });
    formats.set(key, format);
  }
  return format;
}

export function formatInUnit(value: number, unit: Pick<UnitDefinition, "currency" | "prefix" | "suffix">, maximumFractionDigits = 2): string {
  return `${unit.prefix ?? ""}${numberFormat(maximumFractionDigits, unit.currency).format(value)}${unit.suffix ?? ""}`;
}
