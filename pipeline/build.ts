/**
 * The build: the dataset configuration and every source folder through ingest, extract and resolve; then
 * validate, derive, and the output steps (pipeline/formats/), whose files the descriptor describes. Nothing is
 * written unless every stage succeeds, and then all at once (publish.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sourceSchema, type Indicator, type Mention, type SeriesObservation, type Source } from "../schemas/index.ts";
import { CONFIG_FILE, loadDatasetConfig, type LoadedConfig } from "./config/dataset-config.ts";
import { loadCuration, type Curated } from "./io/yaml-file.ts";
import { curatedEvent, curatedFigure, curatedIndicator, dismissal } from "./curation/records.ts";
import { intervalColumns } from "./tables/date-interval.ts";
import { derive, type IndicatorDefinition } from "./derive/index.ts";
import { PipelineError } from "./io/errors.ts";
import { extract } from "./extract/index.ts";
import { decodeUtf8Text, readInputFile, sourceFolders } from "./io/input-files.ts";
import { readJsonText, readPackageJson } from "./io/json-file.ts";
import { normalize, verifyChecksum } from "./ingest/index.ts";
import type { BuildProducts, Files, OutputStep, PackageMetadata, PublishedTable, SourceText } from "./formats/format.ts";
import { datapackage } from "./publish/datapackage.ts";
import { writeAtomically } from "./publish/write-atomically.ts";
import { resolve } from "./resolve/index.ts";
import { assertCurated } from "./curation/to-curate.ts";
import { cachedStep, inputsKey, sourceFiles, stepCacheDir } from "./formats/step-cache.ts";
import { byKeys, tableSpecs } from "./tables/index.ts";
import { validate, validateDerived, type Dataset } from "./validate/index.ts";

/** source.json: the published source record plus the name of the text file it describes. */
const sourceFile = sourceSchema
  .omit({ published_first_day: true, published_last_day: true })
  .extend({ file: z.string().min(1), note: sourceSchema.shape.note.default(null) });

const ROOT = join(import.meta.dirname, "..");
const FORMATS = join(import.meta.dirname, "formats");

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  /** Reuse unchanged costly steps from node_modules/.cache (see step-cache.ts); false runs every step. */
  cache?: boolean;
  /** The version datapackage.json states; package.json's by default (a release builds the next one's). */
  version?: string;
}

export interface BuildReport {
  dataset: Dataset;
  indicators: Indicator[];
  series: Map<string, SeriesObservation[]>;
  tables: PublishedTable[];
  files: Files;
  /** Mentions dismissed as no figure, with the reason. */
  dismissed: Mention[];
}

/** Every source folder read, normalized, extracted and resolved against its curation. */
export interface Assembled {
  loaded: LoadedConfig;
  dataset: Dataset;
  texts: SourceText[];
  definitions: Curated<IndicatorDefinition>[];
}

export function assemble(sourcesDir: string): Assembled {
  // The folder itself first: a missing or empty one is the error to report, not its missing configuration.
  const folders = sourceFolders(sourcesDir);
  const loaded = loadDatasetConfig(join(sourcesDir, CONFIG_FILE));
  const dataset: Dataset = { sources: [], figures: [], events: [], mentions: [] };
  const texts: SourceText[] = [];
  const definitions: Curated<IndicatorDefinition>[] = [];
  const folderOf = new Map<string, string>();
  for (const folder of folders) {
    const dir = join(sourcesDir, folder);
    const { source, raw, textFile } = readSource(dir, folderOf);
    const normalized = normalize(raw);
    const resolved = resolve({
      sourceId: source.id,
      textFile,
      raw,
      normalized,
      config: loaded.config,
      configFile: loaded.file,
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
    texts.push({ source, raw, normalized, spans });
    const definitionsFile = join(dir, "indicators.yaml");
    if (existsSync(definitionsFile)) definitions.push(...loadCuration(definitionsFile, curatedIndicator));
  }
  return { loaded, dataset, texts, definitions };
}

export async function build({ sourcesDir, outDir, cache = true, version }: BuildOptions): Promise<BuildReport> {
  const steps = await outputSteps();
  const { loaded, dataset, texts, definitions } = assemble(sourcesDir);
  const config = loaded.config;
  const products: Omit<BuildProducts, "tables"> = { config, loadedConfig: loaded, texts, packageMetadata: packageMetadata(version), root: ROOT };
  const cacheDir = stepCacheDir(ROOT, cache);
  // Steps that need no table (the schemas entry's compiler) start now and run while the data is derived.
  const early = new Map(steps.filter((s) => !s.reads.includes("tables")).map((s) => [s, runStep(s, products as BuildProducts, cacheDir)]));
  for (const pending of early.values()) pending.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile

  const specs = tableSpecs(config);
  validate(dataset, specs, texts, config);
  const seriesBreaks = new Map(dataset.figures.flatMap(({ record, origin }) => (origin.value.series_break === undefined ? [] : [[record.id, origin.value.series_break] as const])));
  const figures = dataset.figures.map((item) => item.record);
  const derived = derive({ figures, definitions, series: config.series, seriesBreaks, units: config.units });
  validateDerived(derived, specs);
  const rowsOf: Record<string, object[]> = {
    sources: dataset.sources,
    figures,
    events: dataset.events.map((item) => item.record),
    indicators: derived.indicators,
    mentions: dataset.mentions,
    ...Object.fromEntries(derived.series),
  };
  const tables: PublishedTable[] = specs.map((spec) => ({ spec, rows: [...rowsOf[spec.name]!].sort(byKeys(...spec.orderBy)) }));
  const all = { ...products, tables };
  // The costly steps start first: their asynchronous work (compiling WebAssembly, loading Vega) then overlaps
  // with the quick steps' synchronous work. Files keep the steps' file-name order whatever the start order.
  const started = new Map([...steps].sort((a, b) => Number(b.cache !== undefined) - Number(a.cache !== undefined)).map((s) => [s, early.get(s) ?? runStep(s, all, cacheDir)]));
  const outputs = await Promise.all(steps.map((s) => started.get(s)!));
  const files: Files = new Map(outputs.flatMap((produced) => [...produced]));
  const descriptor = datapackage({ files, metadata: all.packageMetadata, config, specs, sources: dataset.sources });
  files.set("datapackage.json", new TextEncoder().encode(descriptor));
  writeAtomically(outDir, files);
  const dismissed = dataset.mentions.filter((m) => m.dismissed !== null);
  return { dataset, indicators: derived.indicators, series: derived.series, tables, files, dismissed };
}

/** The module of each step: the index.ts of its folder in pipeline/formats/. */
const stepModules = new Map<OutputStep, string>();

/** Every folder of pipeline/formats/ whose index.ts exports a step, in folder name order. */
async function outputSteps(): Promise<OutputStep[]> {
  const modules = readdirSync(FORMATS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FORMATS, entry.name, "index.ts")))
    .map((entry) => join(FORMATS, entry.name, "index.ts"))
    .sort();
  return Promise.all(
    modules.map(async (module) => {
      const { step } = (await import(module)) as { step: OutputStep };
      stepModules.set(step, module);
      return step;
    }),
  );
}

