import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { addDays, addMonths, setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addChild, addPregnancy, createHousehold, recordPregnancyOutcome, type PersonActor } from '../households/index.ts';
import { getTimeline, getPastDoseForm, markItemDone, markItemNotApplicable, recordDose, recordPastDoses, undoItem } from './index.ts';
import type { TimelineItem } from './timeline.ts';

let app: TestApp;
let municipalityId: string;
let districtIds: string[];
let userIds: Record<string, string>;
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds } = await seedWard(app));
  districtIds = (await listDistricts(app.database.db, municipalityId)).map((d) => d.id);
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function family(districtIndex = 0): Promise<PersonActor> {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `tl${counter}@example.jp`, `保護者 ${counter}`);
  const actor = { userId, municipalityId, requestId: `req-${counter}` };
  const created = await createHousehold(app, actor, { districtId: districtIds[districtIndex] });
  if (!created.ok) throw new Error(created.error.code);
  return actor;
}

async function withChild(birthDate: string, sex = ''): Promise<{ actor: PersonActor; childId: string }> {
  const actor = await family();
  const child = await addChild(app, actor, { name: 'こども', birthDate, sex });
  if (!child.ok) throw new Error(child.error.code);
  return { actor, childId: child.value.id };
}

async function itemsOf(actor: PersonActor, subjectId: string, locale: 'ja' | 'en' | 'ja-x-easy' = 'ja'): Promise<TimelineItem[]> {
  const timeline = await getTimeline(app, actor, locale);
  const group = [...(timeline?.children ?? []).map((c) => ({ id: c.child.id, items: c.items })), ...(timeline?.pregnancies ?? []).map((p) => ({ id: p.pregnancy.id, items: p.items }))];
  return group.find((g) => g.id === subjectId)?.items ?? [];
}

const item = (items: TimelineItem[], key: string) => items.find((i) => i.ruleKey === key);

describe('a child born two months ago', () => {
  it('has B型肝炎, ロタウイルス, 小児用肺炎球菌 and 5種混合 due, and the 3–4 month check-up coming', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -2));
    const items = await itemsOf(actor, childId);
    for (const key of ['immunisation.hbv.1', 'immunisation.rota.1', 'immunisation.pcv.1', 'immunisation.dpt_ipv_hib.1']) expect(item(items, key)?.status, key).toBe('due');
    expect(item(items, 'checkup.infant.3-4m')).toMatchObject({ status: 'upcoming', windowStart: addMonths(today(), 1) });
    expect(item(items, 'checkup.infant.1m')?.status).toBe('overdue');
    expect(item(items, 'immunisation.hbv.1')?.text.title).toBe('B型肝炎 1回目');
    expect(item((await itemsOf(actor, childId, 'en')), 'immunisation.hbv.1')?.text.title).toBe('Hepatitis B, 1st dose');
  });

  it('recording B型肝炎 dose 1 moves dose 2 to 27 days after the real date', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -2));
    expect(item(await itemsOf(actor, childId), 'immunisation.hbv.2')?.windowStart).toBe(addDays(today(), 27));
    const given = addDays(today(), -5);
    const result = await recordDose(app, actor, { childId, vaccine: 'hbv', dose: '1', givenOn: given, brand: '' });
    expect(result.ok).toBe(true);
    const items = await itemsOf(actor, childId);
    expect(item(items, 'immunisation.hbv.1')).toMatchObject({ status: 'done', doneOn: given, recordedAs: 'dose' });
    expect(item(items, 'immunisation.hbv.2')?.windowStart).toBe(addDays(given, 27));
    expect(item(items, 'immunisation.hbv.3')?.windowStart).toBe(addDays(given, 139));
  });

  it('a rotavirus dose needs its brand, and a second dose of the other brand is refused beside the field', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -3));
    const noBrand = await recordDose(app, actor, { childId, vaccine: 'rota', dose: '1', givenOn: addDays(today(), -30), brand: '' });
    expect(!noBrand.ok && noBrand.error.fields).toEqual({ brand: 'guidance_error_rota_brand_required' });
    expect((await recordDose(app, actor, { childId, vaccine: 'rota', dose: '1', givenOn: addDays(today(), -30), brand: 'rv1' })).ok).toBe(true);
    const mixed = await recordDose(app, actor, { childId, vaccine: 'rota', dose: '2', givenOn: today(), brand: 'rv5' });
    expect(!mixed.ok && mixed.error.fields).toEqual({ brand: 'guidance_error_rota_brand_mixed' });
    expect(item(await itemsOf(actor, childId), 'immunisation.rota.2')?.status).not.toBe('done');
  });

  it('a dose date in the future or before birth is refused and nothing is saved', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -2));
    const future = await recordDose(app, actor, { childId, vaccine: 'hbv', dose: '1', givenOn: addDays(today(), 1), brand: '' });
    expect(!future.ok && future.error.fields).toEqual({ givenOn: 'guidance_error_date_future' });
    const early = await recordDose(app, actor, { childId, vaccine: 'hbv', dose: '1', givenOn: addMonths(today(), -3), brand: '' });
    expect(!early.ok && early.error.fields).toEqual({ givenOn: 'guidance_error_dose_date_before_birth' });
    expect(item(await itemsOf(actor, childId), 'immunisation.hbv.1')?.status).toBe('due');
  });
});

