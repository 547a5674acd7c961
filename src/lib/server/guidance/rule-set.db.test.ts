import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addDays, addMonths, setClock, today } from '../platform/clock.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addChild, addPregnancy, createHousehold, recordPregnancyOutcome } from '../households/index.ts';
import { getRuleForStaff, getTimeline, listRulesForStaff, previewRuleEdit, saveRuleEdit, type StaffCaller } from './index.ts';

let app: TestApp;
let municipalityId: string;
let userIds: Record<string, string>;
let districts: { id: string; code: string }[];
let staff: StaffCaller;
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds } = await seedWard(app));
  districts = (await listDistricts(app.database.db, municipalityId)).map((d) => ({ id: d.id, code: d.code }));
  staff = { userId: userIds.staff, municipalityId, requestId: 'staff', roles: await findActiveRoleAssignments(app.database.db, userIds.staff, municipalityId, today()) };
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function household(districtIndex: number) {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `rs${counter}@example.jp`);
  const actor = { userId, municipalityId, requestId: `r${counter}` };
  const created = await createHousehold(app, actor, { districtId: districts[districtIndex].id });
  if (!created.ok) throw new Error(created.error.code);
  return actor;
}

async function ruleId(key: string): Promise<string> {
  const list = await listRulesForStaff(app, staff);
  if (!list.ok) throw new Error('no rules');
  return list.value.find((r) => r.key === key)!.id;
}

function formOf(detail: Awaited<ReturnType<typeof getRuleForStaff>>): Record<string, unknown> {
  if (!detail.ok) throw new Error(detail.error.code);
  const rule = detail.value.rule;
  const form: Record<string, unknown> = { departmentCode: rule.department, districtCodes: rule.filters.districtCodes, isPublished: rule.isPublished ? 'on' : '' };
  const suffix = { ja: 'ja', en: 'en', 'ja-x-easy': 'easy' } as const;
  for (const locale of ['ja', 'en', 'ja-x-easy'] as const) for (const part of ['title', 'what', 'why', 'where'] as const) form[`${part}_${suffix[locale]}`] = rule.content[locale][part];
  const t = rule.trigger;
  form.triggerType = t.type;
  if (t.type === 'age') Object.assign(form, { fromValue: String(t.from.value), fromUnit: t.from.unit, untilValue: String(t.until.value), untilUnit: t.until.unit });
  if (t.type === 'pregnancy_week') Object.assign(form, { fromWeeks: String(t.from.weeks), fromDays: String(t.from.days), untilWeeks: t.until ? String(t.until.weeks) : '', untilDays: t.until ? String(t.until.days) : '' });
  form.minFetusCount = rule.filters.minFetusCount === null ? '' : String(rule.filters.minFetusCount);
  return form;
}

describe('the staff rule pages', () => {
  it('only ward staff may list, read or edit rules', async () => {
    const guardian: StaffCaller = { userId: userIds.guardian, municipalityId, roles: [] };
    expect((await listRulesForStaff(app, guardian)).ok).toBe(false);
    const id = await ruleId('checkup.infant.1m');
    const refused = await saveRuleEdit(app, guardian, id, {});
    expect(!refused.ok && refused.error.status).toBe(403);
  });

  it('rules whose facts the reference does not confirm carry an unverified note', async () => {
    const list = await listRulesForStaff(app, staff);
    const unverified = list.ok ? list.value.filter((r) => r.unverified).map((r) => r.key) : [];
    expect(unverified).toEqual(expect.arrayContaining(['benefit.child-allowance.application', 'procedure.birth-registration', 'interview.child.home-visit']));
    expect(unverified).not.toContain('checkup.infant.1y6m');
  });

  it('a rule that does not exist, or a malformed id, is not found', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const result = await getRuleForStaff(app, staff, id);
      expect(!result.ok && result.error.status).toBe(404);
    }
  });
});

