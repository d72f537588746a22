/** Headless Chromium (Debian's package) driven by playwright-core, for the tests that need a real browser. */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type ChromiumSupport = { launch: () => Promise<Browser> } | { missing: string };

/** A launcher, or what is missing: the browser binary or the playwright-core package. */
export async function findChromium(): Promise<ChromiumSupport> {
  if (!existsSync(CHROMIUM_PATH)) return { missing: `${CHROMIUM_PATH} is not installed (apt-get install chromium)` };
  let playwright: typeof import("playwright-core");
  try {
    playwright = await import("playwright-core");
  } catch {
    return { missing: "the playwright-core package is not installed" };
  }
  return { launch: () => playwright.chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) };
}
