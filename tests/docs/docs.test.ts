/** Generated documentation is fresh, covers every column, and CITATION.cff is valid CFF 1.2.0 that names the memo. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  CITATION_PATH,
  dataDictionary,
  DATASHEET_PATH,
  DICTIONARY_PATH,
  packageTexts,
  replaceBetweenMarkers,
  updateDatasheet,
  updateIndicators,
  updateReadme,
  updateReadmeSources,
} from "../../pipeline/render/docs.ts";
import { quotedTitle } from "../../pipeline/render/citation.ts";
import { citationCff, datasheetSources } from "../../pipeline/render/sources.ts";
import { formatFolders, loadFormats, describeFiles } from "../../pipeline/formats/run.ts";
import { readPackageJson } from "../../pipeline/io/json-file.ts";
import { ROOT } from "../helpers/cli.ts";
import { DATASET_CONFIG, publishedTables } from "../helpers/published.ts";

/** The committed dist/ as tables, and what the formats say of the files holding them. */
const tables = publishedTables();
const SPECS = tables.all;
const { name, version, description } = readPackageJson(ROOT);
const files = describeFiles(await loadFormats(formatFolders()), {
  config: DATASET_CONFIG,
  tables,
  texts: [],
  packageMetadata: { name, version, description, released: null },
  root: ROOT,
});
const dictionary = dataDictionary(SPECS, files);
/** The package as the committed datapackage.json describes it. */
const PACKAGE = packageTexts(new Map([["datapackage.json", readFileSync(join(ROOT, "dist", "datapackage.json"))]]));

const STALE = "stale: regenerate with npm run build (it rewrites the generated docs)";
const readText = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("generated documentation", () => {
  it("docs/DATA_DICTIONARY.md is what the schemas give now", () => {
    expect(readText(DICTIONARY_PATH), STALE).toBe(dictionary);
  });

  it("the README's dictionary section is what the schemas give now", () => {
    const readme = readText("README.md");
    expect(updateReadme(readme, SPECS), STALE).toBe(readme);
  });

  it("the README's indicator list is that of dist/data", async () => {
    const readme = readText("README.md");
    expect(updateIndicators(readme, tables), STALE).toBe(readme);
  });

  it("the datasheet's counts are those of dist/data", async () => {
    const datasheet = readText(DATASHEET_PATH);
    expect(updateDatasheet(datasheet, tables), STALE).toBe(datasheet);
  });

  it("every text that names the sources is generated from the sources table and the descriptor", () => {
    const sources = tables.sources.rows;
    const readme = readText("README.md");
    expect(updateReadmeSources(readme, PACKAGE, sources), STALE).toBe(readme);
    const datasheet = readText(DATASHEET_PATH);
    expect(replaceBetweenMarkers(datasheet, "sources", datasheetSources(sources)), STALE).toBe(datasheet);
    expect(readText(CITATION_PATH), STALE).toBe(citationCff(PACKAGE, sources));
    expect(JSON.parse(readText("package.json")).description, STALE).toBe(PACKAGE.description);
    for (const source of sources) {
      for (const text of [readme, datasheet, readText(CITATION_PATH)]) expect(text).toContain(source.publisher);
      expect(readme).toContain(quotedTitle(source.title).slice(1, -1));
    }
  });

  it("never print a missing field", () => {
    const block = (text: string, name: string) =>
      text.split(`<!-- ${name}:start -->`)[1]!.split(`<!-- ${name}:end -->`)[0]!;
    const { title, description, sources } = JSON.parse(readText("dist/datapackage.json"));
    for (const text of [
      block(readText("README.md"), "sources"),
      block(readText("README.md"), "citation"),
      block(readText(DATASHEET_PATH), "sources"),
      readText(CITATION_PATH),
      JSON.stringify({ title, description, sources }),
    ])
      expect(text).not.toMatch(/\bnull\b|\bundefined\b/);
  });

  it.each(SPECS.map((table) => [table.name, table] as const))(
    "the dictionary lists every column and every file of %s",
    (name, table) => {
      const section = dictionary.split(`\n## ${name}\n`)[1]?.split("\n## ")[0] ?? "";
      for (const column of Object.keys(table.schema.shape)) expect(section).toContain(`\n| \`${column}\` |`);
      for (const format of ["csv", "json", "parquet"]) expect(section).toContain(`\`dist/data/${name}.${format}\``);
    },
  );

  it("never calls the officials' 2020 projection an official target", () => {
    for (const file of ["README.md", "docs/DATASHEET.md", "docs/DATA_DICTIONARY.md"]) {
      expect(readFileSync(join(ROOT, file), "utf8").replace(/\s+/g, " "), file).not.toMatch(/official target/i);
    }
  });

  it("gives units only for columns that exist", () => {
    const declared = SPECS.flatMap((table) =>
      table.columns.filter((column) => column.unit !== undefined).map((column) => `${table.name}.${column.name}`),
    );
    expect(declared).toEqual(
      expect.arrayContaining([
        "sources.bytes",
        "indicators.tolerance",
        "trade_turnover.value",
        "trade_turnover.cagr_pct",
      ]),
    );
  });
});

describe("replaceBetweenMarkers", () => {
  it("replaces only what stands between the markers", () => {
    const text = "before\n<!-- x:start -->\nold\n<!-- x:end -->\nafter\n";
    expect(replaceBetweenMarkers(text, "x", "\nnew\n")).toBe("before\n<!-- x:start -->\nnew\n<!-- x:end -->\nafter\n");
  });

  it("refuses a text without the markers, or with them out of order", () => {
    expect(() => replaceBetweenMarkers("no markers", "x", "")).toThrow(/markers/);
    expect(() => replaceBetweenMarkers("<!-- x:end --><!-- x:start -->", "x", "")).toThrow(/markers/);
  });
});

