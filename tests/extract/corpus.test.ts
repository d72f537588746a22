/**
 * A corpus of our own, in the registers the extractor meets beyond edited analysis: news, reports, financial
 * statements, instructions, assistant-style requests and a date library's kind of test lines. Every expected
 * mention has its exact span (its text, found in order) and value; the texts and the expectations were written
 * before the extractor was run on them.
 *
 * Measured per category: recall (a mention found with the expected span and the expected value) and wrong values
 * (a mention with the expected span and another value). Mentions the corpus does not list are not counted: the
 * corpus lists what must be found, and `mustNotRead` what must not.
 */
import { describe, expect, it } from "vitest";
import { extract, type ExtractedMention } from "../../pipeline/extract/index.ts";

type Category = "numbers" | "percentages" | "currency" | "dimensions" | "dates";

interface Expected {
  text: string;
  category: Category;
  /** Quantity: [value, unit, qualifier?, value_high?]; time: [date_start, date_end]. */
  value: [number, string, string?, number?] | [string, string];
}

interface Document {
  register: string;
  date: string;
  text: string;
  expected: Expected[];
  /** Texts that must be no mention's text (forms left unread on purpose). */
  mustNotRead?: string[];
}

const n = (text: string, value: number, unit = "count", qualifier = "exact", high?: number): Expected => ({
  text,
  category: "numbers",
  value: high === undefined ? [value, unit, qualifier] : [value, unit, qualifier, high],
});
const pct = (text: string, value: number, qualifier = "exact", unit = "percent", high?: number): Expected => ({
  text,
  category: "percentages",
  value: high === undefined ? [value, unit, qualifier] : [value, unit, qualifier, high],
});
const money = (text: string, value: number, unit: string, qualifier = "exact", high?: number): Expected => ({
  text,
  category: "currency",
  value: high === undefined ? [value, unit, qualifier] : [value, unit, qualifier, high],
});
const dim = (text: string, value: number, unit: string, qualifier = "exact", high?: number): Expected => ({
  text,
  category: "dimensions",
  value: high === undefined ? [value, unit, qualifier] : [value, unit, qualifier, high],
});
const date = (text: string, start: string, end = start): Expected => ({ text, category: "dates", value: [start, end] });

