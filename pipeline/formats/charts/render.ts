/**
 * Charts rendered at build time as static SVG with Vega-Lite, one per entry of dataset.yaml's `charts`. Each
 * chart kind is one module, pipeline/formats/charts/kinds/<kind>.ts, loaded by its name: a new kind is a new file and
 * a configuration entry. Every value, date and source named comes from the records passed in.
 */
import type { ChartDefinition, LoadedConfig } from "../../config/dataset-config.ts";
import { PipelineError } from "../../io/errors.ts";
import { chartPath } from "./index.ts";
import { publishedSvg, loadChartKind, useEstimatedTextWidths, type ChartDrawing, type ChartRecords } from "./kit.ts";

export interface ChartInput extends ChartRecords {
  config: LoadedConfig;
}

/**
 * What each chart of dataset.yaml's `charts` draws, in its order: its kind's drawing of the records. An entry its
 * kind cannot draw (nothing to draw, labels with no room) is an error at the entry's line.
 */
export async function drawCharts(input: ChartInput): Promise<{ chart: ChartDefinition; drawing: ChartDrawing }[]> {
  const { config } = input;
  const at = (index: number, ...path: (string | number)[]) => ({
    file: config.file,
    line: config.lineOf("charts", index, ...path),
  });
  const kinds = await Promise.all(
    config.charts.map(async (chart, index) => {
      const kind = await loadChartKind(chart.kind);
      if (kind === null)
        throw new PipelineError(
          `chart kind "${chart.kind}" has no module pipeline/formats/charts/kinds/${chart.kind}.ts`,
          at(index, "kind"),
        );
      return kind;
    }),
  );
  return config.charts.map((chart, index) => {
    const kind = kinds[index]!;
    const { file: _, kind: __, ...entry } = chart;
    const options = kind.options.safeParse(entry);
    if (!options.success)
      throw new PipelineError(`charts: ${chart.file}: ${options.error.issues[0]!.message}`, at(index));
    try {
      return { chart, drawing: kind.draw({ ...input, config, chart, options: options.data }) };
    } catch (error) {
      // A kind refuses an entry it cannot draw (nothing to draw): the entry's line says which.
      if (error instanceof PipelineError) throw error;
      throw new PipelineError((error as Error).message, at(index));
    }
  });
}

/** SVG files by path relative to the output folder, in the order of dataset.yaml's `charts`. */
export async function chartFiles(input: ChartInput): Promise<Map<string, string>> {
  const drawings = await drawCharts(input);
  // Loaded here, not at the top, so that nothing but chart rendering pays for Vega.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  useEstimatedTextWidths(vega);
  const files = new Map<string, string>();
  for (const { chart, drawing } of drawings) {
    const view = new vega.View(vega.parse(compile(drawing.spec).spec), { renderer: "none" });
    files.set(chartPath(chart.file), `${publishedSvg(await view.toSVG(), drawing.title, drawing.description)}\n`);
    view.finalize();
  }
  return files;
}
