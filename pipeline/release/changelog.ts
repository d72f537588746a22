/**
 * A CHANGELOG.md entry written from what changed since the previous release (compare.ts): a summary a reader can
 * take in at once (sources, records, tables, vocabulary and files added, removed and changed), the vocabulary's
 * changes term by term, the counts per table, then each record and file. Nothing in it is written by hand.
 */
import type { ReleaseChanges } from "./compare.ts";
import { KEY_SEPARATOR, type Bump, type TableDiff } from "./diff.ts";

const TITLE =
  "# Changelog\n\nEvery release of the dataset, written by `npm run release` from the data diff against the " +
  "release before it.\n";
const MAX_LISTED = 50;

export function changelogEntry(
  version: string,
  date: string,
  bump: Bump,
  previous: string | null,
  changes: ReleaseChanges,
): string {
  const lead =
    previous === null ? `First release (${bump}).` : `${capitalize(bump)} release; changes since ${previous}.`;
  return [`## ${version} (${date})`, "", lead, "", ...changeLines(changes, previous !== null)].join("\n") + "\n";
}

/**
 * The changes as Markdown lines: summary, vocabulary, the table of counts, each table's records and the files.
 * `listAdded` false leaves out the list of records added (a first release adds every one).
 */
export function changeLines(changes: ReleaseChanges, listAdded = true): string[] {
  const { diffs, records, files, vocabulary } = changes;
  const lines = [...summary(changes), ""];
  if (vocabulary !== null && vocabulary.length > 0) {
    lines.push("### vocabulary (sources/dataset.yaml)", "");
    for (const change of vocabulary.slice(0, MAX_LISTED))
      lines.push(
        `- ${change.section}: ${change.change} \`${change.term}\`${change.detail ? `: ${quote(change.detail)}` : ""}`,
      );
    if (vocabulary.length > MAX_LISTED) lines.push(`- … and ${vocabulary.length - MAX_LISTED} more`);
    lines.push("");
  }
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
      ...(listAdded && d.status !== "added" ? d.added.map((key) => `- added ${keyText(d, key)}`) : []),
      ...(d.status !== "removed" ? d.removed.map((key) => `- removed ${keyText(d, key)}`) : []),
      ...d.changed.map(
        ({ key, cells }) =>
          `- changed ${keyText(d, key)}: ${cells.map((c) => `\`${c.column}\` ${showChange(c.from, c.to)}`).join("; ")}`,
      ),
    ];
    if (details.length === 0) continue;
    lines.push("", `### ${d.table}`, "", ...details.slice(0, MAX_LISTED));
    if (details.length > MAX_LISTED) lines.push(`- … and ${details.length - MAX_LISTED} more`);
  }
  const fileLines = [
    ...files.added.map((path) => `- added \`dist/${path}\``),
    ...files.removed.map((path) => `- removed \`dist/${path}\``),
    ...files.changed.map((path) => `- changed \`dist/${path}\``),
  ];
  if (listAdded && fileLines.length > 0) lines.push("", "### files", "", ...fileLines);
  return lines;
}

/** A record's key as a reader finds it in its table: the value, or each key column with its value. */
function keyText(diff: Pick<TableDiff, "primaryKey">, key: string): string {
  const values = key.split(KEY_SEPARATOR);
  if (values.length === 1) return `\`${values[0]}\``;
  return diff.primaryKey.map((column, i) => `${column} \`${values[i]}\``).join(", ");
}

/** "figures 12, events 4", the tables with a count, or "none". */
function perTable(diffs: TableDiff[], count: (d: TableDiff) => number): string {
  const counted = diffs.filter((d) => count(d) > 0).map((d) => `${d.table} ${count(d)}`);
  return counted.length === 0 ? "none" : counted.join(", ");
}

/** The summary paragraph: what a reader of the release needs first. */
function summary({ diffs, files, vocabulary, sourcesAdded, sourcesRemoved }: ReleaseChanges): string[] {
  const lines: string[] = [];
  const named = (sources: { id: string; name: string }[]) =>
    sources.map(({ id, name }) => (name === id ? `\`${id}\`` : `\`${id}\` (${name})`)).join(", ");
  if (sourcesAdded.length > 0) lines.push(`- Sources added: ${named(sourcesAdded)}.`);
  if (sourcesRemoved.length > 0) lines.push(`- Sources removed: ${named(sourcesRemoved)}.`);
  const present = diffs.filter((d) => d.status === "present");
  lines.push(
    `- Records added: ${perTable(present, (d) => d.added.length)}; removed: ${perTable(present, (d) => d.removed.length)}; ` +
      `changed: ${perTable(present, (d) => d.changed.length)}.`,
  );
  const tablesAdded = diffs.filter((d) => d.status === "added").map((d) => `\`${d.table}\``);
  const tablesRemoved = diffs.filter((d) => d.status === "removed").map((d) => `\`${d.table}\``);
  if (tablesAdded.length > 0) lines.push(`- Tables added: ${tablesAdded.join(", ")}.`);
  if (tablesRemoved.length > 0) lines.push(`- Tables removed: ${tablesRemoved.join(", ")}.`);
  const columns = diffs.flatMap((d) => [
    ...d.columnsAdded.map((c) => `\`${d.table}.${c}\` added`),
    ...d.columnsRemoved.map((c) => `\`${d.table}.${c}\` removed`),
  ]);
  if (columns.length > 0) lines.push(`- Columns: ${columns.join(", ")}.`);
  if (vocabulary !== null && vocabulary.length > 0) {
    const counts = (["added", "removed", "redefined"] as const)
      .map((change) => [change, vocabulary.filter((v) => v.change === change)] as const)
      .filter(([, changes]) => changes.length > 0)
      .map(([change, changes]) => `${changes.length} term${changes.length === 1 ? "" : "s"} ${change}`);
    lines.push(`- Vocabulary: ${counts.join(", ")} (listed below).`);
  }
  const fileCounts = [
    [files.added.length, "added"],
    [files.removed.length, "removed"],
    [files.changed.length, "changed beside the tables"],
  ] as const;
  const counted = fileCounts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (counted.length > 0) lines.push(`- Files: ${counted.join(", ")}.`);
  return lines;
}

function quote(detail: string): string {
  return detail.includes("→") || detail.startsWith("`") ? detail : `"${detail.replaceAll("|", "\\|")}"`;
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
