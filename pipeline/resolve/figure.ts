/** A curated figure resolved: its value from the quantity mention it names, its period from a time mention. */
import type { Figure } from "../../schemas/index.ts";
import type { Curated } from "../io/yaml-file.ts";
import { intervalColumns } from "../tables/date-interval.ts";
import type { CuratedFigure } from "../curation/records.ts";
import { checkTerm, failer, provenance, type ResolvedRecord, type SourceContext } from "./context.ts";
import { locateQuote, mentionIn, type Located } from "./locate.ts";
import { checkExpectedDate, resolveWhen } from "./when.ts";

/** A value counts as agreeing with a curated expectation within this relative tolerance. */
const EXPECT_TOLERANCE = 1e-9;

export function resolveFigure(
  context: SourceContext,
  item: Curated<CuratedFigure>,
): ResolvedRecord<Figure, CuratedFigure> {
  const fail = failer(item);
  const c = item.value;
  const { text, located, config } = context;
  checkTerm(context, "measures", c.measure, fail, "measure");
  if (c.subject !== null) checkTerm(context, "actors", c.subject, fail, "subject");
  if (c.counterpart !== null) checkTerm(context, "actors", c.counterpart, fail, "counterpart");
  const span = locateQuote(text, c.quote, c.occurrence, fail, context.textFile);
  const amount = mentionIn(text, located, "quantity", span, c.amount, fail, "amount");
  const m = amount.mention;
  if (m.vague || m.value === null)
    fail(`"${m.text}" is a vague amount; dismiss it instead of making it a figure`, "amount");
  if (m.value_high !== null) fail(`"${m.text}" is a range; a figure holds one number`, "amount");
  const unit = config.measures[c.measure]!.unit;
  if (m.unit !== unit && !config.units[unit]!.accepts.includes(m.unit)) {
    fail(`measure ${c.measure} is in ${unit}, but "${m.text}" is in ${m.unit}`, "measure");
  }
  if (c.expect !== undefined && Math.abs(m.value! - c.expect) > EXPECT_TOLERANCE * Math.abs(c.expect)) {
    fail(`expected ${c.expect}, but the text says ${m.value} ("${m.text}")`, "expect");
  }
  if (c.qualifier !== undefined && c.qualifier !== m.qualifier && c.note === undefined) {
    fail(`qualifier ${c.qualifier} overrides the text's ${m.qualifier}; say why in \`note\``, "qualifier");
  }
  const uses: Located[] = [amount];
  const period = c.period === null ? null : resolveWhen(context, c.period, span, fail, "period", (t) => uses.push(t));
  checkExpectedDate(c.expect_period, period, fail, "expect_period");
  const record: Figure = {
    id: c.id,
    source_id: context.sourceId,
    measure: c.measure,
    subject: c.subject,
    counterpart: c.counterpart,
    period_start: period?.start ?? null,
    period_end: period?.end ?? null,
    ...intervalColumns("period", period?.start ?? null, period?.end ?? null),
    value: m.value!,
    unit,
    qualifier: c.qualifier ?? m.qualifier,
    claim_type: c.claim_type,
    ...provenance(context, span),
    note: c.note ?? null,
  };
  return { record, origin: item, span, uses };
}
