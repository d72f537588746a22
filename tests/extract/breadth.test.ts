/**
 * The forms other registers use, one example or more each, with the mention each yields (document dated
 * 2018-03-15, a Thursday). The extractor's README lists the same forms.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../pipeline/extract/index.ts";

function one(text: string, documentDate = "2018-03-15"): unknown[] {
  const found = extract(text, { documentDate });
  expect(found, JSON.stringify(found.map((m) => m.text))).toHaveLength(1);
  const m = found[0]!;
  return m.kind === "quantity"
    ? [m.text, m.value, m.value_high, m.unit, m.qualifier]
    : [m.text, m.date_start, m.date_end];
}

const day = (text: string, start: string, end = start) => [text, start, end];
const amount = (text: string, value: number, unit: string, qualifier = "exact", high: number | null = null) => [
  text,
  value,
  high,
  unit,
  qualifier,
];

describe("dates", () => {
  it.each([
    ["We meet today.", day("today", "2018-03-15")],
    ["It rained yesterday.", day("yesterday", "2018-03-14")],
    ["It opens tomorrow.", day("tomorrow", "2018-03-16")],
    ["It opens the day after tomorrow.", day("the day after tomorrow", "2018-03-17")],
    ["They met on Thursday, March 8.", day("Thursday, March 8", "2018-03-08")],
    ["Filed on 7/14/2019.", day("7/14/2019", "2019-07-14")],
    ["Filed on 14.07.2019.", day("14.07.2019", "2019-07-14")],
    ["Filed on 2019/07/14.", day("2019/07/14", "2019-07-14")],
    ["Filed in Jul/2019.", day("Jul/2019", "2019-07")],
    ["It will be done within two years.", day("within two years", "2018-03-15", "2020-03-15")],
    ["It will open in three months.", day("in three months", "2018-06")],
    ["It closed two weeks ago.", day("two weeks ago", "2018-03-01")],
    ["Growth will slow over the next five years.", day("the next five years", "2018-03-15", "2023-03-15")],
    ["Prices rose over the past decade.", day("the past decade", "2008-03-15", "2018-03-15")],
    ["Talks resume the week of 10 May 2021.", day("the week of 10 May 2021", "2021-05-10", "2021-05-16")],
    ["Talks resume in the first week of June 2021.", day("the first week of June 2021", "2021-06-01", "2021-06-07")],
    ["Profit rose in Q2 2021.", day("Q2 2021", "2021-04", "2021-06")],
    ["Profit rose in H1 2020.", day("H1 2020", "2020-01", "2020-06")],
    ["Profit is weak this quarter.", day("this quarter", "2018-01", "2018-03")],
    [
      "Prices fell from November 2016 to February 2017.",
      day("from November 2016 to February 2017", "2016-11", "2017-02"),
    ],
    ["The fair ran 14–19 March 2011.", day("14–19 March 2011", "2011-03-14", "2011-03-19")],
    ["It was signed June third, 2012.", day("June third, 2012", "2012-06-03")],
    ["It was signed on the fifth of May 2012.", day("the fifth of May 2012", "2012-05-05")],
    ["Trade grew in the nineteenth century.", day("the nineteenth century", "1800", "1899")],
    ["Trade grew in the 19th century.", day("the 19th century", "1800", "1899")],
    ["It was built in nineteen ninety-five.", day("nineteen ninety-five", "1995")],
    ["It opened on Christmas Day 2015.", day("Christmas Day 2015", "2015-12-25")],
    ["They met on New Year's Eve.", day("New Year's Eve", "2017-12-31")],
    ["Sales slowed in february.", day("february", "2018-02")],
  ])("%s", (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it("leaves a month name that is another word in lower case unread", () => {
    expect(extract("Prices may rise in march.", { documentDate: "2018-03-15" })).toEqual([]);
  });

  it("leaves a fiscal year unread: its months are the organisation's", () => {
    expect(extract("Sales in fiscal 2017 rose.", { documentDate: "2018-03-15" })).toEqual([]);
  });

  it("reports a weekday that contradicts its date without a date", () => {
    expect(extract("They met on Friday, March 8, 2018.")).toMatchObject([
      { text: "Friday, March 8, 2018", date_start: null, date_end: null },
    ]);
  });
});

describe("numbers", () => {
  it.each([
    ["It cost two dollars and fifty cents.", amount("two dollars and fifty cents", 2.5, "USD")],
    ["He is 6 feet 1 inch.", amount("6 feet 1 inch", 6.08333333333333, "ft")],
    ["They bought two dozen eggs.", ["two dozen", 24, null, "count", "exact"]],
    ["It lost three-quarters of a billion dollars.", amount("three-quarters of a billion dollars", 7.5e8, "USD")],
    ["It took seven and a half years.", amount("seven and a half years", 7.5, "year")],
    ["The rod is 3 1/2 feet.", amount("3 1/2 feet", 3.5, "ft")],
    ["Add ¾ of the water.", amount("¾", 0.75, "ratio")],
    ["They raised $25k.", amount("$25k", 25e3, "USD")],
    ["They raised 3.4bn euros.", amount("3.4bn euros", 3.4e9, "EUR")],
    ["The fund holds 40M shares.", ["40M", 40e6, null, "count", "exact"]],
    ["Half a million people came.", ["Half a million", 5e5, null, "count", "exact"]],
    ["It paid 1.5 lakh rupees.", amount("1.5 lakh rupees", 1.5e5, "INR")],
    ["It paid 2 crore rupees.", amount("2 crore rupees", 2e7, "INR")],
    ["The sample held 2.7e9 cells.", ["2.7e9", 2.7e9, null, "count", "exact"]],
    ["The sample held 4.2 × 10^5 cells.", ["4.2 × 10^5", 4.2e5, null, "count", "exact"]],
    ["The rate is nought point two.", ["nought point two", 0.2, null, "count", "exact"]],
    ["Rates rose 3 pct.", amount("3 pct", 3, "percent")],
    ["Rates rose 3 percents.", amount("3 percents", 3, "percent")],
  ])("%s", (text, expected) => {
    expect(one(text)).toEqual(expected);
  });
});

describe("currencies", () => {
  it.each([
    ["It cost 750 USD.", amount("750 USD", 750, "USD")],
    ["It cost USD 750.", amount("USD 750", 750, "USD")],
    ["It cost 15 €.", amount("15 €", 15, "EUR")],
    ["It cost 300 yuan.", amount("300 yuan", 300, "CNY")],
    ["It cost 20 euros.", amount("20 euros", 20, "EUR")],
    ["It cost 2,500 Swiss francs.", amount("2,500 Swiss francs", 2500, "CHF")],
    ["It cost 40 zł.", amount("40 zł", 40, "PLN")],
    ["It cost ₦900.", amount("₦900", 900, "NGN")],
    ["It cost 10,000 South Korean won.", amount("10,000 South Korean won", 1e4, "KRW")],
    ["It cost 120 billion Deutsche marks.", amount("120 billion Deutsche marks", 1.2e11, "DEM")],
    ["It cost 5.9 Finnish markkaa.", amount("5.9 Finnish markkaa", 5.9, "FIM")],
    ["It cost 300 French francs.", amount("300 French francs", 300, "FRF")],
  ])("%s", (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it("leaves a name several currencies share unread", () => {
    expect(extract("It cost 300 francs and 40 pesos.")).toEqual([]);
  });
});

describe("units", () => {
  it.each([
    ["The park covers 250 km2.", amount("250 km2", 250, "km2")],
    ["Bring a 5-gallon can.", amount("5-gallon", 5, "gal")],
    ["He is 2.1m tall.", amount("2.1m", 2.1, "m")],
    ["The truck carries 40 t.", amount("40 t", 40, "t")],
    ["The plant makes 5 MW.", amount("5 MW", 5, "MW")],
    ["It used 3 TWh.", amount("3 TWh", 3, "TWh")],
    ["It was -30 °C.", amount("-30 °C", -30, "degC")],
    ["The limit is 60 mph.", amount("60 mph", 60, "mph")],
    ["The field holds 2 billion barrels.", amount("2 billion barrels", 2e9, "bbl")],
    ["Output was 1.1 million b/d.", amount("1.1 million b/d", 1.1e6, "bbl/day")],
    ["Reserves are 30 tcf.", amount("30 tcf", 30e12, "ft3")],
    ["The port handled 4 million TEU.", amount("4 million TEU", 4e6, "TEU")],
    ["The tank holds 500 m3.", amount("500 m3", 500, "m3")],
    ["It sold 900,000 cubic feet.", amount("900,000 cubic feet", 9e5, "ft3")],
    ["It blew at 40 knots.", amount("40 knots", 40, "kn")],
  ])("%s", (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it('leaves "m" glued to a number with nothing to say it measures a length unread', () => {
    expect(extract("He earned 2.1m in total.")).toEqual([]);
  });
});
