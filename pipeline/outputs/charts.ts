/** The charts the dataset configuration lists, rendered with Vega-Lite as static SVG: `charts/<file>`. */
import type { Event, Figure, SeriesObservation, Source } from "../../schemas/index.ts";
import { chartFiles } from "../render/charts.ts";
import { utf8, tableNamed, type OutputStep } from "./step.ts";

export const step: OutputStep<"config" | "tables"> = {
  name: "charts",
  reads: ["config", "tables"],
  cache: { packages: ["vega", "vega-lite"] },
  async run({ config, tables }) {
    const rows = <T>(name: string) => tableNamed(tables, name).rows as T[];
    const series = config.series[0];
    const files = await chartFiles({
      sources: rows<Source>("sources"),
      figures: rows<Figure>("figures"),
      events: rows<Event>("events"),
      tradeTurnover: series === undefined ? [] : rows<SeriesObservation>(series.table),
    });
    return new Map([...files].map(([path, text]) => [path, utf8(text)]));
  },
};
