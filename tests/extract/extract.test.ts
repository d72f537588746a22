import { describe, expect, it } from "vitest";
import { extract, type ExtractOptions, type ExtractedMention } from "../../pipeline/extract/index.ts";

interface Case {
  sentence: string;
  /** The mention's exact text. */
  text: string;
  expected: Partial<ExtractedMention>;
  options?: ExtractOptions;
}

function mentionIn(sentence: string, text: string, options?: ExtractOptions): ExtractedMention {
  const mentions = extract(sentence, options);
  const found = mentions.find((m) => m.text === text);
  expect(found, `"${text}" among ${JSON.stringify(mentions.map((m) => m.text))}`).toBeDefined();
  return found!;
}

function quantity(
  sentence: string,
  text: string,
  value: number | null,
  unit: string,
  more: Partial<ExtractedMention> = {},
): Case {
  return { sentence, text, expected: { kind: "quantity", value, unit, ...more } };
}

function time(
  sentence: string,
  text: string,
  date_start: string | null,
  date_end: string | null,
  precision: string | null,
  more: Partial<ExtractedMention> = {},
  options?: ExtractOptions,
): Case {
  return {
    sentence,
    text,
    expected: { kind: "time", date_start, date_end, precision, ...more } as Partial<ExtractedMention>,
    options,
  };
}

const exact = { qualifier: "exact", vague: false, value_high: null } as const;