describe('marking items', () => {
  it('a check-up is marked done with its date, then undone; "not applicable" too', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -1));
    const target = { subjectType: 'child', subjectId: childId, ruleKey: 'checkup.infant.1m' };
    expect((await markItemDone(app, actor, { ...target, doneOn: today() })).ok).toBe(true);
    expect(item(await itemsOf(actor, childId), 'checkup.infant.1m')).toMatchObject({ status: 'done', doneOn: today(), recordedAs: 'record' });
    expect((await undoItem(app, actor, target)).ok).toBe(true);
    expect(item(await itemsOf(actor, childId), 'checkup.infant.1m')?.status).toBe('due');
    expect((await markItemNotApplicable(app, actor, target)).ok).toBe(true);
    expect(item(await itemsOf(actor, childId), 'checkup.infant.1m')?.status).toBe('not_applicable');
    expect((await undoItem(app, actor, target)).ok).toBe(true);
    const again = await undoItem(app, actor, target);
    expect(!again.ok && again.error.code).toBe('guidance.nothing_to_undo');
  });

  it('a done date after today is refused beside the field; a vaccination cannot be marked done without a dose', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -2));
    const future = await markItemDone(app, actor, { subjectType: 'child', subjectId: childId, ruleKey: 'checkup.infant.1m', doneOn: addDays(today(), 1) });
    expect(!future.ok && future.error.fields).toEqual({ doneOn: 'guidance_error_date_future' });
    const dose = await markItemDone(app, actor, { subjectType: 'child', subjectId: childId, ruleKey: 'immunisation.hbv.1', doneOn: today() });
    expect(!dose.ok && dose.error.code).toBe('guidance.not_recordable');
  });

  it('undoing a dose is refused while a later dose of the same vaccine is recorded', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -4));
    await recordDose(app, actor, { childId, vaccine: 'hbv', dose: '1', givenOn: addMonths(today(), -2), brand: '' });
    await recordDose(app, actor, { childId, vaccine: 'hbv', dose: '2', givenOn: addMonths(today(), -1), brand: '' });
    const refused = await undoItem(app, actor, { subjectType: 'child', subjectId: childId, ruleKey: 'immunisation.hbv.1' });
    expect(!refused.ok && refused.error.fields).toEqual({ form: 'guidance_error_undo_later_dose' });
    expect((await undoItem(app, actor, { subjectType: 'child', subjectId: childId, ruleKey: 'immunisation.hbv.2' })).ok).toBe(true);
    expect((await undoItem(app, actor, { subjectType: 'child', subjectId: childId, ruleKey: 'immunisation.hbv.1' })).ok).toBe(true);
  });
});

describe('another family', () => {
  it('cannot read, mark, record doses for or undo this family’s items: everything is not found', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -2));
    await recordDose(app, actor, { childId, vaccine: 'hbv', dose: '1', givenOn: today(), brand: '' });
    const other: PersonActor = { userId: userIds.otherGuardian, municipalityId, requestId: 'other' };
    const target = { subjectType: 'child', subjectId: childId, ruleKey: 'checkup.infant.1m' };
    for (const result of [
      await markItemDone(app, other, { ...target, doneOn: today() }),
      await markItemNotApplicable(app, other, target),
      await undoItem(app, other, { ...target, ruleKey: 'immunisation.hbv.1' }),
      await recordDose(app, other, { childId, vaccine: 'hbv', dose: '2', givenOn: today(), brand: '' }),
      await getPastDoseForm(app, other, childId, 'ja'),
      await recordPastDoses(app, other, childId, { d_pcv_1: today() })
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(404);
    }
    const theirs = await getTimeline(app, other, 'ja');
    expect(theirs?.children.some((c) => c.child.id === childId)).toBe(false);
    expect(item(await itemsOf(actor, childId), 'immunisation.hbv.1')?.status).toBe('done');
    expect(item(await itemsOf(actor, childId), 'checkup.infant.1m')?.status).toBe('overdue');
  });

  it('a person without a household has no timeline', async () => {
    const userId = await createPerson(app, municipalityId, 'nohousehold@example.jp');
    expect(await getTimeline(app, { userId, municipalityId }, 'ja')).toBeUndefined();
  });
});

