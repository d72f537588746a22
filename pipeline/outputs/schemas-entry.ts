/** The package's `russia-dprk-data/schemas` entry: the Zod schemas with the dataset's vocabulary, for ESM and CommonJS. */
import { vocabularyOf } from "../tables.ts";
import type { OutputStep } from "./step.ts";

export const step: OutputStep<"config" | "root"> = {
  name: "schemas-entry",
  reads: ["config", "root"],
  cache: { packages: ["typescript", "esbuild", "zod"] },
  // Loaded on use: a build that reuses this step's files from the cache does not load the compiler driver.
  run: async ({ config, root }) =>
    (await import("../package/schemas-entry.ts")).schemasEntryFiles(root, {
      vocabulary: vocabularyOf(config),
      series: config.series.map((s) => ({ table: s.table, title: s.title, unitName: config.units[config.measures[s.measure]!.unit]!.name })),
    }),
};
