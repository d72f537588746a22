/** The build's documentation step writes, and reports, only the files whose generated text changed. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeDocs } from "../../pipeline/render/docs.ts";
import { ROOT } from "../helpers/cli.ts";
import { builtSources } from "../helpers/published.ts";

/** A build of the sources: its tables, its files and what the formats say of them. */
const report = await builtSources();

describe("writeDocs", () => {
  it(
    "changes nothing and reports nothing when the documents are current, and names the one file it " + "rewrites",
    async () => {
      const root = mkdtempSync(join(tmpdir(), "rdd-docs-"));
      cpSync(join(ROOT, "README.md"), join(root, "README.md"));
      cpSync(join(ROOT, "docs"), join(root, "docs"), { recursive: true });
      for (const file of ["CITATION.cff", "package.json"]) cpSync(join(ROOT, file), join(root, file));
      expect(await writeDocs(root, report)).toEqual([]);

      const readme = join(root, "README.md");
      const current = readFileSync(readme, "utf8");
      writeFileSync(readme, current.replace("<!-- dictionary:end -->", "stale line\n<!-- dictionary:end -->"));
      expect(await writeDocs(root, report)).toEqual(["README.md"]);
      expect(readFileSync(readme, "utf8")).toBe(current);
    },
  );
});
