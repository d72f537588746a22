/** One JSON Schema (draft 2020-12) per table, generated from its Zod schema: `schemas/<table>.schema.json`. */
import { recordJsonSchema } from "./record-schema.ts";
import { utf8, type OutputStep } from "../format.ts";

export const step: OutputStep<"tables" | "packageMetadata"> = {
  name: "json-schemas",
  reads: ["tables", "packageMetadata"],
  run({ tables, packageMetadata }) {
    return new Map(
      tables.map(({ spec }) => {
        const document = { ...recordJsonSchema(spec.schema, spec.name), $id: `https://unpkg.com/${packageMetadata.name}/dist/schemas/${spec.name}.schema.json` };
        return [`schemas/${spec.name}.schema.json`, utf8(JSON.stringify(document, null, 2) + "\n")];
      }),
    );
  },
};
