import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { listDistricts } from '../municipalities/index.ts';
import {
  acceptInvitation,
  addChild,
  addPregnancy,
  createHousehold,
  getHousehold,
  inviteGuardian,
  type PersonActor
} from '../households/index.ts';
import { deletePersonalData, exportPersonalData, recordConsent, updatePreferences, EXPORT_FORMAT } from './index.ts';
import { findDeletionRecords } from './people.queries.ts';
import { checkOwnPassword } from '../auth/index.ts';

let app: TestApp;
let municipalityId: string;
let districtId: string;
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  districtId = (await listDistricts(app.database.db, municipalityId))[0].id;
});
afterAll(() => app.stop());

async function newPerson(name = '山本 由美'): Promise<PersonActor & { email: string }> {
  counter += 1;
  const email = `person${counter}@example.jp`;
  return { userId: await createPerson(app, municipalityId, email, name), municipalityId, email };
}

/** A household with a child and a pregnancy; with `second`, a second guardian joins by invitation. */
async function family(second: boolean) {
  const owner = await newPerson('山本 由美');
  await createHousehold(app, owner, { districtId });
  const child = await addChild(app, owner, { name: '山本 はな', birthDate: '2024-08-08', sex: 'female' });
  const pregnancy = await addPregnancy(app, owner, { basis: 'week', weeks: '16', days: '2', fetusCount: '2' });
  if (!child.ok || !pregnancy.ok) throw new Error();
  let partner: (PersonActor & { email: string }) | undefined;
  if (second) {
    partner = await newPerson('山本 健');
    await inviteGuardian(app, owner, { email: partner.email }, (p) => `http://sakura.test${p}`);
    const token = /token=([A-Za-z0-9_-]+)/.exec(app.sentMail.at(-1)?.text ?? '')?.[1] ?? '';
    const accepted = await acceptInvitation(app, partner, token);
    if (!accepted.ok) throw new Error(accepted.error.code);
  }
  return { owner, partner, childId: child.value.id, pregnancyId: pregnancy.value.id };
}

async function sessionFor(email: string) {
  const result = await app.auth.api.signInEmail({ body: { email, password: TEST_PASSWORD }, headers: new Headers({ 'user-agent': 'vitest-browser' }) });
  return result.token;
}

describe('downloading my data', () => {
  it('holds my account, preferences, consents with history, household, children, pregnancies, roles and session metadata', async () => {
    const { owner, partner, childId, pregnancyId } = await family(true);
    await updatePreferences(app, owner, { language: 'en', notifyEmail: 'on', quietHours: 'set', quietStart: '22:00', quietEnd: '06:30' });
    await recordConsent(app, owner, { purpose: 'contact_by_coordinator', decision: 'give' });
    await recordConsent(app, owner, { purpose: 'contact_by_coordinator', decision: 'withdraw' });
    const token = await sessionFor(owner.email);

    const data = await exportPersonalData(app, owner);
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.person).toMatchObject({ id: owner.userId, email: owner.email, name: '山本 由美' });
    expect(data.preferences).toEqual({ language: 'en', inApp: true, notifyEmail: true, notifyPush: false, quietHours: { start: '22:00', end: '06:30' } });
    expect(data.consents.current.find((c) => c.purpose === 'contact_by_coordinator')?.granted).toBe(false);
    expect(data.consents.history.map((h) => h.granted)).toEqual([false, true]);
    expect(data.households).toHaveLength(1);
    const [household] = data.households;
    expect(household.district.name).toBe('桜ヶ丘');
    expect(household.guardians).toEqual([
      { displayName: '山本 由美', isYou: true },
      { displayName: '山本 健', isYou: false }
    ]);
    expect(household.children).toEqual([expect.objectContaining({ id: childId, name: '山本 はな', birthDate: '2024-08-08', sex: 'female' })]);
    expect(household.pregnancies).toEqual([expect.objectContaining({ id: pregnancyId, fetusCount: 2, outcome: null })]);
    expect(household.invitationsYouSent).toEqual([expect.objectContaining({ email: partner?.email, acceptedAt: expect.any(String) })]);
    expect(data.roleAssignments).toEqual([]);
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: 'vitest-browser', isThisSession: false })]);
    // Never a session token or a password hash.
    const text = JSON.stringify(data);
    expect(text).not.toContain(token);
    expect(text).not.toContain('$argon2');
    // The other guardian's export has the shared children but none of this guardian's own data.
    if (!partner) throw new Error();
    const theirs = JSON.stringify(await exportPersonalData(app, partner));
    expect(theirs).toContain('山本 はな');
    for (const mine of [owner.email, 'contact_by_coordinator":false', '22:00', 'vitest-browser']) expect(theirs).not.toContain(mine);

    const audit = await listAuditEntries(app.database.db, { recordType: 'person', recordId: owner.userId });
    expect(audit.map((a) => a.action)).toEqual(['export']);
    const reads = await listAuditEntries(app.database.db, { recordType: 'pregnancy', recordId: pregnancyId });
    expect(reads.filter((a) => a.action === 'read' && a.actor_user_id === owner.userId)).toHaveLength(1);
  });

  it("a staff member's export lists their role assignments", async () => {
    const staff = await app.database.db.selectFrom('user').select('id').where('email', '=', 'staff@sakura.example').executeTakeFirstOrThrow();
    const data = await exportPersonalData(app, { userId: staff.id, municipalityId });
    expect(data.roleAssignments).toEqual([expect.objectContaining({ role: 'ward_staff', scopeType: 'department', scopeId: 'kosodate' })]);
    expect(data.households).toEqual([]);
  });
});

