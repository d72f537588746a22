/**
 * The vocabulary's changes between two releases: the terms of sources/dataset.yaml (units, measures, actors,
 * event types, derived units) and its series, each added, removed or redefined, with what changed. Read from the
 * configuration's text as each release committed it, without the checks of the build: an older release may have
 * written it otherwise.
 */
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import { showChange } from "./changelog.ts";

export interface VocabularyChange {
  section: string;
  term: string;
  change: "added" | "removed" | "redefined";
  /** What the term is (added, removed) or what changed in its definition (redefined). */
  detail: string;
}

const SECTIONS = ["units", "measures", "actors", "event_types", "derived_units", "series"] as const;

type Definitions = Map<string, unknown>;

function sectionsOf(text: string): Map<string, Definitions> {
  const config = (parse(text) ?? {}) as Record<string, unknown>;
  return new Map(
    SECTIONS.map((section) => {
      const value = config[section];
      // Series are a list, each by its id; the vocabularies are maps by term.
      const entries = Array.isArray(value)
        ? value.map((item) => [String((item as { id?: unknown }).id), item] as const)
        : Object.entries((value ?? {}) as Record<string, unknown>);
      return [section, new Map(entries)];
    }),
  );
}

/** A definition in a few words: its name, title or description, else its value. */
function summary(definition: unknown): string {
  if (definition === null || typeof definition !== "object") return String(definition);
  const { name, title, description } = definition as Record<string, unknown>;
  return String(name ?? title ?? description ?? JSON.stringify(definition));
}

/** A field's change: from its old value to its new one, or that it is new or gone. */
function fieldChange(field: string, before: unknown, after: unknown): string {
  if (before === undefined) return `\`${field}\` added: "${String(after)}"`;
  if (after === undefined) return `\`${field}\` removed (was "${String(before)}")`;
  return `\`${field}\` ${showChange(String(before), String(after))}`;
}

/** What changed in a redefined term: each field that changed. */
function redefinition(before: unknown, after: unknown): string {
  if (before === null || typeof before !== "object" || after === null || typeof after !== "object")
    return showChange(String(before), String(after));
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((field) => !isDeepStrictEqual(a[field], b[field]))
    .map((field) => fieldChange(field, a[field], b[field]))
    .join("; ");
}

/** Each term added, removed or redefined; null when the earlier release had no sources/dataset.yaml. */
export function vocabularyChanges(before: string | null, after: string | null): VocabularyChange[] | null {
  if (before === null || after === null) return null;
  const old = sectionsOf(before);
  const now = sectionsOf(after);
  return SECTIONS.flatMap((section) => {
    const a = old.get(section)!;
    const b = now.get(section)!;
    return [
      ...[...b]
        .filter(([term]) => !a.has(term))
        .map(([term, definition]) => ({ section, term, change: "added" as const, detail: summary(definition) })),
      ...[...a]
        .filter(([term]) => !b.has(term))
        .map(([term, definition]) => ({ section, term, change: "removed" as const, detail: summary(definition) })),
      ...[...b]
        .filter(([term, definition]) => a.has(term) && !isDeepStrictEqual(a.get(term), definition))
        .map(([term, definition]) => ({
          section,
          term,
          change: "redefined" as const,
          detail: redefinition(a.get(term), definition),
        })),
    ];
  });
}