const quantities: Case[] = [
  // Currency
  quantity("Trade reached $2.35 billion in 1988.", "$2.35 billion", 2.35e9, "USD", exact),
  quantity("It fell to $85 million.", "$85 million", 85e6, "USD"),
  quantity("A US$3bn loan.", "US$3bn", 3e9, "USD"),
  quantity("A US $3 billion loan.", "US $3 billion", 3e9, "USD"),
  quantity("A €40m grant.", "€40m", 40e6, "EUR"),
  quantity("They paid £5 million.", "£5 million", 5e6, "GBP"),
  quantity("A ¥300 billion budget.", "¥300 billion", 300e9, "JPY"),
  quantity("A budget of JPY 5 billion.", "JPY 5 billion", 5e9, "JPY"),
  quantity("Spending of RUB 2.5 trillion.", "RUB 2.5 trillion", 2.5e12, "RUB"),
  quantity("Spending of 2.5 trillion rubles.", "2.5 trillion rubles", 2.5e12, "RUB"),
  quantity("It cost 5 billion dollars.", "5 billion dollars", 5e9, "USD"),
  quantity("Bonds worth USD 10 million.", "USD 10 million", 10e6, "USD"),
  quantity("A $1,200 fee.", "$1,200", 1200, "USD"),
  quantity("A $40 thousand fee.", "$40 thousand", 40e3, "USD"),
  quantity("Sales of $5k.", "$5k", 5e3, "USD"),
  quantity("It rose to 3 bn euros.", "3 bn euros", 3e9, "EUR"),
  quantity("Escaped: \\$2.35 billion.", "$2.35 billion", 2.35e9, "USD", { start: 10 }),
  // Rates
  quantity("Re-exports worth $900 million annually.", "$900 million annually", 900e6, "USD/year"),
  quantity("It earns $5 million a year.", "$5 million a year", 5e6, "USD/year"),
  quantity("It earns $5 million per year.", "$5 million per year", 5e6, "USD/year"),
  quantity("It earns €2 billion per annum.", "€2 billion per annum", 2e9, "EUR/year"),
  quantity("A pipeline carrying 5 billion cubic meters a year.", "5 billion cubic meters a year", 5e9, "m3/year"),
  // Counts
  quantity("Only 11 states voted against.", "11", 11, "count", { noun: "states", ...exact }),
  quantity("There were thirty thousand of them.", "thirty thousand", 30e3, "count", { noun: null }),
  quantity("Almost fifty thousand North Koreans work there.", "Almost fifty thousand", 50e3, "count", {
    noun: "koreans",
    qualifier: "at_most",
  }),
  quantity("One of its top ten partners.", "ten", 10, "count", { noun: "partners" }),
  quantity("They signed two deals.", "two", 2, "count", { noun: "deals" }),
  quantity("They bought a dozen eggs.", "a dozen", 12, "count", { noun: "eggs" }),
  quantity("The six-party talks stalled.", "six-party", 6, "count", { noun: "party" }),
  quantity("Some twenty-five members left.", "Some twenty-five", 25, "count", {
    noun: "members",
    qualifier: "approximate",
  }),
  quantity("It employs two hundred and fifty thousand people.", "two hundred and fifty thousand", 250e3, "count", {
    noun: "people",
  }),
  quantity("It employs 1,200 workers.", "1,200", 1200, "count", { noun: "workers" }),
  quantity("It employs 1500 workers.", "1500", 1500, "count", { noun: "workers" }),
  quantity("They counted one billion stars.", "one billion", 1e9, "count", { noun: "stars" }),
  quantity("A fence one kilometer long.", "one kilometer", 1, "km"),
  quantity("About two and a half million people.", "About two and a half million", 2.5e6, "count", {
    qualifier: "approximate",
  }),
  quantity("Half a million people marched.", "Half a million", 0.5e6, "count", { noun: "people" }),
  quantity("The figure was 42.", "42", 42, "count", { noun: null }),
  // Percentages
  quantity("They wrote off 90 percent of it.", "90 percent", 90, "percent"),
  quantity("They wrote off 90 per cent of it.", "90 per cent", 90, "percent"),
  quantity("Growth was 12.5% last year.", "12.5%", 12.5, "percent"),
  quantity("They wrote off ninety percent of it.", "ninety percent", 90, "percent"),
  quantity("A 10-percent cut.", "10-percent", 10, "percent"),
  quantity("Rates rose 2 percentage points.", "2 percentage points", 2, "pp"),
  // Ranges
  quantity("It grew from $2 billion to $4 billion.", "from $2 billion to $4 billion", 2e9, "USD", { value_high: 4e9 }),
  quantity("Between 10 and 15 percent of voters.", "Between 10 and 15 percent", 10, "percent", { value_high: 15 }),
  quantity("A $2-4 billion plan.", "$2-4 billion", 2e9, "USD", { value_high: 4e9 }),
  quantity("About 10 to 15 percent of voters.", "About 10 to 15 percent", 10, "percent", {
    value_high: 15,
    qualifier: "approximate",
  }),
  quantity("It moves 2 to 3 million tons of coal.", "2 to 3 million tons", 2e6, "t", { value_high: 3e6 }),
  quantity("Groups of 10-15 workers.", "10-15", 10, "count", { value_high: 15, noun: "workers" }),
  quantity("Between 500 and 2 million people.", "Between 500 and 2 million", 500, "count", { value_high: 2e6 }),
  // Fractions
  quantity("Two-thirds of voters agreed.", "Two-thirds", 2 / 3, "ratio"),
  quantity("A quarter of the budget.", "A quarter", 0.25, "ratio"),
  quantity("They lost half of their savings.", "half", 0.5, "ratio"),
  quantity("Three quarters of the land.", "Three quarters", 0.75, "ratio"),
  quantity("One third of the staff.", "One third", 1 / 3, "ratio"),
  quantity("Nearly a third of the staff.", "Nearly a third", 1 / 3, "ratio", { qualifier: "at_most" }),
  // Multipliers
  quantity("Russia doubled its quota.", "doubled", 2, "ratio"),
  quantity("Russia tripled its quota.", "tripled", 3, "ratio"),
  quantity("Exports quadrupled.", "quadrupled", 4, "ratio"),
  quantity("A fivefold increase.", "fivefold", 5, "ratio"),
  quantity("A five-fold increase.", "five-fold", 5, "ratio"),
  quantity("A twofold increase.", "twofold", 2, "ratio"),
  quantity("A 10-fold increase.", "10-fold", 10, "ratio"),
  quantity("It is three times larger.", "three times", 3, "ratio"),
  quantity("It costs three times more.", "three times", 3, "ratio"),
  quantity("It is three times as large.", "three times", 3, "ratio"),
  quantity("It is twice as large.", "twice", 2, "ratio"),
  // Physical quantities
  quantity("A 300 km road.", "300 km", 300, "km"),
  quantity("A short, 17-kilometer, land border.", "17-kilometer", 17, "km"),
  quantity("A 12-mile stretch.", "12-mile", 12, "mi"),
  quantity("It shipped 2 million tons of coal.", "2 million tons", 2e6, "t"),
  quantity("It supplies 5 billion cubic meters of gas.", "5 billion cubic meters", 5e9, "m3"),
  quantity("It supplies 5 bcm of gas.", "5 bcm", 5e9, "m3"),
  quantity("A bag of 40 kilograms.", "40 kilograms", 40, "kg"),
  quantity("A plant of 10 megawatts.", "10 megawatts", 10, "MW"),
  quantity("A plant of 10 MW.", "10 MW", 10, "MW"),
  quantity("A farm of 100 hectares.", "100 hectares", 100, "ha"),
  quantity("A road of 2,000 km.", "2,000 km", 2000, "km"),
  quantity("A road of 2000 km.", "2000 km", 2000, "km"),
  // Vague amounts
  quantity("Deals worth billions of dollars.", "billions of dollars", null, "USD", { vague: true }),
  quantity("It asked North Korea to pay back its multibillion debts.", "multibillion", null, "unknown", {
    vague: true,
    noun: "debts",
  }),
  quantity("Several multibillion-dollar deals.", "multibillion-dollar", null, "USD", { vague: true, noun: "deals" }),
  quantity("It ships millions of tons of coal.", "millions of tons", null, "t", { vague: true }),
  quantity("It hired hundreds of workers.", "hundreds", null, "count", { vague: true, noun: "workers" }),
  quantity("Tens of thousands of people marched.", "Tens of thousands", null, "count", { vague: true, noun: "people" }),
];

