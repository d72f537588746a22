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
import { readTree } from "../../pipeline/release/manifest.ts";
import type { TableSchemaField } from "../../pipeline/formats/csv/table-schema.ts";
import { DATASET_CONFIG, publishedTables } from "../helpers/published.ts";
import { datapackage } from "../../pipeline/publish/datapackage.ts";
import { releaseDate } from "../../pipeline/release/changelog.ts";
import { reference, sourcesPhrase } from "../../pipeline/render/citation.ts";
import { ROOT } from "../helpers/cli.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;
const DIST = join(ROOT, "dist");
const PROFILES = join(import.meta.dirname, "..", "fixtures", "datapackage-v2");
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

const descriptor = readJson(join(DIST, "datapackage.json"));
const SPECS = publishedTables().all;
const pkg = readJson(join(ROOT, "package.json"));

type Field = TableSchemaField;

/**
 * The v2 standard's list field (https://datapackage.org/standard/table-schema/#list), which the copied v2.0
 * profile does not list among its field types: added to the profile's choices here, as the standard words it.
 */
const LIST_FIELD = {
  type: "object",
  title: "List Field",
  required: ["name", "type"],
  properties: {
    name: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    type: { enum: ["list"] },
    delimiter: { type: "string" },
    itemType: { enum: ["string", "integer", "boolean", "number", "datetime", "date", "time"] },
    constraints: {
      type: "object",
      properties: {
        required: { type: "boolean" },
        unique: { type: "boolean" },
        minLength: { type: "integer" },
        maxLength: { type: "integer" },
      },
      additionalProperties: false,
    },
  },
};

/**
 * Draft-07 profiles; their own meta keywords declared so strict mode accepts them. Their `textarea` format is a
 * hint for editing forms (multi-line text) that constrains nothing, so it is declared as accepting any string.
 */
function profileValidator(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("textarea", true);
  for (const name of ["tabledialect", "tableschema", "dataresource", "datapackage"]) {
    ajv.addSchema(withListField(readJson(join(PROFILES, `${name}.json`))) as object, name);
  }
  return ajv;
}

