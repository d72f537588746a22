/**
 * The build: the dataset configuration and every source folder through ingest, extract and resolve; then
 * validate and derive; then the tables filled and every format of pipeline/formats/ run, and datapackage.json
 * built from what the formats say of their files. Nothing is written unless every stage succeeds, and then all
 * at once (publish/write-atomically.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE, loadDatasetConfig, type LoadedConfig } from "./config/dataset-config.ts";
import { curatedEvent, curatedFigure, curatedIndicator, dismissal } from "./curation/records.ts";
import { derive, type IndicatorDefinition } from "./derive/index.ts";
import { extract } from "./extract/index.ts";
import type { BuildProducts, FileDescription, Files, PackageMetadata, SourceText } from "./formats/format.ts";
import { describeFiles, formatFolders, loadFormats, runFormat, type LoadedFormat } from "./formats/run.ts";
import { stepCache } from "./formats/step-cache.ts";
import { ingestSource } from "./ingest/index.ts";
import { sourceFolders } from "./io/input-files.ts";
import { readPackageJson } from "./io/json-file.ts";
import { loadCuration, type Curated } from "./io/yaml-file.ts";
import { datapackage } from "./publish/datapackage.ts";
import { writeAtomically } from "./publish/write-atomically.ts";
import { releaseDate } from "./release/changelog.ts";
import { resolve } from "./resolve/index.ts";
import { codebookOf } from "./tables/codebook.ts";
import { fillTables, tableDefinitions, type Tables } from "./tables/index.ts";
import { validate, validateDerived, type Dataset } from "./validate/index.ts";

const ROOT = join(import.meta.dirname, "..");

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  /** Reuse unchanged costly formats from node_modules/.cache (see formats/step-cache.ts); false runs and stores all. */
  cache?: boolean;
  /** The version datapackage.json states; package.json's by default (a release builds the next one's). */
  version?: string;
  /** The folders of the formats to publish; every folder of pipeline/formats/ by default. */
  formats?: readonly string[];
  /**
   * The date of the release being built (YYYY-MM-DD), for datapackage.json's `created`; by default the date
   * CHANGELOG.md gives the version, and none for a version not yet released.
   */
  released?: string;
  /** The repository whose package.json names and versions the package; this one by default. */
  root?: string;
  /** Where a warning goes (a step cache that cannot be written); nowhere by default. */
  warn?: (line: string) => void;
}

export interface BuildReport {
  tables: Tables;
  files: Files;
  /** What each file datapackage.json lists is, by path, as its format describes it. */
  descriptions: ReadonlyMap<string, FileDescription>;
}

/** Every source folder read, normalized, extracted and resolved against its curation. */
export interface Assembled {
  config: LoadedConfig;
  dataset: Dataset;
  texts: SourceText[];
  definitions: Curated<IndicatorDefinition>[];
}

export async function assemble(sourcesDir: string): Promise<Assembled> {
  // The folder itself first: a missing or empty one is the error to report, not its missing configuration.
  const folders = sourceFolders(sourcesDir);
  const config = await loadDatasetConfig(join(sourcesDir, CONFIG_FILE));
  const dataset: Dataset = { sources: [], figures: [], events: [], mentions: [] };
  const texts: SourceText[] = [];
  const definitions: Curated<IndicatorDefinition>[] = [];
  const folderOf = new Map<string, string>();
  for (const folder of folders) {
    const dir = join(sourcesDir, folder);
    const { source, raw, textFile, normalized, textFormat } = await ingestSource(dir, folderOf);
    const resolved = resolve({
      sourceId: source.id,
      textFile,
      raw,
      normalized,
      config,
      configFile: config.file,
      mentions: extract(normalized.text, { documentDate: source.published }),
      curated: {
        figures: loadCuration(join(dir, "figures.yaml"), curatedFigure),
        events: loadCuration(join(dir, "events.yaml"), curatedEvent),
        dismissed: loadCuration(join(dir, "dismissed.yaml"), dismissal),
      },
    });
    dataset.sources.push(source);
    dataset.figures.push(...resolved.figures);
    dataset.events.push(...resolved.events);
    dataset.mentions.push(...resolved.mentions);
    const spans = new Map([...resolved.figures, ...resolved.events].map(({ record, span }) => [record.id, span]));
    texts.push({ source, raw, normalized, textFormat, spans });
    const definitionsFile = join(dir, "indicators.yaml");
    if (existsSync(definitionsFile)) definitions.push(...loadCuration(definitionsFile, curatedIndicator));
  }
  return { config, dataset, texts, definitions };
}

