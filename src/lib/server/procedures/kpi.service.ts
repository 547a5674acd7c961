import type { App } from '../app.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { authoriseProcedureStaff, type StaffCaller } from './procedure-access.ts';
import { procedureErrors } from './procedures.errors.ts';
import { countRuleOutcomes, findRuleSubject } from './procedures.queries.ts';

export interface RuleKpi {
  ruleKey: string;
  title: string;
  sent: number;
  opened: number;
  proceduresCompleted: number;
  bookings: number;
  /** (procedures completed + bookings) / notices sent; null when nothing was sent. */
  completedPerNotice: number | null;
}

export interface ProcedureKpi {
  fiscalYear: number;
  rules: RuleKpi[];
  total: Omit<RuleKpi, 'ruleKey' | 'title'>;
}

const ratio = (done: number, sent: number) => (sent ? Math.round((done / sent) * 1000) / 1000 : null);

/**
 * The seed's KPI per rule for one fiscal year (April–March, by the Tokyo date a notice was planned):
 * notices sent, opened, procedures completed from them and bookings made from them, with "procedures and
 * applications completed per notice sent". Outcomes count toward the notice that led to them, so a
 * notice from March completed in April stays in the year it was sent.
 */
export async function getProcedureKpi(app: App, caller: StaffCaller, fiscalYear: number): Promise<Result<ProcedureKpi>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) return failure(procedureErrors.notFound);
  const db = app.database.db;
  const rows = await countRuleOutcomes(db, caller.municipalityId, `${fiscalYear}-04-01`, `${fiscalYear + 1}-04-01`);
  const rules: RuleKpi[] = [];
  for (const row of rows.sort((a, b) => a.rule_key.localeCompare(b.rule_key))) {
    const rule = await findRuleSubject(db, caller.municipalityId, row.rule_key);
    rules.push({
      ruleKey: row.rule_key,
      title: rule?.content.ja.title ?? row.rule_key,
      sent: row.sent,
      opened: row.opened,
      proceduresCompleted: row.completed,
      bookings: row.booked,
      completedPerNotice: ratio(row.completed + row.booked, row.sent)
    });
  }
  const sum = (pick: (r: RuleKpi) => number) => rules.reduce((n, r) => n + pick(r), 0);
  const sent = sum((r) => r.sent);
  const proceduresCompleted = sum((r) => r.proceduresCompleted);
  const bookings = sum((r) => r.bookings);
  return ok({ fiscalYear, rules, total: { sent, opened: sum((r) => r.opened), proceduresCompleted, bookings, completedPerNotice: ratio(proceduresCompleted + bookings, sent) } });
}
