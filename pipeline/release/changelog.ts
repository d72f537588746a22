/** A CHANGELOG.md entry written from a release's data diff: counts per table, then each changed record. */
import type { Bump, TableDiff } from "./diff.ts";

const TITLE = "# Changelog\n\nEvery release of the dataset, written by `npm run release` from the data diff against the release before it.\n";
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
  lines.push(previous === null ? `First release (${bump}).` : `${capitalize(bump)} release; changes since ${previous}.`, "");
  lines.push("| table | records | added | removed | changed | columns added | columns removed |", "|---|---:|---:|---:|---:|---|---|");
  for (const d of diffs) {
    const status = d.status === "present" ? "" : ` (table ${d.status})`;
    lines.push(`| ${d.table}${status} | ${records[d.table] ?? 0} | ${d.added.length} | ${d.removed.length} | ${d.changed.length} | ${d.columnsAdded.join(", ")} | ${d.columnsRemoved.join(", ")} |`);
  }
  for (const d of diffs) {
    const details = [
      ...d.columnsTightened.map((column) => `- constraint tightened: \`${column}\``),
      ...(previous === null ? [] : d.added.map((key) => `- added \`${key}\``)),
      ...d.removed.map((key) => `- removed \`${key}\``),
      ...d.changed.map(({ key, cells }) => `- changed \`${key}\`: ${cells.map((c) => `\`${c.column}\` ${show(c.from)} → ${show(c.to)}`).join("; ")}`),
    ];
    if (details.length === 0) continue;
    lines.push("", `### ${d.table}`, "", ...details.slice(0, MAX_LISTED));
    if (details.length > MAX_LISTED) lines.push(`- … and ${details.length - MAX_LISTED} more`);
  }
  if (otherFiles.length > 0) lines.push("", "### other files", "", ...otherFiles.map((path) => `- changed \`dist/${path}\``));
  return lines.join("\n") + "\n";
}

/** The changelog with `entry` placed first, under the title. */
export function prependEntry(changelog: string | null, entry: string): string {
  const body = changelog === null ? "" : changelog.slice(changelog.indexOf("\n## ") + 1 || changelog.length);
  return `${TITLE}\n${entry}${body ? `\n${body}` : ""}`;
}

function show(value: string): string {
  if (value === "") return "(empty)";
  const short = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return `"${short.replaceAll("|", "\\|")}"`;
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
