/**
 * How good add-source's drafts are: for every source of the sources folder and of the test fixtures, its text is
 * drafted again as add-source drafts it (with the source's own date, which the build resolves relative dates
 * against once source.json gives it) and the drafts are compared with the source's curated records
 * (curation/drafts/accuracy.ts): the share of the curated figures whose draft had the right value, unit, period and
 * hedge, and of the curated events whose draft had the right date and actors.
 */
import { join } from "node:path";
import type { Benchmark, Table } from "./bench.ts";
import { assemble } from "./build.ts";
import { draftAccuracy, type Tally } from "./curation/drafts/accuracy.ts";
import { draftRecords } from "./curation/drafts/draft.ts";
import { extract } from "./extract/index.ts";

const ROOT = join(import.meta.dirname, "..");
export const DRAFTED_SOURCES = [join(ROOT, "sources"), join(ROOT, "tests", "fixtures", "sources-extra")];

/** Each source's tallies, in the order of the folders and their sources. */
export async function draftTallies(folders = DRAFTED_SOURCES) {
  const rows: { source: string; figures: Tally; events: Tally }[] = [];
  for (const folder of folders) {
    const { config, dataset, texts } = await assemble(folder);
    for (const { source, raw, normalized } of texts) {
      const drafts = draftRecords({
        textFile: source.id,
        raw,
        normalized,
        mentions: extract(normalized.text, { documentDate: source.published }),
        config,
        documentDate: source.published,
        takenIds: new Set(),
      });
      const own = <T extends { source_id: string }>(records: T[]) => records.filter((r) => r.source_id === source.id);
      const tallies = draftAccuracy(drafts, {
        figures: own(dataset.figures.map((f) => f.record)),
        events: own(dataset.events.map((e) => e.record)),
        mentions: own(dataset.mentions),
      });
      rows.push({ source: source.id, ...tallies });
    }
  }
  return rows;
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
