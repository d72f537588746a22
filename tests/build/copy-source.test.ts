/**
 * A copy of the memo's folder under a new id, with its record ids renamed, builds with no code change: two
 * explorer pages, and every observation of the series twice, once per source, each change within its source.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MEMO_DIR, ROOT, runInProcess } from "../helpers/cli.ts";
import { sourceFolders } from "../../pipeline/io/input-files.ts";

const MEMO = "ponars-pm-428";
const COPY = `${MEMO}-copy`;
type Row = Record<string, unknown>;

let outDir: string;
const table = (name: string) => JSON.parse(readFileSync(join(outDir, "data", `${name}.json`), "utf8")) as Row[];

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "rdd-copy-"));
  const sourcesDir = join(root, "sources");
  cpSync(join(ROOT, "sources"), sourcesDir, { recursive: true });
  const copy = join(sourcesDir, COPY);
  cpSync(MEMO_DIR, copy, { recursive: true });
  const record = JSON.parse(readFileSync(join(copy, "source.json"), "utf8"));
  writeFileSync(join(copy, "source.json"), JSON.stringify({ ...record, id: COPY }, null, 2));
  // Record ids are unique across sources: the copy's are renamed, and so are the indicators' references to them.
  for (const name of readdirSync(copy).filter((file) => file.endsWith(".yaml"))) {
    const text = readFileSync(join(copy, name), "utf8").replace(/^(\s*-?\s*(?:id|a|b|c): )(\S+)$/gm, "$1copy-$2");
    writeFileSync(join(copy, name), text);
  }
  outDir = join(root, "dist");
  const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

describe("a copy of the memo's folder with a new id", () => {
  it("publishes both sources beside the others, every record twice", () => {
    // Every source the sources folder holds, and the copy.
    const ids = table("sources").map((s) => s.id);
    expect(ids).toHaveLength(sourceFolders(join(ROOT, "sources")).length + 1);
    expect(ids).toEqual(expect.arrayContaining([MEMO, COPY]));
    const figures = table("figures");
    const memo = figures.filter((f) => f.source_id === MEMO);
    expect(
      figures
        .filter((f) => f.source_id === COPY)
        .map((f) => f.id)
        .sort(),
    ).toEqual(memo.map((f) => `copy-${f.id}`).sort());
  });

  it("writes an explorer page per source and an index listing both", () => {
    for (const id of [MEMO, COPY]) expect(existsSync(join(outDir, "explorer", `${id}.html`)), id).toBe(true);
    const index = readFileSync(join(outDir, "explorer", "index.html"), "utf8");
    for (const id of [MEMO, COPY]) expect(index).toContain(`href="${id}.html"`);
  });

  it("keeps two observations per period in the series, each change computed within its own source", () => {
    // The memo's observations and the copy's; another source may observe the series too.
    const rows = table("trade_turnover").filter((r) => r.source_id === MEMO || r.source_id === COPY);
    const periods = [...new Set(rows.map((r) => `${r.period_start}/${r.period_end}`))];
    for (const period of periods) {
      const observations = rows.filter((r) => `${r.period_start}/${r.period_end}` === period);
      expect(observations.map((r) => r.source_id).sort(), period).toEqual([MEMO, COPY]);
      const [a, b] = observations;
      expect(a!.change_pct, period).toBe(b!.change_pct);
    }
    for (const row of rows.filter((r) => r.previous_figure_id !== null)) {
      expect(String(row.previous_figure_id).startsWith("copy-"), String(row.figure_id)).toBe(row.source_id === COPY);
    }
  });
});
