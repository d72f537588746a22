/**
 * Sources folders for tests that build more than the memo: the two fixture sources alone, and the memo with
 * them, whose dataset.yaml is the union of the memo's configuration and the fixtures'.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { CONFIG_FILE, loadDatasetConfig, type DatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { sourceFolders } from "../../pipeline/io/input-files.ts";
import { ROOT } from "./cli.ts";

export const REPO_SOURCES = join(ROOT, "sources");
/** Two short fictional sources (a port authority's annual report, a city's ridership note) and their dataset.yaml. */
export const FIXTURE_SOURCES = join(ROOT, "tests", "fixtures", "sources-extra");

/**
 * The union of several dataset configurations, each validated first. Terms (units, measures, actors, event
 * types, derived units), series (by id) and charts (by file) are merged. A term both define keeps the first file's
 * definition, with the extractor units each accepts (so that a curator's wording of a term never breaks a fixture);
 * a measure that two files give different units is an error, since the same figures cannot be both.
 * The package metadata is the first file's: the others extend that dataset.
 */
export async function mergeDatasetConfigs(files: string[]): Promise<DatasetConfig> {
  const configs = await Promise.all(files.map(async (file) => ({ file, config: await loadDatasetConfig(file) })));
  const [first] = configs;
  if (!first) throw new Error("mergeDatasetConfigs: no configuration to merge");
  const merged: DatasetConfig = {
    package: first.config.package,
    units: {},
    measures: {},
    actors: {},
    event_types: {},
    derived_units: {},
    series: [],
    charts: [],
  };
  const definedIn = new Map<string, string>();
  const add = <T>(target: Record<string, T>, kind: string, name: string, definition: T, file: string) => {
    const previous = target[name] as { unit?: string; accepts?: string[] } | undefined;
    if (previous === undefined) {
      target[name] = definition;
      definedIn.set(`${kind}:${name}`, file);
      return;
    }
    const next = definition as { unit?: string; accepts?: string[] };
    if (kind === "measures" && previous.unit !== next.unit) {
      throw new Error(
        `${kind} "${name}" has the unit ${previous.unit} in ${definedIn.get(`${kind}:${name}`)} and ${next.unit} in ${file}`,
      );
    }
    if (previous.accepts !== undefined && next.accepts !== undefined)
      previous.accepts = [...new Set([...previous.accepts, ...next.accepts])];
  };
  for (const { file, config } of configs) {
    for (const kind of ["units", "measures", "actors", "event_types", "derived_units"] as const) {
      for (const [name, definition] of Object.entries(config[kind]))
        add(merged[kind] as Record<string, unknown>, kind, name, structuredClone(definition), file);
    }
    const series: Record<string, unknown> = Object.fromEntries(merged.series.map((s) => [s.id, s]));
    for (const s of config.series) add(series, "series", s.id, s, file);
    merged.series = Object.values(series) as DatasetConfig["series"];
    const charts: Record<string, unknown> = Object.fromEntries(merged.charts.map((c) => [c.file, c]));
    for (const c of config.charts) add(charts, "chart", c.file, c, file);
    merged.charts = Object.values(charts) as DatasetConfig["charts"];
  }
  return merged;
}

/** A temporary sources folder holding the repository's sources, both fixture sources and the merged dataset.yaml. */
export async function repoSourcesWithFixtures(): Promise<string> {
  const sourcesDir = join(mkdtempSync(join(tmpdir(), "rdd-sources-")), "sources");
  for (const from of [REPO_SOURCES, FIXTURE_SOURCES]) {
    for (const folder of sourceFolders(from)) cpSync(join(from, folder), join(sourcesDir, folder), { recursive: true });
  }
  const merged = await mergeDatasetConfigs([join(REPO_SOURCES, CONFIG_FILE), join(FIXTURE_SOURCES, CONFIG_FILE)]);
  const file = join(sourcesDir, CONFIG_FILE);
  writeFileSync(file, stringify(merged, { lineWidth: 0 }));
  // The union is checked as the build will check it: a series or chart naming a term that neither defines fails here.
  await loadDatasetConfig(file);
  return sourcesDir;
}
