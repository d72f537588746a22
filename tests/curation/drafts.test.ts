/**
 * The drafts add-source writes: read from any text by tables of English words and the dataset's own terms, each in
 * the form the build reads (its quote, amount, period and date found where the build looks for them), durations as
 * durations, and their accuracy tallied against curated records.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isSeq, parseDocument } from "yaml";
import type { DatasetConfig } from "../../pipeline/config/dataset-config.ts";
import { withDraftedSources, type DraftedSource } from "../../pipeline/bench-drafts.ts";
import { addSource } from "../../pipeline/commands/add-source.ts";
import { draftAccuracy } from "../../pipeline/curation/drafts/accuracy.ts";
import { draftRecords, type Drafts } from "../../pipeline/curation/drafts/draft.ts";
import {
  actorsIn,
  guessEventType,
  guessMeasure,
  guessPlover,
  inflections,
} from "../../pipeline/curation/drafts/guess.ts";
import { sentencesOf } from "../../pipeline/curation/drafts/passages.ts";
import { extract } from "../../pipeline/extract/index.ts";
import { normalize } from "../../pipeline/ingest/normalize.ts";
import { locateMentions, locateQuote, mentionIn } from "../../pipeline/resolve/locate.ts";
import { resolveWhen } from "../../pipeline/resolve/when.ts";
import { NEWS_SOURCE_ID } from "../helpers/news-source.ts";
import { PLAIN_TEXT } from "../helpers/text-formats.ts";

const CONFIG: DatasetConfig = {
  package: { title: "t", description: "d", keywords: [] },
  units: {
    USD: { name: "US dollars", currency: "USD", accepts: [] },
    person: { name: "persons", suffix: " persons", accepts: ["count"] },
    trip: { name: "trips", suffix: " trips", accepts: ["count"] },
    year: { name: "years", accepts: [] },
  },
  measures: {
    revenue: { unit: "USD", description: "Money the subject earned in the period" },
    investment: { unit: "USD", description: "Money the subject invested in the counterpart" },
    passengers: { unit: "person", description: "Passengers the ferry carried" },
    transit_trips: { unit: "trip", description: "Trips on public transport" },
    loan_term: { unit: "year", description: "How long a loan runs" },
  },
  actors: {
    RUS: { name: "Russia", aliases: ["Russian", "Moscow"] },
    PRK: { name: "North Korea", aliases: ["Pyongyang"] },
    HPA: { name: "Halvard Port Authority", aliases: ["Halvard"] },
    UN: { name: "United Nations" },
  },
  event_types: {
    agreement: { description: "An agreement is signed" },
    condemnation: { description: "A party condemns another's action" },
    trade: { description: "A change in trade between parties" },
  },
  derived_units: {},
  series: [],
  charts: [],
};

function draftsOf(text: string, config = CONFIG, documentDate: string | null = "2024-05"): Drafts {
  const normalized = normalize(text, PLAIN_TEXT);
  return draftRecords({
    textFile: "note.txt",
    raw: text,
    normalized,
    config,
    documentDate,
    takenIds: new Set(["revenue-2023"]),
  });
}

/**
 * The drafts add-source writes for a drafted source: its text file added, in its format and with its date, to a copy
 * of its sources folder without it; each record with the comment above it.
 */
