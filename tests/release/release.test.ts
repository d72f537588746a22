/** Release diffs and bumps, the manifest check, and the release command end to end on a copy of the repository. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffTables, requiredBump, type ReleaseTable } from "../../pipeline/release/diff.ts";
import { compareWithManifest, manifestOf, readTree } from "../../pipeline/release/manifest.ts";
import { fileChanges } from "../../pipeline/release/compare.ts";
import { showChange } from "../../pipeline/release/changelog.ts";
import type { TableSchemaField } from "../../pipeline/formats/csv/table-schema.ts";
import { ROOT, runInProcessAt } from "../helpers/cli.ts";
import { copyRepo, correctANote, removeAnEvent, removeTemporaryFolders } from "../helpers/repo-copy.ts";

const field = (name: string, type: TableSchemaField["type"] = "string", required = true): TableSchemaField => ({
  name,
  type,
  description: name,
  constraints: { required },
});
const FIELDS = [field("id"), field("value", "number"), field("note", "string", false)];
const table = (csv: string, fields = FIELDS): ReleaseTable => ({ name: "figures", csv, primaryKey: ["id"], fields });
const BASE = "id,value,note\na,1,x\nb,2,\nc,3,y\n";

describe("release diff", () => {
  it("a changed cell needs a patch, and names the record and cell", () => {
    const [diff] = diffTables([table(BASE)], [table("id,value,note\na,1,x\nb,5,\nc,3,y\n")]);
    expect(diff!.changed).toEqual([{ key: "b", cells: [{ column: "value", from: "2", to: "5" }] }]);
    expect(diff!.added).toEqual([]);
    expect(diff!.removed).toEqual([]);
    expect(requiredBump([diff!])).toBe("patch");
  });

  it("an added record needs a minor", () => {
    const [diff] = diffTables([table(BASE)], [table(BASE + "d,4,z\n")]);
    expect(diff!.added).toEqual(["d"]);
    expect(requiredBump([diff!])).toBe("minor");
  });

  it("a removed record needs a major", () => {
    const [diff] = diffTables([table(BASE)], [table("id,value,note\na,1,x\nc,3,y\n")]);
    expect(diff!.removed).toEqual(["b"]);
    expect(requiredBump([diff!])).toBe("major");
  });

  it("a removed column needs a major", () => {
    const [diff] = diffTables([table(BASE)], [table("id,value\na,1\nb,2\nc,3\n", FIELDS.slice(0, 2))]);
    expect(diff!.columnsRemoved).toEqual(["note"]);
    expect(diff!.changed).toEqual([]);
    expect(requiredBump([diff!])).toBe("major");
  });

  it("an added column needs a minor, a retyped or newly required one a major, and no change nothing", () => {
    const added = diffTables(
      [table(BASE)],
      [table("id,value,note,unit\na,1,x,u\nb,2,,u\nc,3,y,u\n", [...FIELDS, field("unit")])],
    );
    expect(added[0]!.columnsAdded).toEqual(["unit"]);
    expect(requiredBump(added)).toBe("minor");
    const retyped = diffTables(
      [table(BASE)],
      [table(BASE, [field("id"), field("value", "integer"), field("note", "string", true)])],
    );
    expect(retyped[0]!.columnsTightened).toEqual(["value (type number → integer)", "note (now required)"]);
    expect(requiredBump(retyped)).toBe("major");
    expect(requiredBump(diffTables([table(BASE)], [table(BASE)]))).toBeNull();
  });

  it("a new table needs a minor, a removed one a major", () => {
    expect(requiredBump(diffTables([], [table(BASE)]))).toBe("minor");
    expect(requiredBump(diffTables([table(BASE)], []))).toBe("major");
  });
});

describe("files beside the tables", () => {
  const files = (entries: Record<string, string>) =>
    new Map(Object.entries(entries).map(([path, text]) => [path, Buffer.from(text)]));
  const descriptor = (version: string, title: string, created = "2026-01-01T00:00:00Z") =>
    JSON.stringify({
      version,
      created,
      title,
      resources: [{ name: "figures", schema: { fields: [{ name: "id", type: "string" }], primaryKey: ["id"] } }],
    });

  it("count when a chart or the descriptor's content changes, not for a new version, date or table files", () => {
    const before = files({
      "charts/a.svg": "<svg/>",
      "data/figures.csv": "id\na\n",
      "datapackage.json": descriptor("1.0.0", "T"),
    });
    expect(
      fileChanges(
        before,
        files({
          "charts/a.svg": "<svg/>",
          "data/figures.csv": "id\nb\n",
          "datapackage.json": descriptor("1.0.1", "T", "2026-02-02T00:00:00Z"),
        }),
      ),
    ).toEqual({ added: [], removed: [], changed: [] });
    expect(
      fileChanges(
        before,
        files({
          "charts/a.svg": "<svg />",
          "data/figures.csv": "id\na\n",
          "datapackage.json": descriptor("1.0.1", "T2"),
        }),
      ).changed,
    ).toEqual(["charts/a.svg", "datapackage.json"]);
  });

  it("count a table's other files and the data folder's others, which no cell comparison covers", () => {
    const data = (sqlite: string, json: string) =>
      files({
        "data/figures.csv": "id\na\n",
        "data/figures.json": json,
        "data/russia-dprk-data.sqlite": sqlite,
        "data/metadata.json": "{}",
        "datapackage.json": descriptor("1.0.0", "T"),
      });
    expect(fileChanges(data("a", "[]"), data("b", '[{"id":"a"}]')).changed).toEqual([
      "data/figures.json",
      "data/russia-dprk-data.sqlite",
    ]);
  });

  it("name a file added or removed as such, never as changed", () => {
    const before = files({ "charts/a.svg": "<svg/>", "data/figures.csv": "id\na\n", "datapackage.json": "{}" });
    expect(
      fileChanges(before, files({ "data/figures.csv": "id\na\n", "datapackage.json": "{}", "explorer/b.html": "" })),
    ).toEqual({ added: ["explorer/b.html"], removed: ["charts/a.svg"], changed: [] });
  });
});

describe("release manifest", () => {
  it("fails on a one-byte change to a CSV, and names the file", () => {
    const files = readTree(join(ROOT, "dist"));
    const manifest = manifestOf("1.0.0", files);
    expect(compareWithManifest(manifest, files)).toEqual([]);
    const csv = Buffer.from(files.get("data/figures.csv")!);
    csv[csv.length - 2] = csv[csv.length - 2]! ^ 1;
    files.set("data/figures.csv", csv);
    const problems = compareWithManifest(manifest, files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/figures\.csv: changed/);
  });
});

describe("the release command", () => {
  afterAll(removeTemporaryFolders);

  it("cuts a release from a data change, and refuses a bump smaller than the diff needs", async () => {
    const { dir: repo, git } = copyRepo();
    const cli = (args: string[]) => runInProcessAt(repo, ...args);
    const version = () => JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version as string;
    const base = version();

    const corrected = correctANote(repo);
    git("commit", "-qam", "a corrected note");
    const patch = await cli(["release", "patch", "--date", "2026-02-02"]);
    expect(patch.stderr).toBe("");
    expect(patch.status).toBe(0);
    const next = version();
    expect(next).not.toBe(base);
    const manifest = JSON.parse(readFileSync(join(repo, "releases", `${next}.json`), "utf8"));
    expect(compareWithManifest(manifest, readTree(join(repo, "dist")))).toEqual([]);
    expect(JSON.parse(readFileSync(join(repo, "dist", "datapackage.json"), "utf8")).version).toBe(next);
    const changelog = readFileSync(join(repo, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${next} (2026-02-02)`);
    expect(changelog).toContain(
      `- changed \`${corrected.id}\`: \`note\` ${showChange(corrected.before, corrected.after)}`,
    );
    // The release is its own commit, tagged.
    expect(git("log", "-1", "--format=%s").trim()).toBe(`Release ${next} (patch; changes since ${base})`);
    expect(git("tag", "--points-at", "HEAD").trim()).toBe(`v${next}`);
    expect(git("cat-file", "-t", `v${next}`).trim()).toBe("tag");
    expect(git("status", "--porcelain")).toBe("");
    expect((await cli(["verify"])).status).toBe(0);

    removeAnEvent(repo);
    git("commit", "-qam", "an event removed");
    const refused = await cli(["release", "minor"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /a minor release is too small: .* need a major release \(1 events record\(s\) removed/,
    );
    expect(version()).toBe(next);
    expect(git("status", "--porcelain", "--untracked-files=all", "--ignored")).toBe("");
  });
});
