/**
 * The README's recipes, run as written: each code block after a `<!-- recipe: NAME -->` marker is extracted from
 * README.md, so the README and this test cannot drift. DuckDB and the sqlite3 shell run here; pandas, R's arrow
 * and Datasette cannot be installed on this machine (no PyPI or CRAN), so their recipes run only where the tool
 * is present, and are skipped with that reason otherwise.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.ts";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

function recipe(name: string): string {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`[a-z]+\\n([\\s\\S]*?)\\n\`\`\``).exec(README);
  if (!match) throw new Error(`README.md has no recipe "${name}"`);
  return match[1]!;
}

const has = (command: string, ...args: string[]) => spawnSync(command, args, { encoding: "utf8" }).status === 0;
const run = (command: string, args: string[], input?: string) =>
  spawnSync(command, args, { cwd: ROOT, encoding: "utf8", input });

/** The answer every recipe must give: trade turnover by year, from the published JSON. */
const trade: { period_first_day: string; period_last_day: string; value: number; qualifier: string }[] = JSON.parse(
  readFileSync(join(ROOT, "dist", "data", "trade_turnover.json"), "utf8"),
);
const answer = trade.map((t) => ({
  from_year: t.period_first_day.slice(0, 4),
  to_year: t.period_last_day.slice(0, 4),
  usd: t.value,
  qualifier: t.qualifier,
}));

describe("README recipes", () => {
  it("DuckDB over Parquet answers trade turnover by year with its hedge", async () => {
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    try {
      // DuckDB resolves the recipe's relative path against the working directory: the repository.
      const rows = (await connection.runAndReadAll(recipe("duckdb"))).getRowObjectsJson();
      expect(rows.map((r) => ({ ...r, from_year: String(r.from_year), to_year: String(r.to_year) }))).toEqual(answer);
    } finally {
      connection.closeSync();
    }
  });

  it("the sqlite3 shell answers it from the database", () => {
    const result = run("sqlite3", ["-json", "dist/data/russia-dprk-data.sqlite"], recipe("sqlite"));
    expect(result.error, "the sqlite3 shell is needed (apt-get install sqlite3)").toBeUndefined();
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(answer);
  });

  it("Python's standard sqlite3 module answers it with the same query", () => {
    const database = `sqlite3.connect("dist/data/russia-dprk-data.sqlite")`;
    const rows = `${database}.execute(sys.stdin.read()).fetchall()`;
    const script = `import json, sqlite3, sys\nrows = ${rows}\nprint(json.dumps(rows))`;
    const result = run("python3", ["-c", script], recipe("sqlite"));
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(answer.map((a) => [a.from_year, a.to_year, a.usd, a.qualifier]));
  });

  it.skipIf(!has("python3", "-c", "import pandas, pyarrow"))(
    "pandas reads the Parquet file and the CSV file with dates parsed (needs pandas and pyarrow)",
    () => {
      const check =
        `\nassert ` +
        `str(figures["period_first_day"].dtype).startswith("datetime64")\nprint(trade.astype({"period_first_day": ` +
        `str, "period_last_day": str}).to_json(orient="records"))`;
      const result = run("python3", ["-c", recipe("pandas") + check]);
      expect(result.stderr).toBe("");
      const rows: { period_first_day: string; period_last_day: string; value: number; qualifier: string }[] =
        JSON.parse(result.stdout);
      expect(
        rows.map((r) => ({
          from_year: r.period_first_day.slice(0, 4),
          to_year: r.period_last_day.slice(0, 4),
          usd: r.value,
          qualifier: r.qualifier,
        })),
      ).toEqual(answer);
    },
  );

  it.skipIf(!has("Rscript", "-e", "library(arrow)"))("R's arrow reads the Parquet file (needs R with arrow)", () => {
    const result = run("Rscript", [
      "-e",
      `${recipe("r")}\ncat(nrow(trade), as.character(class(trade$period_first_day)))`,
    ]);
    expect(result.stdout).toBe(`${answer.length} Date`);
  });

  it("the Datasette recipe names the database and the metadata the build writes", () => {
    const [command, database, flag, metadataFile] = recipe("datasette").split(/\s+/);
    expect([command, flag]).toEqual(["datasette", "--metadata"]);
    const metadata = JSON.parse(readFileSync(join(ROOT, metadataFile!), "utf8"));
    const stem = database!.replace(/^.*\//, "").replace(/\.sqlite$/, "");
    expect(Object.keys(metadata.databases)).toEqual([stem]);
    expect(metadata.databases[stem].tables.trade_turnover.columns.period_first_day).toMatch(
      /^First day of `period_start`/,
    );
    if (has("datasette", "--version")) {
      expect(run("datasette", ["inspect", database!]).status).toBe(0);
    }
  });
});