describe('pregnancies', () => {
  async function withPregnancy(dueDate: string, fetusCount = '1') {
    const actor = await family();
    const p = await addPregnancy(app, actor, { basis: 'due_date', dueDate, fetusCount });
    if (!p.ok) throw new Error(p.error.code);
    return { actor, pregnancyId: p.value.id };
  }

  it('at 30 weeks the 8th-month interview and the second 支援給付 payment are due; the 多胎 check-ups only with twins', async () => {
    const due = addDays(today(), 70);
    const { actor, pregnancyId } = await withPregnancy(due);
    const items = await itemsOf(actor, pregnancyId);
    expect(item(items, 'checkup.prenatal.8')?.status).toBe('due');
    expect(item(items, 'benefit.pregnancy-support.second')?.status).toBe('due');
    expect(item(items, 'interview.pregnancy.eighth-month')?.status).toBe('due');
    expect(item(items, 'interview.pregnancy.notification')?.status).toBe('closed');
    expect(item(items, 'checkup.prenatal.multiple')).toBeUndefined();
    const twins = await withPregnancy(due, '2');
    expect(item(await itemsOf(twins.actor, twins.pregnancyId), 'checkup.prenatal.multiple')?.status).toBe('due');
  });

  it('a loss stops every pregnancy item at once and keeps the payments and a support interview, worded with care', async () => {
    const { actor, pregnancyId } = await withPregnancy(addDays(today(), 150));
    expect(item(await itemsOf(actor, pregnancyId), 'interview.pregnancy.notification')?.status).toBe('due');
    const outcome = await recordPregnancyOutcome(app, actor, pregnancyId, { outcome: 'loss', outcomeDate: addDays(today(), -2) });
    expect(outcome.ok).toBe(true);
    const items = await itemsOf(actor, pregnancyId);
    expect(items.map((i) => i.ruleKey).sort()).toEqual(['benefit.pregnancy-support.first', 'benefit.pregnancy-support.second', 'interview.pregnancy.after-loss']);
    expect(items.every((i) => i.status === 'due')).toBe(true);
    expect(item(items, 'interview.pregnancy.after-loss')?.text.title).toBe('お気持ちやお体についてのご相談');
  });

  it('a birth ends the pregnancy items but keeps what was done and the payments', async () => {
    const { actor, pregnancyId } = await withPregnancy(addDays(today(), 10));
    await markItemDone(app, actor, { subjectType: 'pregnancy', subjectId: pregnancyId, ruleKey: 'checkup.prenatal.13', doneOn: today() });
    await recordPregnancyOutcome(app, actor, pregnancyId, { outcome: 'birth', outcomeDate: today() });
    const items = await itemsOf(actor, pregnancyId);
    expect(items.map((i) => `${i.ruleKey}:${i.status}`).sort()).toEqual([
      'benefit.pregnancy-support.first:due',
      'benefit.pregnancy-support.second:due',
      'checkup.prenatal.13:done'
    ]);
  });
});

describe('past doses of an older child', () => {
  it('lists the doses due so far and saves them all at once, or nothing when one row is wrong', async () => {
    const { actor, childId } = await withChild(addMonths(today(), -14), 'female');
    const form = await getPastDoseForm(app, actor, childId, 'ja');
    expect(form.ok).toBe(true);
    if (!form.ok) return;
    const fields = form.value.rows.map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(['d_hbv_1', 'd_rota_1', 'd_mr_1', 'd_varicella_1']));
    expect(fields).not.toContain('d_hpv_1');
    const birth = addMonths(today(), -14);
    const bad = await recordPastDoses(app, actor, childId, { d_hbv_1: addMonths(birth, 2), d_hbv_2: addMonths(birth, 1) });
    expect(!bad.ok && bad.error.fields).toEqual({ d_hbv_2: 'guidance_error_dose_order' });
    expect(item(await itemsOf(actor, childId), 'immunisation.hbv.1')?.status).not.toBe('done');
    const good = await recordPastDoses(app, actor, childId, { d_hbv_1: addMonths(birth, 2), d_hbv_2: addMonths(birth, 3), d_rota_1: addMonths(birth, 2), rotaBrand: 'rv5' });
    expect(good.ok && good.value.count).toBe(3);
    const items = await itemsOf(actor, childId);
    expect(item(items, 'immunisation.hbv.2')?.status).toBe('done');
    // the rota series was not finished in time: the remaining doses are closed, not offered
    expect(item(items, 'immunisation.rota.2')?.status).toBe('closed');
    // B型肝炎 dose 3 missed the first birthday: optional and self-paid, never overdue
    expect(item(items, 'immunisation.hbv.3')?.status).toBe('optional_self_paid');
  });
});

describe('the demo ward', () => {
  it('佐藤 陽葵 has her first doses recorded and the rules are loaded once', async () => {
    const hanako: PersonActor = { userId: userIds.guardian, municipalityId, requestId: 'demo' };
    const timeline = await getTimeline(app, hanako, 'ja');
    const himari = timeline?.children.find((c) => c.child.name === '佐藤 陽葵');
    expect(item(himari?.items ?? [], 'immunisation.bcg.1')?.status).toBe('done');
    const rules = await app.database.db.selectFrom('guidance_rule').select('id').where('municipality_id', '=', municipalityId).execute();
    expect(rules.length).toBeGreaterThan(60);
  });

  it('another municipality gets its own copy of the built-in rules on first use', async () => {
    const other = await seedOtherMunicipality(app);
    const { ensureRuleSet } = await import('./index.ts');
    await ensureRuleSet(app, other.municipalityId);
    await ensureRuleSet(app, other.municipalityId);
    const count = async (id: string) => (await app.database.db.selectFrom('guidance_rule').select('id').where('municipality_id', '=', id).execute()).length;
    expect(await count(other.municipalityId)).toBe(await count(municipalityId));
  });
});
