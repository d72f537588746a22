/**
 * How English prose names money: the ISO 4217 table (generated) and the hand-kept choices on top of it. Each
 * entry is data the currency matchers read; a phrase is written as the tokenizer splits it ("U.S. dollars").
 */
import { ISO_CURRENCIES, UNIQUE_SYMBOLS } from "./currencies.generated.ts";

/** Active ISO codes that are also everyday words or acronyms in capitals ("ALL 5 SHIPS", "AMD chips"): never read as money. */
const WORD_LIKE_CODES: ReadonlySet<string> = new Set([
  "ALL",
  "AMD",
  "BAM",
  "BOB",
  "CUP",
  "GEL",
  "MAD",
  "MOP",
  "PEN",
  "SOS",
  "TOP",
  "SAR",
  "CDF",
  "MRU",
  "STN",
  "SLE",
]);

/** Every active ISO code the matchers read, upper case only, before or after the number ("USD 750", "750 USD"). */
export const CURRENCY_CODES: readonly string[] = [
  ...ISO_CURRENCIES.map(([code]) => code).filter((code) => !WORD_LIKE_CODES.has(code)),
];

/** Codes written by news for currencies ISO 4217 lists under another code, or no longer lists. */
export const CODE_ALIASES: readonly (readonly [alias: string, code: string])[] = [["RMB", "CNY"]];

/**
 * Symbols shared by several currencies that English news uses for one above all: read as that one. Every other
 * shared symbol ("kr", "Fr", "R", "L") is left unread: the code or the name says which currency it is.
 */
