/** Every table as Parquet, `data/<table>.parquet`, with logical types and column descriptions (package/parquet.ts). */
import { parquetFiles } from "../package/parquet.ts";
import type { OutputStep } from "./step.ts";

export const step: OutputStep<"tables"> = {
  name: "parquet",
  reads: ["tables"],
  cache: { packages: ["hyparquet-writer"] },
  run: ({ tables }) => parquetFiles(tables),
};
