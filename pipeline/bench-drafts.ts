/**
 * How good add-source's drafts are: every source of the sources folder, the fixture news report added to it by the
 * README's steps, and the sources of the test fixtures, each drafted again as add-source drafts it (draftRecords,
 * from what a curator gives add-source: the text file in its format, the folder's dataset.yaml, the publication
 * date as --date, the ids the other sources take), and the drafts compared with the source's curated records
 * (curation/drafts/accuracy.ts): the share of the curated figures whose draft had the right value, unit, period and
 * hedge, and of the curated events whose draft had the right date and actors.
 */
import { join } from "node:path";
import { withNewsSource } from "../tests/helpers/news-source.ts";
import type { Benchmark, Table } from "./bench.ts";
import { assemble } from "./build.ts";
import { draftAccuracy, type Curated, type Tally } from "./curation/drafts/accuracy.ts";
import { draftRecords, type Drafts } from "./curation/drafts/draft.ts";
import type { SourceText } from "./formats/format.ts";
import { sourceFolders } from "./io/input-files.ts";
import { readJsonFile } from "./io/json-file.ts";

const ROOT = join(import.meta.dirname, "..");

export interface DraftedSource {
  /** The sources folder it is in, and its text as the build reads it. */
  folder: string;
  text: SourceText;
  drafts: Drafts;
  /** Its curated records, as the build resolved them. */
  curated: Curated;
  /** The ids the folder's other sources give their records. */
  takenIds: ReadonlySet<string>;
}

/**
 * Calls `use` with every drafted source: the memo's folder with the news report added, then the test fixtures'.
 * The folder with the report is a temporary copy, removed afterwards.
 */
export async function withDraftedSources<T>(use: (sources: DraftedSource[]) => T | Promise<T>): Promise<T> {
  const withNews = await withNewsSource(join(ROOT, "sources"));
  try {
    const sources: DraftedSource[] = [];
    for (const folder of [withNews.dir, join(ROOT, "tests", "fixtures", "sources-extra")])
      sources.push(...(await draftFolder(folder)));
    return await use(sources);
  } finally {
    withNews.remove();
  }
}

async function draftFolder(folder: string): Promise<DraftedSource[]> {
  const { config, dataset, texts } = await assemble(folder);
  // The text file's name, as add-source names it in the drafts' comments; assemble reads the folders in this order.
  const files = sourceFolders(folder).map(
    (name) => (readJsonFile(join(folder, name, "source.json")) as { file: string }).file,
  );
  return texts.map((text, index) => {
    const { source, raw, normalized } = text;
    const own = <T extends { source_id: string }>(records: T[]) => records.filter((r) => r.source_id === source.id);
    const takenIds = new Set(
      [...dataset.figures, ...dataset.events].filter((r) => r.record.source_id !== source.id).map((r) => r.record.id),
    );
    const drafts = draftRecords({
      textFile: files[index]!,
      raw,
      normalized,
      config,
      documentDate: source.published,
      takenIds,
    });
    const curated = {
      figures: own(dataset.figures.map((f) => f.record)),
      events: own(dataset.events.map((e) => e.record)),
      mentions: own(dataset.mentions),
    };
    return { folder, text, drafts, curated, takenIds };
  });
}

/** Each source's tallies, the memo's first. */
export async function draftTallies(): Promise<{ source: string; figures: Tally; events: Tally }[]> {
  return withDraftedSources((sources) =>
    sources.map(({ text, drafts, curated }) => ({ source: text.source.id, ...draftAccuracy(drafts, curated) })),
  );
}

function share(part: number, whole: number): string {
  return whole === 0 ? "–" : `${part}/${whole} (${((100 * part) / whole).toFixed(0)}%)`;
}

function sum(tallies: Tally[]): Tally {
  const fields: Record<string, number> = {};
  for (const t of tallies) for (const [name, n] of Object.entries(t.fields)) fields[name] = (fields[name] ?? 0) + n;
  const total = (key: "curated" | "right" | "drafted" | "drafts") => tallies.reduce((n, t) => n + t[key], 0);
  return {
    curated: total("curated"),
    right: total("right"),
    drafted: total("drafted"),
    drafts: total("drafts"),
    fields,
  };
}

function table(title: string, rows: { source: string; tally: Tally }[], note: string): Table {
  const all = { source: "all", tally: sum(rows.map((r) => r.tally)) };
  return {
    title,
    rows: [...rows, all].map(({ source, tally }) => ({
      source,
      "curated records": tally.curated,
      "draft wholly right": share(tally.right, tally.curated),
      ...Object.fromEntries(Object.entries(tally.fields).map(([name, n]) => [name, share(n, tally.curated)])),
      "with a draft": share(tally.drafted, tally.curated),
      "drafts written": tally.drafts,
    })),
    note,
  };
}

let measured: ReturnType<typeof draftTallies> | undefined;

/** The tallies, measured once for both tables. */
function tallies(): ReturnType<typeof draftTallies> {
  measured ??= draftTallies();
  return measured;
}

/** One table of the tallies, of the figures' or of the events'. */
function accuracy(kind: "figures" | "events", title: string, note: string): Benchmark {
  return async () => {
    const rows = await tallies();
    return table(
      title,
      rows.map((t) => ({ source: t.source, tally: t[kind] })),
      note,
    );
  };
}

export const DRAFT_BENCHMARKS: Benchmark[] = [
  accuracy(
    "figures",
    "add-source drafts: figures (value, unit, period and hedge right)",
    "A curated figure's draft is the one of the same quantity mention; 'wholly right' needs all four fields.",
  ),
  accuracy(
    "events",
    "add-source drafts: events (date and actors right)",
    "A curated event's draft is the one dated by the same mention within its quote, else the one whose quote " +
      "overlaps its own most; 'wholly right' needs date and actors.",
  ),
];
