/** The package's data-only entry: `index.js`, `index.cjs` and their declarations (see entry.ts). */
import { dataEntryFiles } from "./entry.ts";
import { utf8, type OutputStep } from "../format.ts";

export const step: OutputStep<"tables"> = {
  name: "data-entry",
  reads: ["tables"],
  run: ({ tables }) => new Map([...dataEntryFiles(tables)].map(([path, text]) => [path, utf8(text)])),
};