/** A step on the products it reads, reused from the cache when it says so and nothing it reads has changed. */
async function runStep(step: OutputStep, products: BuildProducts, cacheDir: string | null): Promise<Files> {
  const reads = Object.fromEntries(step.reads.map((key) => [key, products[key]])) as Pick<BuildProducts, keyof BuildProducts>;
  if (step.cache === undefined) return step.run(reads);
  // What the step reads, as data: a text by its checksum, the configuration without its line lookup, a table's
  // schema as its JSON Schema (descriptions included, which a Zod object does not serialize).
  const asData = (key: keyof BuildProducts) => {
    if (key === "texts") return products.texts.map((t) => t.source.sha256);
    if (key === "loadedConfig") return products.config;
    if (key === "tables") return products.tables.map(({ spec, rows }) => ({ spec: { ...spec, schema: z.toJSONSchema(spec.schema) }, rows }));
    return products[key];
  };
  const data = Object.fromEntries(step.reads.filter((key) => key !== "root").map((key) => [key, asData(key)]));
  const modules = [stepModules.get(step)!, ...(step.cache.folders ?? []).flatMap((folder) => sourceFiles(join(ROOT, folder)))];
  const key = inputsKey(ROOT, { modules, packages: step.cache.packages, data });
  return cachedStep(cacheDir, step.name, key, async () => step.run(reads));
}

function packageMetadata(version?: string): PackageMetadata {
  const declared = readPackageJson(ROOT);
  return { name: declared.name, version: version ?? declared.version, description: declared.description };
}

/**
 * A source folder's record and text, both read from inside the folder. `folderOf` gives the folder of each
 * source id read so far: a second folder with the same id is refused before its text is checked.
 */
function readSource(dir: string, folderOf: Map<string, string>): { source: Source; raw: string; textFile: string } {
  const recordFile = join(dir, "source.json");
  const record = readJsonText(recordFile, { within: dir });
  // A scaffolded source's placeholders and mentions still to curate, named by line, before the schema's verdict.
  assertCurated(dir, record);
  const parsed = sourceFile.safeParse(record.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError(`${issue.path.join(".")}: ${issue.message}`, { file: recordFile });
  }
  const { file, ...source } = parsed.data;
  const first = folderOf.get(source.id);
  if (first !== undefined) throw new PipelineError(`duplicate source id "${source.id}": ${first} has it too`, { file: recordFile });
  folderOf.set(source.id, dir);
  const textFile = join(dir, file);
  const bytes = readInputFile(textFile, { within: dir });
  verifyChecksum(bytes, source.sha256, textFile);
  if (bytes.length !== source.bytes) {
    throw new PipelineError(`${bytes.length} bytes, source.json says ${source.bytes}`, { file: textFile });
  }
  return { source: { ...source, ...intervalColumns("published", source.published, source.published) }, raw: decodeUtf8Text(bytes, textFile), textFile };
}
