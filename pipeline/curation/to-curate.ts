/**
 * What a scaffolded source still lacks before it can be built: the bibliographic fields of `source.json` left
 * null by `add-source`, and the mentions listed in `to-curate.yaml` that no one has curated yet. The build
 * refuses such a source and names every gap with `file:line`, so an unfinished curation can never publish.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sourceSchema } from "../../schemas/source.ts";
import { loadCuration } from "../io/yaml-file.ts";
import { PipelineError, throwIfAny } from "../io/errors.ts";
import { lineOfKey, readJsonText, type JsonFile } from "../io/json-file.ts";

export const TO_CURATE_FILE = "to-curate.yaml";

/** One mention the extractor found and a curator has not yet used in a record or dismissed. */
export const toCurateEntry = z
  .object({
    kind: z.enum(["quantity", "time"]),
    /** The mention's words in the text file. */
    text: z.string().min(1),
    /** 1-based line of the mention's start in the text file. */
    line: z.int().positive(),
    /** The normalized text around it, to find it and to quote from. */
    context: z.string(),
    /** What the extractor read: value, unit and hedge, or the date range. */
    reading: z.string(),
  })
  .strict();
export type ToCurateEntry = z.infer<typeof toCurateEntry>;

/**
 * Throws every gap at once: each null required field of source.json, each mention still to curate. The build
 * passes the record it has read; it is read here, by the same rule for input files, otherwise.
 */
export function assertCurated(
  sourceDir: string,
  source: JsonFile = readJsonText(join(sourceDir, "source.json"), { within: sourceDir }),
): void {
  // A malformed record is the build's own check to report; here only placeholders count.
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) return;
  const record = { file: source.file, text: source.text, value: source.value as Record<string, unknown> };
  const errors = unfilledFields(record);
  const listFile = join(sourceDir, TO_CURATE_FILE);
  if (existsSync(listFile)) {
    const textFile = join(sourceDir, typeof record.value.file === "string" ? record.value.file : "the text file");
    for (const entry of loadCuration(listFile, toCurateEntry)) {
      const { kind, text } = entry.value;
      errors.push(
        new PipelineError(
          `${kind} mention "${text.replace(/\s+/g, " ")}" is still to curate ` +
            `(${TO_CURATE_FILE}:${entry.lineOf()}): use it in a record or dismiss it, then delete its entry`,
          { file: textFile, line: entry.value.line },
        ),
      );
    }
  }
  throwIfAny(errors);
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
