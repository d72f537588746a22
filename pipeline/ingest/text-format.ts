/**
 * Text formats: how a source's text was converted, which decides what normalization undoes. Each module of
 * text-formats/ declares one format by its name; `source.json` names its text's format (`text_format`, plain
 * text when absent), and ingest applies that format's rules and no other's.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface TextFormat {
  /** The module's name, as `source.json` and `extract --format` give it. */
  name: string;
  /** What kind of text it is, in a sentence for a curator. */
  description: string;
  /** Characters a backslash escapes, the backslash removed; empty when the text has no escapes. */
  escapes: string;
  /** Whether `[anchor](target)` link markup is undone, the anchor text kept. */
  links: boolean;
  /** How a footnote paragraph starts (sticky, so it matches only at a paragraph's start); null for no footnotes. */
  footnote: RegExp | null;
  /** Whether a blank line inside a sentence (no sentence end before, a lowercase letter after) is a page break. */
  pageBreaks: boolean;
}

/** A format's rules in the form the normalizer applies them. */
export interface TextRules extends TextFormat {
  escapable: ReadonlySet<number>;
  /** What inline normalization may change: an escape, a link, white space other than a single space. */
  mayChange: RegExp;
}

/** The format of a text whose source.json names none, and of `extract` without --format. */
export const DEFAULT_TEXT_FORMAT = "plain-text";

const FORMATS_DIR = join(import.meta.dirname, "text-formats");

/** The names of the text formats, sorted. */
export function textFormatNames(): string[] {
  return readdirSync(FORMATS_DIR)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => name.slice(0, -3))
    .sort();
}

/** A format's rules by its name; null for a name no module declares. */
export async function loadTextFormat(name: string): Promise<TextRules | null> {
  if (!textFormatNames().includes(name)) return null;
  const module = pathToFileURL(join(FORMATS_DIR, `${name}.ts`)).href;
  const { textFormat } = (await import(module)) as { textFormat: TextFormat };
  return textRules(textFormat);
}

export function textRules(format: TextFormat): TextRules {
  const special = `${format.escapes === "" ? "" : "\\\\"}${format.links ? "\\[" : ""}`;
  return {
    ...format,
    escapable: new Set([...format.escapes].map((c) => c.charCodeAt(0))),
    mayChange: new RegExp(`${special === "" ? "" : `[${special}]|`}[^\\S ]| \\s`, "g"),
  };
}
