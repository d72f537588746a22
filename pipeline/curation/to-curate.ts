/**
 * What a scaffolded source still lacks before it can be built: the bibliographic fields of `source.json` left
 * null by `add-source`, and the draft records it wrote that no curator has accepted yet (each marked
 * `draft: true`). The build refuses such a source and names every gap with `file:line`, so an unfinished curation
 * can never publish.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sourceSchema } from "../../schemas/source.ts";
import { loadCuration } from "../io/yaml-file.ts";
import { PipelineError, PipelineErrors, throwIfAny } from "../io/errors.ts";
import { lineOfKey, readJsonText, type JsonFile } from "../io/json-file.ts";
import { curatedEvent, curatedFigure, dismissal } from "./records.ts";

/** The key that marks a draft: deleting its line accepts the record. */
export const DRAFT_KEY = "draft";

/** The curated files add-source drafts, and the shape of their records. */
export const DRAFTED_FILES = {
  "figures.yaml": curatedFigure,
  "events.yaml": curatedEvent,
  "dismissed.yaml": dismissal,
} as const;

/**
 * Throws every gap at once: each null required field of source.json, each draft not yet accepted. The build
 * passes the record it has read; it is read here, by the same rule for input files, otherwise.
 */
export function assertCurated(
  sourceDir: string,
  source: JsonFile = readJsonText(join(sourceDir, "source.json"), { within: sourceDir }),
): void {
  // A malformed record is the build's own check to report; here only placeholders count.
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) return;
  const record = { file: source.file, text: source.text, value: source.value as Record<string, unknown> };
  throwIfAny([
    ...unfilledFields(record),
    ...Object.entries(DRAFTED_FILES).flatMap(([name, schema]) => drafts(join(sourceDir, name), schema.shape)),
  ]);
}

interface RecordFile {
  file: string;
  text: string;
  value: Record<string, unknown>;
}

/** A field left null that the sources table requires, named with its line and what to write there. */
function unfilledFields(record: RecordFile): PipelineError[] {
  return Object.entries(sourceSchema.shape)
    .filter(([key, schema]) => record.value[key] === null && !schema.safeParse(null).success)
    .map(
      ([key, schema]) =>
        new PipelineError(`${key} is still to fill: ${schema.description ?? "required"} (null is only a placeholder)`, {
          file: record.file,
          line: lineOfKey(record.text, key),
        }),
    );
}

/**
 * Each draft in a curated file, named at its `draft` line with the fields still to fill (null where the record's
 * shape takes no null). A file that does not load is left for the build's own check of it to report.
 */
function drafts(file: string, shape: Record<string, z.ZodType>): PipelineError[] {
  if (!existsSync(file)) return [];
  let items: ReturnType<typeof loadCuration<z.ZodUnknown>>;
  try {
    items = loadCuration(file, z.unknown());
  } catch (error) {
    if (error instanceof PipelineError || error instanceof PipelineErrors) return [];
    throw error;
  }
  return items.flatMap((item) => {
    const value = item.value as Record<string, unknown> | undefined;
    if (value === null || typeof value !== "object" || !(DRAFT_KEY in value)) return [];
    const toFill = Object.entries(shape)
      .filter(([key, schema]) => value[key] === null && !schema.safeParse(null).success)
      .map(([key]) => key);
    const fill = toFill.length === 0 ? "" : `, fill ${toFill.join(" and ")} (null)`;
    return [
      new PipelineError(
        `a draft, not yet accepted: check it against the text${fill}, then delete this \`${DRAFT_KEY}: true\` ` +
          "line to accept it, or delete the record",
        { file, line: item.lineOf(DRAFT_KEY), record: item.record },
      ),
    ];
  });
}
