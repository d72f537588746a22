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
      sources: texts.map(({ source, normalized, spans }) => {
        const figures = tables.figures.rows.filter((f) => f.source_id === source.id);
        const ids = new Set(figures.map((f) => f.id));
        return {
          source,
          normalized,
          spans,
          figures,
          events: tables.events.rows.filter((e) => e.source_id === source.id),
          // The indicators computed from this source's figures.
          indicators: tables.indicators.rows.filter((i) => i.inputs.some((id) => ids.has(id))),
        };
      }),
    });
    return new Map([...pages].map(([path, html]) => [path, utf8(html)]));
  },
  // Web pages to open, not data resources.
  describe: () => new Map(),
};