export async function build({
  sourcesDir,
  outDir,
  cache = true,
  version,
  released,
  formats: folders = formatFolders(),
  root = ROOT,
  warn = () => {},
}: BuildOptions): Promise<BuildReport> {
  const formats = await loadFormats(folders);
  const { config, dataset, texts, definitions } = await assemble(sourcesDir);
  const metadata = packageMetadata(root, version, released);
  const early: Omit<BuildProducts, "tables"> = { config, texts, packageMetadata: metadata, root };
  const steps = stepCache(root, cache, warn);
  // Formats that read no table (the schemas entry's compiler) start now and run while the data is derived.
  // The formats are this repository's code, wherever the package being built is.
  const run = (loaded: LoadedFormat, products: BuildProducts) => runFormat(loaded, products, ROOT, steps);
  const started = new Map(
    formats.filter(({ format }) => !format.reads.includes("tables")).map((f) => [f, run(f, early as BuildProducts)]),
  );
  // Awaited below; a failure must not go unhandled meanwhile.
  for (const pending of started.values()) pending.catch(() => {});

  const tableSchemas = tableDefinitions(config);
  validate(dataset, tableSchemas, texts, config, publishedRecords(outDir));
  const seriesBreaks = new Map(
    dataset.figures.flatMap(({ record, origin }) =>
      origin.value.series_break === undefined ? [] : [[record.id, origin.value.series_break] as const],
    ),
  );
  const figures = dataset.figures.map((item) => item.record);
  const derived = derive({
    figures,
    definitions,
    series: config.series,
    seriesBreaks,
    units: config.units,
    derivedUnits: config.derived_units,
  });
  validateDerived(derived, tableSchemas);
  const tables = fillTables(tableSchemas, {
    sources: dataset.sources,
    figures,
    events: dataset.events.map((item) => item.record),
    indicators: derived.indicators,
    mentions: dataset.mentions,
    series: derived.series,
    codebook: codebookOf(config),
  });
  const products: BuildProducts = { ...early, tables };
  // The costly formats start first: their asynchronous work (compiling WebAssembly, loading Vega) then overlaps
  // with the quick formats' synchronous work. Files keep the formats' folder order whatever the start order.
  const byCost = [...formats].sort(
    (a, b) => Number(b.format.cache !== undefined) - Number(a.format.cache !== undefined),
  );
  for (const loaded of byCost) if (!started.has(loaded)) started.set(loaded, run(loaded, products));
  const written = await Promise.all(formats.map((loaded) => started.get(loaded)!));
  const files: Files = new Map(written.flatMap((produced) => [...produced]));
  const descriptions = describeFiles(formats, products);
  const descriptor = datapackage({
    files,
    descriptions,
    metadata: products.packageMetadata,
    config,
    sources: [...tables.sources.rows],
    released: metadata.released,
  });
  files.set("datapackage.json", new TextEncoder().encode(descriptor));
  writeAtomically(outDir, files);
  return { tables, files, descriptions };
}

/**
 * The figures and events `outDir` already publishes, as `table/source_id/id`, read leniently: none when it holds
 * no data yet. Only an error message's place depends on them (which of two records with one id is the new one).
 */
function publishedRecords(outDir: string): Set<string> {
  const keys = new Set<string>();
  for (const table of ["figures", "events"]) {
    try {
      const rows: unknown = JSON.parse(readFileSync(join(outDir, "data", `${table}.json`), "utf8"));
      if (!Array.isArray(rows)) continue;
      for (const row of rows)
        if (row !== null && typeof row === "object") keys.add(`${table}/${row.source_id}/${row.id}`);
    } catch {
      // No published table (a first build, another output folder): every record is as new as any other.
    }
  }
  return keys;
}

function packageMetadata(root: string, version?: string, released?: string): PackageMetadata {
  const declared = readPackageJson(root);
  const stated = version ?? declared.version;
  const changelog = join(root, "CHANGELOG.md");
  return {
    name: declared.name,
    version: stated,
    description: declared.description,
    released: released ?? (existsSync(changelog) ? releaseDate(readFileSync(changelog, "utf8"), stated) : null),
  };
}