async function draftsAsAdded({ folder, text }: DraftedSource) {
  const root = mkdtempSync(join(tmpdir(), "rdd-drafts-"));
  try {
    const sourcesDir = join(root, "sources");
    cpSync(folder, sourcesDir, { recursive: true });
    const own = readdirSync(sourcesDir).find((name) => {
      const record = join(sourcesDir, name, "source.json");
      return existsSync(record) && JSON.parse(readFileSync(record, "utf8")).id === text.source.id;
    })!;
    const textFile = join(root, JSON.parse(readFileSync(join(sourcesDir, own, "source.json"), "utf8")).file);
    writeFileSync(textFile, text.raw);
    rmSync(join(sourcesDir, own), { recursive: true });
    const { dir } = await addSource(sourcesDir, text.source.id, textFile, text.textFormat, text.source.published);
    const written = (file: string) => {
      const doc = parseDocument(readFileSync(join(dir, file), "utf8"));
      return isSeq(doc.contents)
        ? doc.contents.items.map((item) => ({
            record: (item as { toJSON(): unknown }).toJSON(),
            // The first item's comment follows the file's header, a blank line before it.
            comment: ((item as { commentBefore?: string }).commentBefore ?? "")
              .split(/\n\s*\n/)
              .at(-1)!
              .split("\n")
              .map((line) => line.trim())
              .join("; "),
          }))
        : [];
    };
    return { figures: written("figures.yaml"), events: written("events.yaml"), dismissed: written("dismissed.yaml") };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const periods = (drafts: Drafts) => drafts.figures.map((f) => [f.record.amount ?? f.record.quote, f.record.period]);

describe("drafted figures", () => {
  it("take the date after the amount in its clause, else the nearest before it, never a comparison's base", () => {
    expect(
      periods(
        draftsOf(
          "Trade fell from $2.35 billion in 1988 to just $85 million in 1996. In 2012, Moscow lent $10 million.",
        ),
      ),
    ).toEqual([
      ["$2.35 billion", "1988"],
      ["$85 million", "1996"],
      ["In 2012, Moscow lent $10 million.", "2012"],
    ]);
    expect(periods(draftsOf("Revenue rose to $96 million, 8 percent more than in 2022."))).toEqual([
      ["$96 million", null],
      ["8 percent", null],
    ]);
  });

  it("take a date from the sentence before only when their sentence points back to it", () => {
    const drafts = draftsOf(
      "The ferry carried 1.4 million passengers in 2023. Nearly 2,300 ships called during the year.",
    );
    expect(drafts.figures[1]!.record.period).toEqual({ mention: "2023", in: "1.4 million passengers in 2023" });
    expect(
      draftsOf("The ferry carried 1.4 million passengers in 2023. It has 12 ships.").figures[1]!.record.period,
    ).toBe(null);
  });

  it("draft a duration as a duration: its value in years, never a count", () => {
    const [figure] = draftsOf("The loan runs over a 20 year period.").figures;
    expect([figure!.value, figure!.unit, figure!.record.measure]).toEqual([20, "year", "loan_term"]);
    expect(figure!.comment).toContain('"20 year" read as 20 year (a duration)');
  });

  it("guess the measure from dataset.yaml's words, the counted noun first, and leave a tie to the curator", () => {
    const sentence = "Buses, trams and ferries carried 61.5 million trips.";
    const [mention] = extract(sentence).filter((m) => m.kind === "quantity");
    expect(guessMeasure(CONFIG, mention as never, sentence, sentence).measure).toBe("transit_trips");
    // The same words with the descriptions swapped: the guess follows the data, not the code.
    const swapped = {
      ...CONFIG,
      measures: {
        ...CONFIG.measures,
        revenue: { unit: "USD", description: "Money the subject invested in the counterpart" },
        investment: { unit: "USD", description: "Money the subject earned in the period" },
      },
    };
    const money = "The port earned $5 million.";
    const [amount] = extract(money).filter((m) => m.kind === "quantity");
    expect(guessMeasure(CONFIG, amount as never, money, money).measure).toBe("revenue");
    expect(guessMeasure(swapped, amount as never, money, money).measure).toBe("investment");
    const tie = "It came to $5 million.";
    const [unclear] = extract(tie).filter((m) => m.kind === "quantity");
    expect(guessMeasure(CONFIG, unclear as never, tie, tie)).toEqual({
      measure: null,
      unit: "USD",
      candidates: ["revenue", "investment"],
    });
  });

  it("dismiss a vague amount with its reason drafted, and a date no draft uses with the reason to write", () => {
    const drafts = draftsOf("Billions of dollars were lost. The plan dates from the 1990s.");
    expect(drafts.dismissed.map((d) => d.record)).toEqual([
      {
        kind: "quantity",
        draft: true,
        quote: "Billions of dollars were lost.",
        reason: 'A vague amount ("Billions of dollars"): no number to record.',
      },
      { kind: "time", draft: true, quote: "plan dates from the 1990s.", reason: null },
    ]);
  });

  it("get ids of their own, none that another source has taken", () => {
    const drafts = draftsOf("Revenue was $5 million in 2023. Revenue was $6 million in 2023.");
    expect(drafts.figures.map((f) => f.record.id)).toEqual(["revenue-2023-2", "revenue-2023-3"]);
  });
});

describe("drafted events", () => {
  it("name the actors of the clause that gives the date, by name, alias or code, the longest name first", () => {
    expect(
      actorsIn("The Halvard Port Authority and Moscow met the UN; Halvard's mayor did not.", CONFIG.actors).actors,
    ).toEqual(["HPA", "RUS", "UN"]);
    expect(actorsIn("A Russianist wrote on Uncle Sam.", CONFIG.actors).actors).toEqual([]);
    const drafts = draftsOf(
      "Pyongyang signed an agreement in 2014, and Moscow condemned the United Nations in 2015. The sea was calm in 2016.",
    );
    expect(drafts.events.map((e) => [e.record.date, e.record.actors, e.record.event_type, e.record.plover])).toEqual([
      ["2014", ["PRK"], "agreement", "AGREE"],
      ["2015", ["RUS", "UN"], "condemnation", "DISAPPROVE"],
    ]);
  });

  it("guess the type from dataset.yaml's event types and the PLOVER category from the table of verbs", () => {
    expect(guessEventType(CONFIG, "they condemned the test")).toBe("condemnation");
    expect(guessEventType(CONFIG, "the sea was calm")).toBe(null);
    expect(guessPlover("Moscow later criticized it")).toBe("DISAPPROVE");
    expect(guessPlover("the sea was calm")).toBe(null);
    expect(inflections("stop")).toEqual(["stop", "stops", "stopped", "stopping"]);
    expect(inflections("supply")).toEqual(["supply", "supplies", "supplied", "supplying"]);
  });

  it("are not drawn from headings, nor from a sentence that only states a figure", () => {
    const drafts = draftsOf("Russia Report 2023\n\nRussia's output was $5 million in 2023.\n");
    expect(drafts.events).toEqual([]);
    expect(drafts.figures).toHaveLength(1);
  });

  it("date a happening its sentence does not date by the last date its paragraph gave, with a note", () => {
    const drafts = draftsOf("In the 1990s, Moscow signed an agreement. Pyongyang then condemned Moscow.");
    expect(drafts.events[1]!.record).toMatchObject({
      actors: ["PRK", "RUS"],
      date: { mention: "the 1990s", in: "In the 1990s, Moscow signed" },
      note: 'Dated by "the 1990s" in "In the 1990s, Moscow signed".',
    });
  });
});

describe("drafts of the memo and the fixture sources", async () => {
  const drafted = await withDraftedSources((all) =>
    Promise.all(all.map(async (one) => ({ ...one, asAdded: await draftsAsAdded(one), id: one.text.source.id }))),
  );
  const sources = drafted.map(({ text: { source, normalized }, drafts }) => ({
    id: source.id,
    text: normalized.text,
    located: locateMentions(normalized.text, extract(normalized.text, { documentDate: source.published })),
    drafts,
  }));

  it("are the memo's, the news report's and the fixture sources'", () => {
    expect(sources.map((s) => s.id)).toEqual(expect.arrayContaining(["ponars-pm-428", NEWS_SOURCE_ID]));
  });

  it.each(drafted)("$id: are what add-source writes given the text, its format and its date", ({ drafts, asAdded }) => {
    for (const kind of ["figures", "events", "dismissed"] as const)
      expect(asAdded[kind], kind).toEqual(drafts[kind].map((d) => ({ record: d.record, comment: d.comment })));
  });

  it.each(sources)(
    "$id: every quote, amount, period and date stands where the build looks for it",
    ({ text, located, drafts }) => {
      const fail = (message: string, key: string) => {
        throw new Error(`${key}: ${message}`);
      };
      const context = { text, located, textFile: "text" };
      for (const { record, value, period } of drafts.figures) {
        const quote = locateQuote(text, record.quote, record.occurrence, fail, "text");
        expect(mentionIn(text, located, "quantity", quote, record.amount, fail, "amount").mention.value).toBe(value);
        if (record.period !== null) {
          const when = resolveWhen(context, record.period, quote, fail, "period", () => {});
          expect({ start: when.start, end: when.end }).toEqual(period);
        }
      }
      for (const { record, date } of drafts.events) {
        const quote = locateQuote(text, record.quote, record.occurrence, fail, "text");
        const when = resolveWhen(context, record.date, quote, fail, "date", () => {});
        expect({ start: when.start, end: when.end }).toEqual(date);
      }
      for (const { record } of drafts.dismissed)
        expect(locateQuote(text, record.quote, undefined, fail, "text")).toBeDefined();
    },
  );

  it("are tallied against the curated records: every curated figure has the draft of its own mention", async () => {
    const tallies = drafted.map(({ id, drafts, curated }) => ({ source: id, ...draftAccuracy(drafts, curated) }));
    expect(tallies.map((t) => t.source)).toEqual(sources.map((s) => s.id));
    for (const { figures, events } of tallies) {
      expect(figures.drafted).toBe(figures.curated);
      expect(figures.fields.value).toBe(figures.curated);
      expect(figures.right).toBeLessThanOrEqual(Math.min(...Object.values(figures.fields)));
      expect(events.right).toBeLessThanOrEqual(events.drafted);
    }
    // A draft with a wrong period is not counted right.
    const memo = drafted.find((s) => s.id === "ponars-pm-428")!;
    const curated = memo.curated;
    const right = draftAccuracy(memo.drafts, curated).figures.right;
    const shifted = {
      ...memo.drafts,
      figures: memo.drafts.figures.map((f) => ({ ...f, period: { start: "1900", end: "1900" } })),
    };
    expect(draftAccuracy(shifted, curated).figures.right).toBeLessThan(right);
    expect(draftAccuracy(shifted, curated).figures.fields.period).toBe(
      curated.figures.filter((f) => f.period_start === "1900").length,
    );
  });
});

describe("sentences", () => {
  it("end at a full stop before a capital, not after an abbreviation, an initial or a decimal point", () => {
    const text = "Memo No. 428 came out. The U.S. and J. Smith said $2.35 billion. Done!\n\nNext paragraph";
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Memo No. 428 came out.",
      "The U.S. and J. Smith said $2.35 billion.",
      "Done!",
      "Next paragraph",
    ]);
  });
});
