/** Every table as Parquet, `data/<table>.parquet`, with logical types and column descriptions (write.ts). */
import type { OutputStep } from "../format.ts";

export const step: OutputStep<"tables"> = {
  name: "parquet",
  reads: ["tables"],
  cache: { packages: ["hyparquet-writer"] },
  // Loaded on use: a build that reuses this step's files from the cache does not pay for the writer.
  run: async ({ tables }) => (await import("./write.ts")).parquetFiles(tables),
};
