import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { addDays, addMonths, setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import {
  addChild,
  addPregnancy,
  changeHouseholdDistrict,
  clearPregnancyOutcome,
  createHousehold,
  findChild,
  findPregnancy,
  getHousehold,
  listHouseholdSummariesForPerson,
  recordPregnancyOutcome,
  removeChild,
  removePregnancy,
  updateChild,
  updatePregnancy,
  type PersonActor
} from './index.ts';

let app: TestApp;
let municipalityId: string;
let districtIds: string[];
let other: { municipalityId: string; districtId: string };
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  districtIds = (await listDistricts(app.database.db, municipalityId)).map((d) => d.id);
  other = await seedOtherMunicipality(app);
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function newPerson(): Promise<PersonActor> {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `parent${counter}@example.jp`, `保護者 ${counter}`);
  return { userId, municipalityId, requestId: `req-${counter}` };
}

async function personWithHousehold(): Promise<PersonActor & { householdId: string }> {
  const actor = await newPerson();
  const created = await createHousehold(app, actor, { districtId: districtIds[0] });
  if (!created.ok) throw new Error(created.error.code);
  return { ...actor, householdId: created.value.id };
}

async function countRows(table: 'child' | 'pregnancy' | 'household'): Promise<number> {
  return (await app.database.db.selectFrom(table).select('id').execute()).length;
}

describe('creating a household', () => {
  it('a person creates a household in a district of the ward and becomes its guardian', async () => {
    const actor = await newPerson();
    const result = await createHousehold(app, actor, { districtId: districtIds[1] });
    expect(result.ok).toBe(true);
    const household = await getHousehold(app, actor);
    expect(household?.district.name).toBe('本町');
    expect(household?.guardians).toEqual([{ userId: actor.userId, name: expect.any(String), isYou: true }]);
  });

  it('an unknown district, a district of another municipality or an inactive one is refused beside the field and nothing is saved', async () => {
    const actor = await newPerson();
    const before = await countRows('household');
    for (const districtId of ['', 'not-a-uuid', '00000000-0000-4000-8000-000000000000', other.districtId]) {
      const result = await createHousehold(app, actor, { districtId });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.fields?.districtId).toMatch(/^hh_error_district_(required|unknown)$/);
    }
    await app.database.db.updateTable('district').set({ is_active: false }).where('id', '=', districtIds[4]).execute();
    const inactive = await createHousehold(app, actor, { districtId: districtIds[4] });
    expect(!inactive.ok && inactive.error.fields?.districtId).toBe('hh_error_district_unknown');
    await app.database.db.updateTable('district').set({ is_active: true }).where('id', '=', districtIds[4]).execute();
    expect(await countRows('household')).toBe(before);
  });

  it('a person cannot have two active households', async () => {
    const actor = await personWithHousehold();
    const second = await createHousehold(app, actor, { districtId: districtIds[2] });
    expect(!second.ok && second.error.code).toBe('households.already_in_household');
  });

  it('two households created at the same moment for one person: exactly one is made', async () => {
    const actor = await newPerson();
    const results = await Promise.all([0, 1, 2].map((i) => createHousehold(app, actor, { districtId: districtIds[i] })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['households.already_in_household', 'households.already_in_household']);
    expect(await listHouseholdSummariesForPerson(app, actor.userId, municipalityId)).toHaveLength(1);
  });

  it('a guardian moves the household to another district', async () => {
    const actor = await personWithHousehold();
    expect((await changeHouseholdDistrict(app, actor, { districtId: districtIds[3] })).ok).toBe(true);
    expect((await getHousehold(app, actor))?.district.name).toBe('緑町');
  });
});

