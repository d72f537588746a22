/**
 * The build: every source folder through ingest, extract and resolve; then validate, derive, and publish the
 * tables with the package entries, schemas, charts and explorer. Nothing is written unless every stage succeeds.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sourceSchema, type Event, type Figure, type Indicator, type Source } from "../schemas/index.ts";
import { loadCuration, type Curated } from "./curation.ts";
import { curatedEvent, curatedFigure, curatedIndicator, dismissal } from "./curated-records.ts";
import { derive, type Derived, type IndicatorDefinition } from "./derive/index.ts";
import { PipelineError } from "./errors.ts";
import { extract } from "./extract/index.ts";
import { normalize, verifyChecksum } from "./ingest.ts";
import { tableFiles, writeAtomically, type Files } from "./publish.ts";
import { dataEntryFiles } from "./package/data-entry.ts";
import { datapackage, type PackageMetadata } from "./package/datapackage.ts";
import { jsonSchemaFiles } from "./package/json-schemas.ts";
import { schemasEntryFiles } from "./package/schemas-entry.ts";
import { chartFiles, type ChartInput } from "./render/charts.ts";
import { explorerFiles } from "./render/explorer.ts";
import { resolve } from "./resolve.ts";
import { cachedStep, inputsKey, sourceFiles, stepCacheDir } from "./step-cache.ts";
import { byKeys, TABLES, type TableSpec } from "./tables.ts";
import { validate, validateDerived, type Dataset } from "./validate.ts";

/** source.json: the published source record plus the name of the text file it describes. */
const sourceFile = sourceSchema.extend({ file: z.string().min(1) });

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  /** Reuse unchanged costly steps from node_modules/.cache (see step-cache.ts); false runs every step. */
  cache?: boolean;
  /** The schemas entry, if the caller started it early (see schemasEntryFiles). */
  schemasEntry?: Promise<Files>;
  /** The version datapackage.json states; package.json's by default (a release builds the next one's). */
  version?: string;
}


export interface BuildReport {
  dataset: Dataset;
  derived: Derived;
  files: Files;
  /** Quantity mentions dismissed as no figure, with the reason. */
  dismissed: { source_id: string; text: string; char_start: number; reason: string }[];
}

export interface Assembled {
  dataset: Dataset;
  origins: Map<object, Curated<unknown>>;
  rawTexts: Map<string, string>;
  indicatorDefinitions: Curated<IndicatorDefinition>[];
}

export function buildDataset(sourcesDir: string): Assembled {
  const dataset: Dataset = { sources: [], figures: [], events: [], mentions: [] };
  const origins = new Map<object, Curated<unknown>>();
  const rawTexts = new Map<string, string>();
  const indicatorDefinitions: Curated<IndicatorDefinition>[] = [];
  const folders = readdirSync(sourcesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const dir = join(sourcesDir, folder);
    const { source, raw, textFile } = readSource(dir);
    const normalized = normalize(raw);
    const resolved = resolve({
      sourceId: source.id,
      textFile,
      raw,
      normalized,
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
    for (const [record, origin] of resolved.origins) origins.set(record, origin);
    rawTexts.set(source.id, raw);
    const definitionsFile = join(dir, "indicators.yaml");
    if (existsSync(definitionsFile)) indicatorDefinitions.push(...loadCuration(definitionsFile, curatedIndicator));
  }
  return { dataset, origins, rawTexts, indicatorDefinitions };
}

const ROOT = join(import.meta.dirname, "..");

export async function build({ sourcesDir, outDir, cache = true, schemasEntry = schemasEntryFiles(ROOT, stepCacheDir(ROOT, cache)), version }: BuildOptions): Promise<BuildReport> {
  schemasEntry.catch(() => {}); // awaited below; this keeps an early failure from going unhandled meanwhile
  const { dataset, origins, rawTexts, indicatorDefinitions } = buildDataset(sourcesDir);
  validate(dataset, { rawTexts, origins });
  const derived = derive(dataset.figures, indicatorDefinitions);
  validateDerived(derived);
  const rows = sortedRows({ ...dataset, indicators: derived.indicators, trade_turnover: derived.tradeTurnover });
  const files: Files = new Map([
    ...tableFiles(TABLES.map((spec) => ({ ...spec, rows: rows[spec.name] }))),
    ...jsonSchemaFiles(),
    ...dataEntryFiles(rows),
    ...explorer(rows, rawTexts),
    ...(await charts({ sources: dataset.sources, figures: dataset.figures, events: dataset.events, tradeTurnover: derived.tradeTurnover }, stepCacheDir(ROOT, cache))),
    ...(await schemasEntry),
  ]);
  files.set("datapackage.json", datapackage(files, packageMetadata(version), dataset.sources));
  writeAtomically(outDir, files);
  const dismissed = dataset.mentions
    .filter((m) => m.dismissed !== null)
    .map((m) => ({ source_id: m.source_id, text: m.text, char_start: m.char_start, reason: m.dismissed! }));
  return { dataset, derived, files, dismissed };
}

type Rows = Record<TableSpec["name"], object[]>;

function sortedRows(rows: Rows): Rows {
  return Object.fromEntries(TABLES.map((spec) => [spec.name, [...rows[spec.name]].sort(byKeys(...spec.orderBy))])) as Rows;
}

/** The provenance explorer of the first source (the dataset has one source today). */
function explorer(rows: Rows, rawTexts: Map<string, string>): Files {
  const source = (rows.sources as Source[])[0];
  if (!source) return new Map();
  const ofSource = <T extends { source_id: string }>(records: object[]) => (records as T[]).filter((r) => r.source_id === source.id);
  return explorerFiles({
    raw: rawTexts.get(source.id)!,
    source,
    figures: ofSource<Figure>(rows.figures),
    events: ofSource<Event>(rows.events),
    indicators: rows.indicators as Indicator[],
  });
}

/** The charts, re-rendered only when their data, their code or Vega's version changed. */
function charts(input: ChartInput, cacheDir: string | null): Promise<Files> {
  const code = ["pipeline/render/charts.ts", "pipeline/derive/periods.ts", ...sourceFiles(ROOT, "schemas")];
  const key = inputsKey(ROOT, { files: code, packages: ["vega", "vega-lite"], data: input });
  return cachedStep(cacheDir, "charts", key, () => chartFiles(input));
}

function packageMetadata(versionOverride?: string): PackageMetadata {
  const { name, version, description } = readJson(join(ROOT, "package.json")) as PackageMetadata;
  return { name, version: versionOverride ?? version, description };
}

function readSource(dir: string): { source: Source; raw: string; textFile: string } {
  const recordFile = join(dir, "source.json");
  const parsed = sourceFile.safeParse(readJson(recordFile));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError(`${issue.path.join(".")}: ${issue.message}`, { file: recordFile });
  }
  const { file, ...source } = parsed.data;
  const textFile = join(dir, file);
  const bytes = readFileSync(textFile);
  verifyChecksum(bytes, source.sha256, textFile);
  if (bytes.length !== source.bytes) {
    throw new PipelineError(`${bytes.length} bytes, source.json says ${source.bytes}`, { file: textFile });
  }
  return { source, raw: bytes.toString("utf8"), textFile };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof SyntaxError) throw new PipelineError(`not valid JSON: ${error.message}`, { file });
    throw error;
  }
}