const DEFAULT_SYMBOLS: readonly (readonly [symbol: string, code: string])[] = [
  ["$", "USD"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₩", "KRW"],
];

/**
 * Letters glued before "$" (or, for these, spaced: "C $16.4 million"): which dollar it is. Any other word glued
 * to "$" makes the amount no mention at all, never a US dollar.
 */
export const DOLLAR_PREFIXES: readonly (readonly [prefix: string, code: string, spaced: boolean])[] = [
  ["US", "USD", true],
  ["U.S.", "USD", true],
  ["C", "CAD", true],
  ["CA", "CAD", true],
  ["Can", "CAD", false],
  ["CAN", "CAD", true],
  ["A", "AUD", false],
  ["AU", "AUD", true],
  ["AUD", "AUD", false],
  ["HK", "HKD", true],
  ["NZ", "NZD", true],
  ["S", "SGD", false],
  ["SG", "SGD", true],
  ["Mex", "MXN", true],
  ["MX", "MXN", true],
  ["NT", "TWD", true],
  ["R", "BRL", false],
  ["EC", "XCD", true],
  ["J", "JMD", false],
  ["TT", "TTD", true],
  ["BZ", "BZD", true],
  ["RD", "DOP", true],
  ["WS", "WST", true],
  ["T", "TOP", false],
];

/** Letter symbols read as money on either side of a number ("Rp 5 billion", "500 zł"): each names one currency. */
const LETTER_SYMBOLS: readonly (readonly [symbol: string, code: string])[] = [
  ["Rp", "IDR"],
  ["RM", "MYR"],
  ["KSh", "KES"],
  ["USh", "UGX"],
  ["TSh", "TZS"],
  ["FCFA", "XAF"],
  ["Rs", "INR"],
  ["TL", "TRY"],
];

/**
 * Letter symbols several currencies share, before or after a number ("kr 500": Swedish, Norwegian, Danish or
 * Icelandic; "Sh 2 billion": Kenyan, Ugandan, Tanzanian or Somali): money, but in no currency the text names, so
 * the amount is no mention at all (never a count).
 */
export const SHARED_CURRENCY_SYMBOLS: ReadonlySet<string> = new Set(["kr", "Kr", "Sh", "Fr", "CFA"]);

/** Symbols: those only one currency uses (generated), the defaults above and the letter symbols. */
export const CURRENCY_SYMBOLS: readonly (readonly [symbol: string, code: string])[] = [
  // "C$" is the Nicaraguan córdoba's symbol but the Canadian dollar's in news: DOLLAR_PREFIXES decides it.
  // A symbol starting with a point (".د.ب") would make every full stop a place to look for money.
  ...UNIQUE_SYMBOLS.filter(([symbol]) => !symbol.endsWith("$") && !symbol.startsWith(".")),
  ...DEFAULT_SYMBOLS,
  ...LETTER_SYMBOLS,
];

/**
 * Names shared by several currencies, read as the one English prose means without a qualifier. "pounds" is
 * absent: it is sterling only where the sentence is about money, else a weight (see units).
 */
const DEFAULT_NAMES: readonly (readonly [name: string, code: string])[] = [
  ["dollar", "USD"],
  ["ruble", "RUB"],
  ["rouble", "RUB"],
  ["rupee", "INR"],
  ["won", "KRW"],
];

/**
 * Last words of ISO names that prose uses for more currencies than ISO 4217 now lists under that word, or that
 * mean something else after a number: never read alone ("5 francs", "a sum"), only with their qualifier.
 */
const NOT_ALONE: ReadonlySet<string> = new Set([
  "real",
  "sol",
  "sum",
  "mark",
  "riyal",
  "rial",
  "dinar",
  "dirham",
  "shilling",
  "krone",
  "krona",
  "kwacha",
  "lira",
  "manat",
  "colon",
  "escudo",
  "florin",
  "guilder",
  "leu",
  "afghani",
  "pound",
  "dollar",
  "franc",
  "peso",
  "rupee",
  "ruble",
  "won",
  "leone",
  "cordoba",
  "som",
  "bolívar",
  "sterling",
]);

/**
 * Currency nouns several currencies share, written alone after a number ("300 francs"): money, but in no
 * currency the text names, so neither a currency nor a count is reported.
 */
export const SHARED_CURRENCY_NOUNS: ReadonlySet<string> = new Set([
  "franc",
  "francs",
  "peso",
  "pesos",
  "dinar",
  "dinars",
  "rial",
  "rials",
  "riyal",
  "riyals",
  "dirham",
  "dirhams",
  "shilling",
  "shillings",
  "krone",
  "kroner",
  "krona",
  "kronor",
  "kwacha",
  "kwachas",
  "lira",
  "lire",
  "liras",
  "manat",
  "manats",
  "escudo",
  "escudos",
  "florin",
  "florins",
  "guilder",
  "guilders",
  "leu",
  "lei",
]);

/** Plurals that are not the singular with "s" (an invariant noun lists itself). */
const PLURALS: ReadonlyMap<string, readonly string[]> = new Map([
  ["yen", ["yen"]],
  ["yuan", ["yuan"]],
  ["won", ["won"]],
  ["baht", ["baht"]],
  ["rand", ["rand"]],
  ["ringgit", ["ringgit", "ringgits"]],
  ["rupiah", ["rupiah", "rupiahs"]],
  ["dong", ["dong"]],
  ["kip", ["kip"]],
  ["riel", ["riel", "riels"]],
  ["kyat", ["kyat", "kyats"]],
  ["tenge", ["tenge"]],
  ["som", ["som", "soms"]],
  ["lari", ["lari"]],
  ["real", ["reais", "reals"]],
  ["lira", ["lire", "liras"]],
  ["sheqel", ["sheqalim", "shekels", "shekel"]],
  ["sterling", ["sterling"]],
  ["krone", ["kroner", "krone"]],
  ["krona", ["kronor", "kronur", "krona"]],
  ["koruna", ["korun", "korunas", "koruny"]],
  ["zloty", ["zlotys", "zloties", "zloty"]],
  ["leu", ["lei"]],
  ["lev", ["leva"]],
  ["loti", ["maloti"]],
  ["lilangeni", ["emalangeni"]],
  ["kwanza", ["kwanzas"]],
  ["hryvnia", ["hryvnias", "hryvni", "hryvnas"]],
  ["naira", ["naira", "nairas"]],
  ["vatu", ["vatu"]],
  ["tala", ["tala"]],
  ["kina", ["kina"]],
  ["pula", ["pula"]],
  ["tugrik", ["tugrik", "tugriks"]],
  ["ngultrum", ["ngultrum"]],
  ["rufiyaa", ["rufiyaa"]],
  ["ouguiya", ["ouguiya"]],
  ["ariary", ["ariary"]],
  ["dalasi", ["dalasi"]],
]);

/** Names prose uses beside the ISO ones: demonyms, spellings and the currencies of the archive (historic codes). */
const EXTRA_NAMES: readonly (readonly [name: string, code: string])[] = [
  ["us dollar", "USD"],
  ["u . s . dollar", "USD"],
  ["american dollar", "USD"],
  ["chinese yuan", "CNY"],
  ["renminbi", "CNY"],
  ["japanese yen", "JPY"],
  ["south korean won", "KRW"],
  ["korean won", "KRW"],
  ["pakistani rupee", "PKR"],
  ["sri lankan rupee", "LKR"],
  ["nepali rupee", "NPR"],
  ["mauritian rupee", "MUR"],
  ["russian rouble", "RUB"],
  ["south african rand", "ZAR"],
  ["israeli shekel", "ILS"],
  ["new israeli shekel", "ILS"],
  ["shekel", "ILS"],
  ["qatari riyal", "QAR"],
  ["omani rial", "OMR"],
  ["emirati dirham", "AED"],
  ["nigerian naira", "NGN"],
  ["ukrainian hryvnia", "UAH"],
  ["kazakh tenge", "KZT"],
  ["kazakhstani tenge", "KZT"],
  ["polish zloty", "PLN"],
  ["hungarian forint", "HUF"],
  ["thai baht", "THB"],
  ["indonesian rupiah", "IDR"],
  ["vietnamese dong", "VND"],
  ["taiwan dollar", "TWD"],
  ["taiwanese dollar", "TWD"],
  ["icelandic krona", "ISK"],
  ["egyptian pound", "EGP"],
  ["british pound", "GBP"],
  ["pounds sterling", "GBP"],
  ["sterling", "GBP"],
  ["uzbek sum", "UZS"],
  ["uzbek som", "UZS"],
  ["kyrgyz som", "KGS"],
  ["peruvian sol", "PEN"],
  ["bangladeshi taka", "BDT"],
  ["ghanaian cedi", "GHS"],
  ["ethiopian birr", "ETB"],
  ["angolan kwanza", "AOA"],
  ["mongolian tugrik", "MNT"],
  ["georgian lari", "GEL"],
  ["armenian dram", "AMD"],
  ["albanian lek", "ALL"],
  ["moroccan dirham", "MAD"],
  ["bolivian boliviano", "BOB"],
  ["cuban peso", "CUP"],
  ["saudi riyal", "SAR"],
  ["euro", "EUR"],
  ["danish crown", "DKK"],
  ["norwegian crown", "NOK"],
  ["swedish crown", "SEK"],
  ["czech crown", "CZK"],
  ["icelandic crown", "ISK"],
  // Historic currencies, read where their name carries no ambiguity.
  ["french franc", "FRF"],
  ["deutsche mark", "DEM"],
  ["deutschmark", "DEM"],
  ["d - mark", "DEM"],
  ["german mark", "DEM"],
  ["finnish markka", "FIM"],
  ["italian lira", "ITL"],
  ["spanish peseta", "ESP"],
  ["peseta", "ESP"],
  ["dutch guilder", "NLG"],
  ["belgian franc", "BEF"],
  ["austrian schilling", "ATS"],
  ["portuguese escudo", "PTE"],
  ["greek drachma", "GRD"],
  ["drachma", "GRD"],
  ["irish punt", "IEP"],
  ["markka", "FIM"],
  ["soviet ruble", "SUR"],
  ["soviet rouble", "SUR"],
  ["luxembourg franc", "LUF"],
];

/** Plurals of historic and extra names that are not the singular with "s". */
const EXTRA_PLURALS: ReadonlyMap<string, readonly string[]> = new Map([
  ["markka", ["markkaa", "markkas"]],
  ["drachma", ["drachmas", "drachmae"]],
  ["lira", ["lire", "liras"]],
  ["deutschmark", ["deutschmarks", "deutschemarks"]],
  ["euro", ["euros", "euro"]],
  ["shekel", ["shekels", "shekalim"]],
]);

function pluralsOf(word: string): readonly string[] {
  return EXTRA_PLURALS.get(word) ?? PLURALS.get(word) ?? [word.endsWith("s") ? word : `${word}s`];
}

/** A name in the singular and its plurals, as token texts joined by spaces. */
function forms(name: string): string[] {
  const words = name.split(" ");
  const last = words.at(-1)!;
  return [...new Set([name, ...pluralsOf(last).map((plural) => [...words.slice(0, -1), plural].join(" "))])];
}

/** ISO names that prose words otherwise: the currency noun last, so that its plural is the last word's. */
const ISO_RENAMES: ReadonlyMap<string, string> = new Map([
  ["Yuan Renminbi", "yuan"],
  ["Pound Sterling", "pound sterling"],
  ["Rial Omani", "Omani rial"],
  ["Peso Uruguayo", "Uruguayan peso"],
  ["Cordoba Oro", "Nicaraguan cordoba"],
  ["Bolívar Soberano", "Venezuelan bolívar"],
  ["CFA Franc BEAC", "Central African CFA franc"],
  ["CFA Franc BCEAO", "West African CFA franc"],
  ["Peso Convertible", "Cuban convertible peso"],
  ["Som", "Kyrgyzstani som"],
  ["Sol", "Peruvian sol"],
  ["Uzbekistan Sum", "Uzbekistani sum"],
  ["Pa’anga", "Tongan pa’anga"],
]);

/** An ISO name in prose's words, and its last word alone unless that is reserved to qualified use. */
function isoNameForms(isoName: string): string[] {
  const name = (ISO_RENAMES.get(isoName.trim()) ?? isoName).toLowerCase().replace(/[()]/g, "");
  if (name.includes("’")) return [];
  const words = name.split(/\s+/).filter(Boolean);
  const last = words.at(-1)!;
  if (NOT_ALONE.has(last)) return words.length === 1 ? [] : [words.join(" ")];
  return words.length === 1 ? [last] : [words.join(" "), last];
}

/** The last word of every ISO name, with how many currencies use it: one alone is unambiguous. */
function lastWordOwners(): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const [code, name] of ISO_CURRENCIES) {
    const last = name.toLowerCase().split(/\s+/).at(-1)!;
    owners.set(last, (owners.get(last) ?? new Set()).add(code));
  }
  return owners;
}

