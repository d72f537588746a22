/**
 * Units of measure read after a number: one line per unit. `code` is the canonical code reported in a mention's
 * `unit` (SI symbols where there is one, ASCII: "km2", "m3", "degC"); the stated unit is kept, never converted,
 * except that a unit naming a multiple of another reports that one with its factor ("5 bcm" is 5e9 m3).
 *
 * `names` are matched in any case, word by word as the tokenizer splits them ("kilowatt - hours" matches
 * "kilowatt-hours" and "kilowatt hours"); `symbols` are matched case-sensitively ("MW" is not "mW") with their
 * tokens glued together ("km/h", "m3"), though the symbol may stand apart from the number ("300 km").
 */

export type Dimension =
  | "length"
  | "area"
  | "volume"
  | "mass"
  | "energy"
  | "power"
  | "speed"
  | "temperature"
  | "angle"
  | "flow"
  | "yield"
  | "containers"
  | "voltage"
  | "data"
  | "data rate";

export interface UnitRow {
  code: string;
  dimension: Dimension;
  names?: readonly string[];
  symbols?: readonly string[];
  /** Multiple of `code` the unit stands for (1 when absent). */
  factor?: number;
}

const metre = ["meters", "meter", "metres", "metre"];
const withPrefix = (prefix: string, words: readonly string[]) => words.map((word) => prefix + word);

