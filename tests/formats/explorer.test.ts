/**
 * The provenance explorer: the pages as built, then a source's page at work in headless Chromium, on a desktop and a
 * phone.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assemble } from "../../pipeline/build.ts";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import { explorerFiles, type ExplorerInput, type PlacedText } from "../../pipeline/formats/explorer/page.ts";
import type { Event, Figure, Indicator, Source } from "../../schemas/index.ts";
import { browserTestsRun, findChromium } from "../helpers/browser.ts";
import { ROOT } from "../helpers/cli.ts";
import { PDF_MARKDOWN } from "../helpers/text-formats.ts";

function published<T>(table: string): T[] {
  return JSON.parse(readFileSync(join(ROOT, "dist", "data", `${table}.json`), "utf8")) as T[];
}

const config = await loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));

/** A source's text and its own records. */
interface SourceRecords extends PlacedText {
  figures: Figure[];
  events: Event[];
  indicators: Indicator[];
}

const memoText = (await assemble(join(ROOT, "sources"))).texts.find((text) => text.source.id === "ponars-pm-428")!;
const memoFigures = published<Figure>("figures").filter((f) => f.source_id === "ponars-pm-428");
const memo = {
  normalized: memoText.normalized,
  spans: memoText.spans,
  source: published<Source>("sources").find((s) => s.id === "ponars-pm-428")!,
  figures: memoFigures,
  events: published<Event>("events").filter((e) => e.source_id === "ponars-pm-428"),
  indicators: published<Indicator>("indicators").filter((i) =>
    i.inputs.some((id) => memoFigures.some((f) => f.id === id)),
  ),
} satisfies SourceRecords;

/** The explorer's input for these sources: their texts, and all their records together, as the build hands them. */
function inputOf(...sources: SourceRecords[]): ExplorerInput {
  return {
    config,
    texts: sources,
    figures: sources.flatMap((source) => source.figures),
    events: sources.flatMap((source) => source.events),
    indicators: sources.flatMap((source) => source.indicators),
  };
}

/** A source's records placed on its normalized text the way resolve places them: each quote where it stands. */
function placed(raw: string, records: Omit<SourceRecords, "normalized" | "spans">): SourceRecords {
  const normalized = normalize(raw, PDF_MARKDOWN);
  const spans = new Map(
    [...records.figures, ...records.events].map((record) => {
      const start = normalized.text.indexOf(record.quote);
      return [record.id, { start, end: start + record.quote.length }] as const;
    }),
  );
  return { ...records, normalized, spans };
}

const MEMO_PAGE = `explorer/${memo.source.id}.html`;

function pageOf(records: SourceRecords, input: Partial<ExplorerInput> = {}): string {
  return explorerFiles({ ...inputOf(records), ...input }).get(`explorer/${records.source.id}.html`)!;
}

// ---- the HTML, without a browser ----------------------------------------------------------------------------

/** A small text with what offsets must survive: an astral character, an escape, a link, markup-like text. */
const RAW = "A 😀 start.\n\nIt cost \\$5 <b>&amp;</b>, said [the report](https://example.org) in 2015.\n";

/** The code point offsets of `text` in RAW, as the published data counts them. */
function offsetsOf(text: string): { char_start: number; char_end: number } {
  const at = RAW.indexOf(text);
  if (at < 0) throw new Error(`fixture: "${text}" is not in RAW`);
  const char_start = [...RAW.slice(0, at)].length;
  return { char_start, char_end: char_start + [...text].length };
}

const SOURCE: Source = {
  ...memo.source,
  id: "fixture",
  title: "A <fixture>",
  license_note: "Made up </script> for a test.",
};

function figure(id: string, quote: string, rawText: string): Figure {
  return {
    id,
    source_id: "fixture",
    measure: "investment",
    subject: "RUS",
    counterpart: null,
    period_start: null,
    period_end: null,
    period_first_day: null,
    period_last_day: null,
    value: 5,
    unit: "USD",
    qualifier: "exact",
    claim_type: "reported",
    quote,
    ...offsetsOf(rawText),
    note: "</script><!-- \u2028 \u2029",
  };
}

