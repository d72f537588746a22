/**
 * Charts rendered at build time as static SVG with Vega-Lite, one per entry of dataset.yaml's `charts`. Each
 * chart kind is one module, pipeline/formats/charts/kinds/<kind>.ts, loaded by its name: a new kind is a new file and
 * a configuration entry. Every value, date and source named comes from the records passed in.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { LoadedConfig } from "../../config/dataset-config.ts";
import { PipelineError } from "../../io/errors.ts";
import { accessibleSvg, useEstimatedTextWidths, type ChartKind, type ChartRecords } from "./kit.ts";

export interface ChartInput extends ChartRecords {
  config: LoadedConfig;
}

export const CHART_KINDS_DIR = join(import.meta.dirname, "kinds");

/** SVG files by path relative to the output folder, in the order of dataset.yaml's `charts`. */
export async function chartFiles(input: ChartInput): Promise<Map<string, string>> {
  const { config, file, lineOf } = input.config;
  const kinds = await Promise.all(
    config.charts.map(async (chart, index) => {
      const module = join(CHART_KINDS_DIR, `${chart.kind}.ts`);
      if (!existsSync(module)) {
        throw new PipelineError(`chart kind "${chart.kind}" has no module pipeline/formats/charts/kinds/${chart.kind}.ts`, { file, line: lineOf("charts", index, "kind") });
      }
      return ((await import(module)) as { draw: ChartKind }).draw;
    }),
  );
  const drawings = config.charts.map((chart, index) => {
    try {
      return { chart, drawing: kinds[index]!({ ...input, config, chart }) };
    } catch (error) {
      // A kind refuses an entry it cannot draw (no series named, nothing to draw): the entry's line says which.
      if (error instanceof PipelineError) throw error;
      throw new PipelineError((error as Error).message, { file, line: lineOf("charts", index) });
    }
  });
  // Loaded here, not at the top, so that nothing but chart rendering pays for Vega.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  useEstimatedTextWidths(vega);
  const files = new Map<string, string>();
  for (const { chart, drawing } of drawings) {
    const view = new vega.View(vega.parse(compile(drawing.spec).spec), { renderer: "none" });
    files.set(`charts/${chart.file}`, `${accessibleSvg(await view.toSVG(), drawing.title, drawing.description)}\n`);
    view.finalize();
  }
  return files;
}
