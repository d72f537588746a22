/**
 * The charts dataset.yaml lists, each drawn by its kind's module (pipeline/formats/charts/kinds/<kind>.ts) as static
 * SVG.
 */
import { resourceName, utf8, type FileDescription, type Format } from "../format.ts";

export const chartPath = (file: string) => `charts/${file}`;

export const format: Format<"config" | "tables"> = {
  name: "charts",
  reads: ["config", "tables"],
  // The chart kinds are loaded by name, so their folder counts as part of the format's code.
  cache: { packages: ["vega", "vega-lite"], folders: ["pipeline/formats/charts/kinds"] },
  async write({ config, tables }) {
    // Loaded on use: a build that reuses this format's files from the cache does not load the chart code.
    const { chartFiles } = await import("./render.ts");
    const files = await chartFiles({
      config,
      sources: [...tables.sources.rows],
      figures: [...tables.figures.rows],
      events: [...tables.events.rows],
      mentions: [...tables.mentions.rows],
      series: Object.fromEntries([...tables.series].map(([id, table]) => [id, [...table.rows]])),
    });
    return new Map([...files].map(([path, svg]) => [path, utf8(svg)]));
  },
  describe: ({ config }) =>
    new Map(
      config.charts.map((chart): [string, FileDescription] => [
        chartPath(chart.file),
        {
          resource: {
            name: resourceName(chartPath(chart.file)),
            format: "svg",
            mediatype: "image/svg+xml",
            encoding: "utf-8",
          },
          tables: [],
        },
      ]),
    ),
};
