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
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { explorerFiles } from "../../pipeline/formats/explorer/page.ts";
import { browserTestsRun, findChromium } from "../helpers/browser.ts";
import { ROOT } from "../helpers/cli.ts";
import { explorerInput, pageProblems, sourcePages } from "../helpers/explorer-pages.ts";

const SUITE = "charts and explorer in headless Chromium";
const chromium = await findChromium();
const runs = browserTestsRun(chromium, SUITE);

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
    // Every source's page, each from its own source's records, as the build writes it.
    const input = await explorerInput(join(ROOT, "sources"), join(ROOT, "dist"));
    const pages = sourcePages(input);

    it("on a phone: each text's parts and lists are a tap away from anywhere on its page", async () => {
      const screens: number[] = [];
      for (const source of pages) {
        expect(pageProblems(source, input)).toEqual([]);
        const page = await open(source.html, "source.html", PHONE);
        screens.push((await page.evaluate(() => document.documentElement.scrollHeight)) / PHONE.viewport.height);
        const targets = await page
          .locator(".jumps a")
          .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
        for (const target of targets) {
          const jump = `${source.id}: ${target}`;
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          const link = page.locator(`.jumps a[href="${target}"]`);
          // At the foot of the page the jumps still stand at the top of the screen.
          expect(await link.isVisible(), jump).toBe(true);
          await link.tap();
          // What it leads to comes into view, not hidden under the jumps: near the top, or as far as the page
          // scrolls.
          await page.waitForFunction((selector) => {
            const { top, bottom } = document.querySelector(selector)!.getBoundingClientRect();
            const bar = document.querySelector(".jumps")!.getBoundingClientRect().bottom;
            const foot = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
            return top >= bar - 1 && bottom <= window.innerHeight && (top < window.innerHeight / 2 || foot);
          }, target);
        }
        // The words it shows are for a finger.
        const hints = await page.locator(".hint").allInnerTexts();
        expect(hints.join(" "), source.id).toMatch(/^Tap /);
        expect(hints.join(" "), source.id).not.toMatch(/hover|click/i);
        await page.close();
      }
      // The jumps were seen at the foot of a page more than two screens long.
      expect(Math.max(...screens)).toBeGreaterThan(2);
    });

    it("on a desktop: words for a pointer, and an index of cards that fills the width", async () => {
      for (const source of pages) {
        const page = await open(source.html, "source.html", DESKTOP);
        const hints = (await page.locator(".hint").allInnerTexts()).join(" ");
        expect(hints, source.id).toMatch(/^Hover over or tab to a highlight/);
        await page.close();
      }
      // Three copies of the first source, each with its own records, as three sources.
      const [first] = input.texts;
      const copies = ["a", "b", "c"].map((id) => ({
        texts: [{ ...first!, source: { ...first!.source, id } }],
        figures: input.figures.filter((f) => f.source_id === first!.source.id).map((f) => ({ ...f, source_id: id })),
        events: input.events.filter((e) => e.source_id === first!.source.id).map((e) => ({ ...e, source_id: id })),
      }));
      const three = {
        ...input,
        texts: copies.flatMap((copy) => copy.texts),
        figures: copies.flatMap((copy) => copy.figures),
        events: copies.flatMap((copy) => copy.events),
      };
      for (const sources of [input, three]) {
        const index = await open(explorerFiles(sources).get("explorer/index.html")!, "index.html", DESKTOP);
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
        expect(layout.rows, `${sources.texts.length} sources`).toBe(1);
        expect(layout.span / layout.mainWidth, `${sources.texts.length} sources`).toBeGreaterThan(0.9);
        await index.close();
      }
    });
  });
});