// The rules of the CFF 1.2.0 JSON schema (https://citation-file-format.github.io/1.2.0/schema) that this file uses.
const CFF_KEYS = new Set(
  (
    "abstract authors cff-version commit contact date-released doi identifiers keywords license license-url message " +
    "preferred-citation references repository repository-artifact repository-code title type url version"
  ).split(" "),
);
const CFF_REQUIRED = ["authors", "cff-version", "message", "title"];
const REFERENCE_KEYS = new Set(
  (
    "abbreviation abstract authors collection-doi collection-title collection-type commit conference contact " +
    "copyright " +
    "data-type database database-provider date-accessed date-downloaded date-published date-released department doi " +
    "edition editors editors-series end entry filename format identifiers institution isbn issn issue issue-date " +
    "issue-title journal keywords languages license license-url loc-end loc-start location medium month nihmsid " +
    "notes " +
    "number number-volumes pages patent-states pmcid publisher recipients repository repository-artifact " +
    "repository-code scope section senders start status term thesis-type title translators type url version volume " +
    "volume-title year year-original"
  ).split(" "),
);
const REFERENCE_TYPES = new Set(
  (
    "art article audiovisual bill blog book catalogue conference-paper conference data database dictionary " +
    "edited-work " +
    "encyclopedia film-broadcast generic government-document grant hearing historical-work legal-case legal-rule " +
    "magazine-article manual map multimedia music newspaper-article pamphlet patent personal-communication " +
    "proceedings " +
    "report serial slides software-code software-container software-executable software-virtual-machine software " +
    "sound-recording standard statute thesis unpublished video website"
  ).split(" "),
);
const ENTITY_KEYS = new Set(
  "address alias city country date-end date-start email fax location name orcid post-code region tel website".split(
    " ",
  ),
);

type Yaml = Record<string, unknown>;

describe("CITATION.cff", () => {
  const cff = parse(readText("CITATION.cff")) as Yaml;
  const references = cff.references as Yaml[];

  it("has the required keys and no others", () => {
    for (const key of CFF_REQUIRED) expect(cff, key).toHaveProperty([key]);
    expect(Object.keys(cff).filter((key) => !CFF_KEYS.has(key))).toEqual([]);
  });

  it("has valid top-level values", () => {
    expect(cff["cff-version"]).toBe("1.2.0");
    expect(nonEmptyString(cff.message) && nonEmptyString(cff.title)).toBe(true);
    expect(cff.type).toBe("dataset");
    expect(cff.license).toBe("CC-BY-4.0");
    expect(cff.authors).toEqual([{ name: "russia-dprk-data contributors" }]);
    expect(cff.keywords).toSatisfy((keywords: unknown) => Array.isArray(keywords) && keywords.every(nonEmptyString));
  });

  it("has the package's version", () => {
    expect(cff.version).toBe(JSON.parse(readText("package.json")).version);
  });

  it("references every source as a valid CFF reference", () => {
    expect(references).toHaveLength(tables.sources.rows.length);
    for (const reference of references) {
      expect(Object.keys(reference).filter((key) => !REFERENCE_KEYS.has(key))).toEqual([]);
      expect(REFERENCE_TYPES.has(reference.type as string)).toBe(true);
      expect(nonEmptyString(reference.title)).toBe(true);
      expect(reference.authors).toSatisfy(
        (authors: unknown) => Array.isArray(authors) && authors.length > 0 && authors.every(isEntity),
      );
      expect(Number.isInteger(reference.year)).toBe(true);
      if (reference.month !== undefined)
        expect(reference.month).toSatisfy(
          (month: unknown) => Number.isInteger(month) && (month as number) >= 1 && (month as number) <= 12,
        );
      expect(isEntity(reference.publisher)).toBe(true);
    }
  });

  it("describes each source as the sources table does", async () => {
    tables.sources.rows.forEach((source, i) => {
      const reference = references[i]!;
      const [author] = reference.authors as Yaml[];
      expect(reference.title).toBe(source.title);
      expect(author!.name).toBe(source.author);
      // The kind the record says, else a report for a document in a series.
      const cited = {
        report: "report",
        news_article: "newspaper-article",
        magazine_article: "magazine-article",
        journal_article: "article",
        web_page: "website",
        blog_post: "blog",
        book: "book",
        government_document: "government-document",
      };
      expect(reference.type).toBe(
        source.type === null ? (source.series === null ? "generic" : "report") : cited[source.type],
      );
      expect(reference["collection-title"]).toBe(source.series ?? undefined);
      expect(reference.number).toBe(source.number ?? undefined);
      const [year, month, day] = source.published.split("-");
      expect([reference.year, reference.month]).toEqual([Number(year), month && Number(month)]);
      expect(reference["date-published"]).toBe(day === undefined ? undefined : source.published);
      expect((reference.publisher as Yaml).name).toBe(source.publisher);
      expect(reference.url).toBe(source.url ?? undefined);
    });
  });
});

function nonEmptyString(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

function isEntity(value: unknown): boolean {
  const entity = value as Yaml;
  return nonEmptyString(entity.name) && Object.keys(entity).every((key) => ENTITY_KEYS.has(key));
}