function event(id: string, quote: string, rawText: string): Event {
  return {
    id,
    source_id: "fixture",
    date_start: "2015",
    date_end: "2015",
    date_first_day: "2015-01-01",
    date_last_day: "2015-12-31",
    date_precision: "year",
    date_basis: "explicit",
    event_type: "trade",
    plover: null,
    actors: ["RUS", "PRK"],
    title: `Title of ${id}`,
    quote,
    ...offsetsOf(rawText),
    note: null,
  };
}

const FIXTURE: SourceRecords = placed(RAW, {
  source: SOURCE,
  figures: [figure("cost", "cost $5", "cost \\$5")],
  events: [
    event("said", "said the report in 2015", "said [the report](https://example.org) in 2015"),
    event("report", "the report", "[the report](https://example.org)"),
  ],
  indicators: [],
});

describe("explorerFiles", () => {
  it("writes a page per source and an index of them, byte for byte the same on every call", () => {
    const files = explorerFiles(inputOf(memo, FIXTURE));
    expect([...files.keys()]).toEqual([MEMO_PAGE, "explorer/fixture.html", "explorer/index.html"]);
    expect(explorerFiles(inputOf(memo, FIXTURE))).toEqual(files);
  });

  it("lists every source in the index: title, author, date, record counts and a link to its page", () => {
    const index = explorerFiles(inputOf(memo, FIXTURE)).get("explorer/index.html")!;
    const items = [...index.matchAll(/<li class="source" data-id="([^"]+)">(.*?)<\/li>/gs)];
    expect(items.map((m) => m[1])).toEqual([memo.source.id, "fixture"]);
    const [memoItem = "", fixtureItem = ""] = items.map((m) => m[2]!);
    const decoded = memoItem.replaceAll("&quot;", '"').replaceAll("&#39;", "'");
    expect(decoded).toContain(`<a href="${memo.source.id}.html">${memo.source.title}</a>`);
    expect(memoItem).toContain(memo.source.author);
    expect(memoItem).toContain(`<time datetime="${memo.source.published}">`);
    expect(memoItem).toContain(
      `${memo.figures.length} figures, ${memo.events.length} events, ${memo.indicators.length} indicators`,
    );
    expect(fixtureItem).toContain('<a href="fixture.html">A &lt;fixture&gt;</a>');
    // What a source has none of is not counted.
    expect(fixtureItem).toContain('<p class="counts">1 figure, 2 events</p>');
    // What its records are about, by name.
    expect(fixtureItem).toContain("<dt>Years</dt><dd>2015</dd>");
    expect(fixtureItem).toContain(`<dt>Measures</dt><dd>${config.measures.investment!.name}</dd>`);
    expect(fixtureItem).toContain("<dt>Actors</dt><dd>Russia, North Korea</dd>");
  });

  it("shows on each page its own source's records and the indicators computed from them, whatever it is handed", () => {
    const files = explorerFiles(inputOf(memo, FIXTURE));
    const rows = (page: string) => [...files.get(page)!.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(rows("explorer/fixture.html")).toEqual(["cost", "said", "report"]);
    expect(rows(MEMO_PAGE)).toEqual([...memo.figures, ...memo.events, ...memo.indicators].map((record) => record.id));
    // An indicator of the fixture's figure is the fixture's, not the memo's.
    const indicator = { ...memo.indicators[0]!, id: "cost-share", inputs: ["cost"] };
    const input = inputOf(memo, { ...FIXTURE, indicators: [indicator] });
    expect(explorerFiles(input).get("explorer/fixture.html")).toContain('<tr data-id="cost-share"');
    expect(explorerFiles(input).get(MEMO_PAGE)).not.toContain("cost-share");
  });

  it("names measures and event types as the configuration does, in the lists, the cards and the index", () => {
    const measures = { ...config.measures, investment: { ...config.measures.investment!, name: "Outlay (test)" } };
    const event_types = { ...config.event_types, trade: { ...config.event_types.trade!, name: "Commerce (test)" } };
    const named = { ...config, measures, event_types };
    const html = pageOf(FIXTURE, { config: named });
    expect(html).toContain('<td data-label="Measure">Outlay (test)</td>');
    expect(html).toContain('<td data-label="Type">Commerce (test)</td>');
    const records = JSON.parse(
      /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(html)![1]!,
    ).records;
    expect(records.cost.fields).toContainEqual(["Measure", `Outlay (test): ${measures.investment.description}`]);
    expect(records.said.fields).toContainEqual(["Type", `Commerce (test): ${event_types.trade.description}`]);
    const index = explorerFiles({ ...inputOf(FIXTURE), config: named }).get("explorer/index.html")!;
    expect(index).toContain("<dt>Measures</dt><dd>Outlay (test)</dd>");
  });

  it("leaves out a list with no records, and its place in the jumps; jumps to each heading of the text", () => {
    const html = pageOf(FIXTURE);
    expect(html).not.toMatch(/indicators-heading|Indicators/);
    expect(html).toContain('<a href="#figures-heading">Figures (1)</a>');
    expect(html).toContain('<a href="#events-heading">Events (2)</a>');
    const memoPage = pageOf(memo);
    const jumps = [
      .../<nav class="jumps"[^>]*>(.*?)<\/nav>/s.exec(memoPage)![1]!.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g),
    ];
    expect(jumps.map((m) => m[2])).toEqual([
      "Text",
      "The Hot and Cold History of Russian-North Korean Relations",
      "Recent Moscow-Pyongyang &quot;Politics&quot;",
      "Recent Moscow-Pyongyang “Economics”",
      "Conclusion",
      `Figures (${memo.figures.length})`,
      `Events (${memo.events.length})`,
      `Indicators (${memo.indicators.length})`,
    ]);
    for (const [, href] of jumps) expect(memoPage).toContain(`id="${href!.slice(1)}"`);
  });

  it("says tap to a finger and hover to a pointer", () => {
    const html = pageOf(FIXTURE);
    const touch = [...html.matchAll(/<span class="touch">([^<]*)<\/span>/g)].map((m) => m[1]!);
    expect(touch.length).toBe(2);
    for (const words of touch) {
      expect(words).toMatch(/Tap/);
      expect(words).not.toMatch(/hover|click/i);
    }
  });

  it("names terms and their meaning in the cards, not only their codes", () => {
    const records = JSON.parse(
      /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(pageOf(memo))![1]!,
    ).records;
    const { trade_turnover } = config.measures;
    expect(records["trade-turnover-rus-prk-1988"].fields).toContainEqual([
      "Measure",
      `${trade_turnover!.name}: ${trade_turnover!.description}`,
    ]);
    const vote = records["rus-votes-against-prk-human-rights-resolution-2014"].fields;
    expect(vote).toContainEqual([
      "Type",
      `${config.event_types.un_vote!.name}: ${config.event_types.un_vote!.description}`,
    ]);
    expect(vote).toContainEqual(["PLOVER", "REJECT (verbal conflict)"]);
    expect(records["rus-annexes-crimea-2014-03"].fields).toContainEqual(["Basis", "no later than"]);
  });

  it("marks each record's words after astral characters, escapes and links, nested spans cut into segments", () => {
    const html = pageOf(FIXTURE);
    expect(html).toContain('<mark class="has-figure" data-ids="cost" tabindex="0">cost $5</mark>');
    expect(html).toContain(
      '<mark class="has-event" data-ids="said" tabindex="0">said </mark>' +
        '<mark class="has-event overlap" data-ids="said report" tabindex="0">the report</mark>' +
        '<mark class="has-event" data-ids="said" tabindex="0"> in 2015</mark>',
    );
  });

  it("formats values by their unit's definition in the configuration, and shows actors by name", () => {
    const units = {
      ...config.units,
      USD: { name: "euros, for the test", currency: "EUR", suffix: " in all", accepts: [] },
    };
    const actors = { ...config.actors, RUS: { name: "Ruritania" } };
    const html = pageOf(FIXTURE, { config: { ...config, units, actors } });
    expect(html).toContain('<td data-label="Value" data-sort="5">€5 in all</td>');
    expect(html).toContain('<td data-label="Actors">Ruritania, North Korea</td>');
    const records = JSON.parse(
      /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(html)![1]!,
    ).records;
    expect(records.cost.fields).toContainEqual(["Parties", "Ruritania"]);
    expect(records.cost.fields).toContainEqual(["Unit", "euros, for the test"]);
    const prefixed = { ...config.units, USD: { name: "points", prefix: "≈", suffix: " pts", accepts: [] } };
    expect(pageOf(FIXTURE, { config: { ...config, units: prefixed } })).toContain(">≈5 pts</td>");
  });

  it("escapes the text, and keeps the embedded data inside its script element", () => {
    const html = pageOf(FIXTURE);
    expect(html).toContain("&lt;b&gt;&amp;amp;&lt;/b&gt;");
    expect(html).toContain("Made up &lt;/script&gt; for a test.");
    const json = /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json).records.cost.note).toBe("</script><!-- \u2028 \u2029");
  });

  it("refuses a record whose span does not hold its quote", () => {
    const spans = new Map(FIXTURE.spans);
    const { start, end } = spans.get("cost")!;
    spans.set("cost", { start: start + 1, end: end + 1 });
    expect(() => pageOf({ ...FIXTURE, spans })).toThrow(/cost: its span does not hold its quote/);
  });
});

