/** Every table in one SQLite database, `data/<package>.sqlite`, and its Datasette metadata (database.ts). */
import { utf8, type OutputStep } from "../format.ts";

export const step: OutputStep<"tables" | "packageMetadata" | "config"> = {
  name: "sqlite",
  reads: ["tables", "packageMetadata", "config"],
  // sql.js compiles its WebAssembly on every start: worth reusing while nothing it reads has changed.
  cache: { packages: ["sql.js"] },
  async run({ tables, packageMetadata, config }) {
    // Loaded on use: a build that reuses this step's files from the cache does not pay for sql.js.
    const { sqliteFiles } = await import("./database.ts");
    const files = await sqliteFiles(tables, packageMetadata.name, config.package.title);
    return new Map([...files].map(([path, content]) => [path, typeof content === "string" ? utf8(content) : content]));
  },
};
