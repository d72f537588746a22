/**
 * render: the provenance explorer, one static page per source (dist/explorer/<source-id>.html) that shows the
 * text as a reader sees it, with every figure and event highlighted at its offsets, and sortable, filterable
 * record lists that lead back to the words and back again; and an index (dist/explorer/index.html) of every
 * source. The pages open from disk: no server, no network, everything inline.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatasetConfig } from "../../config/dataset-config.ts";
import { periodLabel } from "../../derive/periods.ts";
import type { NormalizedText } from "../../ingest/normalize.ts";
import type { Event, Figure, Indicator, Source } from "../../../schemas/index.ts";
import { actorName, formatValue, words } from "../../config/format-unit.ts";
import { termName } from "../../tables/codebook.ts";
import { ploverGroup } from "../charts/plover.ts";

/** A source's text as resolve read it. */
export interface PlacedText {
  source: Source;
  /** The normalized text the records' quotes are read in, and each record's span of it, by record id. */
  normalized: NormalizedText;
  spans: ReadonlyMap<string, { start: number; end: number }>;
}

export interface ExplorerInput {
  config: DatasetConfig;
  texts: PlacedText[];
  /** Every source's records: each page picks its own source's, and the indicators computed from them. */
  figures: readonly Figure[];
  events: readonly Event[];
  indicators: readonly Indicator[];
}

/** One source and its records. */
interface SourceRecords extends PlacedText {
  figures: readonly Figure[];
  events: readonly Event[];
  indicators: readonly Indicator[];
}

/** A figure's or event's quote placed on the normalized text, in UTF-16 indices, end exclusive. */
interface Span {
  id: string;
  kind: "figure" | "event";
  start: number;
  end: number;
}

interface Range {
  start: number;
  end: number;
}

/** A stretch of a paragraph covered by the same records all along (none for plain text). */
interface Segment extends Range {
  spans: Span[];
}

interface Cell {
  /** Already escaped. */
  html: string;
  /** What the column sorts by when not the cell's text: a number for a numeric column; empty when missing. */
  sort?: string;
}

interface Column<T> {
  label: string;
  numeric?: boolean;
  cell: (row: T) => Cell;
}

/** What a tooltip shows for a record: a heading, labelled display values, and the curator's note. */
interface RecordDetails {
  kind: "figure" | "event";
  heading: string;
  fields: [string, string][];
  note: string | null;
}

const PAGE_STYLE = readFileSync(join(import.meta.dirname, "page.css"), "utf8");
const PAGE_SCRIPT = readFileSync(join(import.meta.dirname, "page.js"), "utf8");

/** Paragraphs this short are the title, byline and section headings: set in bold. */
const SHORT_PARAGRAPH = 80;

/** A page per source and the index of them all, by path relative to the output folder. */
export function explorerFiles(input: ExplorerInput): Map<string, string> {
  const { config } = input;
  const sources = input.texts.map((text) => recordsOf(text, input));
  const files = new Map<string, string>();
  for (const records of sources) files.set(`explorer/${sourcePageName(records.source)}`, sourcePage(config, records));
  files.set("explorer/index.html", indexPage(config, sources));
  return files;
}

/** A source's own figures and events, and the indicators computed from its figures. */
function recordsOf(text: PlacedText, { figures, events, indicators }: ExplorerInput): SourceRecords {
  const own = figures.filter((figure) => figure.source_id === text.source.id);
  const ids = new Set(own.map((figure) => figure.id));
  return {
    ...text,
    figures: own,
    events: events.filter((event) => event.source_id === text.source.id),
    indicators: indicators.filter((indicator) => indicator.inputs.some((id) => ids.has(id))),
  };
}

function sourcePageName(source: Source): string {
  return `${source.id}.html`;
}

