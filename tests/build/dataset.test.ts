/**
 * The dataset built from whatever `sources/` holds: for every source, its own expectations (its folder's
 * expectations.yaml: counts, key values, chart texts, read off the text by hand), every quote at its offsets,
 * full coverage of its mentions; and the committed dist/ equal to a fresh build. Nothing here names a source.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, snapshot } from "../helpers/cli.ts";
import { expectationProblems, expectationsFile } from "../helpers/expectations.ts";
import { builtSources, DATASET_CONFIG } from "../helpers/published.ts";
import { readPublished, type Published } from "../helpers/published-files.ts";
import {
  coverageProblems,
  provenanceProblems,
  restatedStatistics,
  sourcesIn,
  type SourceFolder,
} from "../helpers/source-checks.ts";

const SOURCES = await sourcesIn(join(ROOT, "sources"));
const SERIES_TABLES = DATASET_CONFIG.series.map((series) => series.table);
let published: Published;
let outDir: string;
beforeAll(async () => {
  ({ outDir } = await builtSources());
  published = readPublished(outDir);
});

describe.each(SOURCES.map((source) => [source.id, source] as [string, SourceFolder]))("source %s", (_, source) => {
  it("publishes what its expectations.yaml says, where it has one", () => {
    expect(expectationProblems(source.dir, source.id, published).map(String)).toEqual([]);
  });

  it("quotes the raw text at every record's offsets, normalized", async () => {
    expect(await provenanceProblems(source, published)).toEqual([]);
  });

  it("uses or dismisses every mention, and explains every date that is not explicit", () => {
    const mentions = published.tables.get("mentions")!.rows.filter((m) => m.source_id === source.id);
    expect(mentions.length, "mentions found").toBeGreaterThan(0);
    expect(coverageProblems(source, published)).toEqual([]);
  });

  it("restates no observation of a series as an event", () => {
    expect(restatedStatistics(source, published, SERIES_TABLES)).toEqual([]);
  });
});

describe("the sources folder", () => {
  it("has at least one source, and one with expectations of its own", () => {
    expect(SOURCES.length).toBeGreaterThan(0);
    expect(SOURCES.some((source) => expectationsFile(source.dir) !== null)).toBe(true);
  });
});

describe("the committed dist/", () => {
  it("holds exactly what a fresh build writes", () => {
    const committed = snapshot(join(ROOT, "dist", "data"));
    const fresh = snapshot(join(outDir, "data"));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const [path, bytes] of Object.entries(fresh)) expect(committed[path], path).toBe(bytes);
  });
});
