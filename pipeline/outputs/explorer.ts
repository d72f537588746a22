/** The provenance explorer: each source's text with its records highlighted, `explorer/<source-id>.html`. */
import type { Event, Figure, Indicator } from "../../schemas/index.ts";
import { explorerFiles } from "../render/explorer.ts";
import { utf8, tableNamed, type Files, type OutputStep } from "./step.ts";

export const step: OutputStep<"tables" | "texts"> = {
  name: "explorer",
  reads: ["tables", "texts"],
  run({ tables, texts }) {
    const rows = <T>(name: string) => tableNamed(tables, name).rows as T[];
    const files: Files = new Map();
    for (const { source, raw } of texts) {
      const figures = rows<Figure>("figures").filter((f) => f.source_id === source.id);
      const ids = new Set(figures.map((f) => f.id));
      const page = explorerFiles({
        raw,
        source,
        figures,
        events: rows<Event>("events").filter((e) => e.source_id === source.id),
        indicators: rows<Indicator>("indicators").filter((i) => i.inputs.every((id) => ids.has(id))),
      });
      for (const html of page.values()) files.set(`explorer/${source.id}.html`, utf8(html));
    }
    return files;
  },
};
