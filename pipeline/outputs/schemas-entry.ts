/** The package's `russia-dprk-data/schemas` entry: the Zod schemas with the dataset's vocabulary, for ESM and CommonJS. */
import { schemasEntryFiles } from "../package/schemas-entry.ts";
import { vocabularyOf } from "../tables.ts";
import type { OutputStep } from "./step.ts";

export const step: OutputStep<"config" | "root"> = {
  name: "schemas-entry",
  reads: ["config", "root"],
  cache: { packages: ["typescript", "esbuild", "zod"] },
  run: ({ config, root }) =>
    schemasEntryFiles(root, {
      vocabulary: vocabularyOf(config),
      series: config.series.map((s) => ({ table: s.table, title: s.title, unitName: config.units[config.measures[s.measure]!.unit]!.name })),
    }),
};
