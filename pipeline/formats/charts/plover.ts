/**
 * PLOVER's event categories grouped as its codebook groups them: cooperation or conflict, verbal or material
 * (the "quad" classes event-data practice has used since CAMEO). A published standard, so a table here.
 */
export type PloverGroup = "verbal cooperation" | "material cooperation" | "verbal conflict" | "material conflict";

export const PLOVER_GROUPS: readonly PloverGroup[] = [
  "verbal cooperation",
  "material cooperation",
  "verbal conflict",
  "material conflict",
];

const GROUP_OF: Record<string, PloverGroup> = {
  AGREE: "verbal cooperation",
  CONSULT: "verbal cooperation",
  SUPPORT: "verbal cooperation",
  CONCEDE: "verbal cooperation",
  COOPERATE: "material cooperation",
  AID: "material cooperation",
  RETREAT: "material cooperation",
  REQUEST: "verbal conflict",
  DISAPPROVE: "verbal conflict",
  REJECT: "verbal conflict",
  THREATEN: "verbal conflict",
  PROTEST: "material conflict",
  MOBILIZE: "material conflict",
  SANCTION: "material conflict",
  COERCE: "material conflict",
  ASSAULT: "material conflict",
};

/** The group of a PLOVER category, or null for an event with none. */
export function ploverGroup(category: string | null): PloverGroup | null {
  if (category === null) return null;
  const group = GROUP_OF[category];
  if (group === undefined) throw new Error(`"${category}" is not a PLOVER event category`);
  return group;
}
