/** Controlled vocabularies: every enum in the data contract, in one place. */
import { z } from "zod";

export const MEASURE_UNITS = {
  trade_turnover: "USD",
  trade_target: "USD",
  re_exports: "USD/year",
  investment: "USD",
  investment_pledge: "USD",
  debt: "USD",
  debt_write_off_share: "percent",
  labor_quota: "person",
  quota_multiplier: "ratio",
  workers: "person",
  border_length: "km",
  un_votes: "count",
  investment_deals: "count",
  trade_partner_rank: "rank",
} as const;

export type Measure = keyof typeof MEASURE_UNITS;

export const measure = z
  .enum(Object.keys(MEASURE_UNITS) as [Measure, ...Measure[]])
  .describe("What the number measures, from a controlled vocabulary; each measure has one unit");

export const unit = z
  .enum(["USD", "USD/year", "person", "km", "percent", "count", "ratio", "rank"])
  .describe(
    "Unit of `value`: US dollars, US dollars per year, persons, kilometres, percent (90 = 90%), " +
      "a count of things, a ratio (3 = tripled), or a rank (10 = tenth place)",
  );

export const qualifier = z
  .enum(["exact", "approximate", "at_least", "at_most"])
  .describe(
    "How the source hedges the number: `at_most` for almost/nearly/up to/as much as, `at_least` for " +
      "over/more than/at least/exceeded, `approximate` for about/around/approximately/roughly/some/close to, `exact` for no hedge",
  );

export const claimType = z
  .enum(["reported", "estimate", "projection", "allegation"])
  .describe("What kind of claim the source makes: a reported fact, an estimate, a projection or target, or an allegation");

/** ISO 3166-1 alpha-3 codes (SUN: the Soviet Union's former code) and organisation codes. */
export const actor = z
  .enum(["RUS", "PRK", "KOR", "CHN", "UKR", "USA", "JPN", "SUN", "UN", "EU"])
  .describe("A party: ISO 3166-1 alpha-3 country code (SUN for the Soviet Union) or an organisation code (UN, EU)");

export const eventType = z
  .enum([
    "state_founding",
    "war",
    "policy_shift",
    "diplomacy",
    "agreement",
    "institution",
    "investment",
    "infrastructure",
    "trade",
    "labor",
    "economic_crisis",
    "condemnation",
    "sanctions",
    "un_vote",
    "weapons_test",
  ])
  .describe("What kind of happening the event is, from a controlled vocabulary");

/** The PLOVER event categories (Political Language Ontology for Verifiable Event Records). */
export const plover = z
  .enum([
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
  ])
  .describe("The matching PLOVER event category, where one fits");

export const datePrecision = z
  .enum(["day", "month", "year", "decade", "range"])
  .describe("How precise the date is as the text gives it: a day, a month, a year, a decade or part of one, or a range of years or months");

export const dateBasis = z
  .enum(["explicit", "inferred"])
  .describe("`explicit` when the text states the date; `inferred` when it follows from the text (e.g. 'this January' in a May 2016 memo), explained in `note`");
