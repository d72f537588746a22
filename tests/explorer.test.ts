/** The provenance explorer: the page as built, then the page at work in headless Chromium. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explorerFiles, type ExplorerInput } from "../pipeline/render/explorer.ts";
import type { Event, Figure, Indicator, Source } from "../schemas/index.ts";
import { findChromium } from "./helpers/browser.ts";
import { MEMO_DIR, ROOT } from "./helpers/cli.ts";

function published<T>(table: string): T[] {
  return JSON.parse(readFileSync(join(ROOT, "dist", "data", `${table}.json`), "utf8")) as T[];
}

const memo: ExplorerInput = {
  raw: readFileSync(join(MEMO_DIR, "memo.txt"), "utf8"),
  source: published<Source>("sources")[0]!,
  figures: published<Figure>("figures"),
  events: published<Event>("events"),
  indicators: published<Indicator>("indicators"),
};

function pageOf(input: ExplorerInput): string {
  return explorerFiles(input).get("explorer/index.html")!;
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

const SOURCE: Source = { ...memo.source, id: "fixture", license_note: "Made up </script> for a test." };

function figure(id: string, quote: string, rawText: string): Figure {
  return {
    id, source_id: "fixture", measure: "investment", subject: "RUS", counterpart: null, period_start: null, period_end: null, period_first_day: null, period_last_day: null,
    value: 5, unit: "USD", qualifier: "exact", claim_type: "reported", quote, ...offsetsOf(rawText), note: "</script><!-- \u2028 \u2029",
  };
}

function event(id: string, quote: string, rawText: string): Event {
  return {
    id, source_id: "fixture", date_start: "2015", date_end: "2015", date_first_day: "2015-01-01", date_last_day: "2015-12-31", date_precision: "year", date_basis: "explicit",
    event_type: "trade", plover: null, actors: ["RUS"], title: `Title of ${id}`, quote, ...offsetsOf(rawText), note: null,
  };
}

const FIXTURE: ExplorerInput = {
  raw: RAW,
  source: SOURCE,
  figures: [figure("cost", "cost $5", "cost \\$5")],
  events: [
    event("said", "said the report in 2015", "said [the report](https://example.org) in 2015"),
    event("report", "the report", "[the report](https://example.org)"),
  ],
  indicators: [],
};

describe("explorerFiles", () => {
  it("writes one page, byte for byte the same on every call", () => {
    const files = explorerFiles(memo);
    expect([...files.keys()]).toEqual(["explorer/index.html"]);
    expect(pageOf(memo)).toBe(files.get("explorer/index.html"));
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

  it("escapes the text, and keeps the embedded data inside its script element", () => {
    const html = pageOf(FIXTURE);
    expect(html).toContain("&lt;b&gt;&amp;amp;&lt;/b&gt;");
    expect(html).toContain("Made up &lt;/script&gt; for a test.");
    const json = /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json).records.cost.note).toBe("</script><!-- \u2028 \u2029");
  });

  it("refuses a record whose offsets do not hold its quote", () => {
    const shifted = { ...FIXTURE.figures[0]!, char_start: 1 };
    expect(() => explorerFiles({ ...FIXTURE, figures: [shifted] })).toThrow(/cost: raw span \[1, /);
  });
});

// ---- the page in a browser ----------------------------------------------------------------------------------

const chromium = await findChromium();
const missing = "missing" in chromium ? chromium.missing : null;

describe.skipIf(missing !== null && !process.env.CI)("the explorer in headless Chromium", () => {
  let browser: Browser | undefined;
  let page: Page;
  /** Console errors, uncaught exceptions and requests for anything but the page itself. */
  const problems: string[] = [];

  beforeAll(async () => {
    if ("missing" in chromium) throw new Error(`CI must run the browser test, but ${chromium.missing}`);
    const file = join(mkdtempSync(join(tmpdir(), "rdd-explorer-")), "index.html");
    writeFileSync(file, pageOf(memo));
    browser = await chromium.launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
    await browser?.close();
  });

  /** The ids of the highlights marked active, their words joined, and how many looks they have (one is right). */
  async function activeMarks() {
    return page.$$eval("mark.active", (marks) => ({
      ids: marks.map((mark) => (mark as HTMLElement).dataset.ids!),
      text: marks.map((mark) => mark.textContent).join(""),
      looks: new Set(marks.map((mark) => getComputedStyle(mark).backgroundColor)).size,
    }));
  }

  it("highlights every figure and every event", async () => {
    const ids = await page.$$eval("mark[data-ids]", (marks) => marks.flatMap((mark) => (mark as HTMLElement).dataset.ids!.split(" ")));
    const highlighted = new Set(ids);
    const unmarked = [...memo.figures, ...memo.events].map((record) => record.id).filter((id) => !highlighted.has(id));
    expect(unmarked).toEqual([]);
    expect(await page.locator("mark.has-figure").count()).toBeGreaterThan(0);
    expect(await page.locator("mark.has-event").count()).toBeGreaterThan(0);
  });

  it("selecting a figure's row with a click marks all its quote, and only it, and focuses its first words", async () => {
    for (const figure of memo.figures) {
      await page.locator(`#figures-table tr[data-id="${figure.id}"]`).click();
      const active = await activeMarks();
      expect(active.text, figure.id).toBe(figure.quote);
      expect(active.ids.every((ids) => ids.split(" ").includes(figure.id)), figure.id).toBe(true);
      expect(active.looks, figure.id).toBe(1);
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const { top, bottom } = element.getBoundingClientRect();
        return { ids: element.dataset.ids ?? "", text: element.textContent, inView: top >= 0 && bottom <= window.innerHeight };
      });
      expect(focused.ids.split(" "), figure.id).toContain(figure.id);
      expect(figure.quote).toContain(focused.text);
      expect(focused.inView, figure.id).toBe(true);
    }
  });

  it("selecting an event's row with Enter marks all its quote", async () => {
    for (const event of memo.events) {
      await page.locator(`#events-table tr[data-id="${event.id}"]`).focus();
      await page.keyboard.press("Enter");
      expect((await activeMarks()).text, event.id).toBe(event.quote);
    }
  });

  it("selecting an indicator's row marks its input figures", async () => {
    const indicator = memo.indicators.find((i) => i.id === "infrastructure-investment-rus-prk-2008-2014")!;
    await page.locator(`#indicators-table tr[data-id="${indicator.id}"]`).press("Space");
    const active = await activeMarks();
    const quotes = indicator.inputs.map((id) => memo.figures.find((f) => f.id === id)!.quote);
    for (const quote of quotes) expect(active.text).toContain(quote);
    expect(active.ids.every((ids) => indicator.inputs.some((id) => ids.split(" ").includes(id)))).toBe(true);
  });

  it("reaches a highlight with Tab and shows its records in the tooltip", async () => {
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
    const cards = await tip.locator(".card").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id));
    expect(cards).toEqual(focusedIds!.split(" "));
    const first = memo.figures.find((f) => f.id === cards[0]) ?? memo.events.find((e) => e.id === cards[0])!;
    expect(await tip.textContent()).toContain("value" in first ? first.claim_type : first.title);
  });

  it("shows the records of a highlight under the pointer", async () => {
    const mark = page.locator('mark[data-ids~="trade-turnover-chn-prk-2013"]').first();
    await mark.hover();
    const tip = page.locator("#tip");
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("trade-turnover-chn-prk-2013");
    await page.keyboard.press("Escape");
    expect(await tip.isVisible()).toBe(false);
  });

  it("sorts a table by a column, ascending then descending, by click or keyboard", async () => {
    const header = page.locator("#figures-table th", { hasText: "Value" });
    const values = () => page.$$eval("#figures-table tbody tr td:nth-child(3)", (cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.sort)));
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.locator("button").press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await values()).toEqual([...ascending].reverse());
    expect(await page.locator("#figures-table th[aria-sort]").count()).toBe(1);
  });

  it("filters a table's rows to those holding every word typed", async () => {
    const filter = page.getByLabel("Filter figures");
    await filter.fill("turnover  Approximate");
    const shown = await page.locator("#figures-table tbody tr:visible").evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));
    const expected = memo.figures.filter((f) => f.measure === "trade_turnover" && f.qualifier === "approximate").map((f) => f.id);
    expect(shown.sort()).toEqual(expected.sort());
    expect(await page.locator("#figures-status").textContent()).toBe(`${expected.length} of ${memo.figures.length}`);
    await filter.fill("");
    expect(await page.locator("#figures-table tbody tr:visible").count()).toBe(memo.figures.length);
  });

  it("logs no error and asks the network for nothing; screenshot in .tmp/explorer.png", async () => {
    await page.locator('#figures-table tr[data-id="debt-write-off-share-rus-prk-2012"]').click();
    mkdirSync(join(ROOT, ".tmp"), { recursive: true });
    await page.screenshot({ path: join(ROOT, ".tmp", "explorer.png") });
    expect(problems).toEqual([]);
  });
});
