/**
 * Coverage: every quantity mention of a source is used by exactly one figure or dismissed with a reason, or the
 * build fails with a report that names each mention left over by file and line.
 */
import { PipelineError } from "../errors.ts";
import { rawRange } from "../ingest.ts";
import type { SourceContext } from "./context.ts";

export function coverageErrors(context: SourceContext): PipelineError[] {
  const errors: PipelineError[] = [];
  const quantities = context.located.filter((m) => m.mention.kind === "quantity");
  const unaccounted = quantities.filter((m) => m.usedBy.length === 0 && m.dismissedBy === null).length;
  if (unaccounted > 0) {
    const covered = quantities.length - unaccounted;
    const percent = ((100 * covered) / quantities.length).toFixed(1);
    errors.push(new PipelineError(`coverage ${covered} of ${quantities.length} quantity mentions (${percent}%), below 100%`, { file: context.textFile }));
  }
  for (const m of quantities) {
    const claims = m.usedBy.length + (m.dismissedBy === null ? 0 : 1);
    if (claims === 1) continue;
    const [rawStart] = rawRange(context.normalized, m.start, m.end);
    const problem =
      claims === 0
        ? "is neither used by a figure nor dismissed with a reason: add a figure, or a dismissal to dismissed.yaml"
        : `is claimed ${claims} times (${[...m.usedBy, ...(m.dismissedBy === null ? [] : ["a dismissal"])].join(", ")})`;
    errors.push(new PipelineError(`quantity mention "${m.mention.text}" ${problem}`, { file: context.textFile, line: lineNumber(context.raw, rawStart), record: m.mention.text }));
  }
  return errors;
}

function lineNumber(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
