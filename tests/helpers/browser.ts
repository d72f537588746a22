/**
 * Headless Chromium driven by playwright-core, for the tests that need a real browser. The browser is the one
 * named by CHROMIUM_PATH, else the first of `chromium`, `chromium-browser` or `google-chrome` on PATH.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { Browser } from "playwright-core";

const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome"];

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type ChromiumSupport = { path: string; launch: () => Promise<Browser> } | { missing: string };

/** A launcher, or what is missing: the browser binary or the playwright-core package. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumSupport> {
  const path = chromiumPath(env);
  if (path === null) {
    return {
      missing: env.CHROMIUM_PATH
        ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`
        : `no Chromium: CHROMIUM_PATH is not set and none of ${CHROMIUM_NAMES.join(", ")} is on PATH (apt-get ` +
          `install chromium)`,
    };
  }
  let playwright: typeof import("playwright-core");
  try {
    playwright = await import("playwright-core");
  } catch {
    return { missing: "the playwright-core package is not installed (npm ci)" };
  }
  return { path, launch: () => playwright.chromium.launch({ executablePath: path, args: CHROMIUM_ARGS }) };
}

/** CHROMIUM_PATH if set (it must then be an executable file), else the first browser found on PATH. */
export function chromiumPath(env: NodeJS.ProcessEnv): string | null {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const folders = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the browser tests run: they run when Chromium is found, fail when CI is set and it is not (CI must
 * run them), and otherwise are skipped with the reason printed, never in silence.
 */
export function browserTestsRun(
  support: ChromiumSupport,
  suite: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (!("missing" in support)) return true;
  if (env.CI) throw new Error(`${suite}: CI must run the browser tests, but ${support.missing}`);
  console.warn(`skipping ${suite}: ${support.missing}; set CHROMIUM_PATH or install Chromium to run them`);
  return false;
}