export const UNITS_OF_MEASURE: readonly UnitRow[] = [
  // Length
  { code: "km", dimension: "length", names: withPrefix("kilo", metre), symbols: ["km", "kms", "Km"] },
  // "m" alone is read by the matcher itself: after a number it may be million as well as metre.
  { code: "m", dimension: "length", names: metre },
  { code: "cm", dimension: "length", names: withPrefix("centi", metre), symbols: ["cm"] },
  { code: "mm", dimension: "length", names: withPrefix("milli", metre), symbols: ["mm"] },
  { code: "mi", dimension: "length", names: ["miles", "mile"] },
  { code: "nmi", dimension: "length", names: ["nautical miles", "nautical mile"] },
  { code: "ft", dimension: "length", names: ["feet", "foot"], symbols: ["ft"] },
  { code: "in", dimension: "length", names: ["inches", "inch"] },
  { code: "yd", dimension: "length", names: ["yards", "yard"], symbols: ["yd", "yds"] },
  { code: "ly", dimension: "length", names: ["light years", "light - years", "light year", "light - year"] },
  // Area
  {
    code: "km2",
    dimension: "area",
    names: [...withPrefix("square kilo", metre), "sq km", "sq . km", "sq . km ."],
    symbols: ["km2", "km²", "sq km"],
  },
  {
    code: "m2",
    dimension: "area",
    names: [...withPrefix("square ", metre), "sq m", "sq . m", "sq . m ."],
    symbols: ["m2", "m²"],
  },
  { code: "mi2", dimension: "area", names: ["square miles", "square mile", "sq mi", "sq . mi", "sq . mi ."] },
  { code: "ft2", dimension: "area", names: ["square feet", "square foot", "sq ft", "sq . ft", "sq . ft ."] },
  { code: "ha", dimension: "area", names: ["hectares", "hectare"], symbols: ["ha"] },
  { code: "acre", dimension: "area", names: ["acres", "acre"] },
  // Volume, oil and gas
  { code: "m3", dimension: "volume", names: withPrefix("cubic ", metre), symbols: ["m3", "m³"] },
  { code: "m3", dimension: "volume", symbols: ["bcm"], factor: 1e9 },
  { code: "m3", dimension: "volume", symbols: ["mcm"], factor: 1e6 },
  { code: "m3", dimension: "volume", symbols: ["tcm"], factor: 1e12 },
  { code: "ft3", dimension: "volume", names: ["cubic feet", "cubic foot"], symbols: ["cu ft"] },
  { code: "ft3", dimension: "volume", symbols: ["bcf"], factor: 1e9 },
  { code: "ft3", dimension: "volume", symbols: ["tcf"], factor: 1e12 },
  { code: "l", dimension: "volume", names: ["liters", "liter", "litres", "litre"], symbols: ["l", "L"] },
  {
    code: "ml",
    dimension: "volume",
    names: ["milliliters", "milliliter", "millilitres", "millilitre"],
    symbols: ["ml", "mL"],
  },
  { code: "gal", dimension: "volume", names: ["gallons", "gallon"], symbols: ["gal"] },
  { code: "bbl", dimension: "volume", names: ["barrels", "barrel"], symbols: ["bbl", "bbls"] },
  { code: "bbl/day", dimension: "flow", symbols: ["b/d", "bpd", "bbl/d"] },
  { code: "bbl/day", dimension: "flow", symbols: ["kb/d"], factor: 1e3 },
  { code: "bbl/day", dimension: "flow", symbols: ["mbpd", "mb/d"], factor: 1e6 },
  // Mass
  {
    code: "kg",
    dimension: "mass",
    names: ["kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos"],
    symbols: ["kg", "kgs"],
  },
  { code: "g", dimension: "mass", names: ["grams", "gram", "grammes", "gramme"], symbols: ["g"] },
  { code: "mg", dimension: "mass", names: ["milligrams", "milligram"], symbols: ["mg"] },
  // "tons" is read as metric tonnes, as most English news outside the US means it.
  {
    code: "t",
    dimension: "mass",
    names: ["tons", "ton", "tonnes", "tonne", "metric tons", "metric tonnes", "metric ton"],
    symbols: ["t"],
  },
  // "pounds" alone is read by the matcher itself: a weight, or sterling in a sentence about money.
  { code: "lb", dimension: "mass", symbols: ["lb", "lbs"] },
  // Kilotons and megatons: of mass, or of TNT for a bomb's yield ("a 10 kt device"), in tonnes either way.
  {
    code: "t",
    dimension: "mass",
    names: ["kilotons", "kiloton", "kilotonnes", "kilotonne"],
    symbols: ["kt"],
    factor: 1e3,
  },
  {
    code: "t",
    dimension: "mass",
    names: ["megatons", "megaton", "megatonnes", "megatonne"],
    symbols: ["Mt"],
    factor: 1e6,
  },
  {
    code: "t",
    dimension: "mass",
    names: ["gigatons", "gigaton", "gigatonnes", "gigatonne"],
    symbols: ["Gt"],
    factor: 1e9,
  },
  { code: "oz", dimension: "mass", names: ["ounces", "ounce"], symbols: ["oz"] },
  { code: "ozt", dimension: "mass", names: ["troy ounces", "troy ounce"], symbols: ["oz t"] },
  // Energy
  { code: "J", dimension: "energy", names: ["joules", "joule"], symbols: ["J"] },
  { code: "kJ", dimension: "energy", names: ["kilojoules", "kilojoule"], symbols: ["kJ"] },
  { code: "MJ", dimension: "energy", names: ["megajoules", "megajoule"], symbols: ["MJ"] },
  { code: "GJ", dimension: "energy", names: ["gigajoules", "gigajoule"], symbols: ["GJ"] },
  {
    code: "kWh",
    dimension: "energy",
    names: ["kilowatt hours", "kilowatt - hours", "kilowatt hour", "kilowatt - hour"],
    symbols: ["kWh"],
  },
  {
    code: "MWh",
    dimension: "energy",
    names: ["megawatt hours", "megawatt - hours", "megawatt hour", "megawatt - hour"],
    symbols: ["MWh"],
  },
  {
    code: "GWh",
    dimension: "energy",
    names: ["gigawatt hours", "gigawatt - hours", "gigawatt hour", "gigawatt - hour"],
    symbols: ["GWh"],
  },
  {
    code: "TWh",
    dimension: "energy",
    names: ["terawatt hours", "terawatt - hours", "terawatt hour", "terawatt - hour"],
    symbols: ["TWh"],
  },
  { code: "kcal", dimension: "energy", names: ["kilocalories", "kilocalorie"], symbols: ["kcal"] },
  {
    code: "Btu",
    dimension: "energy",
    names: ["british thermal units", "british thermal unit"],
    symbols: ["Btu", "BTU"],
  },
  { code: "toe", dimension: "energy", names: ["tonnes of oil equivalent", "tons of oil equivalent"], symbols: ["toe"] },
  { code: "toe", dimension: "energy", symbols: ["Mtoe"], factor: 1e6 },
  // Power
  { code: "W", dimension: "power", names: ["watts", "watt"], symbols: ["W"] },
  { code: "kW", dimension: "power", names: ["kilowatts", "kilowatt"], symbols: ["kW"] },
  { code: "MW", dimension: "power", names: ["megawatts", "megawatt"], symbols: ["MW"] },
  { code: "GW", dimension: "power", names: ["gigawatts", "gigawatt"], symbols: ["GW"] },
  { code: "TW", dimension: "power", names: ["terawatts", "terawatt"], symbols: ["TW"] },
  { code: "hp", dimension: "power", names: ["horsepower"], symbols: ["hp"] },
  // Voltage
  { code: "V", dimension: "voltage", names: ["volts", "volt"], symbols: ["V"] },
  { code: "kV", dimension: "voltage", names: ["kilovolts", "kilovolt"], symbols: ["kV"] },
  // Data and data rates, in bytes and bits as written
  { code: "kB", dimension: "data", names: ["kilobytes", "kilobyte"], symbols: ["kB", "KB"] },
  { code: "MB", dimension: "data", names: ["megabytes", "megabyte"], symbols: ["MB"] },
  { code: "GB", dimension: "data", names: ["gigabytes", "gigabyte"], symbols: ["GB"] },
  { code: "TB", dimension: "data", names: ["terabytes", "terabyte"], symbols: ["TB"] },
  { code: "kbit/s", dimension: "data rate", names: ["kilobits per second"], symbols: ["kbps", "kbit/s", "kb/s"] },
  { code: "Mbit/s", dimension: "data rate", names: ["megabits per second"], symbols: ["Mbps", "Mbit/s", "Mb/s"] },
  { code: "Gbit/s", dimension: "data rate", names: ["gigabits per second"], symbols: ["Gbps", "Gbit/s", "Gb/s"] },
  // Speed
  {
    code: "km/h",
    dimension: "speed",
    names: [
      ...withPrefix("kilo", metre).flatMap((unit) => [`${unit} per hour`, `${unit} an hour`]),
      "km per hour",
      "km an hour",
    ],
    symbols: ["km/h", "kph", "kmph", "km/hr"],
  },
  { code: "mph", dimension: "speed", names: ["miles per hour", "miles an hour", "mile per hour"], symbols: ["mph"] },
  { code: "m/s", dimension: "speed", names: metre.map((unit) => `${unit} per second`), symbols: ["m/s"] },
  { code: "kn", dimension: "speed", names: ["knots", "knot"], symbols: ["kn"] },
  // Temperature and angle: "degrees" alone says neither scale nor which.
  {
    code: "degC",
    dimension: "temperature",
    names: ["degrees celsius", "degree celsius", "degrees centigrade", "celsius", "centigrade"],
    symbols: ["°C", "ºC", "℃", "° C", "degrees C", "deg C"],
  },
  {
    code: "degF",
    dimension: "temperature",
    names: ["degrees fahrenheit", "degree fahrenheit", "fahrenheit"],
    symbols: ["°F", "ºF", "℉", "° F", "degrees F", "deg F"],
  },
  { code: "deg", dimension: "angle", names: ["degrees", "degree"], symbols: ["°"] },
  // Crop yields
  {
    code: "t/ha",
    dimension: "yield",
    names: ["tonnes per hectare", "tons per hectare", "tonnes a hectare", "tonnes / ha"],
    symbols: ["t/ha"],
  },
  // Containers
  {
    code: "TEU",
    dimension: "containers",
    names: ["twenty - foot equivalent units", "twenty - foot equivalent unit"],
    symbols: ["TEU", "TEUs"],
  },
  {
    code: "FEU",
    dimension: "containers",
    names: ["forty - foot equivalent units", "forty - foot equivalent unit"],
    symbols: ["FEU", "FEUs"],
  },
];