describe('children', () => {
  it('a guardian adds a child and sees the age in years and months, computed in Tokyo', async () => {
    const actor = await personWithHousehold();
    // 2026-06-15 03:00 UTC is already the 15th in Tokyo.
    const added = await addChild(app, actor, { name: ' はると ', birthDate: '2025-03-15', sex: 'male' });
    expect(added.ok).toBe(true);
    const household = await getHousehold(app, actor);
    expect(household?.children).toEqual([{ id: expect.any(String), name: 'はると', birthDate: '2025-03-15', sex: 'male', age: { years: 1, months: 3 } }]);
  });

  it.each([
    [{ name: '', birthDate: '2025-01-01', sex: '' }, 'name', 'hh_error_name_required'],
    [{ name: '   ', birthDate: '2025-01-01', sex: '' }, 'name', 'hh_error_name_required'],
    [{ name: 'あ'.repeat(51), birthDate: '2025-01-01', sex: '' }, 'name', 'hh_error_name_too_long'],
    [{ name: '123456789012', birthDate: '2025-01-01', sex: '' }, 'name', 'hh_error_my_number'],
    [{ name: 'はると １２３４ ５６７８ ９０１２', birthDate: '2025-01-01', sex: '' }, 'name', 'hh_error_my_number'],
    [{ name: 'はると', birthDate: '', sex: '' }, 'birthDate', 'hh_error_birth_date_required'],
    [{ name: 'はると', birthDate: '2026-06-16', sex: '' }, 'birthDate', 'hh_error_birth_date_future'],
    [{ name: 'はると', birthDate: '2025-02-30', sex: '' }, 'birthDate', 'hh_error_birth_date_invalid'],
    [{ name: 'はると', birthDate: '15/03/2025', sex: '' }, 'birthDate', 'hh_error_birth_date_invalid'],
    [{ name: 'はると', birthDate: '2008-06-15', sex: '' }, 'birthDate', 'hh_error_birth_date_too_old'],
    [{ name: 'はると', birthDate: '2025-01-01', sex: 'other' }, 'sex', 'hh_error_sex_invalid']
  ])('a child %j is refused: %s gets %s and nothing is saved', async (input, field, key) => {
    const actor = await personWithHousehold();
    const before = await countRows('child');
    const result = await addChild(app, actor, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(400);
      expect(result.error.fields?.[field]).toBe(key);
    }
    expect(await countRows('child')).toBe(before);
  });

  it('a child born 18 years ago less one day is still accepted, today too', async () => {
    const actor = await personWithHousehold();
    expect((await addChild(app, actor, { name: 'あ', birthDate: '2008-06-16' })).ok).toBe(true);
    expect((await addChild(app, actor, { name: 'い', birthDate: today() })).ok).toBe(true);
  });

  it('a guardian edits and removes a child, and each change is audited with ids only', async () => {
    const actor = await personWithHousehold();
    const added = await addChild(app, actor, { name: 'ゆい', birthDate: '2024-01-10', sex: '' });
    if (!added.ok) throw new Error();
    const id = added.value.id;
    const bad = await updateChild(app, actor, id, { name: '', birthDate: '2024-01-10' });
    expect(bad.ok).toBe(false);
    expect((await findChild(app, actor, id)).ok && (await findChild(app, actor, id))).toMatchObject({ value: { name: 'ゆい' } });
    expect((await updateChild(app, actor, id, { name: 'ゆいな', birthDate: '2024-01-11', sex: 'female' })).ok).toBe(true);
    expect(await findChild(app, actor, id)).toMatchObject({ ok: true, value: { name: 'ゆいな', birthDate: '2024-01-11', sex: 'female' } });
    expect((await removeChild(app, actor, id)).ok).toBe(true);
    expect((await findChild(app, actor, id)).ok).toBe(false);
    const audit = await listAuditEntries(app.database.db, { recordType: 'child', recordId: id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.stringify(audit)).not.toMatch(/ゆい|2024-01-1/);
  });

  it('a person without a household cannot add a child', async () => {
    const actor = await newPerson();
    const result = await addChild(app, actor, { name: 'あ', birthDate: '2025-01-01' });
    expect(!result.ok && result.error.code).toBe('households.no_household');
  });
});

describe('pregnancies', () => {
  it('a guardian records a pregnancy by its due date, or by the current week and days', async () => {
    const actor = await personWithHousehold();
    const byDate = await addPregnancy(app, actor, { basis: 'due_date', dueDate: '2026-11-20', fetusCount: '1' });
    expect(byDate).toMatchObject({ ok: true, value: { dueDate: '2026-11-20' } });
    // 12 weeks 3 days on 2026-06-15: 280 - 87 = 193 days to go.
    const byWeek = await addPregnancy(app, actor, { basis: 'week', weeks: '12', days: '3', fetusCount: '2' });
    expect(byWeek).toMatchObject({ ok: true, value: { dueDate: addDays('2026-06-15', 193) } });
    if (!byWeek.ok) throw new Error();
    const found = await findPregnancy(app, actor, byWeek.value.id);
    expect(found).toMatchObject({ ok: true, value: { fetusCount: 2, gestation: { weeks: 12, days: 3 }, outcome: null } });
  });

  it.each([
    [{ basis: 'due_date', dueDate: '', fetusCount: '1' }, 'dueDate', 'hh_error_due_date_required'],
    [{ basis: 'due_date', dueDate: '2026-02-31', fetusCount: '1' }, 'dueDate', 'hh_error_due_date_invalid'],
    [{ basis: 'due_date', dueDate: '2026-05-24', fetusCount: '1' }, 'dueDate', 'hh_error_due_date_past'],
    [{ basis: 'due_date', dueDate: '2027-04-16', fetusCount: '1' }, 'dueDate', 'hh_error_due_date_too_far'],
    [{ basis: 'week', weeks: '43', days: '0', fetusCount: '1' }, 'weeks', 'hh_error_week_range'],
    [{ basis: 'week', weeks: '-1', days: '0', fetusCount: '1' }, 'weeks', 'hh_error_week_range'],
    [{ basis: 'week', weeks: '', days: '', fetusCount: '1' }, 'weeks', 'hh_error_week_required'],
    [{ basis: 'week', weeks: '10', days: '7', fetusCount: '1' }, 'days', 'hh_error_days_range'],
    [{ basis: 'due_date', dueDate: '2026-10-01', fetusCount: '0' }, 'fetusCount', 'hh_error_fetus_count'],
    [{ basis: 'due_date', dueDate: '2026-10-01', fetusCount: '6' }, 'fetusCount', 'hh_error_fetus_count'],
    [{ basis: 'due_date', dueDate: '2026-10-01', fetusCount: 'two' }, 'fetusCount', 'hh_error_fetus_count'],
    [{ dueDate: '2026-10-01', fetusCount: '1' }, 'basis', 'hh_error_basis_required']
  ])('a pregnancy %j is refused: %s gets %s and nothing is saved', async (input, field, key) => {
    const actor = await personWithHousehold();
    const before = await countRows('pregnancy');
    const result = await addPregnancy(app, actor, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[field]).toBe(key);
    expect(await countRows('pregnancy')).toBe(before);
  });

  it('the due date may be up to 3 weeks past and up to 10 months ahead', async () => {
    const actor = await personWithHousehold();
    expect((await addPregnancy(app, actor, { basis: 'due_date', dueDate: addDays(today(), -21), fetusCount: '1' })).ok).toBe(true);
    expect((await addPregnancy(app, actor, { basis: 'due_date', dueDate: addMonths(today(), 10), fetusCount: '5' })).ok).toBe(true);
    expect((await addPregnancy(app, actor, { basis: 'week', weeks: '42', days: '6', fetusCount: '1' })).ok).toBe(true);
    expect((await addPregnancy(app, actor, { basis: 'week', weeks: '0', days: '0', fetusCount: '1' })).ok).toBe(true);
  });

  it('every read and change of a pregnancy is audited, with ids only', async () => {
    const actor = await personWithHousehold();
    const added = await addPregnancy(app, actor, { basis: 'due_date', dueDate: '2026-12-01', fetusCount: '1' });
    if (!added.ok) throw new Error();
    const id = added.value.id;
    await getHousehold(app, actor);
    await findPregnancy(app, actor, id);
    expect((await updatePregnancy(app, actor, id, { dueDate: '2026-12-03', fetusCount: '2' })).ok).toBe(true);
    expect((await recordPregnancyOutcome(app, actor, id, { outcome: 'loss', outcomeDate: '2026-06-10' })).ok).toBe(true);
    expect((await clearPregnancyOutcome(app, actor, id)).ok).toBe(true);
    expect((await removePregnancy(app, actor, id)).ok).toBe(true);
    const audit = await listAuditEntries(app.database.db, { recordType: 'pregnancy', recordId: id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'read', 'read', 'update', 'record_outcome', 'clear_outcome', 'delete']);
    expect(audit.every((a) => a.actor_user_id === actor.userId && a.municipality_id === municipalityId)).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/2026-12-0|loss|2026-06-10/);
  });

  it('an outcome needs a kind and a date that is not in the future; a bad one changes nothing', async () => {
    const actor = await personWithHousehold();
    const added = await addPregnancy(app, actor, { basis: 'due_date', dueDate: '2026-07-01', fetusCount: '2' });
    if (!added.ok) throw new Error();
    const future = await recordPregnancyOutcome(app, actor, added.value.id, { outcome: 'birth', outcomeDate: '2026-06-16' });
    expect(!future.ok && future.error.fields).toEqual({ outcomeDate: 'hh_error_outcome_date_future' });
    const none = await recordPregnancyOutcome(app, actor, added.value.id, { outcome: '', outcomeDate: '2026-06-10' });
    expect(!none.ok && none.error.fields).toEqual({ outcome: 'hh_error_outcome_required' });
    expect(await findPregnancy(app, actor, added.value.id)).toMatchObject({ ok: true, value: { outcome: null } });
    const birth = await recordPregnancyOutcome(app, actor, added.value.id, { outcome: 'birth', outcomeDate: '2026-06-14' });
    expect(birth).toMatchObject({ ok: true, value: { outcome: 'birth', outcomeDate: '2026-06-14', fetusCount: 2 } });
  });
});

