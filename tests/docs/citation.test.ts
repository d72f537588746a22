/**
 * A source is cited from the fields it has: a numbered memo, a report in a series, a news article, a web page.
 * No citation ever prints a missing field; a record whose fields cannot make one stops the build at its line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  citationProblems,
  formatDate,
  reference,
  shortName,
  sourcesPhrase,
  withSources,
  type Cited,
} from "../../pipeline/render/citation.ts";
import { brokenSources, runInProcess, snapshot } from "../helpers/cli.ts";

const MEMO: Cited = {
  title: `Does North Korea Have A Place in Russia's "Turn to the East"?`,
  author: "Serghei Golunov",
  affiliation: "Kyushu University (Japan)",
  series: "PONARS Eurasia Policy Memo",
  number: "428",
  published: "2016-05",
  publisher: "PONARS Eurasia",
  url: null,
};
const NEWS: Cited = {
  title: "Rail link to Saro island to reopen in September after four-year closure",
  author: "Northern Coast Wire staff",
  affiliation: null,
  series: null,
  number: null,
  published: "2025-06-12",
  publisher: "Northern Coast Wire",
  url: "https://news.example.org/2025/06/12/saro-rail-link-to-reopen",
};
const REPORT: Cited = { ...NEWS, title: "Annual Report 2023: Summary", series: "Annual Report", published: "2024" };
const PAGE: Cited = { ...NEWS, title: "Timetable changes", author: "Lindmark Regional Rail", published: "2025-03" };

describe("a citation", () => {
  it.each([
    [
      "a numbered memo",
      MEMO,
      `Serghei Golunov. "Does North Korea Have A Place in Russia's 'Turn to the East'?" PONARS Eurasia Policy Memo ` +
        "No. 428. PONARS Eurasia, May 2016.",
      "PONARS Eurasia Policy Memo No. 428",
    ],
    [
      "a news article",
      NEWS,
      'Northern Coast Wire staff. "Rail link to Saro island to reopen in September after four-year closure." ' +
        "Northern Coast Wire, 12 June 2025. https://news.example.org/2025/06/12/saro-rail-link-to-reopen",
      "Northern Coast Wire, 12 June 2025",
    ],
    [
      "a report in a series without a number",
      REPORT,
      'Northern Coast Wire staff. "Annual Report 2023: Summary." Annual Report. Northern Coast Wire, 2024. ' +
        "https://news.example.org/2025/06/12/saro-rail-link-to-reopen",
      "Annual Report",
    ],
    [
      "a web page",
      PAGE,
      'Lindmark Regional Rail. "Timetable changes." Northern Coast Wire, March 2025. ' +
        "https://news.example.org/2025/06/12/saro-rail-link-to-reopen",
      "Northern Coast Wire, March 2025",
    ],
  ])("of %s is built from the fields it has", (_, source, cited, short) => {
    expect(reference(source)).toBe(cited);
    expect(shortName(source)).toBe(short);
    expect(`${cited} ${short}`).not.toMatch(/null|undefined/);
  });

  it("gives a date at its precision", () => {
    expect([formatDate("2016"), formatDate("2016-05"), formatDate("2025-06-01")]).toEqual([
      "2016",
      "May 2016",
      "1 June 2025",
    ]);
  });

  it("names the sources in the package's texts, however many", () => {
    expect(withSources("Figures from {sources}", [MEMO])).toBe("Figures from PONARS Eurasia Policy Memo No. 428");
    expect(withSources("Figures from {sources}", [MEMO, NEWS])).toBe(
      "Figures from PONARS Eurasia Policy Memo No. 428 and Northern Coast Wire, 12 June 2025",
    );
    expect(sourcesPhrase([MEMO, NEWS, REPORT, PAGE])).toBe("4 sources");
  });
});

describe("a source that cannot be cited", () => {
  it.each([
    [{ ...NEWS, number: "7" }, "number", /number "7" without a series cannot be cited/],
    [{ ...NEWS, author: " \t" }, "author", /" \\t" cannot be cited: give the document's author/],
    [{ ...NEWS, publisher: "null" }, "publisher", /"null" cannot be cited/],
    [{ ...MEMO, series: "" }, "series", /write null when there is none/],
    [{ ...NEWS, url: "ftp://example.org/x" }, "url", /is not a web address/],
  ])("is refused by its field: %#", (source, field, message) => {
    const problems = citationProblems(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(field);
    expect(problems[0]!.message).toMatch(message);
  });

  it("stops the build with one line naming source.json and the field's line, and publishes nothing", async () => {
    const { sourcesDir, outDir } = brokenSources((dir) => {
      const file = join(dir, "source.json");
      const record = JSON.parse(readFileSync(file, "utf8"));
      writeFileSync(file, JSON.stringify({ ...record, series: null }, null, 2));
    });
    const before = snapshot(outDir);
    const result = await runInProcess("build", "--sources", sourcesDir, "--out", outDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^\S+\/source\.json:7: number: number "428" without a series cannot be cited: name the series it is a number in\n$/,
    );
    expect(snapshot(outDir)).toEqual(before);
  });
});
