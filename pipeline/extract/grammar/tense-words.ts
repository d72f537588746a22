/** Words that tell a sentence's tense, for dates written without their year ("by Oct. 15", "in November"). */

/** Words that put the sentence's event ahead, whatever else the sentence says ("will repay …, the bank said"). */
export const FUTURE_WORDS: ReadonlySet<string> = new Set(["will", "shall", "ll"]);

/**
 * Words that put it ahead of the time the sentence speaks from: of the document date, unless a past tense moves
 * that time back ("in March 2014 it said a ruling was expected in October": the October after March 2014).
 */
export const PLAN_WORDS: ReadonlySet<string> = new Set([
  "due", "scheduled", "expected", "expects", "expect", "plans", "planned", "planning", "upcoming", "forthcoming",
  "intends", "aims", "slated", "next", "coming",
]);

/** Past forms of irregular verbs news reports with ("the company repaid", "prices rose"); regular ones end in -ed. */
export const PAST_WORDS: ReadonlySet<string> = new Set([
  "was", "were", "had", "did", "said", "paid", "repaid", "made", "took", "gave", "got", "went", "came", "rose",
  "fell", "grew", "began", "sold", "bought", "met", "won", "lost", "left", "told", "held", "brought", "thought",
  "found", "saw", "knew", "became", "ran", "spent", "sent", "built", "led", "kept", "struck", "wrote", "spoke",
  "broke", "chose", "drove", "flew", "forgot", "froze", "hid", "rode", "sang", "sank", "stole", "swore", "threw",
  "woke", "wore", "ago", "last", "earlier", "previously", "already", "since",
]);

/** Words in -ed that are no past tense in the sense meant here: adjectives and numbers. */
export const NOT_PAST_ED: ReadonlySet<string> = new Set([
  "hundred", "need", "speed", "feed", "seed", "red", "bed", "shed", "united", "limited", "based", "related",
  "advanced", "proposed", "expected", "scheduled", "planned", "indeed", "embed", "breed", "creed", "greed", "weed",
  "deed", "sled", "bred", "fled", "led", "wed", "ted", "fred", "ned", "med",
]);

/** Verbs that open a request ("Book a table for Friday", "Plan the offsite for February"): what follows is ahead. */
export const IMPERATIVE_VERBS: ReadonlySet<string> = new Set([
  "book", "plan", "schedule", "set", "remind", "move", "cancel", "add", "block", "send", "arrange", "reserve",
  "organize", "organise", "create", "put", "hold", "postpone", "reschedule",
]);