describe('how many households a rule reaches', () => {
  it('counts households (not children) whose window includes today, and within the next 30 days', async () => {
    const id = await ruleId('checkup.infant.1m');
    const before = await getRuleForStaff(app, staff, id);
    const base = before.ok ? before.value.reach : { today: -1, next30Days: -1 };
    const due = await household(2);
    await addChild(app, due, { name: 'ふたご1', birthDate: addMonths(today(), -1), sex: '' });
    await addChild(app, due, { name: 'ふたご2', birthDate: addMonths(today(), -1), sex: '' });
    const soon = await household(2);
    await addChild(app, soon, { name: 'あかちゃん', birthDate: addDays(addMonths(today(), -1), 10), sex: '' });
    const after = await getRuleForStaff(app, staff, id);
    expect(after.ok && after.value.reach).toEqual({ today: base.today + 1, next30Days: base.next30Days + 2 });
  });

  it('previews an edit (district filter, new window) without saving it', async () => {
    const id = await ruleId('checkup.infant.3-4m');
    const target = await household(3);
    await addChild(app, target, { name: 'さんかげつ', birthDate: addMonths(today(), -3), sex: '' });
    const detail = await getRuleForStaff(app, staff, id);
    const form = formOf(detail);
    const onlyOther = await previewRuleEdit(app, staff, id, { ...form, districtCodes: [districts[4].code] });
    const onlyTarget = await previewRuleEdit(app, staff, id, { ...form, districtCodes: [districts[3].code] });
    expect(onlyOther.ok && onlyTarget.ok).toBe(true);
    if (onlyOther.ok && onlyTarget.ok) expect(onlyTarget.value.reach.today).toBeGreaterThan(onlyOther.value.reach.today);
    const untouched = await getRuleForStaff(app, staff, id);
    expect(untouched.ok && untouched.value.rule.filters.districtCodes).toEqual([]);
  });

  it('counts pregnancies by week, with the fetus filter and after a loss for the rules that continue', async () => {
    const twinsId = await ruleId('checkup.prenatal.multiple');
    const secondPaymentId = await ruleId('benefit.pregnancy-support.second');
    const countOf = async (id: string) => {
      const d = await getRuleForStaff(app, staff, id);
      return d.ok ? d.value.reach.today : -1;
    };
    const [twinsBefore, paymentBefore] = [await countOf(twinsId), await countOf(secondPaymentId)];
    const twins = await household(1);
    await addPregnancy(app, twins, { basis: 'due_date', dueDate: addDays(today(), 100), fetusCount: '2' });
    const single = await household(1);
    await addPregnancy(app, single, { basis: 'due_date', dueDate: addDays(today(), 100), fetusCount: '1' });
    expect(await countOf(twinsId)).toBe(twinsBefore + 1);
    const lost = await household(1);
    const p = await addPregnancy(app, lost, { basis: 'due_date', dueDate: addDays(today(), 200), fetusCount: '1' });
    if (!p.ok) throw new Error(p.error.code);
    expect(await countOf(secondPaymentId)).toBe(paymentBefore);
    await recordPregnancyOutcome(app, lost, p.value.id, { outcome: 'loss', outcomeDate: today() });
    expect(await countOf(secondPaymentId)).toBe(paymentBefore + 1);
  });
});

describe('editing a rule', () => {
  it('saves new wording and timing under the same stable key; families see it; an unpublished rule leaves the timeline', async () => {
    const id = await ruleId('checkup.infant.9-10m');
    const family = await household(0);
    const child = await addChild(app, family, { name: 'きゅうかげつ', birthDate: addMonths(today(), -9), sex: '' });
    if (!child.ok) throw new Error(child.error.code);
    const form = formOf(await getRuleForStaff(app, staff, id));
    const saved = await saveRuleEdit(app, staff, id, { ...form, title_ja: '9〜11か月児健康診査', untilValue: '12' });
    expect(saved.ok).toBe(true);
    const detail = await getRuleForStaff(app, staff, id);
    expect(detail.ok && detail.value.rule).toMatchObject({ key: 'checkup.infant.9-10m', version: 2, trigger: { type: 'age', until: { unit: 'months', value: 12 } } });
    const items = (await getTimeline(app, family, 'ja'))?.children[0].items ?? [];
    expect(items.find((i) => i.ruleKey === 'checkup.infant.9-10m')).toMatchObject({ text: { title: '9〜11か月児健康診査' }, windowEnd: addDays(addMonths(today(), 3), -1) });
    await saveRuleEdit(app, staff, id, { ...form, isPublished: '' });
    expect(((await getTimeline(app, family, 'ja'))?.children[0].items ?? []).some((i) => i.ruleKey === 'checkup.infant.9-10m')).toBe(false);
  });

  it('refuses empty text, a My Number, an end before the start and unknown departments beside each field, saving nothing', async () => {
    const id = await ruleId('checkup.infant.1y6m');
    const form = formOf(await getRuleForStaff(app, staff, id));
    const result = await saveRuleEdit(app, staff, id, { ...form, title_en: ' ', why_ja: '番号 123456789018 です', untilValue: '6', departmentCode: 'nope', districtCodes: ['zz'] });
    expect(!result.ok && result.error.fields).toMatchObject({
      title_en: 'guidance_error_text_required',
      why_ja: 'guidance_error_my_number',
      untilValue: 'guidance_error_range_order',
      departmentCode: 'guidance_error_department',
      districtCodes: 'guidance_error_district'
    });
    const detail = await getRuleForStaff(app, staff, id);
    expect(detail.ok && detail.value.rule.version).toBe(1);
  });

  it('an immunisation rule keeps its national timing whatever the form says', async () => {
    const id = await ruleId('immunisation.hbv.1');
    const form = formOf(await getRuleForStaff(app, staff, id));
    expect((await saveRuleEdit(app, staff, id, { ...form, triggerType: 'age', fromValue: '5', fromUnit: 'years', untilValue: '6', untilUnit: 'years' })).ok).toBe(true);
    const detail = await getRuleForStaff(app, staff, id);
    expect(detail.ok && detail.value.rule.trigger).toEqual({ type: 'immunisation', vaccine: 'hbv', dose: 1 });
  });
});
