/**
 * The checks every source must pass, whatever sources the folder holds: run by the dataset's tests over
 * `sources/`, and by the test that adds a source the way the README says over its copy of the repository.
 * Each returns one line per problem, naming the record; none when the source passes.
 */
import { join } from "node:path";
import { ingestSource } from "../../pipeline/ingest/index.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import { sourceFolders } from "../../pipeline/io/input-files.ts";
import { expectationProblems } from "./expectations.ts";
import type { Published, Row } from "./published-files.ts";

export interface SourceFolder {
  id: string;
  dir: string;
}

/** Every source folder of a sources folder, with the id its source.json gives. */
export async function sourcesIn(sourcesDir: string): Promise<SourceFolder[]> {
  const folders: SourceFolder[] = [];
  for (const folder of sourceFolders(sourcesDir)) {
    const dir = join(sourcesDir, folder);
    folders.push({ id: (await ingestSource(dir, new Map())).source.id, dir });
  }
  return folders;
}

const rowsOf = (published: Published, table: string, sourceId: string): Row[] =>
  (published.tables.get(table)?.rows ?? []).filter((row) => row.source_id === sourceId);

/** Every figure's and event's quote is the raw text at its offsets, normalized by the source's text format. */
export async function provenanceProblems({ id, dir }: SourceFolder, published: Published): Promise<string[]> {
  const { raw, textFormat } = await ingestSource(dir, new Map());
  const codePoints = Array.from(raw);
  return ["figures", "events"].flatMap((table) =>
    rowsOf(published, table, id).flatMap((record) => {
      const span = codePoints.slice(Number(record.char_start), Number(record.char_end)).join("");
      const text = normalize(span, textFormat).text;
      return text === record.quote ? [] : [`${table} ${record.id}: the text at its offsets reads "${text}"`];
    }),
  );
}

/**
 * Every quantity mention is used by exactly one figure or dismissed; every time mention dates a record or is
 * dismissed, not both; every date that is not explicit is explained in its note.
 */
export function coverageProblems({ id }: SourceFolder, published: Published): string[] {
  const problems: string[] = [];
  for (const mention of rowsOf(published, "mentions", id)) {
    const used = (mention.used_by as string[]).length;
    const dismissed = mention.dismissed !== null;
    const where = `mention ${mention.char_start} "${mention.text}"`;
    if (mention.kind === "quantity" && used + Number(dismissed) !== 1)
      problems.push(`${where}: used by ${used} figure(s)${dismissed ? " and dismissed" : ""}`);
    if (mention.kind === "time" && used > 0 === dismissed)
      problems.push(`${where}: ${dismissed ? "dates a record and is dismissed" : "dates no record, not dismissed"}`);
  }
  for (const event of rowsOf(published, "events", id))
    if (event.date_basis !== "explicit" && !event.note)
      problems.push(`event ${event.id}: its date is ${event.date_basis}, and its note does not say what dates it`);
  return problems;
}

/** A statistic's level is a figure, not an event: no event's quote restates an observation of a series. */
export function restatedStatistics({ id }: SourceFolder, published: Published, seriesTables: string[]): string[] {
  const observed = new Set(seriesTables.flatMap((table) => rowsOf(published, table, id).map((row) => row.figure_id)));
  const levels = rowsOf(published, "figures", id).filter((figure) => observed.has(figure.id));
  return rowsOf(published, "events", id).flatMap((event) =>
    levels
      .filter((level) => String(event.quote).includes(String(level.quote)))
      .map((level) => `event ${event.id} restates the observation ${level.id}: a level is a figure, not an event`),
  );
}

/** All of the above, and the source's expectations file, for one source. */
export async function sourceProblems(
  source: SourceFolder,
  published: Published,
  seriesTables: string[],
): Promise<string[]> {
  return [
    ...expectationProblems(source.dir, source.id, published).map(String),
    ...(await provenanceProblems(source, published)),
    ...coverageProblems(source, published),
    ...restatedStatistics(source, published, seriesTables),
  ];
}
