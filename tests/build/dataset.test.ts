/** The dataset built from the memo: each figure checked against its sentence, every offset, full coverage. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildReport } from "../../pipeline/build.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import type { Event, Figure } from "../../schemas/index.ts";
import { ROOT, snapshot } from "../helpers/cli.ts";
import { builtMemo } from "../helpers/published.ts";
import { PDF_MARKDOWN } from "../helpers/text-formats.ts";

const MEMO = "ponars-pm-428";
let report: BuildReport;
let outDir: string;
let figures: Figure[];
let events: Event[];
beforeAll(async () => {
  ({ outDir, ...report } = await builtMemo());
  // The memo's own records: other sources may stand beside it.
  figures = report.tables.figures.rows.filter((f) => f.source_id === MEMO);
  events = report.tables.events.rows.filter((e) => e.source_id === MEMO);
});

/** [id, value, unit, period_start, period_end, qualifier, claim_type], read off the memo by hand. */
const GOLDEN: [string, number, string, string | null, string | null, string, string][] = [
  ["border-length-rus-prk", 17, "km", null, null, "exact", "reported"],
  ["trade-partner-rank-kor-rus", 10, "rank", null, null, "at_most", "reported"],
  ["trade-turnover-rus-prk-1988", 2_350_000_000, "USD", "1988", "1988", "exact", "reported"],
  ["trade-turnover-rus-prk-1996", 85_000_000, "USD", "1996", "1996", "exact", "reported"],
  ["trade-turnover-rus-prk-2006", 210_000_000, "USD", "2006", "2006", "at_most", "reported"],
  ["trade-turnover-rus-prk-2009", 45_000_000, "USD", "2009", "2009", "exact", "reported"],
  ["trade-turnover-rus-prk-2011-2012", 110_000_000, "USD", "2011", "2012", "approximate", "reported"],
  ["trade-turnover-rus-prk-2014", 92_000_000, "USD", "2014", "2014", "approximate", "reported"],
  ["trade-turnover-rus-prk-2015", 63_000_000, "USD", "2015", "2015", "approximate", "reported"],
  ["trade-turnover-chn-prk-2013", 6_000_000_000, "USD", "2013", "2013", "at_least", "reported"],
  ["investment-rus-prk-railway-2008-2014", 171_000_000, "USD", "2008", "2014", "exact", "reported"],
  ["investment-rus-prk-terminal-2008-2014", 109_000_000, "USD", "2008", "2014", "exact", "reported"],
  ["debt-prk-rus-2012", 10_000_000_000, "USD", "2012", "2012", "exact", "reported"],
  ["debt-write-off-share-rus-prk-2012", 90, "percent", "2012", "2012", "exact", "reported"],
  ["investment-pledge-rus-prk-2012", 1_000_000_000, "USD", "2012", "2012", "exact", "reported"],
  ["quota-multiplier-rus-prk-2013", 3, "ratio", "2013", "2013", "exact", "reported"],
  ["labor-quota-rus-prk-2015", 50_000, "person", "2015", "2015", "at_most", "reported"],
  ["workers-prk-in-rus-2016", 30_000, "person", "2016-01", "2016-01", "approximate", "estimate"],
  ["un-votes-against-crimea-resolution-2014", 11, "count", "2014-03", "2014-03", "exact", "reported"],
  ["investment-deals-rus-prk-2014-2015", 2, "count", "2014-10", "2015-01", "exact", "reported"],
  ["trade-projection-rus-prk-2020", 1_000_000_000, "USD", "2020", "2020", "at_most", "projection"],
  ["re-exports-chn-prk-russian-goods", 900_000_000, "USD/year", null, null, "exact", "allegation"],
];

describe("figures of the memo", () => {
  it("are exactly the golden list", () => {
    expect(figures.map((f) => f.id).sort()).toEqual(GOLDEN.map(([id]) => id).sort());
  });

  it.each(GOLDEN)("%s = %d %s, %s..%s, %s, %s", (id, value, unit, start, end, qualifier, claimType) => {
    const figure = figures.find((f) => f.id === id)!;
    expect(figure).toMatchObject({
      value,
      unit,
      period_start: start,
      period_end: end,
      qualifier,
      claim_type: claimType,
    });
  });

  it("keep their hedge words inside their quotes", () => {
    const quoteOf = (id: string) => figures.find((f) => f.id === id)!.quote;
    expect(quoteOf("trade-turnover-rus-prk-2006")).toContain("almost $210 million");
    expect(quoteOf("trade-turnover-chn-prk-2013")).toContain("over $6 billion");
    expect(quoteOf("labor-quota-rus-prk-2015")).toContain("almost fifty thousand");
    expect(quoteOf("workers-prk-in-rus-2016")).toContain("about thirty thousand");
    expect(quoteOf("trade-projection-rus-prk-2020")).toContain("as much as $1 billion");
  });
});