function sourcePage(config: DatasetConfig, input: SourceRecords): string {
  const { normalized } = input;
  const spans = placeSpans(input);
  const paragraphs = paragraphRanges(normalized.text);
  // The text's headings (its short paragraphs after its body begins) are the places to jump to, each with an id.
  const bodyStart = paragraphs.findIndex((range) => !isShort(range));
  const headings = new Map(
    paragraphs
      .slice(Math.max(bodyStart, 1))
      .filter(isShort)
      .map((range, i) => [range.start, { id: `part-${i + 1}`, text: normalized.text.slice(range.start, range.end) }]),
  );
  // A list with no records is left out, and so is its place in the jumps.
  const lists = [
    { name: "figures", title: "Figures", rows: input.figures.length, html: () => figureTable(input.figures, config) },
    { name: "events", title: "Events", rows: input.events.length, html: () => eventTable(input.events, config) },
    {
      name: "indicators",
      title: "Indicators",
      rows: input.indicators.length,
      html: () => indicatorTable(input.indicators, config),
    },
  ].filter((list) => list.rows > 0);
  return page({
    source: input.source,
    memo: paragraphs
      .map((range) => renderParagraph(normalized.text, range, spans, headings.get(range.start)?.id))
      .join("\n"),
    jumps: [
      { href: "#memo-heading", text: "Text" },
      ...[...headings.values()].map((heading) => ({ href: `#${heading.id}`, text: heading.text })),
      ...lists.map((list) => ({ href: `#${list.name}-heading`, text: `${list.title} (${list.rows})` })),
    ],
    tables: lists.map((list) => list.html()).join("\n"),
    data: {
      records: Object.fromEntries([
        ...input.figures.map((figure) => [figure.id, figureDetails(figure, config)] as const),
        ...input.events.map((event) => [event.id, eventDetails(event, config)] as const),
      ]),
      inputs: Object.fromEntries(input.indicators.map((indicator) => [indicator.id, indicator.inputs])),
    },
  });
}

// ---- placing the records on the normalized text -------------------------------------------------------------

/** Every figure's and event's span of the normalized text, as resolve placed it, checked against its quote. */
function placeSpans(input: SourceRecords): Span[] {
  const place = (record: Figure | Event, kind: Span["kind"]): Span => {
    const span = input.spans.get(record.id);
    if (span === undefined || input.normalized.text.slice(span.start, span.end) !== record.quote) {
      throw new Error(`explorer: ${record.id}: its span does not hold its quote`);
    }
    return { id: record.id, kind, ...span };
  };
  const spans = [...input.figures.map((f) => place(f, "figure")), ...input.events.map((e) => place(e, "event"))];
  return spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
}

// ---- the memo -----------------------------------------------------------------------------------------------

function paragraphRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  while (start <= text.length) {
    const gap = text.indexOf("\n\n", start);
    const end = gap < 0 ? text.length : gap;
    if (end > start) ranges.push({ start, end });
    start = end + 2;
  }
  return ranges;
}

function isShort(paragraph: Range): boolean {
  return paragraph.end - paragraph.start < SHORT_PARAGRAPH;
}

function renderParagraph(text: string, paragraph: Range, spans: Span[], id?: string): string {
  const body = segmentsOf(paragraph, spans)
    .map((segment) => {
      const escaped = escapeHtml(text.slice(segment.start, segment.end));
      return segment.spans.length === 0 ? escaped : renderMark(escaped, segment.spans);
    })
    .join("");
  const anchor = id === undefined ? "" : ` id="${id}" tabindex="-1"`;
  return isShort(paragraph) ? `<p class="short"${anchor}>${body}</p>` : `<p>${body}</p>`;
}

/** Cuts a paragraph at every span edge inside it, so that nested and overlapping spans need no nested marks. */
function segmentsOf(paragraph: Range, spans: Span[]): Segment[] {
  const inside = spans.filter((span) => span.start < paragraph.end && span.end > paragraph.start);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const span of inside) {
    cuts.add(Math.max(span.start, paragraph.start));
    cuts.add(Math.min(span.end, paragraph.end));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  return edges.slice(1).map((end, i) => {
    const start = edges[i]!;
    return { start, end, spans: inside.filter((span) => span.start <= start && span.end >= end) };
  });
}

function renderMark(escapedText: string, spans: Span[]): string {
  const classes = [
    spans.some((span) => span.kind === "figure") ? "has-figure" : "",
    spans.some((span) => span.kind === "event") ? "has-event" : "",
    spans.length > 1 ? "overlap" : "",
  ].filter(Boolean);
  const ids = spans.map((span) => span.id).join(" ");
  return `<mark class="${classes.join(" ")}" data-ids="${escapeHtml(ids)}" tabindex="0">${escapedText}</mark>`;
}

