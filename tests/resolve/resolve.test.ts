/**
 * The parts of resolve, each on a short text of its own: locating a quote and the mention inside it, dating a
 * record (and the basis the way the date was built gives it), resolving a figure against the dataset's terms,
 * and the coverage report.
 */
import { describe, expect, it } from "vitest";
import type { Curated } from "../../pipeline/io/yaml-file.ts";
import type { DatasetConfig } from "../../pipeline/config/dataset-config.ts";
import type { CuratedEvent, CuratedFigure } from "../../pipeline/curation/records.ts";
import { PipelineError } from "../../pipeline/io/errors.ts";
import { extract } from "../../pipeline/extract/index.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import { PLAIN_TEXT } from "../helpers/text-formats.ts";
import { sourceContext, type SourceContext } from "../../pipeline/resolve/context.ts";
import { account, coverageErrors } from "../../pipeline/resolve/coverage.ts";
import { resolveEvent } from "../../pipeline/resolve/event.ts";
import { resolveFigure } from "../../pipeline/resolve/figure.ts";
import { locateMentions, locateQuote, mentionIn, type Fail } from "../../pipeline/resolve/locate.ts";
import { resolveWhen } from "../../pipeline/resolve/when.ts";

const TEXT =
  "Exports to Ostmark rose to about $40 million in 2019, from $25 million in 2017. The following year they fell.";

const CONFIG: DatasetConfig = {
  package: { title: "t", description: "d", keywords: [] },
  units: {
    EUR: { name: "euros", currency: "EUR", accepts: [] },
    USD: { name: "US dollars", currency: "USD", accepts: [] },
  },
  measures: { exports: { unit: "USD", description: "Exports" }, revenue: { unit: "EUR", description: "Revenue" } },
  actors: { HAL: { name: "Halvard" }, OST: { name: "Ostmark" } },
  event_types: { trade: { description: "Trade" } },
  derived_units: {},
  series: [],
  charts: [],
};

function context(text = TEXT): SourceContext {
  const normalized = normalize(text, PLAIN_TEXT);
  const mentions = extract(normalized.text, { documentDate: "2021-03" });
  return sourceContext({
    sourceId: "test",
    textFile: "test.txt",
    raw: text,
    normalized,
    located: locateMentions(normalized.text, mentions),
    config: CONFIG,
    configFile: "dataset.yaml",
  });
}

/** A Fail that throws the message with its key, for assertions. */
const fail: Fail = (message, key) => {
  throw new Error(`${key}: ${message}`);
};

function curated<T>(value: T): Curated<T> {
  return { value, file: "figures.yaml", index: 0, record: "r", lineOf: () => 7 };
}

describe("locating", () => {
  it("finds a quote's only occurrence, and refuses an absent or ambiguous one", () => {
    const c = context();
    expect(locateQuote(c.text, "rose to about $40 million", undefined, fail, "test.txt")).toEqual({
      start: 19,
      end: 44,
    });
    expect(() => locateQuote(c.text, "fell sharply", undefined, fail, "test.txt")).toThrow(
      /quote: quote is not in the normalized text/,
    );
    expect(() => locateQuote(c.text, "million", undefined, fail, "test.txt")).toThrow(/stands 2 times/);
    expect(locateQuote(c.text, "million", 2, fail, "test.txt").start).toBeGreaterThan(44);
  });

  it("picks the one mention of a kind in a span, or the one a needle names, and refuses a cut one", () => {
    const c = context();
    const span = locateQuote(
      c.text,
      "rose to about $40 million in 2019, from $25 million in 2017",
      undefined,
      fail,
      "test.txt",
    );
    expect(() => mentionIn(c.text, c.located, "quantity", span, undefined, fail, "amount")).toThrow(
      /holds 2 quantity mentions/,
    );
    expect(mentionIn(c.text, c.located, "quantity", span, "$25 million", fail, "amount").mention).toMatchObject({
      value: 25e6,
    });
    const cut = locateQuote(c.text, "$40 million in 2019", undefined, fail, "test.txt");
    expect(() => mentionIn(c.text, c.located, "quantity", cut, undefined, fail, "amount")).toThrow(
      /cuts the quantity mention "about \$40 million"/,
    );
  });
});