const CORPUS: Document[] = [
  {
    register: "news",
    date: "2019-03-14",
    text:
      "MOSCOW, March 14 (Reuters) - Russia's central bank cut its key rate by 25 basis points to 7.5% on Thursday, the first cut since December 2017. " +
      "Inflation slowed to 5.2 percent in February from 5.3% a month earlier, the bank said. Analysts polled last week had expected rates to stay on hold until the third quarter. " +
      "The rouble firmed 0.4% against the dollar. Gazprom said exports to Europe rose 3.5 percent to 201.8 billion cubic meters in 2018, while output at its Yamal fields reached 1.2 million barrels per day. " +
      "The company will pay a dividend of 16.61 roubles per share on July 18.",
    expected: [
      date("March 14", "2019-03-14"),
      pct("25 basis points", 25, "exact", "bp"),
      pct("7.5%", 7.5),
      date("Thursday", "2019-03-14"),
      date("December 2017", "2017-12"),
      pct("5.2 percent", 5.2),
      date("February", "2019-02"),
      pct("5.3%", 5.3),
      date("a month earlier", "2019-01"),
      date("last week", "2019-03-04", "2019-03-10"),
      date("the third quarter", "2019-07", "2019-09"),
      pct("0.4%", 0.4),
      pct("3.5 percent", 3.5),
      dim("201.8 billion cubic meters", 201.8e9, "m3"),
      date("2018", "2018"),
      dim("1.2 million barrels per day", 1.2e6, "bbl/day"),
      money("16.61 roubles", 16.61, "RUB"),
      date("July 18", "2019-07-18"),
    ],
  },
  {
    register: "news",
    date: "2021-06-02",
    text:
      "Shipping giant Maersk said on Tuesday it moved 6.8 million TEU in the first quarter, up from 6.1 million a year earlier. " +
      "Freight rates on the Shanghai-Rotterdam route hit $10,522 per 40-foot container, nearly four times the level of June 2020. " +
      "The group expects volumes to grow between 4% and 6% this year and plans to spend US$3bn on new ships by 2023. About two thirds of the fleet is chartered. " +
      "The company's shares fell 1.7 per cent to 14,950 Danish crowns.",
    expected: [
      date("Tuesday", "2021-06-01"),
      dim("6.8 million TEU", 6.8e6, "TEU"),
      date("the first quarter", "2021-01", "2021-03"),
      n("6.1 million", 6.1e6),
      date("a year earlier", "2020"),
      money("$10,522", 10522, "USD"),
      dim("40-foot", 40, "ft"),
      n("nearly four times", 4, "ratio", "at_most"),
      date("June 2020", "2020-06"),
      pct("between 4% and 6%", 4, "exact", "percent", 6),
      date("this year", "2021"),
      money("US$3bn", 3e9, "USD"),
      date("2023", "2023"),
      n("About two thirds", 2 / 3, "ratio", "approximate"),
      pct("1.7 per cent", 1.7),
      money("14,950 Danish crowns", 14950, "DKK"),
    ],
  },
  {
    register: "news archive",
    date: "2016-11-20",
    text:
      "In 1998 the Bundesbank held reserves of 120 billion Deutsche marks, while France's stood at 300 billion French francs. " +
      "Finland switched from the markka on January 1, 1999, converting at 5.94573 markkaa per euro. " +
      "The treaty, signed on 7 February 1992 in Maastricht, took effect on 1 November 1993. " +
      "During the 1990s unemployment in the euro area rose to over 10 per cent, and it did not return to 8% until the mid-2000s. " +
      "Between 2002 and 2008 the euro gained roughly 60% against the dollar. " +
      "The nineteenth century had no single currency; by the 1870s the mark had replaced a dozen local coinages.",
    expected: [
      date("1998", "1998"),
      money("120 billion Deutsche marks", 120e9, "DEM"),
      money("300 billion French francs", 300e9, "FRF"),
      date("January 1, 1999", "1999-01-01"),
      money("5.94573 markkaa", 5.94573, "FIM"),
      date("7 February 1992", "1992-02-07"),
      date("1 November 1993", "1993-11-01"),
      date("the 1990s", "1990", "1999"),
      pct("over 10 per cent", 10, "at_least"),
      pct("8%", 8),
      date("the mid-2000s", "2004", "2006"),
      date("Between 2002 and 2008", "2002", "2008"),
      pct("roughly 60%", 60, "approximate"),
      date("The nineteenth century", "1800", "1899"),
      date("the 1870s", "1870", "1879"),
      n("a dozen", 12),
    ],
  },
  {
    register: "report",
    date: "2020-09-30",
    text:
      "Section 3. Energy balance. In 2019 the country consumed 3.2 TWh of electricity, 12% more than in 2018. " +
      "Installed capacity reached 850 MW, of which wind accounted for 240 MW and solar for a quarter. " +
      "Natural gas imports averaged 4.5 bcm a year over 2015–2019, and crude oil imports totalled 18 million barrels. " +
      "The grid covers 92,000 km2 and serves 1.4 million households. Per-capita emissions fell to 5.4 tonnes of CO2 from 6.1 tonnes. " +
      "Coal use halved between 2010 and 2019. The transmission line, 420 kilometres long, was commissioned in Q4 2017; a second line of 185 km is due in H2 2021. " +
      "Average winter temperatures range from -18 °C to -5 °C.",
    expected: [
      date("2019", "2019"),
      dim("3.2 TWh", 3.2, "TWh"),
      pct("12%", 12),
      date("2018", "2018"),
      dim("850 MW", 850, "MW"),
      dim("240 MW", 240, "MW"),
      n("a quarter", 0.25, "ratio"),
      dim("4.5 bcm a year", 4.5e9, "m3/year"),
      date("2015–2019", "2015", "2019"),
      dim("18 million barrels", 18e6, "bbl"),
      dim("92,000 km2", 92000, "km2"),
      n("1.4 million", 1.4e6),
      dim("5.4 tonnes", 5.4, "t"),
      dim("6.1 tonnes", 6.1, "t"),
      n("halved", 0.5, "ratio"),
      date("between 2010 and 2019", "2010", "2019"),
      dim("420 kilometres", 420, "km"),
      date("Q4 2017", "2017-10", "2017-12"),
      dim("185 km", 185, "km"),
      date("H2 2021", "2021-07", "2021-12"),
      dim("from -18 °C to -5 °C", -18, "degC", "exact", -5),
    ],
  },
  {
    register: "financial statement",
    date: "2018-02-28",
    text:
      "Consolidated income statement for the year ended 31 December 2017. Revenue increased by 8.3% to £1,234.5 million (2016: £1,139.9 million). " +
      "Operating profit was 361 million pounds, and adjusted earnings per share rose to 45.2p. Net debt stood at EUR 2.1 billion. " +
      "The board proposes a final dividend of 12.5 pence per share, payable on 18 May 2018 to shareholders on the register at 20 April 2018. " +
      "Capital expenditure for 2018 is expected to be between £150m and £175m. A one-off charge of CHF 45 million relates to the Swiss restructuring. " +
      "Interest cover improved to 7.4x.",
    expected: [
      date("31 December 2017", "2017-12-31"),
      pct("8.3%", 8.3),
      money("£1,234.5 million", 1234.5e6, "GBP"),
      date("2016", "2016"),
      money("£1,139.9 million", 1139.9e6, "GBP"),
      money("361 million pounds", 361e6, "GBP"),
      money("45.2p", 0.452, "GBP"),
      money("EUR 2.1 billion", 2.1e9, "EUR"),
      money("12.5 pence", 0.125, "GBP"),
      date("18 May 2018", "2018-05-18"),
      date("20 April 2018", "2018-04-20"),
      date("2018", "2018"),
      money("between £150m and £175m", 150e6, "GBP", "exact", 175e6),
      money("CHF 45 million", 45e6, "CHF"),
      n("7.4x", 7.4, "ratio"),
    ],
  },
  {
    register: "financial statement",
    date: "2022-04-15",
    text:
      "Net sales were $4.82 billion, compared with $4.31 billion in 2020, an increase of 11.8 percent. Gross margin contracted 120 basis points to 38.6%. " +
      "The Company repurchased 2.3 million shares for $185 million during the three months ended December 31, 2021. " +
      "Cash and equivalents totaled $612.4 million as of 12/31/2021. Long-term debt of $1.25 billion matures in 2027. " +
      "Guidance for 2022 assumes net sales growth of 6% to 8% and a tax rate of approximately 24%. Loss per share was -$0.14 in the fourth quarter of 2021.",
    expected: [
      money("$4.82 billion", 4.82e9, "USD"),
      money("$4.31 billion", 4.31e9, "USD"),
      date("2020", "2020"),
      pct("11.8 percent", 11.8),
      pct("120 basis points", 120, "exact", "bp"),
      pct("38.6%", 38.6),
      n("2.3 million", 2.3e6),
      money("$185 million", 185e6, "USD"),
      n("three months", 3, "month"),
      date("December 31, 2021", "2021-12-31"),
      money("$612.4 million", 612.4e6, "USD"),
      date("12/31/2021", "2021-12-31"),
      money("$1.25 billion", 1.25e9, "USD"),
      date("2027", "2027"),
      date("2022", "2022"),
      pct("6%", 6),
      pct("8%", 8),
      pct("approximately 24%", 24, "approximate"),
      money("-$0.14", -0.14, "USD"),
      date("the fourth quarter of 2021", "2021-10", "2021-12"),
    ],
  },
  {
    register: "instructions",
    date: "2020-01-01",
    text:
      "Assembly instructions. Drill four 6 mm holes 25 cm apart. The shelf supports up to 40 kg; do not exceed 88 lbs. " +
      "Mix 2.5 litres of water with one 25-kilogram bag of mortar and leave it for 30 minutes. Apply two coats, allowing 24 hours between them. " +
      "Store between 5 °C and 30 °C. Each panel measures 1.2 m by 2.4 m and weighs 18.5 kg. The kit covers about 12 square metres. " +
      "Use 3/4 of the adhesive for the first panel. Tighten each bolt a quarter turn. Keep the 5-gallon can away from heat above 120°F.",
    expected: [
      n("four", 4),
      dim("6 mm", 6, "mm"),
      dim("25 cm", 25, "cm"),
      dim("up to 40 kg", 40, "kg", "at_most"),
      dim("88 lbs", 88, "lb"),
      dim("2.5 litres", 2.5, "l"),
      dim("25-kilogram", 25, "kg"),
      n("two", 2),
      dim("between 5 °C and 30 °C", 5, "degC", "exact", 30),
      dim("1.2 m", 1.2, "m"),
      dim("2.4 m", 2.4, "m"),
      dim("18.5 kg", 18.5, "kg"),
      dim("about 12 square metres", 12, "m2", "approximate"),
      n("3/4", 0.75, "ratio"),
      n("a quarter", 0.25, "ratio"),
      dim("5-gallon", 5, "gal"),
      dim("above 120°F", 120, "degF", "at_least"),
    ],
  },
  {
    register: "news",
    date: "2023-10-05",
    text:
      "WASHINGTON — The Senate will vote next Tuesday on a $886 billion defense bill, two weeks after the House passed its version. " +
      "Lawmakers have until Nov. 17 to avoid a shutdown. The last shutdown, in December 2018, lasted 35 days, the longest in U.S. history. " +
      "Yesterday the Treasury said the deficit reached $1.7 trillion in the fiscal year that ended Sept. 30, up 23% from a year earlier. " +
      "Economists expect growth to slow over the next two years. On Monday, Oct. 2, the Supreme Court opened its term; a ruling is expected by the end of June. " +
      "Gasoline averaged $3.80 a gallon, down 20 cents from a month ago.",
    expected: [
      date("next Tuesday", "2023-10-10"),
      money("$886 billion", 886e9, "USD"),
      date("Nov. 17", "2023-11-17"),
      date("December 2018", "2018-12"),
      n("35 days", 35, "day"),
      date("Yesterday", "2023-10-04"),
      money("$1.7 trillion", 1.7e12, "USD"),
      date("Sept. 30", "2023-09-30"),
      pct("23%", 23),
      date("a year earlier", "2022"),
      date("the next two years", "2023-10-05", "2025-10-05"),
      date("Monday, Oct. 2", "2023-10-02"),
      date("the end of June", "2024-06"),
      money("$3.80", 3.8, "USD"),
      money("20 cents", 0.2, "USD"),
      date("a month ago", "2023-09"),
    ],
  },
  {
    register: "assistant-style requests",
    date: "2024-05-15",
    text: [
      "Book a table for tomorrow.",
      "Remind me the day after tomorrow to call Anna.",
      "What was the weather like on 3/4/2024?",
      "Schedule the review for the week of June 10.",
      "Show my expenses from January to March.",
      "Move the meeting to next Friday.",
      "Set an alarm for Christmas Eve.",
      "Cancel everything on the 21st.",
      "What did I spend in the last three months?",
      "Block out 10 to 12 May.",
      "Find flights between 14 and 19 March 2025.",
      "Plan a trip for next summer.",
    ].join("\n\n"),
    expected: [
      date("tomorrow", "2024-05-16"),
      date("the day after tomorrow", "2024-05-17"),
      date("the week of June 10", "2024-06-10", "2024-06-16"),
      date("from January to March", "2024-01", "2024-03"),
      date("next Friday", "2024-05-17"),
      date("Christmas Eve", "2024-12-24"),
      date("the 21st", "2024-05-21"),
      date("the last three months", "2024-02-15", "2024-05-15"),
      date("10 to 12 May", "2024-05-10", "2024-05-12"),
      date("between 14 and 19 March 2025", "2025-03-14", "2025-03-19"),
    ],
    mustNotRead: ["3/4/2024", "3/4", "next summer", "summer"],
  },
  {
    register: "date library test lines",
    date: "2012-08-10",
    text: [
      "2012-08-15",
      "August 20th",
      "Aug 20",
      "20 August 2012",
      "Sat, 25 Aug 2012",
      "8/20/2012",
      "20.08.2012",
      "2012/08/20",
      "in two weeks",
      "3 days ago",
      "last Monday",
      "the day before yesterday",
      "next month",
      "the 1st of September",
      "September 2012",
      "Q3 2012",
    ].join("\n\n"),
    expected: [
      date("2012-08-15", "2012-08-15"),
      date("August 20th", "2012-08-20"),
      date("Aug 20", "2012-08-20"),
      date("20 August 2012", "2012-08-20"),
      date("Sat, 25 Aug 2012", "2012-08-25"),
      date("8/20/2012", "2012-08-20"),
      date("20.08.2012", "2012-08-20"),
      date("2012/08/20", "2012-08-20"),
      date("in two weeks", "2012-08-24"),
      date("3 days ago", "2012-08-07"),
      date("last Monday", "2012-08-06"),
      date("the day before yesterday", "2012-08-08"),
      date("next month", "2012-09"),
      date("the 1st of September", "2012-09-01"),
      date("September 2012", "2012-09"),
      date("Q3 2012", "2012-07", "2012-09"),
    ],
  },
  {
    register: "report",
    date: "2015-07-01",
    text:
      "The programme disbursed ₹4.2 crore in 2014–15 and 1.5 lakh rupees per village. Nearly three-quarters of a billion dollars has been pledged since 2010. " +
      "Kenya received KSh 2.5 billion, and Uganda USh 40 billion. The World Bank lent 750 USD per household in Nigeria, where the naira lost a third of its value. " +
      "In Brazil, R$ 3.2 billion was allocated; in Mexico, Mex$ 900 million. Coverage rose from 45 percent to 61 percent. " +
      "A further ¥12 billion from Japan and 300 million yuan from China arrived in the second half of 2014. " +
      "Costs per kilometre of road were 2.3 times higher than planned.",
    expected: [
      money("₹4.2 crore", 4.2e7, "INR"),
      date("2014–15", "2014", "2015"),
      money("1.5 lakh rupees", 1.5e5, "INR"),
      money("Nearly three-quarters of a billion dollars", 7.5e8, "USD", "at_most"),
      date("2010", "2010"),
      money("KSh 2.5 billion", 2.5e9, "KES"),
      money("USh 40 billion", 40e9, "UGX"),
      money("750 USD", 750, "USD"),
      n("a third", 1 / 3, "ratio"),
      money("R$ 3.2 billion", 3.2e9, "BRL"),
      money("Mex$ 900 million", 900e6, "MXN"),
      pct("from 45 percent to 61 percent", 45, "exact", "percent", 61),
      money("¥12 billion", 12e9, "JPY"),
      money("300 million yuan", 300e6, "CNY"),
      date("the second half of 2014", "2014-07", "2014-12"),
      n("2.3 times", 2.3, "ratio"),
    ],
  },
  {
    register: "news feature",
    date: "2017-06-01",
    text:
      "Some 250,000 people attended, more than twice as many as in 2015. Organisers sold two dozen food licences and 1,500 tickets in the first hour. " +
      "Seven and a half thousand volunteers helped; one in five was under 18. The festival site covers 40 hectares, roughly the size of 56 football pitches. " +
      "Around 3,000 tonnes of waste were collected, a third of it recycled. Attendance has grown fivefold since the first festival in 1992, when 50,000 came. " +
      "Organisers hope to reach half a million visitors by 2020.",
    expected: [
      n("Some 250,000", 250000, "count", "approximate"),
      n("more than twice", 2, "ratio", "at_least"),
      date("2015", "2015"),
      n("two dozen", 24),
      n("1,500", 1500),
      n("Seven and a half thousand", 7500),
      n("one in five", 0.2, "ratio"),
      n("under 18", 18, "count", "at_most"),
      dim("40 hectares", 40, "ha"),
      n("56", 56),
      dim("Around 3,000 tonnes", 3000, "t", "approximate"),
      n("a third", 1 / 3, "ratio"),
      n("fivefold", 5, "ratio"),
      date("1992", "1992"),
      n("50,000", 50000),
      n("half a million", 500000),
      date("2020", "2020"),
    ],
  },
  // Written after the first round of fixes, before the extractor was run on them.
  {
    register: "news",
    date: "2022-11-09",
    text:
      "LONDON, Nov 9 — Britain's economy shrank 0.2% in the three months to September, the Office for National Statistics said on Wednesday, the first contraction since early 2021. " +
      "Output in September alone fell 0.6 per cent. The Bank of England raised rates by 75 basis points last week to 3%, the biggest rise since 1989, and warned that the recession could last two years. " +
      "Energy bills are capped at £2,500 a year until April 2023. Sterling traded at $1.15, down from $1.37 a year ago.",
    expected: [
      date("Nov 9", "2022-11-09"),
      pct("0.2%", 0.2),
      n("three months", 3, "month"),
      date("September", "2022-09"),
      date("Wednesday", "2022-11-09"),
      date("early 2021", "2021-01", "2021-04"),
      date("September", "2022-09"),
      pct("0.6 per cent", 0.6),
      pct("75 basis points", 75, "exact", "bp"),
      date("last week", "2022-10-31", "2022-11-06"),
      pct("3%", 3),
      date("1989", "1989"),
      n("two years", 2, "year"),
      money("£2,500 a year", 2500, "GBP/year"),
      date("April 2023", "2023-04"),
      money("$1.15", 1.15, "USD"),
      money("$1.37", 1.37, "USD"),
      date("a year ago", "2021"),
    ],
  },
  {
    register: "report",
    date: "2019-05-20",
    text:
      "Wheat yields averaged 3.4 t/ha in 2018, against 3.1 tonnes per hectare a decade earlier. Irrigated area expanded by 1.2 million hectares (about 12,000 km²) between 2008 and 2018. " +
      "The region received 450 mm of rain, 30 percent below the 1981–2010 average, while daytime highs reached 41.5°C. Fertiliser use rose two and a half times. " +
      "Diesel consumption was 1.8 billion litres; methane emissions reached 2.3 Mt. One in three farms is smaller than 5 acres.",
    expected: [
      dim("3.4 t/ha", 3.4, "t/ha"),
      date("2018", "2018"),
      dim("3.1 tonnes per hectare", 3.1, "t/ha"),
      date("a decade earlier", "2008"),
      dim("1.2 million hectares", 1.2e6, "ha"),
      dim("about 12,000 km²", 12000, "km2", "approximate"),
      date("between 2008 and 2018", "2008", "2018"),
      dim("450 mm", 450, "mm"),
      pct("30 percent", 30),
      date("1981–2010", "1981", "2010"),
      dim("41.5°C", 41.5, "degC"),
      n("two and a half times", 2.5, "ratio"),
      dim("1.8 billion litres", 1.8e9, "l"),
      dim("2.3 Mt", 2.3e6, "t"),
      n("One in three", 1 / 3, "ratio"),
      dim("5 acres", 5, "acre"),
    ],
  },
  {
    register: "financial statement",
    date: "2021-08-03",
    text:
      "Second-quarter revenue rose 24% year on year to ¥1.2 trillion ($10.9 billion). The group lifted its full-year forecast to ¥4.8 trillion from ¥4.5 trillion. " +
      "Capital spending was ₩3.1 trillion. Its Indian unit booked Rs 1,250 crore, and the Brazilian arm R$480 million. Shares closed up 3.2 percent at HK$68.50. " +
      "The dividend will be paid on 1 December.",
    expected: [
      date("Second-quarter", "2021-04", "2021-06"),
      pct("24%", 24),
      money("¥1.2 trillion", 1.2e12, "JPY"),
      money("$10.9 billion", 10.9e9, "USD"),
      money("¥4.8 trillion", 4.8e12, "JPY"),
      money("¥4.5 trillion", 4.5e12, "JPY"),
      money("₩3.1 trillion", 3.1e12, "KRW"),
      money("Rs 1,250 crore", 1.25e10, "INR"),
      money("R$480 million", 480e6, "BRL"),
      pct("3.2 percent", 3.2),
      money("HK$68.50", 68.5, "HKD"),
      date("1 December", "2021-12-01"),
    ],
  },
  {
    register: "instructions",
    date: "2020-01-01",
    text:
      "Preheat the oven to 180 °C (350 °F). Whisk 3 eggs with 200 ml of milk and 1½ cups of flour. Add 2 tablespoons of sugar. " +
      "Pour into a 23 cm tin and bake for 35–40 minutes. Each serving has 320 kcal and 12 g of fat. Keep for up to 3 days at 4 °C.",
    expected: [
      dim("180 °C", 180, "degC"),
      dim("350 °F", 350, "degF"),
      n("3", 3),
      dim("200 ml", 200, "ml"),
      n("1½", 1.5),
      n("2", 2),
      dim("23 cm", 23, "cm"),
      n("35–40", 35, "count", "exact", 40),
      dim("320 kcal", 320, "kcal"),
      dim("12 g", 12, "g"),
      n("up to 3 days", 3, "day", "at_most"),
      dim("4 °C", 4, "degC"),
    ],
  },
  {
    register: "news",
    date: "2018-07-15",
    text:
      "Mumbai received 1,200 mm of rain in July, against a normal of 840 mm. The state government announced compensation of ₹5 lakh for each family. " +
      "Nearly 2 lakh people were moved, and 15 km of railway track was damaged. Losses are estimated at ₹3,000 crore. The monsoon is expected to withdraw by mid-October.",
    expected: [
      dim("1,200 mm", 1200, "mm"),
      date("July", "2018-07"),
      dim("840 mm", 840, "mm"),
      money("₹5 lakh", 5e5, "INR"),
      n("Nearly 2 lakh", 2e5, "count", "at_most"),
      dim("15 km", 15, "km"),
      money("₹3,000 crore", 3e10, "INR"),
      date("mid-October", "2018-10"),
    ],
  },
  {
    register: "contract",
    date: "2017-01-10",
    text:
      "This Agreement commences on 1 February 2017 and continues for a term of three years. The Supplier shall deliver 500 units per month from March to December 2017. " +
      "Payment of EUR 45,000 is due within 30 days of invoice. Late payments bear interest at 8% per annum. Either party may terminate on ninety days' notice.",
    expected: [
      date("1 February 2017", "2017-02-01"),
      n("three years", 3, "year"),
      n("500", 500),
      date("from March to December 2017", "2017-03", "2017-12"),
      money("EUR 45,000", 45000, "EUR"),
      n("30 days", 30, "day"),
      pct("8%", 8),
      n("ninety days", 90, "day"),
    ],
  },
  {
    register: "assistant-style requests",
    date: "2025-01-20",
    text: [
      "What's on my calendar for Friday?",
      "Book flights for March 3rd.",
      "Set a reminder two days before Valentine's Day.",
      "Show sales for the last quarter.",
      "Plan the offsite for the second week of February.",
      "How much did I spend in December?",
      "Schedule a call for 9/15.",
    ].join("\n\n"),
    expected: [
      date("Friday", "2025-01-24"),
      date("March 3rd", "2025-03-03"),
      date("Valentine's Day", "2025-02-14"),
      date("the last quarter", "2024-10", "2024-12"),
      date("the second week of February", "2025-02-08", "2025-02-14"),
      date("December", "2024-12"),
      date("9/15", "2025-09-15"),
    ],
  },
  {
    register: "date library test lines",
    date: "2014-06-01",
    text: [
      "June 5th",
      "5th June 2014",
      "2014-06-05T14:00",
      "Jun 5, 2014",
      "6/5/2014",
      "2 weeks from now",
      "a week ago",
      "next week",
      "last year",
      "this Friday",
      "Sunday",
    ].join("\n\n"),
    expected: [
      date("June 5th", "2014-06-05"),
      date("5th June 2014", "2014-06-05"),
      date("2014-06-05T14:00", "2014-06-05"),
      date("Jun 5, 2014", "2014-06-05"),
      date("2 weeks from now", "2014-06-15"),
      date("a week ago", "2014-05-25"),
      date("next week", "2014-06-02", "2014-06-08"),
      date("last year", "2013"),
      date("this Friday", "2014-06-06"),
      date("Sunday", "2014-06-01"),
    ],
    mustNotRead: ["6/5/2014"],
  },
];

