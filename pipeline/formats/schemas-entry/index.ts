/**
 * The package's `russia-dprk-data/schemas` entry: the Zod schemas with the dataset's vocabulary, for ESM and CommonJS.
 */
import { entryNames, tableDefinitions, vocabularyOf } from "../../tables/index.ts";
import type { Format } from "../format.ts";

export const format: Format<"config" | "root"> = {
  name: "schemas-entry",
  reads: ["config", "root"],
  cache: { packages: ["typescript", "esbuild", "zod"] },
  // Loaded on use: a build that reuses this format's files from the cache does not load the compiler driver.
  write: async ({ config, root }) =>
    (await import("./compile.ts")).schemasEntryFiles(root, {
      vocabulary: vocabularyOf(config),
      series: [...tableDefinitions(config).series.values()].map((table) => ({
        ...entryNames(table),
        title: table.series!.title,
        unitName: config.units[config.measures[table.series!.measure]!.unit]!.name,
      })),
    }),
  // Code, not a data resource.
  describe: () => new Map(),
};
