/**
 * A second real source passes CI with no code change: a news article (no series, no number, an unsigned byline)
 * added to a copy of the repository by the README's "Add a source" steps (add-source, source.json filled, the
 * curation, terms added to dataset.yaml, build, commit, release, commit), then the checks CI runs: the build leaves
 * no tracked file changed, every source passes the source-generic checks (its expectations, its quotes, its
 * coverage), every source's explorer page holds its own records, every text that names the sources names both, and
 * verify passes. In-process, but for git.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFIG_FILE, loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { compareWithManifest, readManifest, readTree } from "../../pipeline/release/manifest.ts";
import { reference, sourcesPhrase } from "../../pipeline/render/citation.ts";
import { ROOT, runInProcessAt, type CliResult } from "../helpers/cli.ts";
import { explorerInput, pageProblems, sourcePages } from "../helpers/explorer-pages.ts";
import { readPublished } from "../helpers/published-files.ts";
import { cloneRepo, removeTemporaryFolders, type RepoCopy } from "../helpers/repo-copy.ts";
import { sourceProblems, sourcesIn } from "../helpers/source-checks.ts";
import { curateNewsSource, NEWS_SOURCE_ID, NEWS_SOURCE_TEXT, newsSourceFields } from "../helpers/news-source.ts";

const ID = NEWS_SOURCE_ID;
const DATE = "2026-12-10";

let repo: RepoCopy;
const cli = (...args: string[]): Promise<CliResult> => runInProcessAt(repo.dir, ...args);
const ok = (result: CliResult) => {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result;
};
let release: CliResult;
/** How many terms of each section the fixture's terms added, those dataset.yaml did not define yet. */
let termsAdded = new Map<string, number>();

beforeAll(async () => {
  repo = cloneRepo();
  const version = () => JSON.parse(readFileSync(join(repo.dir, "package.json"), "utf8")).version as string;
  // Data changed since the last release (dist/ no longer its manifest's) is released first: a curator starts
  // from a released state.
  const manifest = readManifest(join(repo.dir, "releases"), version());
  if (manifest === null || compareWithManifest(manifest, readTree(join(repo.dir, "dist"))).length > 0) {
    ok(await cli("release", "major", "--date", DATE));
  }

  // 1. Scaffold, from a copy of the text outside the repository, with its publication date (the command, run in
  // the clone, finds its sources/ there; in-process it is named).
  const sources = join(repo.dir, "sources");
  ok(await cli("add-source", ID, NEWS_SOURCE_TEXT, "--sources", sources, "--date", newsSourceFields().published!));
  // 2.–3. Fill source.json and curate: the finished files replace the drafts; add the terms to dataset.yaml.
  termsAdded = curateNewsSource(sources);
  // 4. Build (npm run build) and commit; 5. release, which commits and tags what it writes.
  ok(await cli("build", "--docs"));
  repo.git("add", "-A");
  repo.git("commit", "-qm", "a news article on the Saro rail link");
  // The release commits what it wrote and tags it.
  release = ok(await cli("release", "minor", "--date", DATE));
}, 120_000);

afterAll(removeTemporaryFolders);

describe("a news article added by the README's steps", () => {
  it("is released as a minor version, tagged, whose changelog says what it adds in the tables' own terms", () => {
    expect(release.stdout).toMatch(/^released \d+\.\d+\.\d+ \(minor; the changes needed at least minor\)/);
    const version = JSON.parse(readFileSync(join(repo.dir, "package.json"), "utf8")).version;
    expect(repo.git("tag", "--points-at", "HEAD").trim()).toBe(`v${version}`);
    const entry = readFileSync(join(repo.dir, "CHANGELOG.md"), "utf8").split("\n## ")[1]!;
    expect(entry).toContain(`- Sources added: \`${ID}\` (Northern Coast Wire, 12 June 2025).`);
    // Its records, and the codebook's new terms, which the vocabulary lists one by one.
    const records = /- Records added: ([^;]*);/.exec(entry)![1]!.split(", ");
    for (const count of ["events 4", "figures 12", "mentions 22", "sources 1"]) expect(records).toContain(count);
    for (const [section, count] of termsAdded) if (count > 0) expect(records).toContain(`${section} ${count}`);
    const total = [...termsAdded.values()].reduce((sum, count) => sum + count, 0);
    expect(entry).toContain(`- Vocabulary: ${total} terms added (listed below).`);
    expect(entry).toContain("- measures: added `structure_length`: ");
    expect(entry).toContain('- actors: added `LMK`: "Lindmark Region"');
    expect(entry).toContain(`- added \`dist/explorer/${ID}.html\``);
    expect(entry).toContain(`- added source_id \`${ID}\`, char_start \`38\``);
    expect(entry).not.toMatch(/@\d/);
  });

  it("passes CI's build check: building again changes no tracked file", async () => {
    ok(await cli("build", "--docs"));
    expect(repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("passes the source-generic checks, for itself and every other source", async () => {
    const published = readPublished(join(repo.dir, "dist"));
    const series = (await loadDatasetConfig(join(repo.dir, "sources", CONFIG_FILE))).series.map((s) => s.table);
    const sources = await sourcesIn(join(repo.dir, "sources"));
    expect(sources.map((source) => source.id)).toContain(ID);
    for (const source of sources) expect(await sourceProblems(source, published, series), source.id).toEqual([]);
  });

  it("has an explorer page of its own records, as has every other source, each passing the page checks", async () => {
    const input = await explorerInput(join(repo.dir, "sources"), join(repo.dir, "dist"));
    const pages = sourcePages(input);
    expect(pages.map((page) => page.id)).toContain(ID);
    for (const page of pages) {
      expect(pageProblems(page, input), page.id).toEqual([]);
      expect(readFileSync(join(repo.dir, "dist", page.path), "utf8"), page.path).toBe(page.html);
    }
  });

  it("is named, and cited from its fields, wherever the sources are", () => {
    const read = (path: string) => readFileSync(join(repo.dir, path), "utf8");
    const descriptor = JSON.parse(read("dist/datapackage.json"));
    const sources = JSON.parse(read("dist/data/sources.json"));
    expect(sources).toHaveLength(
      JSON.parse(readFileSync(join(ROOT, "dist", "data", "sources.json"), "utf8")).length + 1,
    );
    expect(descriptor.sources.map((s: { title: string }) => s.title)).toEqual(sources.map(reference));
    // Named by its short name ("Northern Coast Wire, 12 June 2025") while there are three sources at most.
    expect(descriptor.title).toContain(sourcesPhrase(sources));
    for (const path of ["README.md", "docs/DATASHEET.md", "CITATION.cff"]) expect(read(path), path).toContain("Saro");
    // Cited as what it is, as its source.json says: a news article.
    const cited = (parse(read("CITATION.cff")).references as { type: string; title: string }[]).find((r) =>
      r.title.includes("Saro"),
    );
    expect(cited?.type).toBe("newspaper-article");
    const generated = [
      JSON.stringify([descriptor.title, descriptor.description, descriptor.sources]),
      read("CITATION.cff"),
      read("README.md").split("<!-- sources:start -->")[1]!.split("<!-- sources:end -->")[0]!,
    ];
    for (const text of generated) expect(text).not.toMatch(/\bnull\b|No\. null/);
  });

  it("passes verify", async () => {
    ok(await cli("verify"));
  });
});
