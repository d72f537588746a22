/**
 * The tables drafts guess from: English words, not any source's. Which words make a figure a projection, an
 * estimate or an allegation; which verbs name which PLOVER category; words too common to tell one term from
 * another; abbreviations that end no sentence. The dataset's own terms (measures and event types with their
 * descriptions, actors with their names and aliases) come from its dataset.yaml.
 */
import type { CuratedFigure } from "../records.ts";

type Plover = NonNullable<import("../records.ts").CuratedEvent["plover"]>;

/** Words in a figure's sentence that make it other than a reported fact, checked in this order. */
export const CLAIM_CUES: [Exclude<CuratedFigure["claim_type"], "reported">, string[]][] = [
  ["allegation", ["allegedly", "alleged", "allegation", "allegations"]],
  ["estimate", ["estimated", "estimate", "estimates", "estimating", "estimation"]],
  [
    "projection",
    [
      "projected",
      "projection",
      "projections",
      "forecast",
      "forecasts",
      "expects",
      "expected",
      "plans",
      "planned",
      "aims",
      "could",
      "would",
      "will",
      "might",
    ],
  ],
];

/**
 * Verbs with the PLOVER category they usually name, in its codebook's sense. `forms`
 * lists the forms that do not follow the regular rules (sign, signs, signed, signing). The event type is not here:
 * it is guessed from the event types a dataset.yaml defines, by their names and descriptions.
 */
export const VERBS: { verb: string; forms?: string[]; plover: Plover }[] = [
  { verb: "sign", plover: "AGREE" },
  { verb: "agree", plover: "AGREE" },
  { verb: "conclude", plover: "AGREE" },
  { verb: "ratify", plover: "AGREE" },
  { verb: "settle", plover: "AGREE" },
  { verb: "pledge", plover: "AGREE" },
  { verb: "promise", plover: "AGREE" },
  { verb: "consent", plover: "AGREE" },
  { verb: "meet", forms: ["met"], plover: "CONSULT" },
  { verb: "visit", plover: "CONSULT" },
  { verb: "negotiate", plover: "CONSULT" },
  { verb: "discuss", plover: "CONSULT" },
  { verb: "host", plover: "CONSULT" },
  { verb: "invite", plover: "CONSULT" },
  { verb: "support", plover: "SUPPORT" },
  { verb: "praise", plover: "SUPPORT" },
  { verb: "welcome", plover: "SUPPORT" },
  { verb: "improve", plover: "SUPPORT" },
  { verb: "ease", plover: "CONCEDE" },
  { verb: "lift", plover: "CONCEDE" },
  { verb: "cooperate", plover: "COOPERATE" },
  { verb: "build", forms: ["built"], plover: "COOPERATE" },
  { verb: "construct", plover: "COOPERATE" },
  { verb: "reconstruct", plover: "COOPERATE" },
  { verb: "open", plover: "COOPERATE" },
  { verb: "invest", plover: "COOPERATE" },
  { verb: "export", plover: "COOPERATE" },
  { verb: "import", plover: "COOPERATE" },
  { verb: "supply", plover: "COOPERATE" },
  { verb: "trade", plover: "COOPERATE" },
  { verb: "establish", plover: "COOPERATE" },
  { verb: "aid", plover: "AID" },
  { verb: "assist", plover: "AID" },
  { verb: "help", plover: "AID" },
  { verb: "donate", plover: "AID" },
  { verb: "lend", forms: ["lent"], plover: "AID" },
  { verb: "withdraw", forms: ["withdrew", "withdrawn"], plover: "RETREAT" },
  { verb: "ask", plover: "REQUEST" },
  { verb: "request", plover: "REQUEST" },
  { verb: "demand", plover: "REQUEST" },
  { verb: "urge", plover: "REQUEST" },
  { verb: "condemn", plover: "DISAPPROVE" },
  { verb: "criticize", plover: "DISAPPROVE" },
  { verb: "criticise", plover: "DISAPPROVE" },
  { verb: "accuse", plover: "DISAPPROVE" },
  { verb: "denounce", plover: "DISAPPROVE" },
  { verb: "reject", plover: "REJECT" },
  { verb: "refuse", plover: "REJECT" },
  { verb: "veto", plover: "REJECT" },
  { verb: "boycott", plover: "REJECT" },
  { verb: "threaten", plover: "THREATEN" },
  { verb: "warn", plover: "THREATEN" },
  { verb: "protest", plover: "PROTEST" },
  { verb: "mobilize", plover: "MOBILIZE" },
  { verb: "deploy", plover: "MOBILIZE" },
  { verb: "sanction", plover: "SANCTION" },
  { verb: "impose", plover: "SANCTION" },
  { verb: "suspend", plover: "SANCTION" },
  { verb: "halt", plover: "SANCTION" },
  { verb: "stop", plover: "SANCTION" },
  { verb: "expel", plover: "SANCTION" },
  { verb: "ban", plover: "SANCTION" },
  { verb: "annex", plover: "COERCE" },
  { verb: "seize", plover: "COERCE" },
  { verb: "arrest", plover: "COERCE" },
  { verb: "detain", plover: "COERCE" },
  { verb: "occupy", plover: "COERCE" },
  { verb: "attack", plover: "ASSAULT" },
  { verb: "invade", plover: "ASSAULT" },
  { verb: "bomb", plover: "ASSAULT" },
];

/** Words too common to tell one measure or event type from another by its description. */
export const STOP_WORDS = new Set(
  (
    "a an the of in on to for by from and or with at as its their that this these those is are was were be been " +
    "being has have had it they them he she his her which who whom whose what when where how than then there here " +
    "subject counterpart period another other some any each every one two given way made make into over under " +
    "about after before between during per year years more most less first last new also not no only own same so " +
    "such up down out off all both can could would will may might should must does did do said says"
  ).split(" "),
);

/** What stands just before a date that is the base of a comparison, not the date of the amount compared. */
export const COMPARISON_BASE = /\b(than|compared (with|to)|relative to)( in)?\s*$/i;

/** Words by which a sentence refers back to a date given before it. */
export const REFERS_BACK = /\b(the|that|the same) (year|month|quarter|period)\b/i;

/** Lower-case abbreviations whose full stop ends no sentence. */
export const ABBREVIATIONS = new Set(
  "no. nos. mr. mrs. ms. dr. prof. st. vs. etc. e.g. i.e. approx. ca. cf. inc. ltd. co. corp. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. fig. vol. pp. p.".split(
    " ",
  ),
);
