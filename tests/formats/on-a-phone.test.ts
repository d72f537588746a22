/**
 * What a reader sees in headless Chromium: the charts legible on a 390-px phone, the explorer's text and lists
 * reachable from anywhere on a phone without scrolling the page through, its words for a finger there and for a
 * pointer on a desktop, and its index using a desktop's width.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assemble } from "../../pipeline/build.ts";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { explorerFiles, type SourceRecords } from "../../pipeline/formats/explorer/page.ts";
import type { Event, Figure, Indicator, Source } from "../../schemas/index.ts";
import { browserTestsRun, findChromium } from "../helpers/browser.ts";
import { ROOT } from "../helpers/cli.ts";

const SUITE = "charts and explorer in headless Chromium";
const chromium = await findChromium();
const runs = browserTestsRun(chromium, SUITE);

const published = <T>(table: string): T[] =>
  JSON.parse(readFileSync(join(ROOT, "dist", "data", `${table}.json`), "utf8")) as T[];
const config = await loadDatasetConfig(join(ROOT, "sources", "dataset.yaml"));

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
/** The smallest text a phone may show, in CSS pixels of its box's height (about 9.5-px type). */
const MIN_TEXT_HEIGHT = 10;

let browser: Browser | undefined;
const dir = mkdtempSync(join(tmpdir(), "rdd-phone-"));

async function open(html: string, name: string, options: typeof PHONE | typeof DESKTOP): Promise<Page> {
  const file = join(dir, name);
  writeFileSync(file, html);
  browser ??= await (chromium as { launch: () => Promise<Browser> }).launch();
  const page = await browser.newPage(options);
  await page.goto(pathToFileURL(file).href);
  return page;
}

beforeAll(() => {
  if (runs && "missing" in chromium) throw new Error(chromium.missing);
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!runs)(SUITE, () => {
  it("shows every chart's text at least 10 px tall on a 390-px phone, nothing wider than the screen", async () => {
    // The charts as published by the build.
    const charts = config.charts.map((chart) => [
      chart.file,
      readFileSync(join(ROOT, "dist", "charts", chart.file), "utf8"),
    ]);
    for (const [path, svg] of charts) {
      // As a page shows an image: its width, less the page's margins, and its own proportions.
      const page = await open(
        `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:16px">${svg}</body>`,
        "chart.html",
        PHONE,
      );
      const { smallest, pageWidth } = await page.evaluate(() => {
        const chart = document.querySelector("svg")!;
        chart.style.width = "100%";
        chart.style.height = "auto";
        const heights = [...chart.querySelectorAll("text")]
          .filter((text) => text.textContent!.trim() !== "")
          .map((text) => ({
            text: text.textContent!,
            // A text of several lines is that many lines tall.
            height: text.getBoundingClientRect().height / Math.max(1, text.querySelectorAll("tspan").length),
          }));
        heights.sort((a, b) => a.height - b.height);
        return { smallest: heights[0]!, pageWidth: document.documentElement.scrollWidth };
      });
      expect(smallest.height, `${path}: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_HEIGHT);
      expect(pageWidth, path).toBeLessThanOrEqual(PHONE.viewport.width);
      await page.close();
    }
  });

  describe("the explorer", async () => {
    const memo = (await assemble(join(ROOT, "sources"))).texts.find((t) => t.source.id === "ponars-pm-428")!;
    const records: SourceRecords = {
      source: published<Source>("sources").find((s) => s.id === "ponars-pm-428")!,
      normalized: memo.normalized,
      spans: memo.spans,
      figures: published<Figure>("figures"),
      events: published<Event>("events"),
      indicators: published<Indicator>("indicators"),
    };

    it("on a phone: the text's parts and the lists are a tap away from anywhere on the page", async () => {
      const files = explorerFiles({ config, sources: [records] });
      const page = await open(files.get("explorer/ponars-pm-428.html")!, "memo.html", PHONE);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeGreaterThan(5 * PHONE.viewport.height);
      const inView = (selector: string) =>
        page.locator(selector).evaluate((element) => {
          const { top, bottom } = element.getBoundingClientRect();
          return top >= 0 && bottom <= window.innerHeight;
        });
      for (const [jump, target] of [
        ["Events", "#events-heading"],
        ["Conclusion", "#part-4"],
        ["Text", "#memo-heading"],
        ["Indicators", "#indicators-heading"],
      ] as const) {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const link = page.locator(".jumps a", { hasText: jump });
        // At the foot of the page the jumps still stand at the top of the screen.
        expect(await link.isVisible(), jump).toBe(true);
        await link.tap();
        await page.waitForFunction((selector) => {
          const { top } = document.querySelector(selector)!.getBoundingClientRect();
          return top >= 0 && top < window.innerHeight / 2;
        }, target);
        expect(await inView(target), jump).toBe(true);
        // Not hidden under the jumps.
        const [headingTop, barBottom] = await page.evaluate(
          (selector) => [
            document.querySelector(selector)!.getBoundingClientRect().top,
            document.querySelector(".jumps")!.getBoundingClientRect().bottom,
          ],
          target,
        );
        expect(headingTop, jump).toBeGreaterThanOrEqual(barBottom - 1);
      }
      // The words it shows are for a finger.
      const hints = await page.locator(".hint").allInnerTexts();
      expect(hints.join(" ")).toMatch(/^Tap /);
      expect(hints.join(" ")).not.toMatch(/hover|click/i);
      await page.close();
    });

    it("on a desktop: words for a pointer, and an index of cards that fills the width", async () => {
      const page = await open(
        explorerFiles({ config, sources: [records] }).get("explorer/ponars-pm-428.html")!,
        "memo.html",
        DESKTOP,
      );
      expect((await page.locator(".hint").allInnerTexts()).join(" ")).toMatch(/^Hover over or tab to a highlight/);
      await page.close();
      const three = ["a", "b", "c"].map((id) => ({ ...records, source: { ...records.source, id } }));
      for (const sources of [[records], three]) {
        const index = await open(explorerFiles({ config, sources }).get("explorer/index.html")!, "index.html", DESKTOP);
        const layout = await index.evaluate(() => {
          const main = document.querySelector("main")!.getBoundingClientRect();
          const cards = [...document.querySelectorAll(".source")].map((card) => card.getBoundingClientRect());
          return {
            mainWidth: main.width,
            rows: new Set(cards.map((card) => Math.round(card.top))).size,
            span: Math.max(...cards.map((card) => card.right)) - Math.min(...cards.map((card) => card.left)),
          };
        });
        // One row of cards across the page's width, however many sources fit in it.
        expect(layout.rows, `${sources.length} sources`).toBe(1);
        expect(layout.span / layout.mainWidth, `${sources.length} sources`).toBeGreaterThan(0.9);
        await index.close();
      }
    });
  });
});