describe("events of the memo", () => {
  const event = (id: string) => events.find((e) => e.id === id)!;

  it("are exactly the memo's dated happenings, none of them a restated statistic", () => {
    expect(events).toHaveLength(56);
    // A trade level is a figure: no event restates one.
    const tradeLevels = figures.filter((f) => f.measure === "trade_turnover").map((f) => f.quote);
    for (const e of events)
      for (const level of tradeLevels) expect(e.quote.includes(level), `${e.id} restates "${level}"`).toBe(false);
    for (const removed of [
      "trade-collapse-rus-prk-1988-1996",
      "trade-turnover-post-soviet-peak-2006",
      "trade-turnover-drop-2009",
      "trade-turnover-recovery-2011-2012",
      "trade-turnover-drop-2014-2015",
      "six-party-talks-stalled-2014-2015",
      "kim-cancels-victory-day-visit-2015",
    ]) {
      expect(event(removed), removed).toBeUndefined();
    }
  });

  it.each([
    ["korean-war-1950-1953", "1950", "1953", "range", "explicit"],
    ["rus-frames-prk-unfriendly-early-1990s", "1990", "1994", "decade", "explicit"],
    ["rus-pro-western-policy-koreas-early-1990s", "1990", "1994", "decade", "inferred"],
    ["rus-equidistant-approach-late-1990s", "1995", "1999", "decade", "explicit"],
    ["rus-prk-relations-improve-2000s", "2000", "2009", "decade", "explicit"],
    ["rus-prk-senior-visits-2014-2015", "2014", "2015", "range", "explicit"],
    ["prk-votes-against-crimea-resolution-2014", "2014-03", "2014-03", "month", "explicit"],
    ["prk-hydrogen-bomb-test-2016-01", "2016-01", "2016-01", "month", "inferred"],
    ["prk-satellite-launch-2016-02", "2016-02", "2016-02", "month", "inferred"],
    ["khasan-rajin-railway-opened-2013", "2013", "2013", "year", "inferred"],
    ["rus-supports-un-sanctions-prk-2016-03", "2016-03", "2016-03", "month", "explicit"],
    ["rus-rajin-cargo-terminal-2008-2014", "2008", "2014", "range", "explicit"],
    ["rus-rajin-railway-reconstruction-2008-2014", "2008", "2014", "range", "explicit"],
    ["rus-asks-prk-repay-debts-early-1990s", "1990", "1994", "decade", "inferred"],
    ["rus-stops-assistance-to-prk-early-1990s", "1990", "1994", "decade", "inferred"],
    ["prk-cuts-diplomatic-contacts-rus-early-1990s", "1990", "1994", "decade", "inferred"],
    ["prk-consents-trans-korean-corridor-2000s", "2000", "2009", "decade", "inferred"],
    ["prk-imposes-corridor-conditions-2000s", "2000", "2009", "decade", "inferred"],
    ["rus-agrees-prk-extradition-treaty-2014-2015", "2014", "2015", "range", "inferred"],
    ["kim-agrees-to-attend-victory-day-parade-2015-05", "2015-05", "2015-05", "month", "no_later_than"],
    ["kim-stays-away-from-victory-day-parade-2015-05", "2015-05", "2015-05", "month", "inferred"],
    ["rus-reserves-rajin-coal-exports-2016-03", "2016-03", "2016-03", "month", "inferred"],
    ["soviet-union-collapse-late-1980s-early-1990s", "1987", "1994", "range", "inferred"],
    ["putin-comes-to-power-2000s", "2000", "2009", "decade", "no_later_than"],
    ["prk-missile-tests-2006", "2006", "2006", "year", "no_later_than"],
    ["prk-kor-tensions-2006", "2006", "2006", "year", "explicit"],
    ["trans-korean-corridor-develops-2000s", "2000", "2009", "decade", "inferred"],
    ["rus-economic-condition-worsens-2015", "2015", "2015", "year", "inferred"],
    ["rus-ukr-conflict-2014-03", "2014-03", "2014-03", "month", "no_later_than"],
    ["rus-annexes-crimea-2014-03", "2014-03", "2014-03", "month", "no_later_than"],
    ["victory-day-parade-boycott-2015-05", "2015-05", "2015-05", "month", "inferred"],
    ["chn-military-assistance-to-prk-1950-1953", "1950", "1953", "range", "inferred"],
    ["rus-prk-relations-partially-improve-late-1990s", "1995", "1999", "decade", "explicit"],
    ["rus-prk-relations-deteriorate-2006", "2006", "2006", "year", "inferred"],
    ["rus-prk-rapprochement-2014-2015", "2014", "2015", "range", "inferred"],
    ["un-criticizes-rus-prk-extradition-treaty-2014-2016", "2014", "2016-05", "range", "inferred"],
    ["rus-kor-coal-supplies-via-rajin-2014-2016", "2014-11", "2016-03", "range", "inferred"],
  ])("%s: %s..%s (%s, %s)", (id, start, end, precision, basis) => {
    expect(event(id)).toMatchObject({ date_start: start, date_end: end, date_precision: precision, date_basis: basis });
  });

  it("explain every date that is not explicit", () => {
    for (const e of events.filter((e) => e.date_basis !== "explicit")) expect(e.note, e.id).toBeTruthy();
  });

  it("type a stated intention as one, not as a body set up", () => {
    expect(event("asian-trading-house-announced-2015-10")).toMatchObject({ event_type: "diplomacy", plover: "AGREE" });
    expect(event("asian-trading-house-announced-2015-10").title).toContain("intent to establish");
  });

  it("assert no more than the memo: the satellite launch is no weapons test", () => {
    expect(event("prk-satellite-launch-2016-02").event_type).toBe("satellite_launch");
    const hedge = "believed to be part of its ballistic missile development program";
    expect(event("prk-satellite-launch-2016-02").note).toContain(hedge);
  });

  it("name the actors the memo names, and only those", () => {
    expect(event("rus-ukr-conflict-2014-03").actors).toEqual(["RUS", "UKR"]);
    expect(event("rus-annexes-crimea-2014-03").actors).toEqual(["RUS"]);
    expect(event("soviet-union-collapse-late-1980s-early-1990s").actors).toEqual(["SUN"]);
    expect(event("korean-war-1950-1953").actors).toEqual(["PRK", "CHN"]);
    const assistance = event("chn-military-assistance-to-prk-1950-1953");
    expect(assistance).toMatchObject({ actors: ["CHN", "PRK"], plover: "AID" });
  });

  it("code no PLOVER category that would misread the actors: no named source, or no named target", () => {
    expect(event("victory-day-parade-boycott-2015-05").plover).toBeNull();
    expect(event("korean-war-1950-1953").plover).toBeNull();
    expect(event("trans-korean-corridor-on-hold-2006")).toMatchObject({ event_type: "investment", plover: null });
  });

  it("file a concluded agreement under SUPPORT and a promise or stated intent under AGREE", () => {
    const concluded = [
      "rus-prk-investment-deal-2014-10",
      "rus-prk-investment-deal-2015-01",
      "rus-agrees-prk-extradition-treaty-2014-2015",
    ];
    for (const id of concluded) expect(event(id).plover, id).toBe("SUPPORT");
    const promises = [
      "rus-prk-debt-agreement-2012",
      "prk-consents-trans-korean-corridor-2000s",
      "kim-agrees-to-attend-victory-day-parade-2015-05",
      "asian-trading-house-announced-2015-10",
    ];
    for (const id of promises) expect(event(id).plover, id).toBe("AGREE");
  });

  it("file a vote against a UN resolution under REJECT, and a change in relations by its direction", () => {
    const votesAgainst = [
      "prk-votes-against-crimea-resolution-2014",
      "rus-votes-against-prk-human-rights-resolution-2014",
      "rus-votes-against-prk-human-rights-resolution-2015",
    ];
    for (const id of votesAgainst) expect(event(id).plover, id).toBe("REJECT");
    const improvements = [
      "rus-prk-relations-partially-improve-late-1990s",
      "rus-prk-relations-improve-2000s",
      "rus-prk-rapprochement-2014-2015",
      "rus-prk-year-of-friendship-2015",
    ];
    for (const id of improvements) expect(event(id).plover, id).toBe("SUPPORT");
    expect(event("rus-prk-relations-deteriorate-2006").plover).toBe("SANCTION");
  });

  it("date a happening the memo bounds only above as no_later_than, and one it bounds below too as inferred", () => {
    const bounded = [
      "kim-agrees-to-attend-victory-day-parade-2015-05",
      "prk-missile-tests-2006",
      "putin-comes-to-power-2000s",
      "rus-annexes-crimea-2014-03",
      "rus-ukr-conflict-2014-03",
    ];
    expect(
      events
        .filter((e) => e.date_basis === "no_later_than")
        .map((e) => e.id)
        .sort(),
    ).toEqual(bounded);
    for (const id of bounded) expect(event(id).note, id).toContain("the latest date the memo allows");
    // The paragraph's "From 2006" dates the inter-Korean tensions, not the tests Russia condemned "in 2006".
    expect(event("prk-missile-tests-2006").note).toContain("dates the new inter-Korean tensions, not the");
    expect(event("rus-economic-condition-worsens-2015")).toMatchObject({ date_basis: "inferred", date_start: "2015" });
  });

  it("type a promise as diplomacy and an agreement signed or a debt settled as agreement", () => {
    expect(event("prk-consents-trans-korean-corridor-2000s")).toMatchObject({
      event_type: "diplomacy",
      plover: "AGREE",
    });
    expect(event("prk-consents-trans-korean-corridor-2000s").quote).toBe("Initially, North Korea gave its consent");
    expect(event("kim-agrees-to-attend-victory-day-parade-2015-05").event_type).toBe("diplomacy");
    expect(event("rus-prk-investment-deal-2014-10")).toMatchObject({ event_type: "agreement", plover: "SUPPORT" });
  });

  it("title what the memo asserts, without a doubt it does not express", () => {
    expect(event("prk-hydrogen-bomb-test-2016-01").title).toBe("North Korea's hydrogen bomb test");
    expect(event("prk-hydrogen-bomb-test-2016-01").note).toContain("Context from outside the memo");
  });

  it("quote only what they report: the parade agreement and the reversal are two events", () => {
    expect(event("kim-agrees-to-attend-victory-day-parade-2015-05").quote).toContain("agreed to attend");
    expect(event("kim-stays-away-from-victory-day-parade-2015-05").quote).toBe(
      "He changed his mind at the last minute, however, and did not attend",
    );
  });
});

