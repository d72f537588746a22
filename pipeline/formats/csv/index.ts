/** The tables as CSV (RFC 4180) and as JSON arrays of records: `data/<table>.csv` and `data/<table>.json`. */
import { toCsv, toJson } from "../../publish/write-atomically.ts";
import { utf8, type Files, type OutputStep } from "../format.ts";

export const step: OutputStep<"tables"> = {
  name: "tables",
  reads: ["tables"],
  run({ tables }) {
    const files: Files = new Map();
    for (const { spec, rows } of tables) {
      const table = { name: spec.name, schema: spec.schema, rows };
      files.set(`data/${spec.name}.csv`, utf8(toCsv(table)));
      files.set(`data/${spec.name}.json`, utf8(toJson(table)));
    }
    return files;
  },
};