describe("dating", () => {
  const c = context();
  const quote = locateQuote(c.text, TEXT, undefined, fail, "test.txt");
  const claimed: string[] = [];
  const when = (spec: Parameters<typeof resolveWhen>[1]) =>
    resolveWhen(c, spec, quote, fail, "date", (m) => claimed.push(m.mention.text));

  it("one explicit mention states the date: explicit", () => {
    expect(when("2019")).toEqual({ start: "2019", end: "2019", precision: "year", basis: "explicit" });
  });

  it("a range built from two mentions is inferred, never explicit", () => {
    expect(when({ from: "2017", to: "2019" })).toEqual({
      start: "2017",
      end: "2019",
      precision: "range",
      basis: "inferred",
    });
  });

  it("a relative expression resolved against the text is inferred", () => {
    expect(when("The following year")).toMatchObject({ start: "2018", basis: "inferred" });
  });

  it("claims every mention it uses", () => {
    expect(claimed).toEqual(expect.arrayContaining(["2019", "2017"]));
  });
});

describe("resolving a figure", () => {
  const figure = (over: Partial<CuratedFigure>) =>
    resolveFigure(
      context(),
      curated({
        id: "exports-hal-ost-2019",
        measure: "exports",
        subject: "HAL",
        counterpart: "OST",
        quote: "rose to about $40 million in 2019",
        period: "2019",
        claim_type: "reported",
        ...over,
      } as CuratedFigure),
    );

  it("takes value, unit, hedge and period from the text, with its provenance and the mentions it uses", () => {
    const { record, span, uses } = figure({});
    expect(record).toMatchObject({
      value: 40e6,
      unit: "USD",
      qualifier: "approximate",
      period_start: "2019",
      quote: "rose to about $40 million in 2019",
    });
    expect(span.end - span.start).toBe(record.quote.length);
    expect(uses.map((m) => m.mention.text)).toEqual(["about $40 million", "2019"]);
  });

  it("refuses a term the dataset configuration does not define, and a unit that is not the measure's", () => {
    expect(() => figure({ measure: "imports" })).toThrow(PipelineError);
    expect(() => figure({ measure: "imports" })).toThrow(
      /measure: "imports" is not defined in dataset\.yaml's measures/,
    );
    expect(() => figure({ subject: "XXX" })).toThrow(/subject: "XXX" is not defined in dataset\.yaml's actors/);
    expect(() => figure({ measure: "revenue" })).toThrow(
      /measure revenue is in EUR, but "about \$40 million" is in USD/,
    );
  });
});

describe("resolving an event", () => {
  const event = (over: Partial<CuratedEvent>) =>
    resolveEvent(
      context(),
      curated({
        ...{ id: "exports-fall-2020", event_type: "trade", actors: ["HAL", "OST"], title: "Exports fall" },
        ...{ quote: "The following year they fell", date: "The following year", ...over },
      } as CuratedEvent),
    ).record;

  it("dated only by an upper bound, is no_later_than that date, and says in its note what bounds it", () => {
    const bound = { by: "2019", in: "rose to about $40 million in 2019" };
    expect(() => event({ date: bound })).toThrow(/an upper-bound \(no_later_than\) date needs a `note`/);
    const record = event({ date: bound, note: "They fell after the 2019 rise." });
    expect(record).toMatchObject({ date_start: "2019", date_end: "2019", date_basis: "no_later_than" });
  });
});

describe("coverage", () => {
  it("names every quantity mention used by nothing, with its line", () => {
    const c = context("Line one.\n\nIt cost $5 million.");
    const errors = coverageErrors(c, account(c.located, [], [])).map(String);
    expect(errors[0]).toMatch(/coverage 0 of 1 quantity mentions \(0\.0%\)/);
    expect(errors[1]).toBe(
      'test.txt:3 [$5 million]: quantity mention "$5 million" is neither used by a figure nor dismissed ' +
        "with a reason: " +
        "add a figure, or a dismissal to dismissed.yaml",
    );
  });

  it(
    "combines the resolvers' claims: a quantity used twice is claimed twice, a time mention may date " + "many records",
    () => {
      const c = context("It cost $5 million in 2019.");
      const [amount, year] = c.located;
      const records = [
        { record: { id: "cost-a" }, uses: [amount!, year!] },
        { record: { id: "cost-b" }, uses: [amount!, year!] },
      ];
      const accounted = account(c.located, records, []);
      expect(accounted.get(amount!)).toEqual({ usedBy: ["cost-a", "cost-b"], dismissedBy: null });
      expect(coverageErrors(c, accounted).map(String)).toEqual([
        'test.txt:1 [$5 million]: quantity mention "$5 million" is claimed 2 times (cost-a, cost-b)',
      ]);
      expect(coverageErrors(c, account(c.located, records.slice(0, 1), [])).map(String)).toEqual([]);
      expect(
        coverageErrors(
          c,
          account(
            c.located,
            [],
            [
              { mention: amount!, reason: "r" },
              { mention: year!, reason: "r" },
            ],
          ),
        ).map(String),
      ).toEqual([]);
    },
  );
});
