/**
 * The dataset configuration, `sources/dataset.yaml`: the vocabularies a source's records may use (units,
 * measures, actors, event types), the series to derive, the charts to draw and the package's metadata. Its
 * terms are data here, not lists in the code. A term used but defined nowhere, or a chart option its kind does
 * not take, is an error that names the file and line where it stands.
 */
import { z } from "zod";
import { webAddress } from "../../schemas/fields.ts";
import { loadChartKind } from "../formats/charts/kit.ts";
import { PipelineError, throwIfAny } from "../io/errors.ts";
import { fieldName, loadYamlDocument, type LoadedDocument } from "../io/yaml-file.ts";
import { SOURCES_PLACEHOLDER } from "../render/citation.ts";
import { nameOfCode } from "../tables/codebook.ts";
import { RESERVED_TABLE_NAMES } from "../tables/index.ts";

const term = z.string().regex(/^[A-Za-z0-9_/]+$/, "must be a term of letters, digits, `_` or `/`");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug (letters, digits, single hyphens)");

const unitDefinition = z
  .object({
    name: z.string().min(1),
    /** ISO 4217 code: the value formats as money in that currency. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
    /** Extractor units that may stand for this one. */
    accepts: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** A measure's or event type's `name` is optional: the codebook names it from its code ("trade_turnover" → "Trade turnover"). */
const measureDefinition = z
  .object({ name: z.string().min(1).optional(), unit: term, description: z.string().min(1) })
  .strict();
const actorDefinition = z
  .object({
    name: z.string().min(1),
    /** Other words a text may name the actor by ("Moscow", "Russian"), so that drafts find it. */
    aliases: z.array(z.string().min(1)).optional(),
  })
  .strict();
const eventTypeDefinition = z.object({ name: z.string().min(1).optional(), description: z.string().min(1) }).strict();

const seriesDefinition = z
  .object({
    id: slug,
    /** The published table's name. */
    table: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a snake_case table name"),
    title: z.string().min(1),
    measure: term,
    subject: term,
    counterpart: term,
  })
  .strict();

const MAX_CHART_FILE_LENGTH = 100;

/** A chart: its file, its kind, and the options of that kind (checked against the kind's own schema on loading). */
const chartDefinition = z
  .object({
    file: z
      .string()
      .regex(/^[a-z0-9-]+\.svg$/, "must be a file name such as trade-turnover.svg")
      .max(MAX_CHART_FILE_LENGTH, `at most ${MAX_CHART_FILE_LENGTH} characters, so that the file name fits`),
    kind: z.string().regex(/^[a-z][a-z0-9-]*$/),
  })
  .catchall(z.unknown());

/** Which of the dataset's units derive computes in: a ratio of like to like, a percent, a compound growth rate. */
const derivedUnits = z
  .object({ ratio: term.optional(), percent: term.optional(), growth_rate: term.optional() })
  .strict();

const keyed = <T extends z.ZodType>(value: T) =>
  z.record(term, value).refine((r) => Object.keys(r).length > 0, "must define at least one term");

export const datasetConfigSchema = z
  .object({
    package: z
      .object({
        /** `{sources}` stands where the build names the sources (see render/citation.ts). */
        title: z.string().min(1),
        description: z.string().min(1),
        keywords: z.array(z.string().min(1)),
        /** The dataset's web page, for datapackage.json's `homepage`. */
        homepage: z.url({ protocol: /^https?$/ }).optional(),
        /** A globally unique identifier of the dataset (a DOI or a URL), for datapackage.json's `id`. */
        id: webAddress.optional(),
      })
      .strict(),
    units: keyed(unitDefinition),
    measures: keyed(measureDefinition),
    actors: keyed(actorDefinition),
    event_types: keyed(eventTypeDefinition),
    derived_units: derivedUnits.default({}),
    series: z.array(seriesDefinition).default([]),
    charts: z.array(chartDefinition).default([]),
  })
  .strict();

export type DatasetConfig = z.output<typeof datasetConfigSchema>;
export type UnitDefinition = z.output<typeof unitDefinition>;
export type SeriesDefinition = z.output<typeof seriesDefinition>;
export type ChartDefinition = z.output<typeof chartDefinition>;
export type DerivedUnits = z.output<typeof derivedUnits>;

/** The configuration with where each of its entries stands, for messages about terms it defines or uses. */
export interface LoadedConfig extends DatasetConfig {
  file: string;
  lineOf(...path: (string | number)[]): number;
}

export const CONFIG_FILE = "dataset.yaml";

const VOCABULARIES = ["units", "measures", "actors", "event_types"] as const;

/**
 * A codebook defines each term once: two codes of one vocabulary that differ only in case, or two terms with one
 * name, are one term defined twice. (A code written twice is already a YAML error at its line.)
 */
function twiceDefinedTerms(
  config: DatasetConfig,
  file: string,
  lineOf: (...path: (string | number)[]) => number,
): PipelineError[] {
  const errors: PipelineError[] = [];
  for (const vocabulary of VOCABULARIES) {
    const codes = new Map<string, string>();
    const names = new Map<string, string>();
    for (const [code, definition] of Object.entries(config[vocabulary])) {
      const at = { file, line: lineOf(vocabulary, code) };
      const sameCode = codes.get(code.toLowerCase());
      if (sameCode !== undefined)
        errors.push(
          new PipelineError(
            `${vocabulary}: "${code}" is "${sameCode}" (line ${lineOf(vocabulary, sameCode)}) in another case: a term is defined once`,
            at,
          ),
        );
      codes.set(code.toLowerCase(), code);
      const name = ("name" in definition ? definition.name : undefined) ?? nameOfCode(code);
      const sameName = names.get(name.toLowerCase());
      if (sameName !== undefined)
        errors.push(
          new PipelineError(
            `${vocabulary}: "${code}" has the name "${name}", as "${sameName}" (line ${lineOf(vocabulary, sameName)}) ` +
              "does: a term is defined once",
            at,
          ),
        );
      names.set(name.toLowerCase(), code);
    }
  }
  return errors;
}

export async function loadDatasetConfig(file: string): Promise<LoadedConfig> {
  const loaded: LoadedDocument<DatasetConfig> = loadYamlDocument(file, datasetConfigSchema);
  const { value: config, lineOf } = loaded;
  const errors: PipelineError[] = [];
  const undefinedTerm = (kind: string, name: string, path: (string | number)[]) =>
    errors.push(
      new PipelineError(
        `${kind} "${name}" is not defined in ${CONFIG_FILE}'s ${kind === "unit" ? "units" : `${kind}s`}`,
        { file, line: lineOf(...path) },
      ),
    );
  // The package's title and description name the sources the build finds, never a fixed list.
  for (const field of ["title", "description"] as const) {
    if (!config.package[field].includes(SOURCES_PLACEHOLDER))
      errors.push(
        new PipelineError(
          `package.${field} must say where the sources are named with ${SOURCES_PLACEHOLDER} (the build names them)`,
          { file, line: lineOf("package", field) },
        ),
      );
  }
  for (const [name, measure] of Object.entries(config.measures)) {
    if (!(measure.unit in config.units)) undefinedTerm("unit", measure.unit, ["measures", name, "unit"]);
  }
  errors.push(...twiceDefinedTerms(config, file, lineOf));
  for (const [kind, unit] of Object.entries(config.derived_units)) {
    if (unit !== undefined && !(unit in config.units)) undefinedTerm("unit", unit, ["derived_units", kind]);
  }
  // A series publishes its changes in percent and, as compound growth, in a growth rate's unit.
  for (const kind of config.series.length > 0 ? (["percent", "growth_rate"] as const) : []) {
    if (config.derived_units[kind] === undefined) {
      errors.push(
        new PipelineError(`derived_units.${kind} must name a unit: series publish their changes in it`, {
          file,
          line: lineOf("series"),
        }),
      );
    }
  }
  const seriesIds = new Set<string>();
  const tables = new Set<string>();
  config.series.forEach((series, index) => {
    if (!(series.measure in config.measures)) undefinedTerm("measure", series.measure, ["series", index, "measure"]);
    if (!(series.subject in config.actors)) undefinedTerm("actor", series.subject, ["series", index, "subject"]);
    if (!(series.counterpart in config.actors))
      undefinedTerm("actor", series.counterpart, ["series", index, "counterpart"]);
    if (seriesIds.has(series.id))
      errors.push(
        new PipelineError(`series id "${series.id}" is defined twice`, { file, line: lineOf("series", index, "id") }),
      );
    if (tables.has(series.table))
      errors.push(
        new PipelineError(`table "${series.table}" is used by two series`, {
          file,
          line: lineOf("series", index, "table"),
        }),
      );
    if (RESERVED_TABLE_NAMES.includes(series.table)) {
      errors.push(
        new PipelineError(
          `table "${series.table}" is one of the data contract's own tables; name the series' table otherwise`,
          { file, line: lineOf("series", index, "table") },
        ),
      );
    }
    seriesIds.add(series.id);
    tables.add(series.table);
  });
  const files = new Set<string>();
  config.charts.forEach((chart, index) => {
    if (files.has(chart.file))
      errors.push(
        new PipelineError(`chart file "${chart.file}" is defined twice`, {
          file,
          line: lineOf("charts", index, "file"),
        }),
      );
    files.add(chart.file);
  });
  const defined = { series: seriesIds, measures: new Set(Object.keys(config.measures)) };
  const charts = await Promise.all(
    config.charts.map(async (chart, index) => {
      const at = (...path: (string | number)[]) => ({ file, line: lineOf("charts", index, ...path) });
      const kind = await loadChartKind(chart.kind);
      if (kind === null) {
        errors.push(
          new PipelineError(
            `chart kind "${chart.kind}" has no module pipeline/formats/charts/kinds/${chart.kind}.ts`,
            at("kind"),
          ),
        );
        return chart;
      }
      const { file: chartFile, kind: kindName, ...entry } = chart;
      const options = kind.options.safeParse(entry);
      if (!options.success) {
        for (const issue of options.error.issues) {
          const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
          // An option the kind does not take is named by its key, which is where it stands.
          const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
          const where = keys.length > 0 ? [...path, keys[0]!] : path;
          errors.push(
            new PipelineError(
              `${fieldName(["charts", index, ...where])}: ${issue.message} (a ${kindName} chart)`,
              at(...where),
            ),
          );
        }
        return chart;
      }
      for (const reference of kind.references?.(options.data) ?? []) {
        if (!defined[reference.section].has(reference.term)) {
          errors.push(
            new PipelineError(
              `${reference.section === "series" ? "series" : "measure"} "${reference.term}" is not defined in ` +
                `${CONFIG_FILE}'s ${reference.section}`,
              at(...reference.path),
            ),
          );
        }
      }
      return { file: chartFile, kind: kindName, ...(options.data as object) };
    }),
  );
  throwIfAny(errors);
  return { ...config, charts, file, lineOf };
}
