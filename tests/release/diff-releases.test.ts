/**
 * `npm run diff -- FROM TO` across the whole release history, read from the manifests and git; and the tags of the
 * releases, set at the commits that added their manifests by `tag-releases`, never moved.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { releasedVersions } from "../../pipeline/release/manifest.ts";
import { errorLines, ROOT, runInProcess, runInProcessAt } from "../helpers/cli.ts";
import { cloneRepo, removeTemporaryFolders } from "../helpers/repo-copy.ts";

const VERSIONS = releasedVersions(join(ROOT, "releases"));
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
/** A shallow clone has not the commits that made the earlier releases. */
const SHALLOW = git("rev-parse", "--is-shallow-repository") === "true";
const CHANGELOG = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");

/** The table of counts in a Markdown text: its rows, each as its cells. */
const countsTable = (text: string) =>
  text
    .split("\n")
    .filter((line) => /^\| [a-z_]+( \(table \w+\))? \| \d+ \|/.test(line))
    .map((line) => line.split("|").map((cell) => cell.trim()));

afterAll(removeTemporaryFolders);

describe.skipIf(SHALLOW)("npm run diff", () => {
  it.each(VERSIONS.slice(1).map((version, i) => [VERSIONS[i]!, version] as const))(
    "%s → %s counts what the release's CHANGELOG entry counts",
    async (from, to) => {
      const result = await runInProcess("diff", from, to);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout.split("\n")[0]).toBe(`## ${from} → ${to}`);
      const entry = CHANGELOG.split(`\n## ${to} (`)[1]!.split("\n## ")[0]!;
      expect(countsTable(result.stdout)).toEqual(countsTable(entry));
      expect(result.stdout).not.toMatch(/`[a-z0-9-]+@\d+`/);
    },
  );

  it("compares any two releases, the first with the last, either way round", async () => {
    const [first, last] = [VERSIONS[0]!, VERSIONS.at(-1)!];
    const forward = await runInProcess("diff", first, `v${last}`);
    const backward = await runInProcess("diff", last, first);
    expect([forward.status, backward.status]).toEqual([0, 0]);
    const added = (text: string) => /- Records added: ([^;]*);/.exec(text)![1];
    const removed = (text: string) => /; removed: ([^;]*);/.exec(text)![1];
    expect(added(forward.stdout)).toBe(removed(backward.stdout));
  });

  it.each([
    [[], "cli.ts diff: expected two releases, FROM and TO (usage: cli.ts diff FROM TO)"],
    [["2.0.0"], "cli.ts diff: expected two releases, FROM and TO (usage: cli.ts diff FROM TO)"],
    [["2.0.0", "9.9.9"], /^cli\.ts diff: no release 9\.9\.9 in releases\/ \(releases: 1\.0\.0, .*\)$/],
    [["main", "2.0.0"], 'cli.ts diff: "main" is not a version'],
    [["2.0.0", "2.1.0", "2.2.0"], "cli.ts diff: expected two releases, FROM and TO (usage: cli.ts diff FROM TO)"],
    [["--from", "2.0.0"], /^cli\.ts diff: Unknown option '--from'/],
  ])("refuses %j in one line", async (args, message) => {
    const result = await runInProcess("diff", ...args);
    expect(result.status).toBe(2);
    expect(errorLines(result)).toEqual([message instanceof RegExp ? expect.stringMatching(message) : message]);
  });
});

describe.skipIf(SHALLOW)("npm run tag-releases", () => {
  it("tags each release at the commit that added its manifest, once, and never moves a tag", async () => {
    const clone = cloneRepo();
    for (const tag of clone.git("tag").split("\n").filter(Boolean)) clone.git("tag", "-d", tag);
    const first = await runInProcessAt(clone.dir, "tag-releases");
    expect(first.status).toBe(0);
    for (const version of VERSIONS) {
      const commit = clone.git("log", "-1", "--format=%H", "--diff-filter=A", "--", `releases/${version}.json`).trim();
      expect(clone.git("rev-parse", `v${version}^{commit}`).trim(), version).toBe(commit);
      expect(clone.git("cat-file", "-t", `v${version}`).trim()).toBe("tag");
    }
    const again = await runInProcessAt(clone.dir, "tag-releases");
    expect(again.stdout.split("\n").filter(Boolean)).toEqual(
      VERSIONS.map((version) => expect.stringMatching(new RegExp(`^v${version.replaceAll(".", "\\.")}: already at `))),
    );
    const [version] = VERSIONS;
    clone.git("tag", "-d", `v${version}`);
    clone.git("tag", `v${version}`, "HEAD");
    const moved = await runInProcessAt(clone.dir, "tag-releases");
    expect(moved.status).toBe(1);
    expect(errorLines(moved)).toEqual([
      expect.stringMatching(new RegExp(`^releases/${version}\\.json: v${version} points to \\w{12}, not to \\w{12}`)),
    ]);
  });
});
