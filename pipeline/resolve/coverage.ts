/**
 * Coverage: the resolvers' claims on the mentions combined, mention by mention (which records use it, which
 * dismissal accounts for it), then checked: every quantity mention of a source is used by exactly one figure,
 * and every time mention dates at least one record (an event's date, a figure's period), or the mention is
 * dismissed with a reason. Anything less fails the build with a report per kind that names each mention left
 * over by file and line.
 */
import { PipelineError } from "../io/errors.ts";
import type { ExtractedMention } from "../extract/mention.ts";
import { rawRange } from "../ingest/normalize.ts";
import { lineFinder } from "../text/lines.ts";
import type { SourceContext } from "./context.ts";
import type { Dismissed } from "./dismissals.ts";
import type { Located } from "./locate.ts";

/** What became of one mention: the records that use it, and the dismissal that accounts for it. */
export interface Accounted {
  usedBy: string[];
  dismissedBy: string | null;
}

interface Rule {
  /** What may use a mention of this kind, for the report. */
  users: string;
  /** Whether a mention may be used by more than one record: one time mention can date several happenings. */
  shared: boolean;
}

const RULES: Record<ExtractedMention["kind"], Rule> = {
  quantity: { users: "used by a figure", shared: false },
  time: { users: "dates no event or figure period", shared: true },
};

/** Each located mention with the records that use it and its dismissal (the last one, when several name it). */
export function account(
  located: Located[],
  records: { record: { id: string }; uses: Located[] }[],
  dismissals: Dismissed[],
): Map<Located, Accounted> {
  const accounted = new Map<Located, Accounted>(located.map((m) => [m, { usedBy: [], dismissedBy: null }]));
  for (const { record, uses } of records) for (const mention of uses) accounted.get(mention)!.usedBy.push(record.id);
  for (const { mention, reason } of dismissals) accounted.get(mention)!.dismissedBy = reason;
  return accounted;
}

/**
 * The coverage report. `excused`: mentions a record that failed to resolve would have used; one that is accounted
 * for by nothing else is left out of the report, as the record's own error is the one to fix.
 */
export function coverageErrors(
  context: SourceContext,
  accounted: Map<Located, Accounted>,
  excused: ReadonlySet<Located> = new Set(),
): PipelineError[] {
  const lineOf = lineFinder(context.raw);
  return (Object.keys(RULES) as ExtractedMention["kind"][]).flatMap((kind) =>
    kindErrors(context, accounted, kind, RULES[kind], lineOf, excused),
  );
}

function kindErrors(
  context: SourceContext,
  accounted: Map<Located, Accounted>,
  kind: ExtractedMention["kind"],
  rule: Rule,
  lineOf: (index: number) => number,
  excused: ReadonlySet<Located>,
): PipelineError[] {
  const errors: PipelineError[] = [];
  const unused = (m: Located) => accounted.get(m)!.usedBy.length === 0 && accounted.get(m)!.dismissedBy === null;
  const mentions = context.located.filter((m) => m.mention.kind === kind && !(excused.has(m) && unused(m)));
  const unaccounted = mentions.filter(unused).length;
  if (unaccounted > 0) {
    const covered = mentions.length - unaccounted;
    const percent = ((100 * covered) / mentions.length).toFixed(1);
    errors.push(
      new PipelineError(`coverage ${covered} of ${mentions.length} ${kind} mentions (${percent}%), below 100%`, {
        file: context.textFile,
      }),
    );
  }
  for (const m of mentions) {
    const problem = claimProblem(accounted.get(m)!, kind, rule);
    if (problem === null) continue;
    const [rawStart] = rawRange(context.normalized, m.start, m.end);
    errors.push(
      new PipelineError(`${kind} mention "${m.mention.text}" ${problem}`, {
        file: context.textFile,
        line: lineOf(rawStart),
        record: m.mention.text,
      }),
    );
  }
  return errors;
}

/** Why a mention is not accounted for exactly once, or null when it is. */
function claimProblem({ usedBy, dismissedBy }: Accounted, kind: ExtractedMention["kind"], rule: Rule): string | null {
  const used = rule.shared ? Math.min(usedBy.length, 1) : usedBy.length;
  const claims = used + (dismissedBy === null ? 0 : 1);
  if (claims === 1) return null;
  if (claims === 0) {
    const remedy = kind === "quantity" ? "add a figure" : "use it in an event's date or a figure's period";
    return rule.shared
      ? `${rule.users} and is not dismissed with a reason: ${remedy}, or a dismissal with \`kind: ${kind}\` to ` +
          `dismissed.yaml`
      : `is neither ${rule.users} nor dismissed with a reason: ${remedy}, or a dismissal to dismissed.yaml`;
  }
  return (
    `is claimed ${claims} times ` +
    `(${[...new Set(usedBy), ...(dismissedBy === null ? [] : ["a dismissal"])].join(", ")})`
  );
}