/**
 * Every currency name the matchers read after a number ("20 euros", "2,500 Swiss francs"), lower case, as token
 * texts joined by spaces: the ISO names with their plurals, a last word alone only where one currency has it,
 * the defaults, and the extra names.
 */
export function currencyNames(): [name: string, code: string][] {
  const owners = lastWordOwners();
  const names = new Map<string, string>();
  const add = (name: string, code: string) => {
    for (const form of forms(name)) if (!names.has(form)) names.set(form, code);
  };
  for (const [name, code] of DEFAULT_NAMES) add(name, code);
  for (const [name, code] of EXTRA_NAMES) add(name, code);
  for (const [code, name] of ISO_CURRENCIES) {
    if (WORD_LIKE_CODES.has(code) && !EXTRA_NAMES.some(([, c]) => c === code)) continue;
    for (const form of isoNameForms(name)) {
      const alone = !form.includes(" ");
      if (alone && (owners.get(form)?.size ?? 0) > 1 && !DEFAULT_NAMES.some(([n]) => n === form)) continue;
      add(form, code);
    }
  }
  return [...names];
}

/**
 * Slang that names one currency in the English that uses it, after a number and in lower case only ("200 quid",
 * "12 bucks"; "the Bucks" is a team).
 */
export const CURRENCY_SLANG: readonly (readonly [word: string, code: string])[] = [
  ["quid", "GBP"],
  ["bucks", "USD"],
  ["buck", "USD"],
];