interface Outcome {
  category: Category;
  register: string;
  expected: Expected;
  /** "found" (span and value), "wrong" (span, another value) or "missed" (no mention with that span). */
  result: "found" | "wrong" | "missed";
  got?: unknown;
}

function readingOf(mention: ExtractedMention): unknown[] {
  return mention.kind === "quantity"
    ? [mention.value, mention.unit, mention.qualifier, mention.value_high]
    : [mention.date_start, mention.date_end];
}

function sameValue(expected: Expected, mention: ExtractedMention): boolean {
  if (mention.kind === "time")
    return expected.value[0] === mention.date_start && expected.value[1] === mention.date_end;
  const [value, unit, qualifier = "exact", high] = expected.value as [number, string, string?, number?];
  const close = (a: number | null, b: number | null | undefined) =>
    b == null ? a === null : a !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return (
    close(mention.value, value) &&
    close(mention.value_high, high) &&
    mention.unit === unit &&
    mention.qualifier === qualifier
  );
}

function evaluate(documents: Document[]): Outcome[] {
  return documents.flatMap((document) => {
    const mentions = extract(document.text, { documentDate: document.date });
    const points = Array.from(document.text);
    let from = 0;
    return document.expected.map((expected): Outcome => {
      const at = document.text.indexOf(expected.text, from);
      if (at < 0)
        throw new Error(`corpus error: "${expected.text}" not in the ${document.register} text after offset ${from}`);
      from = at + expected.text.length;
      const start = Array.from(document.text.slice(0, at)).length;
      const end = start + Array.from(expected.text).length;
      expect(points.slice(start, end).join("")).toBe(expected.text);
      const mention = mentions.find((m) => m.start === start && m.end === end);
      const base = { category: expected.category, register: document.register, expected };
      if (!mention) return { ...base, result: "missed" };
      return sameValue(expected, mention)
        ? { ...base, result: "found" }
        : { ...base, result: "wrong", got: readingOf(mention) };
    });
  });
}

const outcomes = evaluate(CORPUS);
const CATEGORIES: Category[] = ["numbers", "percentages", "currency", "dimensions", "dates"];

describe("the extractor on our corpus of registers", () => {
  it.each(
    CATEGORIES.map((category) => {
      const inCategory = outcomes.filter((o) => o.category === category);
      const found = inCategory.filter((o) => o.result === "found").length;
      return { category, found, total: inCategory.length, recall: (found / inCategory.length).toFixed(3) };
    }),
  )("$category: recall $recall ($found of $total)", ({ category, found, total }) => {
    const misses = outcomes
      .filter((o) => o.category === category && o.result === "missed")
      .map((o) => `${o.register}: ${o.expected.text}`);
    expect(found / total, `missed: ${misses.join(" | ")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("gives no wrong value where the span is right", () => {
    expect(
      outcomes.filter((o) => o.result === "wrong").map((o) => [o.register, o.expected.text, o.expected.value, o.got]),
    ).toEqual([]);
  });

  it("reads nothing it must leave unread", () => {
    for (const document of CORPUS) {
      const texts = extract(document.text, { documentDate: document.date }).map((m) => m.text);
      for (const text of document.mustNotRead ?? []) expect(texts, document.register).not.toContain(text);
    }
  });
});
