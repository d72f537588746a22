/**
 * The texts that name the sources, generated from the sources table and the built descriptor (render/citation.ts
 * cites each source): the README's opening paragraph and its "How to cite", the datasheet's list of sources,
 * CITATION.cff and package.json's description. A new source changes them all at the next `npm run build`.
 */
import type { Source } from "../../schemas/index.ts";
import { formatDate, quotedTitle, reference, seriesName, yearOf } from "./citation.ts";

/** What the built datapackage.json says of the package, as these texts use it. */
export interface PackageTexts {
  name: string;
  version: string;
  title: string;
  description: string;
  keywords: string[];
  licenses: { name: string; title: string }[];
}

const WIDTH = 115;

/** Words filled into lines of at most WIDTH characters, the first line starting with `first`, the others `rest`. */
export function wrap(text: string, rest = "", first = ""): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const open = line === "" || line.endsWith(" ");
    if (!open && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else line = open ? `${line}${word}` : `${line} ${word}`;
  }
  if (line.trim() !== "") lines.push(line);
  return lines.join("\n");
}

/** Markdown's inline markup characters escaped, so that a title prints as written. */
function markdown(text: string): string {
  return text.replace(/([\\*_[\]`<>])/g, "\\$1");
}

/** A source as the README and the datasheet introduce it: what it is, its title, who wrote it and when. */
function introduce(source: Source): string {
  const series = seriesName(source);
  const title = `*${markdown(quotedTitle(source.title))}*`;
  const who = [source.author, ...(source.affiliation ? [source.affiliation] : [])].join(", ");
  return series === null
    ? `${title} (${who}, ${source.publisher}, ${formatDate(source.published)})`
    : `**${markdown(series)}**, ${title} (${who}, ${formatDate(source.published)})`;
}

/** The README's opening paragraph: what the dataset is, naming every source. */
export function readmeOpening(sources: readonly Source[]): string {
  const claim = "as a reproducible, versioned dataset";
  const check = "so every number can be checked against its sentence.";
  const body =
    sources.length === 1
      ? wrap(
          `Every quantitative figure and every dated event in ${introduce(sources[0]!)}, ${claim}. Each record ` +
            `carries the source's exact words and their character offsets in its text, ${check}`,
        )
      : [
          wrap(`Every quantitative figure and every dated event in ${sources.length} sources, ${claim}:`),
          "",
          ...sources.map((source) => wrap(introduce(source), "  ", "- ")),
          "",
          wrap(
            `Each record carries its source's exact words and their character offsets in that source's text, ${check}`,
          ),
        ].join("\n");
  return `\n<!-- Generated from the sources table by pipeline/render/sources.ts. -->\n\n${body}\n`;
}

/** A licence's name as a reader writes it: "CC-BY-4.0" → "CC BY 4.0". */
const licenseName = (pkg: PackageTexts) => pkg.licenses[0]?.name.replaceAll("-", " ") ?? "";

/** The dataset's own citation, as a reader writes it. */
function datasetCitation(pkg: PackageTexts): string {
  return `${pkg.name} contributors. *${pkg.name}: ${markdown(pkg.title)}*, version X.Y.Z [dataset]. ${licenseName(pkg)}.`;
}

/** The README's "How to cite": the dataset and every source, as text and as BibTeX. */
export function howToCite(pkg: PackageTexts, sources: readonly Source[]): string {
  const quoted = (text: string) => wrap(text, "> ", "> ");
  return [
    "",
    "<!-- Generated from the sources table by pipeline/render/sources.ts. -->",
    "",
    wrap(
      "Cite the dataset and the sources its data come from. `CITATION.cff` holds them all (GitHub shows it as " +
        "*Cite this repository*):",
    ),
    "",
    quoted(datasetCitation(pkg)),
    "",
    "(with the version you used, from `CITATION.cff` or `package.json`)",
    "",
    ...sources.flatMap((source) => [quoted(markdown(reference(source))), ""]),
    "```bibtex",
    bibtexDataset(pkg),
    ...sources.flatMap((source) => ["", bibtexSource(source)]),
    "```",
    "",
  ].join("\n");
}

/** A BibTeX value: braces keep its capitals, TeX's special characters escaped, quotes as TeX writes them. */
function bibtex(text: string): string {
  return `{{${text
    .replace(/([&%$#_])/g, "\\$1")
    .replace(/"([^"]*)"/g, "``$1''")
    .replace(/[“”]/g, (q) => (q === "“" ? "``" : "''"))}}}`;
}

const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function bibtexEntry(kind: string, key: string, fields: [string, string | undefined][]): string {
  const present = fields.filter((field): field is [string, string] => field[1] !== undefined);
  const width = Math.max(...present.map(([name]) => name.length));
  return [
    `@${kind}{${key},`,
    ...present.map(([name, value], i) => `  ${name.padEnd(width)} = ${value}${i < present.length - 1 ? "," : ""}`),
    "}",
  ].join("\n");
}

function bibtexDataset(pkg: PackageTexts): string {
  return bibtexEntry("misc", pkg.name.replaceAll("-", "_"), [
    ["author", `{{${pkg.name} contributors}}`],
    ["title", bibtex(`${pkg.name}: ${pkg.title}`)],
    ["note", `{Version X.Y.Z. Dataset, ${licenseName(pkg)}}`],
  ]);
}

function bibtexSource(source: Source): string {
  const month = source.published.split("-")[1];
  const fields: [string, string | undefined][] = [
    ["author", bibtex(source.author)],
    ["title", bibtex(source.title)],
  ];
  if (source.series !== null) {
    fields.push(
      ["type", bibtex(source.series)],
      ["number", source.number === null ? undefined : bibtex(source.number)],
    );
    fields.push(["institution", bibtex(source.publisher)]);
  } else fields.push(["howpublished", bibtex(source.publisher)]);
  fields.push(["year", `{${yearOf(source.published)}}`]);
  fields.push(["month", month === undefined ? undefined : BIBTEX_MONTHS[Number(month) - 1]]);
  fields.push(["url", source.url === null ? undefined : `{${source.url}}`]);
  return bibtexEntry(source.series === null ? "misc" : "techreport", source.id.replaceAll("-", "_"), fields);
}

/** The datasheet's list of the sources: each cited, with the text its offsets count in and its licence note. */
export function datasheetSources(sources: readonly Source[]): string {
  const lines = sources.flatMap((source) => [
    wrap(markdown(reference(source)), "  ", `- \`${source.id}\`: `),
    wrap(
      `The text the offsets count in has SHA-256 \`${source.sha256}\` (${source.bytes.toLocaleString("en-US")} ` +
        `bytes). ${markdown(source.license_note)}${source.note ? ` ${markdown(source.note)}` : ""}`,
      "  ",
      "  ",
    ),
  ]);
  return ["", "<!-- Generated from the sources table by pipeline/render/sources.ts. -->", "", ...lines, ""].join("\n");
}

/** A YAML scalar as JSON writes it: a valid double-quoted YAML string, never a number or a date by accident. */
const yamlString = (text: string) => JSON.stringify(text);

/** CITATION.cff (CFF 1.2.0): the dataset, and each source as a reference built from its fields. */
export function citationCff(pkg: PackageTexts, sources: readonly Source[]): string {
  const lines = [
    "# Generated by `npm run build` from the dataset configuration and the sources (pipeline/render/sources.ts).",
    "cff-version: 1.2.0",
    "message: >-",
    wrap(
      "If you use this dataset, please cite it using the metadata from this file, and cite the sources its data " +
        "come from (the references).",
      "  ",
      "  ",
    ),
    `title: ${yamlString(`${pkg.name}: ${pkg.title}`)}`,
    `version: ${yamlString(pkg.version)}`,
    "type: dataset",
    "authors:",
    `  - name: ${yamlString(`${pkg.name} contributors`)}`,
    `license: ${pkg.licenses[0]?.name ?? "CC-BY-4.0"}`,
    "abstract: >-",
    wrap(
      `${pkg.description}. Each record carries its source's exact words and their character offsets, the hedge ` +
        "the source puts on each number and the kind of claim it makes; indicators are computed from the figures. " +
        "Tables as CSV, JSON, Parquet and SQLite.",
      "  ",
      "  ",
    ),
    "keywords:",
    ...pkg.keywords.map((keyword) => `  - ${yamlString(keyword)}`),
    "references:",
    ...sources.flatMap(cffReference),
  ];
  return `${lines.join("\n")}\n`;
}

/** CFF's reference type of each kind of source. */
const CFF_TYPES: Record<NonNullable<Source["type"]>, string> = {
  report: "report",
  news_article: "newspaper-article",
  magazine_article: "magazine-article",
  journal_article: "article",
  web_page: "website",
  blog_post: "blog",
  book: "book",
  government_document: "government-document",
};

function cffReference(source: Source): string[] {
  const [year, month, day] = source.published.split("-");
  // A source is cited as the kind its record says; one that does not say is a report in a series, else generic.
  const type = source.type === null ? (source.series === null ? "generic" : "report") : CFF_TYPES[source.type];
  return [
    `  - type: ${type}`,
    `    title: ${yamlString(source.title)}`,
    "    authors:",
    `      - name: ${yamlString(source.author)}`,
    ...(source.series === null
      ? []
      : [`    collection-title: ${yamlString(source.series)}`, "    collection-type: series"]),
    ...(source.number === null ? [] : [`    number: ${yamlString(source.number)}`]),
    `    year: ${Number(year)}`,
    ...(month === undefined ? [] : [`    month: ${Number(month)}`]),
    ...(day === undefined ? [] : [`    date-published: ${yamlString(source.published)}`]),
    "    publisher:",
    `      name: ${yamlString(source.publisher)}`,
    ...(source.url === null ? [] : [`    url: ${yamlString(source.url)}`]),
  ];
}

/** package.json with its description replaced, nothing else touched. */
export function withPackageDescription(packageJson: string, description: string): string {
  return packageJson.replace(/("description":\s*)"(?:[^"\\]|\\.)*"/, `$1${JSON.stringify(description)}`);
}