// ---- the tables ---------------------------------------------------------------------------------------------

function figureTable(figures: readonly Figure[], config: DatasetConfig): string {
  return renderTable("figures", "Figures", figures, [
    { label: "Figure", cell: (f) => text(f.id) },
    { label: "Measure", cell: (f) => text(termName(f.measure, config.measures)) },
    {
      label: "Value",
      numeric: true,
      cell: (f) => ({ html: escapeHtml(formatValue(f.value, f.unit, config.units)), sort: String(f.value) }),
    },
    { label: "Period", cell: (f) => periodCell(f.period_start, f.period_end) },
    { label: "Qualifier", cell: (f) => text(words(f.qualifier)) },
    { label: "Claim", cell: (f) => text(f.claim_type) },
  ]);
}

function eventTable(events: readonly Event[], config: DatasetConfig): string {
  return renderTable("events", "Events", events, [
    { label: "Dates", cell: (e) => periodCell(e.date_start, e.date_end) },
    { label: "Event", cell: (e) => text(e.title) },
    { label: "Type", cell: (e) => text(termName(e.event_type, config.event_types)) },
    { label: "Precision", cell: (e) => text(e.date_precision) },
    { label: "Basis", cell: (e) => text(words(e.date_basis)) },
    { label: "Actors", cell: (e) => text(actorNames(e.actors, config)) },
  ]);
}

function indicatorTable(indicators: readonly Indicator[], config: DatasetConfig): string {
  return renderTable("indicators", "Indicators", indicators, [
    { label: "Indicator", cell: (i) => text(i.name) },
    {
      label: "Value",
      numeric: true,
      cell: (i) => ({ html: escapeHtml(formatValue(i.value, i.unit, config.units)), sort: String(i.value) }),
    },
    { label: "Period", cell: (i) => periodCell(i.period_start, i.period_end) },
    { label: "Qualifier", cell: (i) => text(words(i.qualifier)) },
    {
      label: "Input figures",
      cell: (i) => ({ html: i.inputs.map((id) => `<span class="input-id">${escapeHtml(id)}</span>`).join(" ") }),
    },
  ]);
}

function renderTable<T extends { id: string }>(
  name: string,
  title: string,
  rows: readonly T[],
  columns: Column<T>[],
): string {
  const headers = columns
    .map((column) => {
      const type = column.numeric ? ' data-type="number"' : "";
      return (
        `<th scope="col"${type}><button type="button" class="sort">${escapeHtml(column.label)}<span ` +
        `class="sort-icon" aria-hidden="true"></span></button></th>`
      );
    })
    .join("");
  const body = rows
    .map((row) => {
      const cells = columns.map((column) => {
        const { html, sort } = column.cell(row);
        // The label lets a narrow screen show each row as a card of "label: value" lines (see the style sheet).
        const label = ` data-label="${escapeHtml(column.label)}"`;
        return sort === undefined
          ? `<td${label}>${html}</td>`
          : `<td${label} data-sort="${escapeHtml(sort)}">${html}</td>`;
      });
      return `<tr data-id="${escapeHtml(row.id)}" tabindex="0">${cells.join("")}</tr>`;
    })
    .join("\n");
  const count = `${rows.length} of ${rows.length}`;
  return `<section class="records" aria-labelledby="${name}-heading">
<h3 id="${name}-heading" tabindex="-1">${title}</h3>
<div class="filter"><label for="${name}-filter">Filter ${name}</label> <input id="${name}-filter" type="search" autocomplete="off" spellcheck="false" aria-controls="${name}-table" aria-describedby="${name}-status"> <output id="${name}-status" for="${name}-filter">${count}</output></div>
<div class="table-wrap"><table id="${name}-table" data-kind="${name}"><thead><tr>${headers}</tr></thead>
<tbody>
${body}
</tbody></table></div>
</section>`;
}

function text(value: string): Cell {
  return { html: escapeHtml(value) };
}

