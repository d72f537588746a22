/**
 * The published files as a data user meets them: the Data Package descriptor against the official v2
 * profiles, every resource's size and hash, and every CSV row against its Table Schema and JSON Schema and
 * equal to its JSON record.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readTree } from "../pipeline/release/manifest.ts";
import { TABLES } from "../pipeline/tables.ts";
import { ROOT } from "./helpers/cli.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;
const DIST = join(ROOT, "dist");
const PROFILES = join(import.meta.dirname, "fixtures", "datapackage-v2");
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

const descriptor = readJson(join(DIST, "datapackage.json"));
const pkg = readJson(join(ROOT, "package.json"));

interface Field {
  name: string;
  type: "string" | "number" | "integer";
  constraints: { required: boolean; enum?: string[]; pattern?: string; minimum?: number };
}

/**
 * Draft-07 profiles; their own meta keywords declared so strict mode accepts them. Their `textarea` format is a
 * hint for editing forms (multi-line text) that constrains nothing, so it is declared as accepting any string.
 */
function profileValidator(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("textarea", true);
  for (const name of ["tabledialect", "tableschema", "dataresource", "datapackage"]) ajv.addSchema(readJson(join(PROFILES, `${name}.json`)), name);
  return ajv;
}

describe("datapackage.json", () => {
  const ajv = profileValidator();

  it("validates against the official Data Package v2 profile", () => {
    const valid = ajv.validate("datapackage", descriptor);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("each table's schema and dialect validate against the Table Schema and Table Dialect profiles", () => {
    for (const resource of descriptor.resources.filter((r: { type?: string }) => r.type === "table")) {
      expect(ajv.validate("tableschema", resource.schema), `${resource.name}: ${JSON.stringify(ajv.errors)}`).toBe(true);
      expect(ajv.validate("tabledialect", resource.dialect), `${resource.name}: ${JSON.stringify(ajv.errors)}`).toBe(true);
    }
  });

  it("carries package.json's version and no timestamp", () => {
    expect(descriptor.version).toBe(pkg.version);
    expect(JSON.stringify(descriptor)).not.toMatch(/"created"|\d{4}-\d\d-\d\dT\d\d:/);
  });

  it("describes every data, schema and chart file, with its bytes and SHA-256", () => {
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(DIST, resource.path));
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.hash, resource.path).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
    const described = new Set(descriptor.resources.map((r: { path: string }) => r.path));
    for (const table of TABLES) {
      expect(described.has(`data/${table.name}.csv`)).toBe(true);
      expect(described.has(`data/${table.name}.json`)).toBe(true);
      expect(described.has(`schemas/${table.name}.schema.json`)).toBe(true);
    }
  });

  it("describes every file in dist/, except an allow-list of files that are code or presentation, each with its reason", () => {
    const NOT_DATA: [RegExp, string][] = [
      [/^index\.(js|cjs|d\.ts|d\.cts)$/, "the npm data entry: the tables again as code, for import"],
      [/^zod\/(esm|cjs)\/[a-z-]+\.(js|d\.ts|json)$/, "the npm schemas entry: the Zod schemas as code"],
      [/^explorer\/index\.html$/, "the provenance explorer: a page, and it holds the memo's whole text, which is not ours to license"],
      [/^datapackage\.json$/, "the descriptor itself"],
    ];
    const described = new Set(descriptor.resources.map((r: { path: string }) => r.path));
    const undescribed = [...readTree(DIST).keys()].filter((path) => !described.has(path) && !NOT_DATA.some(([pattern]) => pattern.test(path)));
    expect(undescribed).toEqual([]);
  });

  it("declares source_id foreign keys and id primary keys", () => {
    const figures = descriptor.resources.find((r: { name: string }) => r.name === "figures");
    expect(figures.schema.primaryKey).toEqual(["id"]);
    expect(figures.schema.foreignKeys).toEqual([{ fields: ["source_id"], reference: { resource: "sources", fields: ["id"] } }]);
  });
});

/** A Table Schema as a JSON Schema, so ajv checks each typed CSV row against the descriptor's constraints. */
function tableSchemaValidator(ajv: Ajv2020, fields: Field[]): ValidateFunction {
  const properties = Object.fromEntries(
    fields.map(({ name, type, constraints: c }) => {
      const base = { type, ...(c.enum ? { enum: c.enum } : {}), ...(c.pattern ? { pattern: c.pattern } : {}), ...(c.minimum !== undefined ? { minimum: c.minimum } : {}) };
      return [name, c.required ? base : { anyOf: [base, { type: "null" }] }];
    }),
  );
  return ajv.compile({ type: "object", properties, required: fields.map((f) => f.name), additionalProperties: false });
}

/** A CSV cell as the Table Schema types it: "" is missing, numbers are numbers, formula guards removed. */
function cast(cell: string, field: Field): unknown {
  if (cell === "") return null;
  if (field.type !== "string") return Number(cell);
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

describe.each(TABLES.map((t) => [t.name, t] as const))("%s.csv", (name) => {
  const resource = descriptor.resources.find((r: { name: string }) => r.name === name);
  const fields: Field[] = resource.schema.fields;
  const csv = Papa.parse<string[]>(readFileSync(join(DIST, "data", `${name}.csv`), "utf8"), { skipEmptyLines: true });
  const [header, ...rows] = csv.data;
  const records: Record<string, unknown>[] = readJson(join(DIST, "data", `${name}.json`));
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const againstTableSchema = tableSchemaValidator(ajv, fields);
  const againstJsonSchema = ajv.compile(readJson(join(DIST, "schemas", `${name}.schema.json`)));

  it("has the Table Schema's columns, in order, and as many rows as the JSON file", () => {
    expect(csv.errors).toEqual([]);
    expect(header).toEqual(fields.map((f) => f.name));
    expect(rows).toHaveLength(records.length);
  });

  it("every row validates against its Table Schema and JSON Schema and equals its JSON record", () => {
    rows.forEach((row, i) => {
      const typed = Object.fromEntries(fields.map((field, j) => [field.name, cast(row[j]!, field)]));
      expect(againstTableSchema(typed), `${name} row ${i + 1}: ${JSON.stringify(againstTableSchema.errors)}`).toBe(true);
      const record = records[i]!;
      expect(againstJsonSchema(record), `${name} record ${i + 1}: ${JSON.stringify(againstJsonSchema.errors)}`).toBe(true);
      const asCsv = Object.fromEntries(Object.entries(record).map(([key, value]) => [key, Array.isArray(value) ? (value.length ? value.join(";") : null) : value]));
      expect(typed, `${name} row ${i + 1}`).toEqual(asCsv);
    });
  });
});
