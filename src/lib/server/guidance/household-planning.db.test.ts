import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addDays, addMonths, setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addChild, addPregnancy, createHousehold, recordPregnancyOutcome, seedGuardian, updateChild, updatePregnancy, type PersonActor } from '../households/index.ts';
import { getTimeline, planNotices, planNoticesForHousehold } from './index.ts';

// Planning "when a household changes": the household's notices exist as soon as the change is saved.

let app: TestApp;
let municipalityId: string;
let districtIds: string[];
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  districtIds = (await listDistricts(app.database.db, municipalityId)).map((d) => d.id);
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function family(): Promise<PersonActor & { householdId: string }> {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `hp${counter}@example.jp`);
  const actor = { userId, municipalityId, requestId: `hp${counter}` };
  const created = await createHousehold(app, actor, { districtId: districtIds[counter % districtIds.length] });
  if (!created.ok) throw new Error(created.error.code);
  return { ...actor, householdId: created.value.id };
}

async function noticesOf(householdId: string) {
  return app.database.db
    .selectFrom('guidance_notice')
    .select(['user_id', 'subject_id', 'rule_key', 'occurrence', 'window_start'])
    .where('household_id', '=', householdId)
    .orderBy('rule_key')
    .orderBy('user_id')
    .execute();
}

const identities = (rows: Awaited<ReturnType<typeof noticesOf>>) => rows.map((r) => `${r.user_id}:${r.subject_id}:${r.rule_key}:${r.occurrence}`);

/** The timeline's due items outside immunisation: what the planner must have planned for each guardian. */
async function dueOnTimeline(actor: PersonActor): Promise<string[]> {
  const timeline = await getTimeline(app, actor, 'ja');
  const items = [...(timeline?.children ?? []).flatMap((c) => c.items), ...(timeline?.pregnancies ?? []).flatMap((p) => p.items)];
  return items.filter((i) => i.status === 'due' && i.dose === null).map((i) => `${i.subjectId}:${i.ruleKey}`).sort();
}

describe('planning when a household changes', () => {
  it('plans a new child’s notices at once, for every guardian, and the daily pass then adds nothing for them', async () => {
    const actor = await family();
    const second = await createPerson(app, municipalityId, `hp-second${counter}@example.jp`);
    await seedGuardian(app, actor, second);
    const child = await addChild(app, actor, { name: 'にかげつ', birthDate: addMonths(today(), -2), sex: '' });
    if (!child.ok) throw new Error(child.error.code);
    const rows = await noticesOf(actor.householdId);
    const due = await dueOnTimeline(actor);
    expect(due.length).toBeGreaterThan(0);
    for (const userId of [actor.userId, second]) {
      expect(rows.filter((r) => r.user_id === userId).map((r) => `${r.subject_id}:${r.rule_key}`).sort()).toEqual(due);
    }
    const before = identities(await noticesOf(actor.householdId));
    await planNotices(app.database.db, municipalityId, today());
    expect(identities(await noticesOf(actor.householdId))).toEqual(before);
    expect(await planNoticesForHousehold(app.database.db, municipalityId, actor.householdId, today())).toBe(0);
  });

  it('a corrected birth date plans the newly due items but never a second notice for an occurrence already planned', async () => {
    const actor = await family();
    const child = await addChild(app, actor, { name: 'なおす', birthDate: addDays(today(), -10), sex: '' });
    if (!child.ok) throw new Error(child.error.code);
    const before = await noticesOf(actor.householdId);
    expect(before.map((r) => r.rule_key)).toContain('procedure.birth-registration');
    // Born five weeks earlier than first entered: the 1-month check-up is due now, the 出生届 window has passed.
    const corrected = await updateChild(app, actor, child.value.id, { name: 'なおす', birthDate: addDays(today(), -45), sex: '' });
    expect(corrected.ok).toBe(true);
    const after = await noticesOf(actor.householdId);
    const ids = identities(after);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of before) {
      const same = after.filter((r) => r.rule_key === row.rule_key && r.subject_id === row.subject_id);
      expect(same).toHaveLength(1);
      expect(same[0].window_start).toBe(row.window_start);
    }
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.map((r) => r.rule_key)).toEqual(expect.arrayContaining((await dueOnTimeline(actor)).map((k) => k.split(':')[1])));
  });

  it('plans a pregnancy at once, and after a loss the after-loss support at once, with no second notice for what continues', async () => {
    const actor = await family();
    const pregnancy = await addPregnancy(app, actor, { basis: 'due_date', dueDate: addDays(today(), 120), fetusCount: '1' });
    if (!pregnancy.ok) throw new Error(pregnancy.error.code);
    const planned = await noticesOf(actor.householdId);
    expect(planned.map((r) => `${r.subject_id}:${r.rule_key}`).sort()).toEqual(await dueOnTimeline(actor));
    await updatePregnancy(app, actor, pregnancy.value.id, { dueDate: addDays(today(), 118), fetusCount: '1' });
    const loss = await recordPregnancyOutcome(app, actor, pregnancy.value.id, { outcome: 'loss', outcomeDate: today() });
    expect(loss.ok).toBe(true);
    const after = await noticesOf(actor.householdId);
    const ids = identities(after);
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.some((r) => r.rule_key.includes('loss'))).toBe(true);
    expect(after.map((r) => `${r.subject_id}:${r.rule_key}`).sort()).toEqual(expect.arrayContaining(await dueOnTimeline(actor)));
  });

  it('plans only the household that changed', async () => {
    const one = await family();
    const other = await family();
    await addChild(app, other, { name: 'ほか', birthDate: addMonths(today(), -1), sex: '' });
    await app.database.db.deleteFrom('guidance_notice').where('household_id', '=', other.householdId).execute();
    await addChild(app, one, { name: 'こちら', birthDate: addMonths(today(), -1), sex: '' });
    expect((await noticesOf(one.householdId)).length).toBeGreaterThan(0);
    expect(await noticesOf(other.householdId)).toEqual([]);
  });

  it('a change that is refused plans nothing', async () => {
    const actor = await family();
    const refused = await addChild(app, actor, { name: '', birthDate: addMonths(today(), -1), sex: '' });
    expect(refused.ok).toBe(false);
    expect(await noticesOf(actor.householdId)).toEqual([]);
  });
});