// ---- the page in a browser ----------------------------------------------------------------------------------

const SUITE = "the explorer in headless Chromium";
const chromium = await findChromium();
const runs = browserTestsRun(chromium, SUITE);

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

/** One browser for both viewports, each on a page of its own. */
let browser: Promise<Browser> | undefined;
afterAll(async () => {
  await (await browser)?.close();
});

describe.skipIf(!runs).each(VIEWPORTS)(`${SUITE}, $name ($viewport.width px)`, ({ name, viewport, touch }) => {
  let page: Page;
  /** Console errors, uncaught exceptions and requests for anything but the page itself. */
  const problems: string[] = [];

  beforeAll(async () => {
    if ("missing" in chromium) throw new Error(chromium.missing);
    const dir = mkdtempSync(join(tmpdir(), "rdd-explorer-"));
    const file = join(dir, `${memo.source.id}.html`);
    writeFileSync(file, pageOf(memo));
    browser ??= chromium.launch();
    page = await (await browser).newPage({ viewport, hasTouch: touch, isMobile: touch });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (request.url() !== pathToFileURL(file).href) problems.push(`request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await page?.close();
  });

  /** A click on a desktop, a tap on a phone. */
  const press = (locator: ReturnType<Page["locator"]>) => (touch ? locator.tap() : locator.click());

  /** The ids of the highlights marked active, their words joined, and how many looks they have (one is right). */
  async function activeMarks() {
    return page.$$eval("mark.active", (marks) => ({
      ids: marks.map((mark) => (mark as HTMLElement).dataset.ids!),
      text: marks.map((mark) => mark.textContent).join(""),
      looks: new Set(marks.map((mark) => getComputedStyle(mark).backgroundColor)).size,
    }));
  }

  /** The active highlights and the focused element at once: one round trip to the page instead of two. */
  function selection() {
    return page.evaluate(() => {
      const marks = [...document.querySelectorAll("mark.active")] as HTMLElement[];
      const element = document.activeElement as HTMLElement;
      const { top, bottom } = element.getBoundingClientRect();
      return {
        active: {
          ids: marks.map((mark) => mark.dataset.ids!),
          text: marks.map((mark) => mark.textContent).join(""),
          looks: new Set(marks.map((mark) => getComputedStyle(mark).backgroundColor)).size,
        },
        focused: {
          ids: element.dataset.ids ?? element.dataset.id ?? "",
          text: element.textContent,
          inView: top >= 0 && bottom <= window.innerHeight,
        },
        selected: ([...document.querySelectorAll("tr.selected")] as HTMLElement[]).map((row) => row.dataset.id),
      };
    });
  }

  /** The focused element's record ids and whether it is wholly in the viewport. */
  function focused() {
    return page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const { top, bottom } = element.getBoundingClientRect();
      return {
        ids: element.dataset.ids ?? element.dataset.id ?? "",
        text: element.textContent,
        inView: top >= 0 && bottom <= window.innerHeight,
      };
    });
  }

  it("highlights every figure and every event", async () => {
    const ids = await page.$$eval("mark[data-ids]", (marks) =>
      marks.flatMap((mark) => (mark as HTMLElement).dataset.ids!.split(" ")),
    );
    const highlighted = new Set(ids);
    const unmarked = [...memo.figures, ...memo.events].map((record) => record.id).filter((id) => !highlighted.has(id));
    expect(unmarked).toEqual([]);
  });

  it("shows every field of every record inside the screen's width, with nothing to scroll sideways", async () => {
    const layout = await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>("tbody td")];
      const outside = cells.filter(
        (cell) =>
          cell.getBoundingClientRect().right > window.innerWidth + 0.5 || cell.getBoundingClientRect().width === 0,
      );
      return {
        pageWidth: document.documentElement.scrollWidth,
        outside: outside.map((cell) => `${cell.closest("tr")!.dataset.id}: ${cell.dataset.label}`),
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(viewport.width);
    expect(layout.outside).toEqual([]);
  });

  it.runIf(name === "phone")("shows each record as a card of labelled lines", async () => {
    const row = page.locator(`#figures-table tr[data-id="trade-projection-rus-prk-2020"]`);
    const lines = await row
      .locator("td")
      .evaluateAll((cells) => cells.map((cell) => `${getComputedStyle(cell, "::before").content} ${cell.textContent}`));
    expect(lines).toContain('"Claim" projection');
    expect(lines).toContain('"Qualifier" at most');
    expect(lines).toContain('"Period" 2020');
  });

  it("selecting a figure's record marks all its quote, and only it, and focuses its first words in view", async () => {
    for (const figure of memo.figures) {
      await press(page.locator(`#figures-table tr[data-id="${figure.id}"]`));
      const { active, focused: words } = await selection();
      expect(active.text, figure.id).toBe(figure.quote);
      expect(
        active.ids.every((ids) => ids.split(" ").includes(figure.id)),
        figure.id,
      ).toBe(true);
      expect(active.looks, figure.id).toBe(1);
      expect(words.ids.split(" "), figure.id).toContain(figure.id);
      expect(figure.quote).toContain(words.text);
      expect(words.inView, figure.id).toBe(true);
    }
  });

  it("selecting a highlight selects its records in the lists and brings the first into view, focused", async () => {
    for (const record of [...memo.figures, ...memo.events]) {
      const mark = page.locator(`mark[data-ids="${record.id}"]`).first();
      if ((await mark.count()) === 0) continue; // words shared with another record: covered below
      await press(mark);
      const { selected, focused: row, active } = await selection();
      expect(selected, record.id).toEqual([record.id]);
      expect(row.ids, record.id).toBe(record.id);
      expect(row.inView, record.id).toBe(true);
      expect(active.text, record.id).toBe(record.quote);
    }
    const shared = page.locator("mark.overlap").first();
    const ids = (await shared.getAttribute("data-ids"))!.split(" ");
    await press(shared);
    expect(
      (await page.$$eval("tr.selected", (rows) => rows.map((row) => (row as HTMLElement).dataset.id))).sort(),
    ).toEqual([...ids].sort());
    // A record a filter hides is shown again.
    const figure = memo.figures[0]!;
    await page.getByLabel("Filter figures").fill("no record holds these words");
    await press(page.locator(`mark[data-ids~="${figure.id}"]`).first());
    expect(await page.locator(`#figures-table tr[data-id="${figure.id}"]`).isVisible()).toBe(true);
    expect((await focused()).ids).toBe(figure.id);
  });

  it("selecting an event's record with Enter marks all its quote", async () => {
    for (const event of memo.events) {
      await page.locator(`#events-table tr[data-id="${event.id}"]`).focus();
      await page.keyboard.press("Enter");
      expect((await activeMarks()).text, event.id).toBe(event.quote);
    }
  });

  it("selecting an indicator's record marks its input figures", async () => {
    const indicator = memo.indicators.find((i) => i.id === "infrastructure-investment-rus-prk-2008-2014")!;
    await page.locator(`#indicators-table tr[data-id="${indicator.id}"]`).press("Space");
    const active = await activeMarks();
    const quotes = indicator.inputs.map((id) => memo.figures.find((f) => f.id === id)!.quote);
    for (const quote of quotes) expect(active.text).toContain(quote);
    expect(active.ids.every((ids) => indicator.inputs.some((id) => ids.split(" ").includes(id)))).toBe(true);
  });

  it.runIf(name === "desktop")(
    "reaches a highlight with Tab, shows its records in the tooltip, and selects them with Enter",
    async () => {
      const tip = page.locator("#tip");
      await page.locator("#memo-heading").click(); // where Tab starts from
      expect(await tip.isVisible()).toBe(false);
      let focusedIds: string | undefined;
      for (let tab = 0; tab < 5 && !focusedIds; tab++) {
        await page.keyboard.press("Tab");
        focusedIds = await page.evaluate(() => (document.activeElement as HTMLElement).closest("mark")?.dataset.ids);
      }
      expect(focusedIds).toBeDefined();
      expect(await tip.isVisible()).toBe(true);
      expect(await page.locator("mark:focus").getAttribute("aria-describedby")).toBe("tip");
      const cards = await tip
        .locator(".card")
        .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id));
      expect(cards).toEqual(focusedIds!.split(" "));
      const first = memo.figures.find((f) => f.id === cards[0]) ?? memo.events.find((e) => e.id === cards[0])!;
      expect(await tip.textContent()).toContain("value" in first ? first.claim_type : first.title);
      await page.keyboard.press("Enter");
      expect(await page.$$eval("tr.selected", (rows) => rows.map((row) => (row as HTMLElement).dataset.id))).toEqual(
        focusedIds!.split(" "),
      );
    },
  );

  it.runIf(name === "desktop")("shows the records of a highlight under the pointer, with actors by name", async () => {
    const mark = page.locator('mark[data-ids~="trade-turnover-chn-prk-2013"]').first();
    await mark.hover();
    const tip = page.locator("#tip");
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("trade-turnover-chn-prk-2013");
    expect(await tip.textContent()).toContain("China → North Korea");
    await page.keyboard.press("Escape");
    expect(await tip.isVisible()).toBe(false);
  });

  it("sorts a list by a column, ascending then descending, by click or keyboard", async () => {
    const header = page.locator("#figures-table th", { hasText: "Value" });
    const values = () =>
      page.$$eval("#figures-table tbody tr td:nth-child(3)", (cells) =>
        cells.map((cell) => Number((cell as HTMLElement).dataset.sort)),
      );
    await press(header.locator("button"));
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.locator("button").press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await values()).toEqual([...ascending].reverse());
    expect(await page.locator("#figures-table th[aria-sort]").count()).toBe(1);
  });

  it("filters a list to the records holding every word typed", async () => {
    const filter = page.getByLabel("Filter figures");
    await filter.fill("turnover  Approximate");
    const shown = await page
      .locator("#figures-table tbody tr:visible")
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));
    const expected = memo.figures
      .filter((f) => f.measure === "trade_turnover" && f.qualifier === "approximate")
      .map((f) => f.id);
    expect(shown.sort()).toEqual(expected.sort());
    expect(await page.locator("#figures-status").textContent()).toBe(`${expected.length} of ${memo.figures.length}`);
    await filter.fill("");
    expect(await page.locator("#figures-table tbody tr:visible").count()).toBe(memo.figures.length);
  });

  it(
    `logs no error and asks the network for nothing; screenshot in ` + `${join(tmpdir(), `explorer-${name}.png`)}`,
    async () => {
      await press(page.locator('mark[data-ids~="debt-write-off-share-rus-prk-2012"]').first());
      await page.screenshot({ path: join(tmpdir(), `explorer-${name}.png`) });
      expect(problems).toEqual([]);
    },
  );
});
