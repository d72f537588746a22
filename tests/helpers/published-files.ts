/**
 * A build's output folder as the source-generic checks read it: every table that datapackage.json lists, with its
 * primary key and its rows (from the table's JSON file), and every chart's SVG text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Row = Record<string, unknown>;

export interface PublishedTable {
  name: string;
  primaryKey: string[];
  columns: string[];
  rows: Row[];
}

export interface Published {
  outDir: string;
  tables: Map<string, PublishedTable>;
  /** Chart file name (`trade-turnover.svg`) → SVG text. */
  charts: Map<string, string>;
}

interface DescribedResource {
  name: string;
  type?: string;
  path: string;
  schema?: { fields: { name: string }[]; primaryKey: string[] };
}

/** The tables and charts a build wrote into `outDir`. */
export function readPublished(outDir: string): Published {
  const descriptor = JSON.parse(readFileSync(join(outDir, "datapackage.json"), "utf8")) as {
    resources: DescribedResource[];
  };
  const tables = new Map<string, PublishedTable>();
  for (const resource of descriptor.resources) {
    if (resource.type !== "table" || resource.schema === undefined) continue;
    const rows = JSON.parse(readFileSync(join(outDir, "data", `${resource.name}.json`), "utf8")) as Row[];
    tables.set(resource.name, {
      name: resource.name,
      primaryKey: resource.schema.primaryKey,
      columns: resource.schema.fields.map((field) => field.name),
      rows,
    });
  }
  const chartsDir = join(outDir, "charts");
  const charts = new Map(
    (existsSync(chartsDir) ? readdirSync(chartsDir) : [])
      .filter((name) => name.endsWith(".svg"))
      .sort()
      .map((name) => [name, readFileSync(join(chartsDir, name), "utf8")] as const),
  );
  return { outDir, tables, charts };
}