/** The real check (auth domain, behind the sign-in limits) for this person, as the route passes it. */
function passwordOf(person: { userId: string; email: string; address?: string | null }) {
  return (password: string) => checkOwnPassword(app, { id: person.userId, email: person.email }, password, person.address ?? '192.0.2.1');
}

describe('deleting my data', () => {
  it('the last guardian deletes their data: the household with its children and pregnancies goes too', async () => {
    const { owner, childId, pregnancyId } = await family(false);
    await recordConsent(app, owner, { purpose: 'personalised_notices', decision: 'give' });
    await sessionFor(owner.email);
    const household = await getHousehold(app, owner);

    const result = await deletePersonalData(app, owner, { password: TEST_PASSWORD }, passwordOf(owner));
    expect(result).toMatchObject({ ok: true, value: { householdsDeleted: [household?.id], householdsKept: [] } });

    const db = app.database.db;
    expect(await db.selectFrom('user').select('id').where('id', '=', owner.userId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('person_profile').select('user_id').where('user_id', '=', owner.userId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('consent').select('id').where('user_id', '=', owner.userId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('session').select('id').where('userId', '=', owner.userId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('household').select('id').where('id', '=', household?.id ?? '').executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('child').select('id').where('id', '=', childId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('pregnancy').select('id').where('id', '=', pregnancyId).executeTakeFirst()).toBeUndefined();

    const [record] = await findDeletionRecords(db, owner.userId);
    expect(record).toMatchObject({ municipality_id: municipalityId, subject_id: owner.userId });
    expect(record.requested_at).toBeInstanceOf(Date);
    expect(record.kept).toContain('audit_log');
  });

  it('when another guardian remains, the household stays with them and forgets who entered its records', async () => {
    const { owner, partner, childId } = await family(true);
    if (!partner) throw new Error();
    const result = await deletePersonalData(app, owner, { password: TEST_PASSWORD }, passwordOf(owner));
    expect(result).toMatchObject({ ok: true, value: { householdsDeleted: [], householdsKept: [expect.any(String)] } });
    const household = await getHousehold(app, partner);
    expect(household?.guardians.map((g) => g.name)).toEqual(['山本 健']);
    expect(household?.children.map((c) => c.id)).toEqual([childId]);
    const child = await app.database.db.selectFrom('child').select('created_by').where('id', '=', childId).executeTakeFirstOrThrow();
    expect(child.created_by).toBeNull();
  });

  it('a wrong or missing password deletes nothing', async () => {
    const { owner } = await family(false);
    expect(await deletePersonalData(app, owner, { password: 'not my password' }, passwordOf(owner))).toMatchObject({
      ok: false,
      error: { fields: { password: 'people_error_password_wrong' } }
    });
    expect(await deletePersonalData(app, owner, {}, passwordOf(owner))).toMatchObject({ ok: false, error: { fields: { password: 'people_error_password_required' } } });
    expect(await getHousehold(app, owner)).toBeDefined();
    expect(await findDeletionRecords(app.database.db, owner.userId)).toEqual([]);
  });

  it('a borrowed session cannot guess the password here: wrong tries count towards the sign-in limit', async () => {
    const { owner } = await family(false);
    for (let i = 0; i < app.config.signInFailuresPerAccount; i++) {
      expect(await deletePersonalData(app, owner, { password: `guess ${i}` }, passwordOf(owner))).toMatchObject({ ok: false, error: { code: 'people.wrong_password' } });
    }
    expect(await deletePersonalData(app, owner, { password: TEST_PASSWORD }, passwordOf(owner))).toMatchObject({
      ok: false,
      error: { code: 'people.password_locked', fields: { password: 'people_error_password_locked' } }
    });
    expect(await getHousehold(app, owner)).toBeDefined();
    expect(await findDeletionRecords(app.database.db, owner.userId)).toEqual([]);
  });

  it('the audit trail of a deleted person holds ids only: no name, email, birth date or due date', async () => {
    const { owner, pregnancyId } = await family(false);
    await exportPersonalData(app, owner);
    await deletePersonalData(app, owner, { password: TEST_PASSWORD }, passwordOf(owner));
    const rows = (await listAuditEntries(app.database.db, {})).filter((a) => a.actor_user_id === owner.userId);
    expect(rows.map((r) => `${r.action} ${r.record_type}`)).toEqual(
      expect.arrayContaining(['create household', 'create child', 'create pregnancy', 'read pregnancy', 'export person', 'delete household', 'delete person'])
    );
    expect(rows.some((r) => r.record_id === pregnancyId)).toBe(true);
    const text = JSON.stringify(rows);
    for (const personal of [owner.email, '山本', 'はな', '2024-08-08', 'female']) expect(text).not.toContain(personal);
  });
});
