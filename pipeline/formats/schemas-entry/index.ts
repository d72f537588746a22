/** The package's `russia-dprk-data/schemas` entry: the Zod schemas with the dataset's vocabulary, for ESM and CommonJS. */
import { entryNames, tableSpecs, vocabularyOf } from "../../tables/index.ts";
import type { OutputStep } from "../format.ts";

export const step: OutputStep<"config" | "root"> = {
  name: "schemas-entry",
  reads: ["config", "root"],
  cache: { packages: ["typescript", "esbuild", "zod"] },
  // Loaded on use: a build that reuses this step's files from the cache does not load the compiler driver.
  run: async ({ config, root }) =>
    (await import("./compile.ts")).schemasEntryFiles(root, {
      vocabulary: vocabularyOf(config),
      series: tableSpecs(config).flatMap((spec) => {
        const definition = config.series.find((s) => s.id === spec.series);
        return definition === undefined ? [] : [{ ...entryNames(spec), title: definition.title, unitName: config.units[config.measures[definition.measure]!.unit]!.name }];
      }),
    }),
};