const hedges: [string, string][] = [
  ["almost", "at_most"],
  ["nearly", "at_most"],
  ["up to", "at_most"],
  ["as much as", "at_most"],
  ["as many as", "at_most"],
  ["no more than", "at_most"],
  ["less than", "at_most"],
  ["under", "at_most"],
  ["over", "at_least"],
  ["more than", "at_least"],
  ["at least", "at_least"],
  ["exceeded", "at_least"],
  ["exceeding", "at_least"],
  ["upwards of", "at_least"],
  ["about", "approximate"],
  ["around", "approximate"],
  ["approximately", "approximate"],
  ["roughly", "approximate"],
  ["some", "approximate"],
  ["close to", "approximate"],
  ["an estimated", "approximate"],
  ["approx.", "approximate"],
];

const hedged: Case[] = hedges.map(([hedge, qualifier]) =>
  quantity(`Spending was ${hedge} $5 million last year.`, `${hedge} $5 million`, 5e6, "USD", {
    qualifier: qualifier as "exact",
  }),
);

const doc = { documentDate: "2016-05" };

const times: Case[] = [
  // Years and year ranges
  time("North Korea was created in 1948.", "1948", "1948", "1948", "year", { relative: false, offset: null }),
  time("After the Korean War (1950-53) ended.", "1950-53", "1950", "1953", "range"),
  time("In 2011-2012 it recovered.", "2011-2012", "2011", "2012", "range"),
  time("Visits throughout 2014-15.", "2014-15", "2014", "2015", "range"),
  time("The 2008-2009 economic crisis.", "2008-2009", "2008", "2009", "range"),
  time("Growth in 1990–95 was slow.", "1990–95", "1990", "1995", "range"),
  time("Russia invested from 2008 to 2014.", "from 2008 to 2014", "2008", "2014", "range"),
  time("Russia invested between 2008 and 2014.", "between 2008 and 2014", "2008", "2014", "range"),
  time("Over 2008-2014, Russia invested.", "2008-2014", "2008", "2014", "range"),
  time("Trade may reach $1 billion by 2020.", "2020", "2020", "2020", "year"),
  time("The fiscal year 1999/00 ended.", "1999/00", "1999", "2000", "range"),
  // Months and days
  time("It voted in March 2014.", "March 2014", "2014-03", "2014-03", "month"),
  time("It was signed on 5 March 2013.", "5 March 2013", "2013-03-05", "2013-03-05", "day"),
  time("It was signed on March 5, 2013.", "March 5, 2013", "2013-03-05", "2013-03-05", "day"),
  time("It was signed on March 5th, 2013.", "March 5th, 2013", "2013-03-05", "2013-03-05", "day"),
  time("It was signed on 2013-03-05.", "2013-03-05", "2013-03-05", "2013-03-05", "day"),
  time("Talks began in early March 2014.", "early March 2014", "2014-03", "2014-03", "month"),
  time("Header\n\nMay 2016\n\nText.", "May 2016", "2016-05", "2016-05", "month"),
  time("It was signed on Jan. 5, 2013.", "Jan. 5, 2013", "2013-01-05", "2013-01-05", "day"),
  // Decades and their parts
  time("Relations were balanced until the end of the 1980s.", "the end of the 1980s", "1987", "1989", "decade"),
  time("Trade grew in the 1980s.", "the 1980s", "1980", "1989", "decade"),
  time("In the 2000s, relations improved.", "the 2000s", "2000", "2009", "decade"),
  time("In the first half of the 1990s, Moscow hesitated.", "the first half of the 1990s", "1990", "1994", "decade"),
  time(
    "In the second half of the 1990s, relations improved.",
    "the second half of the 1990s",
    "1995",
    "1999",
    "decade",
  ),
  time("In the early 1990s it began.", "the early 1990s", "1990", "1993", "decade"),
  time("In the mid-1990s it peaked.", "the mid-1990s", "1994", "1996", "decade"),
  time("In the late 1990s it ended.", "the late 1990s", "1997", "1999", "decade"),
  time("At the start of the 1990s it began.", "the start of the 1990s", "1990", "1993", "decade"),
  time("At the beginning of the 1990s it began.", "the beginning of the 1990s", "1990", "1993", "decade"),
  time("Prices rose in the 1980's.", "the 1980's", "1980", "1989", "decade"),
  // Parts of a year
  time("At the start of 2016, thirty thousand worked there.", "the start of 2016", "2016-01", "2016-01", "month"),
  time("At the beginning of 2016 it began.", "the beginning of 2016", "2016-01", "2016-01", "month"),
  time("By the end of 2016 it will end.", "the end of 2016", "2016-12", "2016-12", "month"),
  time("It started in early 2010.", "early 2010", "2010-01", "2010-04", "range"),
  time("It peaked in mid-2010.", "mid-2010", "2010-05", "2010-08", "range"),
  time("It ended in late 2010.", "late 2010", "2010-09", "2010-12", "range"),
  time("It grew in the first half of 2010.", "the first half of 2010", "2010-01", "2010-06", "range"),
  time("It grew in the third quarter of 2010.", "the third quarter of 2010", "2010-07", "2010-09", "range"),
  // Anaphoric
  time("Talks began in March 2014 and ended in November.", "November", "2014-11", "2014-11", "month", {
    relative: true,
  }),
  time("Talks began in March 2014 and stalled in late October.", "late October", "2014-10", "2014-10", "month", {
    relative: true,
  }),
  time("Talks began in March 2014 and ended on 5 November.", "5 November", "2014-11-05", "2014-11-05", "day", {
    relative: true,
  }),
  time("Talks began in 2014. That year was hard.", "That year", "2014", "2014", "year", { relative: true }),
  time("Talks began in March 2014 and failed the same year.", "the same year", "2014", "2014", "year", {
    relative: true,
  }),
  time(
    "Talks began in March 2014 and failed the following month.",
    "the following month",
    "2014-04",
    "2014-04",
    "month",
    { relative: true },
  ),
  time("Talks began in 2014 and failed the following year.", "the following year", "2015", "2015", "year", {
    relative: true,
  }),
  time("Talks began in 2014 and failed the next year.", "the next year", "2015", "2015", "year", { relative: true }),
  time("Talks began in 2014 after failing the previous year.", "the previous year", "2013", "2013", "year", {
    relative: true,
  }),
  time("Talks began in 2014. A year later they failed.", "A year later", "2015", "2015", "year", {
    relative: true,
    offset: "P1Y",
  }),
  time("Talks began in 2014. Two years later they failed.", "Two years later", "2016", "2016", "year", {
    relative: true,
    offset: "P2Y",
  }),
  // Past tense against the document date: the November before May 2016.
  time("Talks resumed in November.", "November", "2015-11", "2015-11", "month", { relative: true }, doc),
  time("Talks will resume in November.", "November", "2016-11", "2016-11", "month", { relative: true }, doc),
  time("Talks resumed in November.", "November", null, null, null, { relative: true }),
  time(
    "Talks failed the following month.",
    "the following month",
    "2016-06",
    "2016-06",
    "month",
    { relative: true },
    doc,
  ),
  // Deictic
  time(
    "A test this January and a launch the following month.",
    "this January",
    "2016-01",
    "2016-01",
    "month",
    { relative: true },
    doc,
  ),
  time(
    "A test this January and a launch the following month.",
    "the following month",
    "2016-02",
    "2016-02",
    "month",
    { relative: true },
    doc,
  ),
  time("A test this January and a launch the following month.", "this January", null, null, null, { relative: true }),
  time("A test this January and a launch the following month.", "the following month", null, null, null, {
    relative: true,
  }),
  time("A test this January.", "this January", "2016-01", "2016-01", "month", {}, { documentDate: "2016-01" }),
  time("A test this June.", "this June", "2015-06", "2015-06", "month", {}, doc),
  time("A test last March.", "last March", "2016-03", "2016-03", "month", {}, doc),
  time("A test next March.", "next March", "2017-03", "2017-03", "month", {}, doc),
  time("Trade fell last year.", "last year", "2015", "2015", "year", { relative: true }, doc),
  time("Trade fell this year.", "this year", "2016", "2016", "year", { relative: true }, doc),
  time("Trade will rise next month.", "next month", "2016-06", "2016-06", "month", { relative: true }, doc),
  time("Trade fell last year.", "last year", null, null, null, { relative: true }),
  time("Trade fell two years ago.", "two years ago", "2014", "2014", "year", { relative: true, offset: "P2Y" }, doc),
  // Offsets
  time("A year after opening the railway, Russia used it.", "A year after", null, null, null, {
    relative: true,
    offset: "P1Y",
  }),
  time("Three months before the vote, talks failed.", "Three months before", null, null, null, {
    relative: true,
    offset: "P3M",
  }),
  time("Two weeks after the vote, talks failed.", "Two weeks after", null, null, null, { offset: "P2W" }),
];