/** Symbols after a number that name no one unit, so that the amount is left unread: "10 K" (thousand, km or kelvin). */
export const AMBIGUOUS_SYMBOLS: ReadonlySet<string> = new Set(["K"]);

/** Words after "2.1m" that make the "m" a metre rather than a million: the number measures a length. */
export const LENGTH_WORDS: ReadonlySet<string> = new Set([
  "tall",
  "high",
  "long",
  "wide",
  "deep",
  "thick",
  "away",
  "above",
  "below",
  "underground",
  "across",
  "race",
  "sprint",
  "dash",
  "hurdles",
  "freestyle",
  "backstroke",
  "breaststroke",
  "butterfly",
  "relay",
  "final",
]);

/**
 * Words after a spaced "m" that leave it a metre ("1.2 m by 2.4 m", "fell 20 m to the ground"), besides the length
 * words: any other word after it may be what a million counts ("2 m people"), so the "m" is left undecided.
 */
export const METRE_FOLLOWERS: ReadonlySet<string> = new Set([
  "by",
  "x",
  "and",
  "or",
  "to",
  "in",
  "from",
  "at",
  "on",
  "into",
  "onto",
  "per",
  "with",
  "than",
]);

/** Percentages and their points, as names after the number ("90 per cent", "12.5%", "2 percentage points"). */
export const PERCENT_NAMES: readonly (readonly [name: string, unit: "percent" | "pp" | "bp" | "permille"])[] = [
  ["percent", "percent"],
  ["per cent", "percent"],
  ["pct", "percent"],
  ["%", "percent"],
  ["percents", "percent"],
  ["per centum", "percent"],
  ["pc", "percent"],
  ["p . c .", "percent"],
  ["percentage points", "pp"],
  ["percentage point", "pp"],
  ["percentage - points", "pp"],
  ["percentage - point", "pp"],
  ["pct points", "pp"],
  ["pct point", "pp"],
  ["ppts", "pp"],
  ["pp", "pp"],
  ["basis points", "bp"],
  ["basis point", "bp"],
  ["bps", "bp"],
  ["bp", "bp"],
  ["per mille", "permille"],
  ["per mil", "permille"],
  ["permille", "permille"],
  ["\u2030", "permille"],
];

