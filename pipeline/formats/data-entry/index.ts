/**
 * The package's data-only entry: `index.js`, `index.cjs` and their declarations (see entry.ts); code, not data
 * resources.
 */
import { dataEntryFiles } from "./entry.ts";
import { utf8, type Format } from "../format.ts";

export const format: Format<"tables"> = {
  name: "data-entry",
  reads: ["tables"],
  write: ({ tables }) => new Map([...dataEntryFiles(tables)].map(([path, text]) => [path, utf8(text)])),
  describe: () => new Map(),
};
