/**
 * Curated YAML files: parsed with line numbers kept, their text checked (curated-text.ts), each list item checked
 * against a Zod schema, so an error names the file, the line and the record it is in.
 */
import { dirname } from "node:path";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import { z } from "zod";
import { allowsLineBreaks, textProblem } from "./curated-text.ts";
import { PipelineError, throwIfAny } from "./errors.ts";
import { readTextFile } from "./input-files.ts";

/**
 * Limits far above any curation (the memo's largest file is 14 KB and 60 records) that refuse a runaway file in
 * seconds (a 1 MiB list of 262,144 numbers parses in about 3 s) instead of running the build out of memory.
 */
export const MAX_CURATED_BYTES = 1024 * 1024;
export const MAX_CURATED_RECORDS = 10_000;

export interface Curated<T> {
  value: T;
  /** The file the record was curated in. */
  file: string;
  /** Position in the file's list, from 0. */
  index: number;
  /** The record's name in messages: its `id` when it has one, else `#index`. */
  record: string;
  /** 1-based line of the item, or of a key inside it. */
  lineOf(...path: (string | number)[]): number;
}

export function loadCuration<S extends z.ZodType>(file: string, itemSchema: S): Curated<z.output<S>>[] {
  const { doc, lineAt } = parseYamlFile(file);
  if (!isSeq(doc.contents)) {
    throw new PipelineError("expected a YAML list of records", { file, line: 1 });
  }
  if (doc.contents.items.length > MAX_CURATED_RECORDS) {
    throw new PipelineError(
      `${doc.contents.items.length} records, more than the limit of ${MAX_CURATED_RECORDS} for a curated file`,
      { file, line: 1 },
    );
  }
  const errors: PipelineError[] = [];
  const items: Curated<z.output<S>>[] = [];
  doc.contents.items.forEach((node, index) => {
    if (!isMap(node)) {
      const what = isScalar(node) && node.value === null ? "empty (null)" : isSeq(node) ? "a list" : "a single value";
      errors.push(
        new PipelineError(`item ${index + 1} of the list is ${what}, not a record of keys: fill it in or remove it`, {
          file,
          line: lineAt([index]),
          record: `#${index + 1}`,
        }),
      );
      return;
    }
    const raw = node.toJSON();
    const record = typeof raw?.id === "string" ? raw.id : `#${index + 1}`;
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issueErrors(parsed.error, raw, itemSchema, file, record, (path) => lineAt([index, ...path])));
      return;
    }
    items.push({ value: parsed.data, file, index, record, lineOf: (...path) => lineAt([index, ...path]) });
  });
  throwIfAny(errors);
  return items;
}

/** A whole YAML document checked against a schema, such as the dataset configuration. */
export interface LoadedDocument<T> {
  value: T;
  lineOf(...path: (string | number)[]): number;
}

export function loadYamlDocument<S extends z.ZodType>(file: string, schema: S): LoadedDocument<z.output<S>> {
  const { doc, lineAt } = parseYamlFile(file);
  const value = doc.toJSON();
  const parsed = schema.safeParse(value);
  if (!parsed.success) throwIfAny(issueErrors(parsed.error, value, schema, file, undefined, lineAt));
  return { value: parsed.data as z.output<S>, lineOf: (...path) => lineAt(path) };
}

function parseYamlFile(file: string): { doc: Document; lineAt: (path: (string | number)[]) => number } {
  const lineCounter = new LineCounter();
  // A curated file is read from its own folder: no symlink out of it.
  const doc = parseDocument(readTextFile(file, { within: dirname(file), maxBytes: MAX_CURATED_BYTES }), {
    lineCounter,
  });
  // The first syntax error is the one to fix; the ones after it are usually its echoes.
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    throw new PipelineError(`YAML syntax error: ${syntaxError.message.split("\n")[0]}`, {
      file,
      line: syntaxError.linePos?.[0].line,
    });
  }
  refuseAliases(doc, file, lineCounter);
  refuseUnsafeText(doc, file, lineCounter);
  const lineAt = (path: (string | number)[]): number => {
    const node = nodeAt(doc, path);
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  return { doc, lineAt };
}

function issueErrors(
  error: z.ZodError,
  input: unknown,
  schema: z.ZodType,
  file: string,
  record: string | undefined,
  lineAt: (path: (string | number)[]) => number,
): PipelineError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
    const field = path.length > 0 ? `${fieldName(path)}: ` : "";
    return new PipelineError(`${field}${issueMessage(issue.message, input, schema, path)}`, {
      file,
      line: lineAt(path),
      record,
    });
  });
}

/**
 * A field's path as a curator counts: keys joined by dots, a list's items from 1 as the top-level lists' are
 * ("actors item 2", "charts item 1.file").
 */
export function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === "number") return `${name} item ${key + 1}`;
    return name === "" ? key : `${name}.${key}`;
  }, "");
}

/**
 * A Zod issue in words a curator can act on. A key that is not there at all is required; where its field takes
 * null, the message says that null is how to say the text gives none.
 */
export function issueMessage(message: string, input: unknown, schema: z.ZodType, path: (string | number)[]): string {
  if (path.length === 0) return message;
  const parent = valueAt(input, path.slice(0, -1));
  const key = path.at(-1)!;
  if (Array.isArray(parent) && parent[key as number] === null) return "empty (null): fill it in or remove it";
  const missing =
    parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, key);
  if (!missing) return message;
  const takesNull = fieldSchema(schema, path)?.safeParse(null).success ?? false;
  return takesNull
    ? `missing: the key is required; write ${key}: null when the text gives none`
    : "missing: the key is required";
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** The schema of the field at `path` inside object schemas, if it is one. */
function fieldSchema(schema: z.ZodType, path: (string | number)[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = schema;
  for (const key of path) at = at instanceof z.ZodObject && typeof key === "string" ? at.shape[key] : undefined;
  return at;
}

/** The deepest node on `path` that exists, so a missing key points at its parent. */
function nodeAt(doc: Document, path: (string | number)[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return node;
  }
  return undefined;
}

/**
 * Each record is written out in full: an alias (`*name`) would share one record's values with another out of
 * sight of the reader, and its node is not the record the schema checks.
 */
function refuseAliases(doc: Document, file: string, lineCounter: LineCounter): void {
  const errors: PipelineError[] = [];
  visit(doc, {
    Alias(_, node) {
      const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
      errors.push(
        new PipelineError(`YAML alias *${node.source} is not allowed in a curated file: write the value out`, {
          file,
          line,
        }),
      );
    },
  });
  throwIfAny(errors);
}

/** Every key and text value of the document is valid Unicode and printable (see curated-text.ts), at its line. */
function refuseUnsafeText(doc: Document, file: string, lineCounter: LineCounter): void {
  const errors: PipelineError[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== "string") return;
      const parent = path.at(-1);
      // A key is a name; a value's field is the key of its pair, or of the list holding it.
      const pair = isPair(parent) ? parent : isSeq(parent) && isPair(path.at(-2)) ? path.at(-2) : undefined;
      const field = key === "key" ? "name" : isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
      const problem = textProblem(node.value, key !== "key" && allowsLineBreaks(field));
      if (problem === null) return;
      const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
      errors.push(new PipelineError(field === undefined ? problem : `${field}: ${problem}`, { file, line }));
    },
  });
  throwIfAny(errors);
}
