/** Every table as Parquet, `data/<table>.parquet`, with logical types and column descriptions (write.ts). */
import type { Table } from "../../tables/index.ts";
import { describeEach, resourceName, type Format } from "../format.ts";

export const parquetPath = (table: Pick<Table, "name">) => `data/${table.name}.parquet`;

export const format: Format<"tables"> = {
  name: "parquet",
  reads: ["tables"],
  cache: { packages: ["hyparquet-writer"] },
  // Loaded on use: a build that reuses this format's files from the cache does not pay for the writer.
  write: async ({ tables }) => (await import("./write.ts")).parquetFiles(tables.all),
  describe: ({ tables }) =>
    describeEach(tables.all, parquetPath, (table) => ({
      name: resourceName(parquetPath(table)),
      format: "parquet",
      mediatype: "application/vnd.apache.parquet",
      title: table.title,
      description:
        `${table.title}, as Parquet: dates as DATE, counts and offsets as BIGINT, numbers as DOUBLE, lists as ` +
        "LIST<VARCHAR>, column descriptions in the file's metadata.",
    })),
};