describe("the series break between Soviet and Russian trade", () => {
  it("is stated on the 1996 row and on every indicator that crosses it", () => {
    const row = report.tables.series
      .get("trade-turnover-rus-prk")!
      .rows.find((r) => r.figure_id === "trade-turnover-rus-prk-1996")!;
    expect(row.break_note).toContain("when this trade was the Soviet Union's");
    // Grounded in the memo's own words, not in knowledge from outside it.
    const note1988 = figures.find((f) => f.id === "trade-turnover-rus-prk-1988")!.note;
    for (const words of ["Soviet-North Korean cooperation", "until the end of the 1980s", "post-Soviet peak"]) {
      expect(row.break_note).toContain(words);
      expect(note1988).toContain(words);
    }
    for (const kind of ["abs-change", "pct-change", "cagr"]) {
      const crossing = report.tables.indicators.rows.find((i) => i.id === `trade-turnover-rus-prk-1996-${kind}`)!;
      expect(crossing.note, kind).toContain("when this trade was the Soviet Union's");
      expect(crossing.description, kind).toContain("when this trade was the Soviet Union's");
    }
    expect(
      report.tables.indicators.rows.find((i) => i.id === "trade-turnover-rus-prk-2006-pct-change")!.note ?? "",
    ).not.toContain("Soviet Union's");
  });
});

