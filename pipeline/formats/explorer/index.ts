/**
 * The provenance explorer: each source's text with its records highlighted, `explorer/<source-id>.html`, and an index.
 */
import { explorerFiles } from "./page.ts";
import { utf8, type Format } from "../format.ts";

export const format: Format<"config" | "tables" | "texts"> = {
  name: "explorer",
  reads: ["config", "tables", "texts"],
  write({ config, tables, texts }) {
    const pages = explorerFiles({
      config,
      texts,
      figures: tables.figures.rows,
      events: tables.events.rows,
      indicators: tables.indicators.rows,
    });
    return new Map([...pages].map(([path, html]) => [path, utf8(html)]));
  },
  // Web pages to open, not data resources.
  describe: () => new Map(),
};
