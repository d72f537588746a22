/** Every table in one SQLite database, `data/<package>.sqlite`, and its Datasette metadata (database.ts). */
import type { TableDefinition } from "../../tables/index.ts";
import { withSources } from "../../render/citation.ts";
import { resourceName, utf8, type Format } from "../format.ts";

/** The database file of a package: `data/<package name>.sqlite`. */
export const sqliteFile = (packageName: string) => `data/${packageName}.sqlite`;
export const DATASETTE_METADATA_FILE = "data/metadata.json";

/** The link tables of the list columns, in the tables' order: each with the table it belongs to. */
export function linkTables(
  tables: readonly TableDefinition[],
): { table: string; from: string; references: string[] }[] {
  return tables.flatMap(({ name, columns }) => columns.flatMap(({ link }) => (link ? [{ ...link, from: name }] : [])));
}

export const format: Format<"tables" | "packageMetadata" | "config"> = {
  name: "sqlite",
  reads: ["tables", "packageMetadata", "config"],
  // sql.js compiles its WebAssembly on every start: worth reusing while nothing it reads has changed.
  cache: { packages: ["sql.js"] },
  async write({ tables, packageMetadata, config }) {
    // Loaded on use: a build that reuses this format's files from the cache does not pay for sql.js.
    const { sqliteFiles } = await import("./database.ts");
    const title = withSources(config.package.title, tables.sources.rows);
    const files = await sqliteFiles(tables.all, packageMetadata.name, title);
    return new Map([...files].map(([path, content]) => [path, typeof content === "string" ? utf8(content) : content]));
  },
  describe({ tables, packageMetadata }) {
    const database = sqliteFile(packageMetadata.name);
    const links = linkTables(tables.all).map(({ table }) => table);
    return new Map([
      [
        database,
        {
          resource: {
            name: resourceName(database),
            format: "sqlite",
            mediatype: "application/vnd.sqlite3",
            title: "Every table in one SQLite database",
            description:
              `Every table in one SQLite database: STRICT tables, primary and foreign keys, vocabularies as CHECK ` +
              `constraints; list columns as link tables (${links.join(", ")}). ${DATASETTE_METADATA_FILE} ` +
              `describes it for Datasette.`,
          },
          tables: tables.all.map((table) => table.name),
        },
      ],
      [
        DATASETTE_METADATA_FILE,
        {
          resource: {
            name: resourceName(DATASETTE_METADATA_FILE),
            format: "json",
            mediatype: "application/json",
            encoding: "utf-8",
          },
          tables: [],
        },
      ],
    ]);
  },
};