describe("provenance", () => {
  const raw = readFileSync(join(ROOT, "sources", "ponars-pm-428", "memo.txt"), "utf8");
  const codePoints = Array.from(raw);

  it("every quote is the raw text at its offsets, normalized", () => {
    for (const record of [...figures, ...events]) {
      const span = codePoints.slice(record.char_start, record.char_end).join("");
      expect(normalize(span, PDF_MARKDOWN).text, record.id).toBe(record.quote);
    }
  });

  it("every quantity mention is used by a figure or dismissed with a reason", () => {
    const quantities = report.tables.mentions.rows.filter((m) => m.kind === "quantity" && m.source_id === MEMO);
    expect(quantities.length).toBeGreaterThan(20);
    for (const m of quantities) expect(m.used_by.length + (m.dismissed ? 1 : 0), m.text).toBe(1);
  });

  it("every time mention dates a record or is dismissed with a reason", () => {
    const times = report.tables.mentions.rows.filter((m) => m.kind === "time" && m.source_id === MEMO);
    expect(times.length).toBeGreaterThan(40);
    for (const m of times) expect(m.used_by.length > 0 !== (m.dismissed !== null), m.text).toBe(true);
    const memoDate = times.find((m) => m.text === "May 2016")!;
    expect(memoDate.used_by).toEqual(["un-criticizes-rus-prk-extradition-treaty-2014-2016"]);
  });

  it("vague amounts are dismissed, not figures", () => {
    const dismissed = report.tables.mentions.rows.filter((m) => m.dismissed !== null).map((d) => d.text);
    expect(dismissed.some((text) => text.includes("multibillion"))).toBe(true);
    expect(dismissed.some((text) => text.includes("billions of dollars"))).toBe(true);
  });
});

describe("the committed dist/", () => {
  it("holds exactly what a fresh build writes", () => {
    const committed = snapshot(join(ROOT, "dist", "data"));
    const fresh = snapshot(join(outDir, "data"));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const [path, bytes] of Object.entries(fresh)) expect(committed[path], path).toBe(bytes);
  });
});
