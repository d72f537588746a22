/**
 * The dataset of sources/ as tests read it: its configuration, the committed dist/ as typed tables, and a fresh
 * in-process build of it (made once per test file that asks, into a temporary folder).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildReport } from "../../pipeline/build.ts";
import { loadDatasetConfig, type LoadedConfig } from "../../pipeline/config/dataset-config.ts";
import { fillTables, tableDefinitions, type Tables } from "../../pipeline/tables/index.ts";
import { ROOT } from "./cli.ts";

export const DATASET_CONFIG: LoadedConfig = await loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));

/** The tables a build wrote into `outDir` (the committed dist/ by default), read back from their JSON files. */
export function publishedTables(outDir = join(ROOT, "dist"), config = DATASET_CONFIG): Tables {
  const definitions = tableDefinitions(config);
  const read = <T>(name: string) => JSON.parse(readFileSync(join(outDir, "data", `${name}.json`), "utf8")) as T[];
  return fillTables(definitions, {
    sources: read("sources"),
    figures: read("figures"),
    events: read("events"),
    indicators: read("indicators"),
    mentions: read("mentions"),
    series: new Map([...definitions.series].map(([id, table]) => [id, read(table.name)])),
    codebook: {
      actors: read("actors"),
      units: read("units"),
      measures: read("measures"),
      eventTypes: read("event_types"),
      series: read("series"),
    },
  });
}

let sourcesBuild: Promise<BuildReport & { outDir: string }> | undefined;

/** The sources of sources/ built in this process into a temporary folder, once per test file. */
export function builtSources(): Promise<BuildReport & { outDir: string }> {
  sourcesBuild ??= (async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), "rdd-built-")), "dist");
    return { ...(await build({ sourcesDir: join(ROOT, "sources"), outDir })), outDir };
  })();
  return sourcesBuild;
}
