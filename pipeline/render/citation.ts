/**
 * How a source is cited, built from the fields its record has: a numbered document in a series (a policy memo,
 * a working paper: "Series No. 428"), a document in a series without a number, or one outside any series (a news
 * article, a report, a web page: cited by its publisher and date). A field a source does not have is left out,
 * never written as "null". Every text that names the sources (the package's title and description, the README,
 * CITATION.cff, the datasheet, datapackage.json) is built from these.
 */
import type { Source } from "../../schemas/index.ts";
import { sentence } from "../text/sentence.ts";

/** The fields a citation is made of. */
export type Cited = Pick<Source, "title" | "author" | "series" | "number" | "published" | "publisher" | "url"> &
  Partial<Pick<Source, "affiliation">>;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Words that stand for a missing value, which no citation may print. */
const PLACEHOLDERS = /^(null|undefined|none|n\/a|tbd|todo|\?+|-+)$/i;

/**
 * Why a source record's fields cannot make a citation, by field: a required text that is blank or a placeholder
 * word, a number without the series it is a number in, an address that is not a web page's.
 */
export function citationProblems(source: Partial<Record<keyof Cited, unknown>>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const field of ["title", "author", "publisher"] as const) {
    const value = source[field];
    if (typeof value === "string" && (value.trim() === "" || PLACEHOLDERS.test(value.trim())))
      problems.push({ field, message: `${JSON.stringify(value)} cannot be cited: give the document's ${field}` });
  }
  for (const field of ["series", "number", "affiliation"] as const) {
    const value = source[field];
    if (typeof value === "string" && (value.trim() === "" || PLACEHOLDERS.test(value.trim())))
      problems.push({ field, message: `${JSON.stringify(value)} cannot be cited: write null when there is none` });
  }
  if (typeof source.number === "string" && (source.series === null || source.series === undefined))
    problems.push({
      field: "number",
      message: `number ${JSON.stringify(source.number)} without a series cannot be cited: name the series it is a number in`,
    });
  if (typeof source.url === "string" && !/^https?:\/\//.test(source.url))
    problems.push({ field: "url", message: `${JSON.stringify(source.url)} is not a web address (http or https)` });
  return problems;
}

/** A publication date at its precision: "2016", "May 2016", "12 June 2025". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split("-");
  if (month === undefined) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** The year of a publication date. */
export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** The title inside double quotes, its own double quotes made single, as a citation quotes a title. */
export function quotedTitle(title: string): string {
  return `"${title.replace(/"([^"]*)"/g, "'$1'").replace(/[“”]/g, (q) => (q === "“" ? "‘" : "’"))}"`;
}

/** Where the source stands: "PONARS Eurasia Policy Memo No. 428", "Annual Report", or null outside a series. */
export function seriesName(source: Cited): string | null {
  if (source.series === null) return null;
  return source.number === null ? source.series : `${source.series} No. ${source.number}`;
}

/** A short name for a title or a list: the series and number, or the publisher and date. */
export function shortName(source: Cited): string {
  return seriesName(source) ?? `${source.publisher}, ${formatDate(source.published)}`;
}

/**
 * The full reference, as a reader cites the source: author, quoted title, series and number where it has them,
 * publisher and date, and its address where known.
 *
 * Serghei Golunov. "Does North Korea ...?" PONARS Eurasia Policy Memo No. 428. PONARS Eurasia, May 2016.
 * Northern Coast Wire staff. "Rail link ...." Northern Coast Wire, 12 June 2025. https://...
 */
export function reference(source: Cited): string {
  const title = quotedTitle(source.title);
  const series = seriesName(source);
  const parts = [
    sentence(source.author),
    /[.?!]$/.test(source.title) ? title : `${title.slice(0, -1)}."`,
    ...(series === null ? [] : [sentence(series)]),
    `${source.publisher}, ${formatDate(source.published)}.`,
    ...(source.url === null ? [] : [source.url]),
  ];
  return parts.join(" ");
}

/** "A", "A and B", "A, B and C". */
export function inWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The sources named in a phrase: each by its short name, up to three; past three, how many. */
export function sourcesPhrase(sources: readonly Cited[]): string {
  if (sources.length === 0) return "no source";
  return sources.length <= 3 ? inWords(sources.map(shortName)) : `${sources.length} sources`;
}

/** The placeholder a dataset's package title and description put where the sources are named. */
export const SOURCES_PLACEHOLDER = "{sources}";

/** A package text of the dataset configuration with its sources named where the placeholder stands. */
export function withSources(template: string, sources: readonly Cited[]): string {
  return template.replaceAll(SOURCES_PLACEHOLDER, sourcesPhrase(sources));
}
