/** The charts dataset.yaml lists, each drawn by its kind's module (pipeline/formats/charts/kinds/<kind>.ts) as static SVG. */
import type { Event, Figure, Mention, SeriesObservation, Source } from "../../../schemas/index.ts";
import { tableNamed, utf8, type OutputStep } from "../format.ts";

export const step: OutputStep<"loadedConfig" | "tables"> = {
  name: "charts",
  reads: ["loadedConfig", "tables"],
  // The chart kinds are loaded by name, so their folder counts as part of the step's code.
  cache: { packages: ["vega", "vega-lite"], folders: ["pipeline/formats/charts/kinds"] },
  async run({ loadedConfig, tables }) {
    const rows = <T>(name: string) => tableNamed(tables, name).rows as T[];
    // Loaded on use: a build that reuses this step's files from the cache does not load the chart code.
    const { chartFiles } = await import("./render.ts");
    const files = await chartFiles({
      config: loadedConfig,
      sources: rows<Source>("sources"),
      figures: rows<Figure>("figures"),
      events: rows<Event>("events"),
      mentions: rows<Mention>("mentions"),
      series: Object.fromEntries(loadedConfig.config.series.map((s) => [s.id, rows<SeriesObservation>(s.table)])),
    });
    return new Map([...files].map(([path, svg]) => [path, utf8(svg)]));
  },
};
