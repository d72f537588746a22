/** The build's documentation step writes, and reports, only the files whose generated text changed. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { writeDocs } from "../../pipeline/render/docs.ts";
import { tableSpecs } from "../../pipeline/tables/index.ts";
import { ROOT } from "../helpers/cli.ts";

/** The published tables as the committed dist/ holds them. */
const tables = tableSpecs(loadDatasetConfig(join(ROOT, "sources", "dataset.yaml")).config).map((spec) => ({
  spec,
  rows: JSON.parse(readFileSync(join(ROOT, "dist", "data", `${spec.name}.json`), "utf8")) as object[],
}));

describe("writeDocs", () => {
  it("changes nothing and reports nothing when the documents are current, and names the one file it rewrites", async () => {
    const root = mkdtempSync(join(tmpdir(), "rdd-docs-"));
    cpSync(join(ROOT, "README.md"), join(root, "README.md"));
    cpSync(join(ROOT, "docs"), join(root, "docs"), { recursive: true });
    expect(await writeDocs(root, tables)).toEqual([]);

    const readme = join(root, "README.md");
    const current = readFileSync(readme, "utf8");
    writeFileSync(readme, current.replace("<!-- dictionary:end -->", "stale line\n<!-- dictionary:end -->"));
    expect(await writeDocs(root, tables)).toEqual(["README.md"]);
    expect(readFileSync(readme, "utf8")).toBe(current);
  });
});