describe('isolation', () => {
  it("a guardian of household A gets not found for household B's children and pregnancies, and changes nothing", async () => {
    const a = await personWithHousehold();
    const b = await personWithHousehold();
    const child = await addChild(app, b, { name: 'B の子', birthDate: '2024-05-05' });
    const pregnancy = await addPregnancy(app, b, { basis: 'due_date', dueDate: '2026-10-10', fetusCount: '1' });
    if (!child.ok || !pregnancy.ok) throw new Error();
    for (const result of [
      await findChild(app, a, child.value.id),
      await updateChild(app, a, child.value.id, { name: '乗っ取り', birthDate: '2024-05-05' }),
      await removeChild(app, a, child.value.id),
      await findPregnancy(app, a, pregnancy.value.id),
      await updatePregnancy(app, a, pregnancy.value.id, { dueDate: '2026-10-11', fetusCount: '1' }),
      await recordPregnancyOutcome(app, a, pregnancy.value.id, { outcome: 'moved_away', outcomeDate: '2026-06-01' }),
      await removePregnancy(app, a, pregnancy.value.id),
      await findChild(app, a, 'not-a-uuid')
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'platform.not_found', status: 404 } });
    }
    expect(await findChild(app, b, child.value.id)).toMatchObject({ ok: true, value: { name: 'B の子' } });
    expect(await findPregnancy(app, b, pregnancy.value.id)).toMatchObject({ ok: true, value: { dueDate: '2026-10-10', outcome: null } });
    expect((await listAuditEntries(app.database.db, { recordType: 'pregnancy', recordId: pregnancy.value.id })).some((e) => e.actor_user_id === a.userId)).toBe(false);
  });

  it('a household of another municipality is invisible, even to its own guardian acting in this ward', async () => {
    const userId = await createPerson(app, other.municipalityId, 'chiyoda@example.jp');
    const there: PersonActor = { userId, municipalityId: other.municipalityId };
    expect((await createHousehold(app, there, { districtId: other.districtId })).ok).toBe(true);
    const child = await addChild(app, there, { name: '丸の内の子', birthDate: '2025-01-01' });
    if (!child.ok) throw new Error();
    const here: PersonActor = { userId, municipalityId };
    expect(await getHousehold(app, here)).toBeUndefined();
    expect((await findChild(app, here, child.value.id)).ok).toBe(false);
    expect(await listHouseholdSummariesForPerson(app, userId, municipalityId)).toEqual([]);
    const wardGuardian = await personWithHousehold();
    expect((await findChild(app, wardGuardian, child.value.id)).ok).toBe(false);
  });
});

