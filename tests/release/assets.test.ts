/** The release's downloads: built twice, in different time zones and umasks, they are the same bytes. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../../pipeline/io/sha256.ts";
import { readTree } from "../../pipeline/release/manifest.ts";
import { ROOT, runInProcess } from "../helpers/cli.ts";
import { removeTemporaryFolders, temporaryFolder } from "../helpers/repo-copy.ts";

const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

function assets(out: string, env: Record<string, string>) {
  return spawnSync(
    "/bin/sh",
    [
      "-c",
      `umask ${env.UMASK} && exec "$0" --import tsx pipeline/cli.ts release-assets --out "$1"`,
      process.execPath,
      out,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );
}

describe("release assets", () => {
  afterAll(removeTemporaryFolders);

  it("are byte-identical on rebuild, checksummed, and the zip holds the data package as published", () => {
    const scratch = temporaryFolder("rdd-assets-");
    const first = assets(join(scratch, "a"), { TZ: "UTC", UMASK: "022" });
    const second = assets(join(scratch, "b"), { TZ: "Pacific/Kiritimati", UMASK: "077" });
    for (const run of [first, second]) {
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }
    const names = readdirSync(join(scratch, "a")).sort();
    expect(names).toEqual([
      "SHA256SUMS",
      `russia-dprk-data-${VERSION}-datapackage.zip`,
      `russia-dprk-data-${VERSION}.tgz`,
    ]);
    expect(readdirSync(join(scratch, "b")).sort()).toEqual(names);
    for (const name of names)
      expect(readFileSync(join(scratch, "b", name)).equals(readFileSync(join(scratch, "a", name))), name).toBe(true);

    const sums = readFileSync(join(scratch, "a", "SHA256SUMS"), "utf8");
    expect(sums).toBe(
      names
        .filter((n) => n !== "SHA256SUMS")
        .map((n) => `${sha256(readFileSync(join(scratch, "a", n)))}  ${n}\n`)
        .join(""),
    );

    const zip = unzipSync(readFileSync(join(scratch, "a", `russia-dprk-data-${VERSION}-datapackage.zip`)));
    const folder = `russia-dprk-data-${VERSION}/`;
    const dist = readTree(join(ROOT, "dist"));
    const listed = (
      JSON.parse(dist.get("datapackage.json")!.toString("utf8")) as { resources: { path: string }[] }
    ).resources.map((r) => r.path);
    expect(Object.keys(zip).sort()).toEqual(
      ["DATA_LICENSE", "datapackage.json", ...listed].map((p) => folder + p).sort(),
    );
    for (const path of ["datapackage.json", ...listed])
      expect(Buffer.from(zip[folder + path]!).equals(dist.get(path)!), path).toBe(true);
  }, 60_000);

  it("refuse to replace a folder that holds something else", async () => {
    const out = temporaryFolder("rdd-assets-");
    mkdirSync(join(out, "keep"));
    writeFileSync(join(out, "keep", "notes.txt"), "mine\n");
    const run = await runInProcess("release-assets", "--out", out);
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      `${out}: exists and holds no release assets (no SHA256SUMS): refusing to replace it`,
    );
    expect(readFileSync(join(out, "keep", "notes.txt"), "utf8")).toBe("mine\n");
  });
});
