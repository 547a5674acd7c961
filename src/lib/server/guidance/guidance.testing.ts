import type { App } from '../app.ts';
import { getRuleForStaff, listRulesForStaff, saveRuleEdit, type StaffCaller } from './rule-set.service.ts';

/** For tests: staff save a rule with its current trigger and content, except the given form fields. */
export async function editRuleAsStaff(app: App, staff: StaffCaller, ruleKey: string, trigger: Record<string, unknown>, changes: Record<string, unknown>) {
  const list = await listRulesForStaff(app, staff);
  const id = list.ok ? list.value.find((r) => r.key === ruleKey)!.id : '';
  const detail = await getRuleForStaff(app, staff, id);
  if (!detail.ok) throw new Error(`rule ${ruleKey}`);
  const c = detail.value.rule.content;
  const form: Record<string, unknown> = { ...trigger, departmentCode: 'kosodate', districtCodes: [], isPublished: 'on' };
  for (const [locale, suffix] of [['ja', 'ja'], ['en', 'en'], ['ja-x-easy', 'easy']] as const) for (const part of ['title', 'what', 'why', 'where'] as const) form[`${part}_${suffix}`] = c[locale][part];
  return saveRuleEdit(app, staff, id, { ...form, ...changes });
}
