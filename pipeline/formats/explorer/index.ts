/** The provenance explorer: each source's text with its records highlighted, `explorer/<source-id>.html`, and an index. */
import type { Event, Figure, Indicator } from "../../../schemas/index.ts";
import { explorerFiles } from "./page.ts";
import { tableNamed, utf8, type OutputStep } from "../format.ts";

export const step: OutputStep<"config" | "tables" | "texts"> = {
  name: "explorer",
  reads: ["config", "tables", "texts"],
  run({ config, tables, texts }) {
    const rows = <T>(name: string) => tableNamed(tables, name).rows as T[];
    const pages = explorerFiles({
      config,
      sources: texts.map(({ source, normalized, spans }) => {
        const figures = rows<Figure>("figures").filter((f) => f.source_id === source.id);
        const ids = new Set(figures.map((f) => f.id));
        return {
          source,
          normalized,
          spans,
          figures,
          events: rows<Event>("events").filter((e) => e.source_id === source.id),
          // The indicators computed from this source's figures.
          indicators: rows<Indicator>("indicators").filter((i) => i.inputs.some((id) => ids.has(id))),
        };
      }),
    });
    return new Map([...pages].map(([path, html]) => [path, utf8(html)]));
  },
};
