/** JSON files the pipeline reads: by the one rule for input files, a syntax error named with its file. */
import { join } from "node:path";
import { PipelineError } from "./errors.ts";
import { readTextFile, type ReadOptions } from "./input-files.ts";

/** A JSON file's value with its text, for messages that name a line. */
export interface JsonFile {
  file: string;
  text: string;
  value: unknown;
}

export function readJsonText(file: string, options: ReadOptions = {}): JsonFile {
  const text = readTextFile(file, options);
  try {
    return { file, text, value: JSON.parse(text) };
  } catch (error) {
    throw new PipelineError(`not valid JSON: ${(error as SyntaxError).message}`, { file });
  }
}

export function readJsonFile(file: string, options: ReadOptions = {}): unknown {
  return readJsonText(file, options).value;
}

/** The project's package.json fields the pipeline uses. */
export interface PackageJson {
  name: string;
  version: string;
  description: string;
}

export function readPackageJson(root: string): PackageJson {
  return readJsonFile(join(root, "package.json")) as PackageJson;
}

/** The 1-based line of a key in a JSON text, for a message about its value; undefined when it is not there. */
export function lineOfKey(text: string, key: string): number | undefined {
  // The key as JSON writes it, taken literally: a key is any text, and none may act as a pattern.
  const quoted = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = text.search(new RegExp(`${quoted}\\s*:`));
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}