/** Adds the list field to every field-type choice in a profile (the package profile inlines the Table Schema). */
function withListField(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withListField);
  if (node === null || typeof node !== "object") return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withListField(value)]));
  if (copy.title === "Table Schema Field" && Array.isArray(copy.oneOf)) copy.oneOf.push(LIST_FIELD);
  return copy;
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
      expect(ajv.validate("tableschema", resource.schema), `${resource.name}: ${JSON.stringify(ajv.errors)}`).toBe(
        true,
      );
      expect(ajv.validate("tabledialect", resource.dialect), `${resource.name}: ${JSON.stringify(ajv.errors)}`).toBe(
        true,
      );
    }
  });

  it("carries package.json's version, and as its only date the release's, from CHANGELOG.md", () => {
    expect(descriptor.version).toBe(pkg.version);
    const released = releaseDate(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"), pkg.version);
    expect(descriptor.created).toBe(released === null ? undefined : `${released}T00:00:00Z`);
    const { created: _, ...rest } = descriptor;
    expect(JSON.stringify(rest)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it("gains created, homepage and id where the release and the configuration give them, and a valid descriptor", () => {
    const input = {
      files: new Map<string, Uint8Array>(),
      descriptions: new Map(),
      metadata: { name: "p", version: "1.0.0", description: "d", released: null },
      sources: [...publishedTables().sources.rows],
    };
    const plain = JSON.parse(datapackage({ ...input, config: DATASET_CONFIG, released: null }));
    expect([plain.created, plain.homepage, plain.id]).toEqual([undefined, undefined, undefined]);
    const config = {
      ...DATASET_CONFIG,
      package: { ...DATASET_CONFIG.package, homepage: "https://example.org/data", id: "https://doi.org/10.1234/x" },
    };
    const full = JSON.parse(datapackage({ ...input, config, released: "2026-02-03" }));
    expect([full.created, full.homepage, full.id]).toEqual([
      "2026-02-03T00:00:00Z",
      "https://example.org/data",
      "https://doi.org/10.1234/x",
    ]);
    const ajvFull = profileValidator();
    expect(
      ajvFull.validate("datapackage", { ...full, resources: descriptor.resources }),
      JSON.stringify(ajvFull.errors),
    ).toBe(true);
  });

  it("cites each source from its fields, and names them in its title and description", () => {
    const sources = publishedTables().sources.rows;
    expect(descriptor.sources.map((s: { title: string }) => s.title)).toEqual(sources.map((s) => reference(s)));
    // Each by its short name up to three sources; past three, how many.
    expect(descriptor.title).toContain(sourcesPhrase(sources));
    expect(descriptor.description).toContain(sourcesPhrase(sources));
  });

  it("describes every data, schema and chart file, with its bytes and SHA-256", () => {
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(DIST, resource.path));
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.hash, resource.path).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
    const described = new Set(descriptor.resources.map((r: { path: string }) => r.path));
    for (const table of SPECS) {
      expect(described.has(`data/${table.name}.csv`)).toBe(true);
      expect(described.has(`data/${table.name}.json`)).toBe(true);
      expect(described.has(`schemas/${table.name}.schema.json`)).toBe(true);
      expect(described.has(`data/${table.name}.parquet`)).toBe(true);
    }
    expect(described.has("data/russia-dprk-data.sqlite")).toBe(true);
    expect(described.has("data/metadata.json")).toBe(true);
  });

  it(
    "describes every file in dist/, except an allow-list of files that are code or presentation, each with its " +
      "reason",
    () => {
      const NOT_DATA: [RegExp, string][] = [
        [/^index\.(js|cjs|d\.ts|d\.cts)$/, "the npm data entry: the tables again as code, for import"],
        [/^zod\/(esm|cjs)\/[a-z-]+\.(js|d\.ts|json)$/, "the npm schemas entry: the Zod schemas as code"],
        [
          /^explorer\/[a-z0-9-]+\.html$/,
          "the provenance explorer: pages, and each holds a source's whole text, which is not ours to license",
        ],
        [/^datapackage\.json$/, "the descriptor itself"],
      ];
      const described = new Set(descriptor.resources.map((r: { path: string }) => r.path));
      const undescribed = [...readTree(DIST).keys()].filter(
        (path) => !described.has(path) && !NOT_DATA.some(([pattern]) => pattern.test(path)),
      );
      expect(undescribed).toEqual([]);
    },
  );

  it(
    "types the interval columns as dates and the list columns as lists with their delimiter, and marks binary " +
      "files as such",
    () => {
      const fields = descriptor.resources
        .filter((r: { type?: string }) => r.type === "table")
        .flatMap((r: { schema: { fields: Field[] } }) => r.schema.fields);
      const byName = (name: string) => fields.filter((f: Field) => f.name === name);
      for (const name of [
        "period_first_day",
        "period_last_day",
        "date_first_day",
        "date_last_day",
        "published_first_day",
      ]) {
        expect(byName(name).length, name).toBeGreaterThan(0);
        for (const field of byName(name)) expect(field.type, name).toBe("date");
      }
      for (const name of ["actors", "inputs", "used_by"])
        expect(byName(name).map((f: Field) => [f.type, f.delimiter])).toEqual([["list", ";"]]);
      const parquet = descriptor.resources.find((r: { path: string }) => r.path === "data/figures.parquet");
      expect([parquet.mediatype, parquet.encoding]).toEqual(["application/vnd.apache.parquet", undefined]);
    },
  );

  it("declares source_id foreign keys and id primary keys", () => {
    const figures = descriptor.resources.find((r: { name: string }) => r.name === "figures");
    expect(figures.schema.primaryKey).toEqual(["id"]);
    expect(figures.schema.foreignKeys).toEqual([
      { fields: ["source_id"], reference: { resource: "sources", fields: ["id"] } },
      { fields: ["measure"], reference: { resource: "measures", fields: ["code"] } },
      { fields: ["subject"], reference: { resource: "actors", fields: ["code"] } },
      { fields: ["counterpart"], reference: { resource: "actors", fields: ["code"] } },
      { fields: ["unit"], reference: { resource: "units", fields: ["code"] } },
    ]);
  });
});

/** A Table Schema as a JSON Schema, so ajv checks each typed CSV row against the descriptor's constraints. */
function tableSchemaValidator(ajv: Ajv2020, fields: Field[]): ValidateFunction {
  const properties = Object.fromEntries(
    fields.map(({ name, type, constraints: c }) => {
      if (type === "list")
        return [
          name,
          c.required ? { type: "array", minItems: c.minLength ?? 0 } : { anyOf: [{ type: "array" }, { type: "null" }] },
        ];
      const base = {
        type: type === "date" ? "string" : type,
        ...(type === "date" ? { format: "date" } : {}),
        ...(c.enum ? { enum: c.enum } : {}),
        ...(c.pattern ? { pattern: c.pattern } : {}),
        ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
      };
      return [name, c.required ? base : { anyOf: [base, { type: "null" }] }];
    }),
  );
  return ajv.compile({ type: "object", properties, required: fields.map((f) => f.name), additionalProperties: false });
}

/** A CSV cell as the Table Schema types it: "" is missing, numbers are numbers, lists split, formula guards removed. */
function cast(cell: string, field: Field): unknown {
  if (cell === "") return field.type === "list" && field.constraints.required === false ? [] : null;
  if (field.type === "list") return cell.split(field.delimiter!);
  if (field.type === "number" || field.type === "integer") return Number(cell);
  if (field.type === "date") return cell;
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

describe.each(SPECS.map((t) => [t.name, t] as const))("%s.csv", (name) => {
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
      expect(againstTableSchema(typed), `${name} row ${i + 1}: ${JSON.stringify(againstTableSchema.errors)}`).toBe(
        true,
      );
      const record = records[i]!;
      expect(againstJsonSchema(record), `${name} record ${i + 1}: ${JSON.stringify(againstJsonSchema.errors)}`).toBe(
        true,
      );
      expect(typed, `${name} row ${i + 1}`).toEqual(record);
    });
  });
});
