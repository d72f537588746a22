/** The package's data-only entry: `index.js`, `index.cjs` and their declarations (see package/data-entry.ts). */
import { dataEntryFiles } from "../package/data-entry.ts";
import { utf8, type OutputStep } from "./step.ts";

export const step: OutputStep<"tables"> = {
  name: "data-entry",
  reads: ["tables"],
  run: ({ tables }) => new Map([...dataEntryFiles(tables)].map(([path, text]) => [path, utf8(text)])),
};