/** Units a compound may add after a larger one ("6 feet 1 inch", "3 lb 4 oz"), with the smaller's share of the larger. */
export const COMPOUND_UNITS: readonly (readonly [larger: string, smaller: string, share: number])[] = [
  ["ft", "in", 1 / 12],
  ["yd", "ft", 1 / 3],
  ["lb", "oz", 1 / 16],
  ["m", "cm", 0.01],
  ["km", "m", 0.001],
];

/**
 * Symbols read only as the smaller unit of a compound, at the end of a clause: "5 ft 11 in." (alone, "in" is a
 * preposition).
 */
export const COMPOUND_ONLY_SYMBOLS: ReadonlyMap<string, string> = new Map([["in", "in"]]);

/** Larger units whose smaller part may go unnamed at the end of a clause: "He is 6 ft 2." (inches). */
export const UNNAMED_SMALLER_UNITS: ReadonlySet<string> = new Set(["ft"]);

/** Marks of feet and inches glued to numbers: "6'2\"", "5′11″" (the inch mark may be left out: "6'2"). */
export const FOOT_MARKS: ReadonlySet<string> = new Set(["'", "\u2032", "\u2019"]);
export const INCH_MARKS: ReadonlySet<string> = new Set(['"', "\u2033", "\u201d"]);
