/** A CHANGELOG.md entry written from a release's data diff: counts per table, then each changed record. */
import type { Bump, TableDiff } from "./diff.ts";

const TITLE =
  "# Changelog\n\nEvery release of the dataset, written by `npm run release` from the data diff against the " +
  "release before it.\n";
const MAX_LISTED = 50;

export function changelogEntry(
  version: string,
  date: string,
  bump: Bump,
  previous: string | null,
  diffs: TableDiff[],
  records: Record<string, number>,
  otherFiles: string[] = [],
): string {
  const lines = [`## ${version} (${date})`, ""];
  lines.push(
    previous === null ? `First release (${bump}).` : `${capitalize(bump)} release; changes since ${previous}.`,
    "",
  );
  lines.push(
    "| table | records | added | removed | changed | columns added | columns removed |",
    "|---|---:|---:|---:|---:|---|---|",
  );
  for (const d of diffs) {
    const status = d.status === "present" ? "" : ` (table ${d.status})`;
    lines.push(
      `| ${d.table}${status} | ${records[d.table] ?? 0} | ${d.added.length} | ${d.removed.length} | ` +
        `${d.changed.length} | ${d.columnsAdded.join(", ")} | ${d.columnsRemoved.join(", ")} |`,
    );
  }
  for (const d of diffs) {
    const details = [
      ...d.columnsTightened.map((column) => `- constraint tightened: \`${column}\``),
      ...(previous === null ? [] : d.added.map((key) => `- added \`${key}\``)),
      ...d.removed.map((key) => `- removed \`${key}\``),
      ...d.changed.map(
        ({ key, cells }) =>
          `- changed \`${key}\`: ${cells.map((c) => `\`${c.column}\` ${showChange(c.from, c.to)}`).join("; ")}`,
      ),
    ];
    if (details.length === 0) continue;
    lines.push("", `### ${d.table}`, "", ...details.slice(0, MAX_LISTED));
    if (details.length > MAX_LISTED) lines.push(`- … and ${details.length - MAX_LISTED} more`);
  }
  if (otherFiles.length > 0)
    lines.push("", "### other files", "", ...otherFiles.map((path) => `- changed \`dist/${path}\``));
  return lines.join("\n") + "\n";
}

/** The date the changelog gives a version's release ("## 2.2.0 (2026-12-06)"); null when it has no entry. */
export function releaseDate(changelog: string, version: string): string | null {
  const escaped = version.replace(/[.+]/g, "\\$&");
  return new RegExp(`^## ${escaped} \\((\\d{4}-\\d{2}-\\d{2})\\)$`, "m").exec(changelog)?.[1] ?? null;
}

/** The changelog with `entry` placed first, under the title. */
export function prependEntry(changelog: string | null, entry: string): string {
  const body = changelog === null ? "" : changelog.slice(changelog.indexOf("\n## ") + 1 || changelog.length);
  return `${TITLE}\n${entry}${body ? `\n${body}` : ""}`;
}

/** Values up to SHORT code points show whole; a longer one shows CONTEXT either side of at most MAX_CHANGED changed. */
const SHORT = 80;
const CONTEXT = 30;
const MAX_CHANGED = 60;

/** `"before" → "after"`, each long value cut to the part that changed with some context either side. */
export function showChange(from: string, to: string): string {
  const [before, after] = changedExcerpts(from, to);
  return `${quoted(before)} → ${quoted(after)}`;
}

/**
 * The two values as a reader needs them to see the change: whole when short, otherwise from a little before the
 * first differing character to a little after the last, in code points so no character is split.
 */
export function changedExcerpts(from: string, to: string): [string, string] {
  const a = Array.from(from);
  const b = Array.from(to);
  if (a.length <= SHORT && b.length <= SHORT) return [from, to];
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  // The context starts and ends at a word boundary where the context holds one.
  let start = Math.max(0, prefix - CONTEXT);
  const space = a.slice(start, prefix).indexOf(" ");
  if (start > 0 && space >= 0) start += space + 1;
  const excerpt = (chars: string[]) => {
    const changedEnd = chars.length - suffix;
    let end = changedEnd - prefix > MAX_CHANGED ? prefix + MAX_CHANGED : Math.min(chars.length, changedEnd + CONTEXT);
    const lastSpace = chars.slice(changedEnd, end).lastIndexOf(" ");
    if (end < chars.length && lastSpace > 0) end = changedEnd + lastSpace;
    return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
  };
  return [excerpt(a), excerpt(b)];
}

function quoted(value: string): string {
  return value === "" ? "(empty)" : `"${value.replaceAll("|", "\\|")}"`;
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