describe("extract: quantities", () => {
  it.each(quantities)("$sentence → $text", ({ sentence, text, expected, options }) => {
    expect(mentionIn(sentence, text, options)).toMatchObject(expected);
  });

  it.each(hedged)("hedge: $text", ({ sentence, text, expected }) => {
    expect(mentionIn(sentence, text)).toMatchObject(expected);
  });

  it("keeps a preceding 'to' out of the span", () => {
    expect(mentionIn("Trade dropped to about $92 million in 2014.", "about $92 million")).toMatchObject({
      qualifier: "approximate",
      value: 92e6,
    });
    expect(mentionIn("It could boost trade to as much as $1 billion by 2020.", "as much as $1 billion")).toMatchObject({
      qualifier: "at_most",
    });
  });

  it("reads an article as one only before a scale, a denominator or a hyphen, and A$ as Australian dollars", () => {
    const read = (sentence: string) =>
      extract(sentence).map((m) => [m.text, m.kind === "quantity" ? [m.value, m.unit] : m.kind]);
    expect(read("They counted a million people, A million more, a dozen eggs and a-third of it.")).toEqual([
      ["a million", [1e6, "count"]],
      ["A million", [1e6, "count"]],
      ["a dozen", [12, "count"]],
      ["a-third", [1 / 3, "ratio"]],
    ]);
    expect(
      read("A$5 million went on a quarter of a billion in bonds and a half of it on an estimated 40 workers."),
    ).toEqual([
      ["A$5 million", [5e6, "AUD"]],
      ["a quarter of a billion", [2.5e8, "count"]],
      ["a half", [0.5, "ratio"]],
      ["an estimated 40", [40, "count"]],
    ]);
    expect(read("It was a big deal and a good year for a change, an hour a day.")).toEqual([]);
  });

  it("reads '5 percent to 10 percent' as two amounts, not a range", () => {
    const found = extract("Rates rose from 5 percent to 10 percent over time, then 5 percent to 10 percent.").filter(
      (m) => m.kind === "quantity",
    );
    expect(found.map((m) => m.text)).toEqual(["from 5 percent to 10 percent", "5 percent", "10 percent"]);
  });
});