/** Sorts by start, then end; a missing period sorts last. */
function periodCell(start: string | null, end: string | null): Cell {
  return { html: escapeHtml(formatPeriod(start, end)), sort: start === null ? "" : `${start} ${end}` };
}

// ---- what a tooltip shows -----------------------------------------------------------------------------------

function figureDetails(figure: Figure, config: DatasetConfig): RecordDetails {
  const parties = [figure.subject, figure.counterpart]
    .filter((party) => party !== null)
    .map((code) => actorName(code, config.actors))
    .join(" → ");
  return {
    kind: "figure",
    heading: figure.id,
    fields: [
      ["Value", formatValue(figure.value, figure.unit, config.units)],
      ["Unit", config.units[figure.unit]?.name ?? figure.unit],
      ["Period", formatPeriod(figure.period_start, figure.period_end)],
      ["Qualifier", words(figure.qualifier)],
      ["Claim type", figure.claim_type],
      ["Measure", described(figure.measure, config.measures)],
      ["Parties", parties || "none stated"],
    ],
    note: figure.note,
  };
}

function eventDetails(event: Event, config: DatasetConfig): RecordDetails {
  return {
    kind: "event",
    heading: event.title,
    fields: [
      ["Dates", formatPeriod(event.date_start, event.date_end)],
      ["Precision", event.date_precision],
      ["Basis", words(event.date_basis)],
      ["Type", described(event.event_type, config.event_types)],
      ["Actors", actorNames(event.actors, config)],
      ["PLOVER", event.plover === null ? "none" : `${event.plover} (${ploverGroup(event.plover)})`],
    ],
    note: event.note,
  };
}

// ---- formatting ---------------------------------------------------------------------------------------------

/** A term by its name, with its definition: "Trade turnover: Two-way trade between the subject and ...". */
function described(code: string, terms: DatasetConfig["measures"] | DatasetConfig["event_types"]): string {
  const description = terms[code]?.description;
  const name = termName(code, terms);
  return description === undefined ? name : `${name}: ${description}`;
}

function actorNames(codes: readonly string[], config: DatasetConfig): string {
  return codes.map((code) => actorName(code, config.actors)).join(", ");
}

function formatPeriod(start: string | null, end: string | null): string {
  return periodLabel(start, end, { separator: " – ", none: "—" });
}

// ---- the page -----------------------------------------------------------------------------------------------

