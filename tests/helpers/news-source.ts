/**
 * The fixture news report (tests/fixtures/news-source/) added to a sources folder by the README's "Add a source"
 * steps: scaffolded with its publication date, source.json filled, its curated files in place of the drafts, its
 * terms added to dataset.yaml. Used by the test that adds it to a copy of the repository and by the drafts' bench.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addSource } from "../../pipeline/commands/add-source.ts";
import { CONFIG_FILE } from "../../pipeline/config/dataset-config.ts";
import { loadTextFormat } from "../../pipeline/ingest/text-format.ts";

export const NEWS_SOURCE = join(import.meta.dirname, "..", "fixtures", "news-source");
export const NEWS_SOURCE_ID = "saro-rail-2025";
export const NEWS_SOURCE_TEXT = join(NEWS_SOURCE, "article.txt");

/** The bibliographic fields the curator fills into the scaffolded source.json. */
export function newsSourceFields(): Record<string, string | null> {
  return JSON.parse(readFileSync(join(NEWS_SOURCE, "source-fields.json"), "utf8"));
}

/**
 * The lines of `terms` (a YAML file of sections) added at the end of the same sections of `config`, as a curator
 * adds a term: after the section's last indented line, the rest of the file as it was. A term the section already
 * defines (another source may use EUR or a measure of the same name) is used as it is, not added again.
 */
export function addTerms(config: string, terms: string): { text: string; added: Map<string, number> } {
  const lines = config.split("\n");
  let section = "";
  const additions = new Map<string, string[]>();
  for (const line of terms.split("\n")) {
    if (/^[a-z_]+:$/.test(line)) section = line.slice(0, -1);
    else if (line.startsWith("  ")) additions.set(section, [...(additions.get(section) ?? []), line]);
  }
  const counts = new Map<string, number>();
  for (const [name, added] of additions) {
    const start = lines.indexOf(`${name}:`);
    if (start < 0) throw new Error(`fixture: dataset.yaml has no section ${name}`);
    let end = start + 1;
    while (end < lines.length && (lines[end]!.startsWith("  ") || lines[end]!.trim() === "")) end++;
    while (lines[end - 1]!.trim() === "") end--;
    const defined = new Set(lines.slice(start + 1, end).map((line) => /^ {2}([^\s:#]+):/.exec(line)?.[1]));
    const fresh = added.filter((line) => !defined.has(/^ {2}([^\s:#]+):/.exec(line)?.[1]));
    lines.splice(end, 0, ...fresh);
    counts.set(name, fresh.length);
  }
  return { text: lines.join("\n"), added: counts };
}

/**
 * Steps 3 to 5 for the report scaffolded in `sourcesDir`: source.json filled, the curated files in place of the
 * drafts, the terms added to dataset.yaml. Returns how many terms of each section were added.
 */
export function curateNewsSource(sourcesDir: string): Map<string, number> {
  const folder = join(sourcesDir, NEWS_SOURCE_ID);
  const record = JSON.parse(readFileSync(join(folder, "source.json"), "utf8"));
  writeFileSync(join(folder, "source.json"), `${JSON.stringify({ ...record, ...newsSourceFields() }, null, 2)}\n`);
  cpSync(join(NEWS_SOURCE, NEWS_SOURCE_ID), folder, { recursive: true });
  if (existsSync(join(folder, "to-curate.yaml"))) rmSync(join(folder, "to-curate.yaml"));
  const config = join(sourcesDir, CONFIG_FILE);
  const terms = addTerms(readFileSync(config, "utf8"), readFileSync(join(NEWS_SOURCE, "dataset-terms.yaml"), "utf8"));
  writeFileSync(config, terms.text);
  return terms.added;
}

/** A temporary copy of `sourcesDir` with the report added by every step; `remove` deletes it. */
export async function withNewsSource(sourcesDir: string): Promise<{ dir: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), "rdd-news-"));
  const dir = join(root, "sources");
  cpSync(sourcesDir, dir, { recursive: true });
  const plainText = (await loadTextFormat("plain-text"))!;
  await addSource(dir, NEWS_SOURCE_ID, NEWS_SOURCE_TEXT, plainText, newsSourceFields().published ?? null);
  curateNewsSource(dir);
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
