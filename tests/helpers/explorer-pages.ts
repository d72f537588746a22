/**
 * Each source's explorer page as the build writes it, from a sources folder and the records a build published from
 * it, whatever sources the folder holds; and the checks every page must pass that need no browser (on-a-phone.test.ts
 * adds the ones that do). Run over `sources/` and over a copy of the repository with a source added.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assemble } from "../../pipeline/build.ts";
import { explorerFiles, type ExplorerInput } from "../../pipeline/formats/explorer/page.ts";
import type { Event, Figure, Indicator } from "../../schemas/index.ts";

export interface SourcePage {
  id: string;
  /** The path of the page in the output folder: `explorer/<id>.html`. */
  path: string;
  html: string;
}

/** The explorer's input as the build hands it: every source's text and every published record. */
export async function explorerInput(sourcesDir: string, outDir: string): Promise<ExplorerInput> {
  const published = <T>(table: string): T[] =>
    JSON.parse(readFileSync(join(outDir, "data", `${table}.json`), "utf8")) as T[];
  const { config, texts } = await assemble(sourcesDir);
  return {
    config,
    texts,
    figures: published<Figure>("figures"),
    events: published<Event>("events"),
    indicators: published<Indicator>("indicators"),
  };
}

/** Each source's page, in the sources' order. */
export function sourcePages(input: ExplorerInput): SourcePage[] {
  const files = explorerFiles(input);
  return input.texts.map(({ source }) => {
    const path = `explorer/${source.id}.html`;
    return { id: source.id, path, html: files.get(path)! };
  });
}

/**
 * What is wrong with a source's page, one line each: its lists hold exactly its own figures and events and the
 * indicators computed from them, each of its figures and events is highlighted in the text, every highlight names
 * records of the page, and every jump leads to a place on the page.
 */
export function pageProblems(page: SourcePage, input: ExplorerInput): string[] {
  const figures = input.figures.filter((figure) => figure.source_id === page.id).map((figure) => figure.id);
  const events = input.events.filter((event) => event.source_id === page.id).map((event) => event.id);
  const indicators = input.indicators
    .filter((indicator) => indicator.inputs.some((id) => figures.includes(id)))
    .map((indicator) => indicator.id);
  const own = [...figures, ...events, ...indicators];
  const rows = [...page.html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]!);
  const marked = new Set([...page.html.matchAll(/<mark [^>]*data-ids="([^"]+)"/g)].flatMap((m) => m[1]!.split(" ")));
  const ids = new Set([...page.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
  const nav = /<nav class="jumps"[^>]*>(.*?)<\/nav>/s.exec(page.html)?.[1] ?? "";
  const jumps = [...nav.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]!);
  return [
    ...rows.filter((id) => !own.includes(id)).map((id) => `${page.path}: lists ${id}, not a record of ${page.id}`),
    ...own.filter((id) => !rows.includes(id)).map((id) => `${page.path}: does not list ${id}`),
    ...[...figures, ...events].filter((id) => !marked.has(id)).map((id) => `${page.path}: ${id} is not highlighted`),
    ...[...marked].filter((id) => !rows.includes(id)).map((id) => `${page.path}: highlights ${id}, not listed`),
    ...(jumps.length === 0 ? [`${page.path}: no jumps`] : []),
    ...jumps.filter((id) => !ids.has(id)).map((id) => `${page.path}: its jump to #${id} leads nowhere`),
  ];
}