function page(parts: {
  source: Source;
  memo: string;
  jumps: { href: string; text: string }[];
  tables: string;
  data: object;
}): string {
  const { source } = parts;
  return `${head(`Provenance explorer: ${source.title}`, PAGE_SCRIPT)}
<body class="text-page">
<a class="skip" href="#records-heading">Skip to the records</a>
<header>
<p class="up"><a href="index.html">All sources</a></p>
<h1><span class="kicker">Provenance explorer</span> ${escapeHtml(source.title)}</h1>
<p class="byline">${byline(source)}</p>
<ul class="legend" aria-label="Legend">
<li><span class="swatch has-figure">figure</span> a number the text states</li>
<li><span class="swatch has-event">event</span> a dated happening</li>
<li><span class="swatch has-figure has-event overlap">both</span> darker where records overlap</li>
<li><span class="swatch active">selected</span> the words of the selected record</li>
</ul>
</header>
<nav class="jumps" aria-label="Parts of the page">
<ul>
${parts.jumps.map((jump) => `<li><a href="${escapeHtml(jump.href)}">${escapeHtml(jump.text)}</a></li>`).join("\n")}
</ul>
</nav>
<main>
<section class="pane memo" aria-labelledby="memo-heading">
<h2 id="memo-heading" tabindex="-1">The text</h2>
<p class="hint"><span class="pointer">Hover over or tab to a highlight to see its records; click it (or Enter) to select them in the lists.</span><span class="touch">Tap a highlight to see its records in the lists below; tap a record to come back to its words.</span></p>
<article class="memo-text" lang="en">
${parts.memo}
</article>
</section>
<section class="pane data" aria-labelledby="records-heading">
<h2 id="records-heading" tabindex="-1">Records</h2>
<p class="hint"><span class="pointer">Select a record (click, or Enter) to show its words in the text; an indicator shows the figures it is computed from. Column headers sort.</span><span class="touch">Tap a record to show its words in the text; an indicator shows the figures it is computed from. Tap a column's name to sort by it.</span></p>
${parts.tables}
</section>
</main>
<footer>
<p>${source.url === null ? "" : `Published at <a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a>. `}${escapeHtml(source.license_note)} Offsets refer to the raw text with SHA-256 <code>${escapeHtml(source.sha256)}</code>.</p>
${source.note === null ? "" : `<p>${escapeHtml(source.note)}</p>`}
</footer>
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="explorer-data">${jsonForScript(parts.data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** The list of every source, with its record counts and a link to its page. */
function indexPage(config: DatasetConfig, sources: SourceRecords[]): string {
  const items = sources.map(({ source, figures, events, indicators }) => {
    const counts = [
      count(figures.length, "figure"),
      count(events.length, "event"),
      count(indicators.length, "indicator"),
    ]
      .filter((text) => !text.startsWith("0 "))
      .join(", ");
    // What the source's records are about, by name: its years, measures and most named actors.
    const years = [
      ...figures.flatMap((f) => [f.period_start, f.period_end]),
      ...events.flatMap((e) => [e.date_start, e.date_end]),
    ]
      .filter((date): date is string => date !== null)
      .map((date) => date.slice(0, 4))
      .sort();
    const span = years.length === 0 ? "" : years[0] === years.at(-1) ? years[0]! : `${years[0]}–${years.at(-1)}`;
    const measures = [...new Set(figures.map((f) => termName(f.measure, config.measures)))];
    const mentioned = new Map<string, number>();
    for (const code of [...events.flatMap((e) => e.actors), ...figures.flatMap((f) => [f.subject, f.counterpart])])
      if (code !== null) mentioned.set(code, (mentioned.get(code) ?? 0) + 1);
    const actors = [...mentioned].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code]) => code);
    const about = [
      span === "" ? null : `<dt>Years</dt><dd>${escapeHtml(span)}</dd>`,
      measures.length === 0 ? null : `<dt>Measures</dt><dd>${escapeHtml(measures.join(", "))}</dd>`,
      actors.length === 0 ? null : `<dt>Actors</dt><dd>${escapeHtml(actorNames(actors, config))}</dd>`,
    ].filter(Boolean);
    return `<li class="source" data-id="${escapeHtml(source.id)}">
<h2><a href="${escapeHtml(sourcePageName(source))}">${escapeHtml(source.title)}</a></h2>
<p class="byline">${byline(source)}</p>
<p class="counts">${counts}</p>
${about.length === 0 ? "" : `<dl class="about">${about.join("")}</dl>`}
</li>`;
  });
  return `${head("Provenance explorer: sources")}
<body>
<header>
<h1><span class="kicker">Provenance explorer</span> Sources</h1>
<p class="byline">${count(sources.length, "source")}: each page shows a text with every record highlighted at its words.</p>
</header>
<main class="index">
<ul class="sources">
${items.join("\n")}
</ul>
</main>
</body>
</html>
`;
}

/** The document's head: the page allows its own style and, when it has one, its own script; nothing else. */
function head(title: string, script?: string): string {
  const scriptSource = script === undefined ? "" : `; script-src '${sha256Source(script)}'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${sha256Source(PAGE_STYLE)}'${scriptSource}">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>`;
}

/** "Serghei Golunov · Kyushu University · PONARS Eurasia Policy Memo No. 428 · 2016-05" */
function byline(source: Source): string {
  const series = [source.series, source.number && `No. ${source.number}`].filter(Boolean).join(" ");
  const credits = [source.author, source.affiliation, series]
    .filter((part): part is string => Boolean(part))
    .map(escapeHtml);
  const published = `<time datetime="${escapeHtml(source.published)}">${escapeHtml(source.published)}</time>`;
  return [...credits, published].join(" · ");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON that cannot end its <script> element early, and that older parsers read as JavaScript too. */
function jsonForScript(data: object): string {
  return JSON.stringify(data).replace(/[<\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A CSP hash source for an inline element's content: the page allows its own style and script, nothing else. */
function sha256Source(content: string): string {
  return `sha256-${createHash("sha256").update(content).digest("base64")}`;
}
