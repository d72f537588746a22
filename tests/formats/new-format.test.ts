/**
 * A format is one folder: a format the project does not have (NDJSON, from a fixture folder) added to a build
 * writes its files and is described in datapackage.json as what it says it is, under names of its own, and
 * changes nothing else the descriptor says. Two formats claiming one resource name stop the build.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../pipeline/build.ts";
import { formatFolders } from "../../pipeline/formats/run.ts";
import { utf8, type FileDescription } from "../../pipeline/formats/format.ts";
import { datapackage } from "../../pipeline/publish/datapackage.ts";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { ROOT } from "../helpers/cli.ts";
import { DATASET_CONFIG, publishedTables } from "../helpers/published.ts";

const NDJSON = join(ROOT, "tests", "fixtures", "formats", "ndjson");

interface Resource {
  name: string;
  path: string;
  format: string;
  mediatype: string;
  encoding?: string;
  bytes: number;
  hash: string;
  title?: string;
  type?: string;
}

const committed = JSON.parse(readFileSync(join(ROOT, "dist", "datapackage.json"), "utf8")) as { resources: Resource[] };
let outDir: string;
let resources: Resource[];

beforeAll(async () => {
  outDir = join(mkdtempSync(join(tmpdir(), "rdd-ndjson-")), "dist");
  await build({ sourcesDir: join(ROOT, "sources"), outDir, formats: [...formatFolders(), NDJSON] });
  resources = (JSON.parse(readFileSync(join(outDir, "datapackage.json"), "utf8")) as { resources: Resource[] })
    .resources;
});

describe("a format added from a folder of its own", () => {
  it("writes one NDJSON file per table, each line a record of the table's JSON file", () => {
    for (const table of publishedTables().all) {
      const lines = readFileSync(join(outDir, "data", `${table.name}.ndjson`), "utf8")
        .trimEnd()
        .split("\n");
      const records = JSON.parse(readFileSync(join(outDir, "data", `${table.name}.json`), "utf8")) as unknown[];
      expect(
        lines.map((line) => JSON.parse(line)),
        table.name,
      ).toEqual(records);
    }
  });

  it("is described as what it says it is, with its size and hash, under a resource name of its own", () => {
    const ndjson = resources.filter((r) => r.format === "ndjson");
    expect(ndjson.map((r) => r.path)).toEqual(
      publishedTables()
        .all.map((t) => `data/${t.name}.ndjson`)
        .sort(),
    );
    for (const resource of ndjson) {
      const bytes = readFileSync(join(outDir, resource.path));
      const table = resource.path.slice("data/".length, -".ndjson".length);
      expect(resource).toEqual({
        name: `data-${table.replaceAll("_", "-")}-ndjson`,
        path: resource.path,
        format: "ndjson",
        mediatype: "application/x-ndjson",
        encoding: "utf-8",
        bytes: bytes.length,
        hash: `sha256:${sha256(bytes)}`,
        title: publishedTables().all.find((t) => t.name === table)!.title,
        description: expect.stringContaining("newline-delimited JSON"),
      });
      expect(resource.type, "not a CSV table").toBeUndefined();
    }
  });

  it("leaves every resource name unique and every other resource as the project's formats describe it", () => {
    const names = resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(resources.filter((r) => r.format !== "ndjson")).toEqual(committed.resources);
  });
});

describe("the descriptor", () => {
  it("refuses two files described under one resource name, naming both", () => {
    const tables = publishedTables();
    const descriptions = new Map<string, FileDescription>([
      [
        "data/figures.csv",
        { resource: { name: "figures", format: "csv", mediatype: "text/csv", encoding: "utf-8" }, tables: ["figures"] },
      ],
      [
        "data/figures.arrow",
        {
          resource: { name: "figures", format: "arrow", mediatype: "application/vnd.apache.arrow.file" },
          tables: ["figures"],
        },
      ],
    ]);
    const files = new Map([...descriptions.keys()].map((path) => [path, utf8(path)]));
    const input = {
      files,
      descriptions,
      metadata: { name: "p", version: "1.0.0", description: "d", released: null },
      released: null,
      config: DATASET_CONFIG,
      sources: [...tables.sources.rows],
    };
    expect(() => datapackage(input)).toThrow(
      'data/figures.arrow and data/figures.csv are both described as the resource "figures": ' +
        "a resource name must be unique",
    );
  });
});
