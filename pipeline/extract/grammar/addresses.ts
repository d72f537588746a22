/**
 * Words that end a street's name, as written in capitals after a house number ("1600 Pennsylvania Avenue"): a
 * number before such a name is a house number, not a year or a count.
 */
export const STREET_WORDS: readonly string[] = [
  "Avenue",
  "Ave",
  "Street",
  "St",
  "Road",
  "Rd",
  "Boulevard",
  "Blvd",
  "Lane",
  "Drive",
  "Place",
  "Square",
  "Terrace",
  "Crescent",
  "Court",
  "Highway",
  "Parkway",
];