/** Subunits, a hundredth of their currency: "48 cents" (US cents, the common case in English prose), "95 pence". */
export const SUBUNITS: readonly (readonly [name: string, code: string])[] = [
  ["cents", "USD"],
  ["cent", "USD"],
  ["us cents", "USD"],
  ["euro cents", "EUR"],
  ["euro cent", "EUR"],
  ["eurocents", "EUR"],
  ["pence", "GBP"],
  ["penny", "GBP"],
  ["kopecks", "RUB"],
  ["kopeck", "RUB"],
  ["kopeks", "RUB"],
  ["kopek", "RUB"],
  ["kopeyki", "RUB"],
  ["fen", "CNY"],
  ["paise", "INR"],
  ["rappen", "CHF"],
];

/** Words that make "pounds" in their sentence sterling: the sentence is about money. */
export const MONEY_WORDS: ReadonlySet<string> = new Set([
  "profit",
  "profits",
  "revenue",
  "revenues",
  "sales",
  "income",
  "earnings",
  "loss",
  "losses",
  "cost",
  "costs",
  "price",
  "prices",
  "priced",
  "paid",
  "pay",
  "pays",
  "paying",
  "spend",
  "spent",
  "spending",
  "worth",
  "fund",
  "funds",
  "funding",
  "budget",
  "tax",
  "taxes",
  "debt",
  "debts",
  "salary",
  "salaries",
  "wage",
  "wages",
  "fee",
  "fees",
  "fine",
  "fined",
  "bonus",
  "turnover",
  "investment",
  "invested",
  "raised",
  "bid",
  "deal",
  "contract",
  "sold",
  "bought",
  "valued",
  "valuation",
  "capital",
  "dividend",
  "dividends",
  "bill",
  "compensation",
  "damages",
  "cash",
  "money",
  "loan",
  "loans",
  "owed",
  "owes",
  "charged",
  "rent",
  "grant",
  "subsidy",
  "prize",
  "deficit",
  "surplus",
  "pension",
  "pensions",
  "fundraising",
  "donated",
  "donation",
  "bailout",
  "ebitda",
  "operating",
  "pre-tax",
  "pretax",
  "net",
  "gross",
  "margin",
  "dividend",
  "shares",
  "stake",
  "takeover",
  "acquisition",
]);

/** Words that make "pounds" in their sentence a weight. */
export const WEIGHT_WORDS: ReadonlySet<string> = new Set([
  "weigh",
  "weighs",
  "weighed",
  "weighing",
  "weight",
  "weights",
  "heavy",
  "heavier",
  "lighter",
  "pounder",
]);