describe("extract: times", () => {
  it.each(times)("$sentence → $text", ({ sentence, text, expected, options }) => {
    expect(mentionIn(sentence, text, options)).toMatchObject(expected);
  });

  it("reads '2014 and 2015' as two years", () => {
    const found = extract("It voted against the 2014 and 2015 resolutions.");
    expect(found.map((m) => [m.text, m.kind])).toEqual([
      ["2014", "time"],
      ["2015", "time"],
    ]);
  });

  it("does not take 'a year after 2014' for an offset", () => {
    const found = extract("A year after 2014 they met.");
    expect(found.map((m) => m.text)).toEqual(["2014"]);
  });

  it("rejects a malformed document date", () => {
    expect(() => extract("text", { documentDate: "May 2016" })).toThrow(RangeError);
  });
});

describe("extract: what is not a mention", () => {
  it.each([
    ["PONARS Eurasia Policy Memo No. 428", "428"],
    ["Policy Memo Number 12 is out.", "12"],
    ["Item #5 is out.", "5"],
    ["Russia is one of its few outlets.", "one"],
    ["One was the decision to celebrate.", "One"],
    ["One strategy for combating isolation.", "One"],
    ["An apple a day.", "An"],
    ["First, Russia and North Korea concluded deals.", "First"],
    ["Second, a railway opened.", "Second"],
    ["Third, in October 2015, a house opened.", "Third"],
    ["It finished in 1st place.", "1"],
    ['A Russian-North Korean "Year of Friendship" in 2015.', "Year"],
    ["Russia may decide otherwise.", "may"],
    ["Theresa May spoke.", "May"],
    ["A few positive developments occurred.", "A few"],
    ["A few positive developments occurred.", "few"],
    ["The F-16 and the A380 flew.", "16"],
    ["The F-16 and the A380 flew.", "380"],
    ["The 5G network.", "5"],
    ["We met at 10:30 today.", "10"],
    ["We met at 10:30 today.", "30"],
    ["It was a third party.", "a third"],
    ["In the second half of the game.", "half"],
    ["Exports exceeded even the Soviet maximum.", "exceeded"],
    ["Supplies were halted at least, to have the two Koreas reconcile.", "at least"],
    ["A trip in the 1990s.", "1990"],
  ])("%s (not %s)", (sentence, text) => {
    expect(extract(sentence).map((m) => m.text)).not.toContain(text);
  });

  it("reads a standalone four-digit number as a year, not a count", () => {
    expect(mentionIn("It was founded in 1948.", "1948").kind).toBe("time");
    expect(mentionIn("It employs 1500 workers.", "1500").kind).toBe("quantity");
    expect(mentionIn("It ended in 1500 years of peace.", "1500").kind).toBe("time");
  });

  it("reads 'over' before a year range as no hedge", () => {
    const found = extract("Over 2008-2014, Russia invested.");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "time", text: "2008-2014" });
  });

  it("reads 'the first half of the 1990s' as a time, not a fraction", () => {
    const found = extract("In the first half of the 1990s, Moscow hesitated.");
    expect(found.map((m) => m.kind)).toEqual(["time"]);
  });

  it("finds every mention in a single paragraph far longer than a segment", () => {
    const found = extract("Trade was $5 million in 2014. ".repeat(5000));
    expect(found.filter((m) => m.kind === "quantity" && m.value === 5e6 && m.unit === "USD")).toHaveLength(5000);
    expect(found.filter((m) => m.kind === "time" && m.date_start === "2014")).toHaveLength(5000);
  });

  it("does not cross a paragraph break", () => {
    expect(extract("It cost $5\n\nbillion people").map((m) => m.text)).toEqual(["$5"]);
  });
});

describe("extract: offsets", () => {
  it("counts code points, not UTF-16 units, when the text has astral characters", () => {
    const text = "😀😀 paid $5 million in 2014";
    const found = extract(text);
    const points = Array.from(text);
    expect(found.map((m) => [m.text, m.start, m.end])).toEqual([
      ["$5 million", 8, 18],
      ["2014", 22, 26],
    ]);
    for (const m of found) expect(points.slice(m.start, m.end).join("")).toBe(m.text);
  });
});
