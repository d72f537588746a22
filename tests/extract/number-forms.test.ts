/**
 * Hedges, number forms and signs that could come out with a wrong value or qualifier: each case states the whole
 * answer for its sentence, so that no other mention carrying a wrong value can slip in beside the right one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MORE_HEDGES } from "../../pipeline/extract/grammar/hedges.ts";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

const DOCUMENT_DATE = "2024-05-15";

function summary(mention: ExtractedMention): unknown[] {
  return mention.kind === "quantity"
    ? [mention.text, mention.value, mention.value_high, mention.unit, mention.qualifier]
    : [mention.text, mention.date_start, mention.date_end];
}

function mentions(text: string): unknown[][] {
  return extract(text, { documentDate: DOCUMENT_DATE }).map(summary);
}

describe("a negated hedge bounds the other way", () => {
  it.each([
    [
      "The referendum needs not less than 50,000 signatures.",
      ["not less than 50,000", 50000, null, "count", "at_least"],
    ],
    ["The lender keeps no fewer than 40 branches open.", ["no fewer than 40", 40, null, "count", "at_least"]],
    ["Fines of no less than $5,000 apply.", ["no less than $5,000", 5000, null, "USD", "at_least"]],
    ["A stake valued at not under $2 billion.", ["not under $2 billion", 2e9, null, "USD", "at_least"]],
    ["The board wants a float not below 25 percent.", ["not below 25 percent", 25, null, "percent", "at_least"]],
    ["The rise is to be not over 3 percent a year.", ["not over 3 percent", 3, null, "percent", "at_most"]],
    ["Tickets will cost not more than €20.", ["not more than €20", 20, null, "EUR", "at_most"]],
    ["Tickets will cost no more than €20.", ["no more than €20", 20, null, "EUR", "at_most"]],
    ["Rent not exceeding $900 is exempt.", ["not exceeding $900", 900, null, "USD", "at_most"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });

  it("reads each negated hedge of the table with the bound it sets, whatever the amount", () => {
    const negated = Object.entries(MORE_HEDGES).flatMap(([qualifier, phrases]) =>
      phrases.filter((phrase) => /^(not|no) /.test(phrase)).map((phrase) => [phrase, qualifier] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...negated), fc.integer({ min: 2, max: 999_999 }), ([phrase, qualifier], n) => {
        const amount = `$${n.toLocaleString("en-US")}`;
        expect(mentions(`The bid was ${phrase} ${amount} in cash.`)).toEqual([
          [`${phrase} ${amount}`, n, null, "USD", qualifier],
        ]);
      }),
    );
  });

  it("gives no mention where a negation turns a hedge it has no reading for", () => {
    expect(mentions("Turnout was not nearly 60 percent.")).toEqual([]);
    expect(mentions("It was never about $5 million.")).toEqual([]);
  });
});

describe("hedges in other words and in symbols", () => {
  it.each([
    [
      "The settlement came to more or less 50,000 euros.",
      ["more or less 50,000 euros", 50000, null, "EUR", "approximate"],
    ],
    ["Growth came in just shy of 10 percent.", ["just shy of 10 percent", 10, null, "percent", "at_most"]],
    ["Bids landed north of $5bn.", ["north of $5bn", 5e9, null, "USD", "at_least"]],
    ["Valuations fell south of $1bn.", ["south of $1bn", 1e9, null, "USD", "at_most"]],
    [
      "Claims in excess of 200 million dollars were filed.",
      ["in excess of 200 million dollars", 2e8, null, "USD", "at_least"],
    ],
    ["The deal is worth ~$3m.", ["~$3m", 3e6, null, "USD", "approximate"]],
    ["Crowds of >10,000 gathered.", [">10,000", 10000, null, "count", "at_least"]],
    ["Keep inflation <2% over the cycle.", ["<2%", 2, null, "percent", "at_most"]],
    ["A quorum needs ≥ 500 members.", ["≥ 500", 500, null, "count", "at_least"]],
    ["Each batch holds ≤ 12 units.", ["≤ 12", 12, null, "count", "at_most"]],
    ["The chain runs 40-odd stores.", ["40-odd", 40, null, "count", "at_least"]],
    ["The chain runs 40-plus stores.", ["40-plus", 40, null, "count", "at_least"]],
    ["The chain runs 40 plus stores.", ["40 plus", 40, null, "count", "at_least"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual([expected]);
  });

  it("reads no hedge into a comparison of two counts", () => {
    expect(mentions("The motion passed by six votes over four.")).toEqual([["six", 6, null, "count", "exact"]]);
    expect(mentions("The home side won by 3 goals to 1, 2 goals over 1 in the replay.")).not.toContainEqual(
      expect.arrayContaining(["at_least"]),
    );
  });

  it("reads the span an amount runs over as a duration, not as a comparison of two amounts", () => {
    expect(mentions("The bank will lend $5 million over three years.")).toEqual([
      ["$5 million", 5_000_000, null, "USD", "exact"],
      ["three years", 3, null, "year", "exact"],
    ]);
  });

  it("reads no hedge into arithmetic or a geographical bearing", () => {
    expect(mentions("Add 40 plus 2 to get the answer.")).not.toContainEqual(expect.arrayContaining(["at_least"]));
    expect(mentions("Snow fell north of 60 degrees.")).not.toContainEqual(expect.arrayContaining(["at_least"]));
  });

  it("takes a symbol glued to a word or number before it for no hedge", () => {
    expect(mentions("We checked that x>5 held.")).not.toContainEqual(expect.arrayContaining(["at_least"]));
  });
});

describe("thousands and decimal separators of other countries", () => {
  it.each([
    ["The grant of 1 000 000 euro was paid.", [["1 000 000 euro", 1e6, null, "EUR", "exact"]]],
    ["Some 1 500 000 people live in the region.", [["Some 1 500 000", 1.5e6, null, "count", "approximate"]]],
    ["A pass costs 12'500 francs in Zurich.", []],
    ["A pass costs CHF 12'500 in Zurich.", [["CHF 12'500", 12500, null, "CHF", "exact"]]],
    ["It drew 10^6 visitors.", [["10^6", 1e6, null, "count", "exact"]]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    "The fund raised $2,5 million.",
    "Sales reached 2,7 million dollars.",
    "Growth slowed to 1,5 percent.",
    "A coffee costs €2,50 there.",
    "The bill came to 1.234,5 euros.",
    "Exports hit 1,2 milliards.",
    "Estimates run between 1,5 and 2,5 million.",
  ])("reads no amount from a decimal comma: %s", (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it("still reads thousands commas", () => {
    expect(mentions("The fund raised $2,500 million.")).toEqual([["$2,500 million", 2.5e9, null, "USD", "exact"]]);
  });

  it("reads any number written in spaced groups of three digits as the whole number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 3 }),
        (head, groups) => {
          const written = [String(head), ...groups.map((g) => String(g).padStart(3, "0"))].join(" ");
          const value = Number([String(head), ...groups.map((g) => String(g).padStart(3, "0"))].join(""));
          expect(mentions(`They paid ${written} euros in all.`)).toEqual([
            [`${written} euros`, value, null, "EUR", "exact"],
          ]);
        },
      ),
    );
  });

  it("gives no amount to a number with a comma and other than three digits after it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 }), (whole, part) => {
        const written = `${whole},${part}`;
        expect(mentions(`The index stood at ${written} points.`)).toEqual([]);
      }),
    );
  });
});

describe("a change is two amounts, not a range", () => {
  it.each([
    [
      "Prices rose $300 to $1,200.",
      [
        ["$300", 300],
        ["$1,200", 1200],
      ],
      "USD",
    ],
    [
      "Shares gained $4 to $56 on Monday.",
      [
        ["$4", 4],
        ["$56", 56],
      ],
      "USD",
    ],
    [
      "Rent climbed 200 euros to 1,500 euros.",
      [
        ["200 euros", 200],
        ["1,500 euros", 1500],
      ],
      "EUR",
    ],
    [
      "The index jumped 12 to 250 dollars.",
      [
        ["12", 12],
        ["250 dollars", 250],
      ],
      null,
    ],
  ])("%s", (text, expected, unit) => {
    const got = extract(text, { documentDate: DOCUMENT_DATE }).filter((m) => m.kind === "quantity");
    expect(got.map((m) => [m.text, m.value])).toEqual(expected);
    expect(got.every((m) => m.kind === "quantity" && m.value_high === null)).toBe(true);
    if (unit) expect(got.every((m) => m.kind === "quantity" && m.unit === unit)).toBe(true);
  });

  it("still reads a range without a verb of change", () => {
    expect(mentions("Tickets cost $300 to $1,200.")).toEqual([["$300 to $1,200", 300, 1200, "USD", "exact"]]);
    expect(mentions("Prices rose from $300 to $1,200.")).toEqual([["from $300 to $1,200", 300, 1200, "USD", "exact"]]);
  });
});

describe("a minus sign only where it is one", () => {
  it("reads plus or minus as no sign", () => {
    const got = mentions("The poll has a margin of error of plus or minus 3 percentage points.");
    expect(got.every((m) => typeof m[1] !== "number" || m[1] >= 0)).toBe(true);
    expect(mentions("Readings were ± 3 percent.").every((m) => typeof m[1] !== "number" || m[1] >= 0)).toBe(true);
  });

  it.each([
    "It is T-minus 10 minutes to launch.",
    "The coat is $50 minus 10 percent.",
    "The 2014 -2015 season was long.",
    "See pages 10 -12 of the report.",
    "Output declined 3.0 -3.5% a year.",
  ])("reads no negative number in: %s", (text) => {
    const negative = mentions(text).filter((m) => typeof m[1] === "number" && m[1] < 0);
    expect(negative).toEqual([]);
  });

  it("reads a dash that opens a list line as no sign", () => {
    expect(mentions("Casualties:\n-25 people were injured\n-3 died")).not.toContainEqual(expect.arrayContaining([-25]));
  });

  it("keeps a range of negative figures and a sign after a preposition", () => {
    expect(mentions("Losses ranged from −10 to −2 percent.")).toEqual([
      ["from −10 to −2 percent", -10, -2, "percent", "exact"],
    ]);
    expect(mentions("The balance swung to -4.5 percent.")).toEqual([["-4.5 percent", -4.5, null, "percent", "exact"]]);
  });

  it("keeps the signs it read before", () => {
    expect(mentions("Prices fell -2.5% last year.")).toContainEqual(["-2.5%", -2.5, null, "percent", "exact"]);
    expect(mentions("It fell to minus 30 degrees.")).toEqual([["minus 30 degrees", -30, null, "deg", "exact"]]);
  });
});

describe("a range's ends read whole", () => {
  it.each([
    ["They spent $5-$7 billion.", [["$5-$7 billion", 5e9, 7e9, "USD", "exact"]]],
    ["They spent $5 billion-$7 billion.", [["$5 billion-$7 billion", 5e9, 7e9, "USD", "exact"]]],
    ["A $2.5-billion deal was signed.", [["$2.5-billion", 2.5e9, null, "USD", "exact"]]],
    ["A 5-million-dollar deal was signed.", [["5-million-dollar", 5e6, null, "USD", "exact"]]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    [
      "Prices fell from 10 to 5 percent.",
      [
        ["10", 10, null, "percent", "exact"],
        ["5 percent", 5, null, "percent", "exact"],
      ],
    ],
    [
      "Margins moved -2 to -3 percent.",
      [
        ["-2", -2, null, "percent", "exact"],
        ["-3 percent", -3, null, "percent", "exact"],
      ],
    ],
  ])("from one value down to another is two amounts in one unit: %s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("forms that would leave a stray count", () => {
  it("reads a range from one value till another", () => {
    expect(mentions("Yields grew from 5 till 10 percent.")).toEqual([
      ["from 5 till 10 percent", 5, 10, "percent", "exact"],
    ]);
  });

  it.each([
    "It all began in '98, the year of the crisis.",
    "She graduated with the class of ’98.",
    "Output rose from 1995 to 98 in the north.",
    "The loss was $(3.2) million in the quarter.",
    "Margins were (3.2) percent in the quarter.",
  ])("reads no count where the text gives none: %s", (text) => {
    expect(mentions(text).filter((m) => m[3] === "count")).toEqual([]);
  });
});

describe("the sentence around a word", () => {
  it("runs past an abbreviation's point: profit before 'Oct.' makes pounds sterling", () => {
    expect(mentions("Profit rose in Oct. to 361 million pounds.")).toEqual([
      ["361 million pounds", 361e6, null, "GBP", "exact"],
    ]);
  });
});