describe('summaries for other domains', () => {
  it('lists the household with its district and counts of children and ongoing pregnancies', async () => {
    const actor = await personWithHousehold();
    await addChild(app, actor, { name: 'あ', birthDate: '2025-01-01' });
    await addChild(app, actor, { name: 'い', birthDate: '2023-01-01' });
    const ended = await addPregnancy(app, actor, { basis: 'due_date', dueDate: '2026-06-10', fetusCount: '1' });
    await addPregnancy(app, actor, { basis: 'due_date', dueDate: '2026-12-10', fetusCount: '1' });
    if (!ended.ok) throw new Error();
    await recordPregnancyOutcome(app, actor, ended.value.id, { outcome: 'birth', outcomeDate: '2026-06-09' });
    expect(await listHouseholdSummariesForPerson(app, actor.userId, municipalityId)).toEqual([
      { id: actor.householdId, districtId: districtIds[0], districtName: '桜ヶ丘', children: 2, pregnancies: 1 }
    ]);
  });

  it('the demo family lives in 桜ヶ丘 with a baby about 10 months old and a pregnancy due in about 5 months', async () => {
    setClock(undefined);
    const hanako = await app.database.db.selectFrom('user').select('id').where('email', '=', 'hanako@sakura.example').executeTakeFirstOrThrow();
    const [summary] = await listHouseholdSummariesForPerson(app, hanako.id, municipalityId);
    expect(summary).toMatchObject({ districtName: '桜ヶ丘', children: 1, pregnancies: 1 });
    const household = await getHousehold(app, { userId: hanako.id, municipalityId });
    expect(household?.guardians.map((g) => g.name).sort()).toEqual(['佐藤 太郎', '佐藤 花子']);
    expect(household?.children[0].age).toEqual({ years: 0, months: expect.any(Number) });
    expect(household?.children[0].age.months).toBeGreaterThanOrEqual(9);
  });
});
