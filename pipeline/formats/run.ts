/**
 * Finding and running the formats: every folder of pipeline/formats/ whose index.ts exports a `format` is one,
 * in folder name order (a build may add folders of its own); a format with `cache` is reused from the step cache
 * while what it reads is unchanged (step-cache.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildProducts, FileDescription, Files, Format } from "./format.ts";
import { cachedStep, inputsKey, sourceFiles, type StepCache } from "./step-cache.ts";

/** A format with the module that declares it, whose import graph is part of its cache key. */
export interface LoadedFormat {
  format: Format;
  module: string;
}

const FORMATS_DIR = import.meta.dirname;

/** The project's own format folders, in name order. */
export function formatFolders(): string[] {
  return readdirSync(FORMATS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FORMATS_DIR, entry.name, "index.ts")))
    .map((entry) => join(FORMATS_DIR, entry.name))
    .sort();
}

export async function loadFormats(folders: readonly string[]): Promise<LoadedFormat[]> {
  return Promise.all(
    folders.map(async (folder) => {
      const module = join(folder, "index.ts");
      // A URL, not a path: a path holding "#" or ":" is not a module specifier.
      const { format } = (await import(pathToFileURL(module).href)) as { format?: Format };
      if (format === undefined) throw new Error(`${module} exports no format`);
      return { format, module };
    }),
  );
}

/** What a format reads, and only that. */
function readsOf<R extends keyof BuildProducts>(format: Format<R>, products: BuildProducts): Pick<BuildProducts, R> {
  return Object.fromEntries(format.reads.map((key) => [key, products[key]])) as Pick<BuildProducts, R>;
}

/** Every file the formats describe for datapackage.json, by path; a path described twice is an error. */
export function describeFiles(formats: readonly LoadedFormat[], products: BuildProducts): Map<string, FileDescription> {
  const described = new Map<string, FileDescription>();
  for (const { format, module } of formats) {
    for (const [path, description] of format.describe(readsOf(format, products))) {
      if (described.has(path)) throw new Error(`${module} describes ${path}, which another format describes too`);
      described.set(path, description);
    }
  }
  return described;
}

/** A format's files, reused from the cache when it says so and nothing it reads has changed. */
export async function runFormat(
  { format, module }: LoadedFormat,
  products: BuildProducts,
  root: string,
  cache: StepCache,
): Promise<Files> {
  const reads = readsOf(format, products);
  if (format.cache === undefined) return format.write(reads);
  const data = Object.fromEntries(
    format.reads.filter((key) => key !== "root").map((key) => [key, asData(products, key)]),
  );
  const modules = [module, ...(format.cache.folders ?? []).flatMap((folder) => sourceFiles(join(root, folder)))];
  const key = inputsKey(root, { modules, packages: format.cache.packages, data });
  return cachedStep(cache, format.name, key, async () => format.write(reads));
}

/**
 * What a format reads, as data for its cache key: a text by its checksum, the configuration without where it
 * was read from, a table by its definition's data (JSON Schema with descriptions, keys, order) and its rows.
 */
function asData(products: BuildProducts, key: keyof BuildProducts): unknown {
  if (key === "texts") return products.texts.map((t) => t.source.sha256);
  if (key === "config") {
    const { file: _, lineOf: __, ...config } = products.config;
    return config;
  }
  if (key === "tables") {
    return products.tables.all.map(({ name, title, jsonSchema, columns, primaryKey, foreignKeys, orderBy, rows }) => ({
      name,
      title,
      jsonSchema,
      columns,
      primaryKey,
      foreignKeys,
      orderBy,
      rows,
    }));
  }
  return products[key];
}
