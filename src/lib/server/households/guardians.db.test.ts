import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { setClock } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import {
  acceptInvitation,
  addChild,
  addPregnancy,
  createHousehold,
  findChild,
  findOtherGuardian,
  findPregnancy,
  getGuardians,
  getHousehold,
  inviteGuardian,
  isOnlyGuardian,
  leaveHousehold,
  previewInvitation,
  removeGuardian,
  revokeInvitation,
  type PersonActor
} from './index.ts';

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
afterEach(() => setClock(undefined));

const linkFor = (path: string) => `http://sakura.test${path}`;

async function newPerson(): Promise<PersonActor & { email: string }> {
  counter += 1;
  const email = `guardian${counter}@example.jp`;
  const userId = await createPerson(app, municipalityId, email, `保護者 ${counter}`);
  return { userId, municipalityId, email };
}

async function newHousehold() {
  const owner = await newPerson();
  const created = await createHousehold(app, owner, { districtId });
  if (!created.ok) throw new Error(created.error.code);
  return owner;
}

/** Invites `email` and returns the token from the mail's link. */
async function invite(owner: PersonActor, email: string): Promise<string> {
  const result = await inviteGuardian(app, owner, { email }, linkFor);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const mail = app.sentMail.at(-1);
  expect(mail?.to).toBe(email.toLowerCase());
  const token = /accept\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error('no token in the mail');
  return token;
}

describe('inviting a second guardian', () => {
  it('the invitee gets a mail with a link; accepting makes them a guardian who sees the children', async () => {
    const owner = await newHousehold();
    await addChild(app, owner, { name: 'そら', birthDate: '2024-04-01' });
    const invitee = await newPerson();
    const token = await invite(owner, invitee.email.toUpperCase());
    expect(app.sentMail.at(-1)?.text).toContain('http://sakura.test/family/invitations/accept?token=');
    expect(await previewInvitation(app, invitee, token)).toMatchObject({ ok: true, value: { inviterName: expect.stringContaining('保護者') } });
    const pending = await getGuardians(app, owner);
    expect(pending.ok && pending.value.invitations.map((i) => i.email)).toEqual([invitee.email]);

    expect(await acceptInvitation(app, invitee, token)).toMatchObject({ ok: true });
    const household = await getHousehold(app, invitee);
    expect(household?.children.map((c) => c.name)).toEqual(['そら']);
    expect(household?.guardians.filter((g) => g.isYou)).toHaveLength(1);
    const after = await getGuardians(app, owner);
    expect(after.ok && after.value.invitations).toEqual([]);
    expect(after.ok && after.value.guardians.map((g) => g.userId).sort()).toEqual([owner.userId, invitee.userId].sort());
    expect(await acceptInvitation(app, invitee, token)).toMatchObject({ ok: false, error: { code: 'households.invitation_used' } });
  });

  it('the link stops working after 7 days', async () => {
    const owner = await newHousehold();
    const invitee = await newPerson();
    setClock(new Date());
    const token = await invite(owner, invitee.email);
    setClock(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    expect(await acceptInvitation(app, invitee, token)).toMatchObject({ ok: false, error: { code: 'households.invitation_expired' } });
    expect(await getHousehold(app, invitee)).toBeUndefined();
  });

  it('a revoked invitation cannot be accepted, and a newer one to the same address replaces it', async () => {
    const owner = await newHousehold();
    const invitee = await newPerson();
    const first = await invite(owner, invitee.email);
    const second = await invite(owner, invitee.email);
    expect(await acceptInvitation(app, invitee, first)).toMatchObject({ ok: false, error: { code: 'households.invitation_revoked' } });
    const view = await getGuardians(app, owner);
    if (!view.ok) throw new Error();
    expect(view.value.invitations).toHaveLength(1);
    expect((await revokeInvitation(app, owner, view.value.invitations[0].id)).ok).toBe(true);
    expect(await acceptInvitation(app, invitee, second)).toMatchObject({ ok: false, error: { code: 'households.invitation_revoked' } });
    expect(await getHousehold(app, invitee)).toBeUndefined();
  });

  it('only the person the invitation was sent to can accept it, and a guardian of another household cannot revoke it', async () => {
    const owner = await newHousehold();
    const invitee = await newPerson();
    const stranger = await newHousehold();
    const token = await invite(owner, invitee.email);
    expect(await acceptInvitation(app, stranger, token)).toMatchObject({ ok: false, error: { code: 'households.invitation_other_email' } });
    expect(await acceptInvitation(app, invitee, 'made-up-token')).toMatchObject({ ok: false, error: { code: 'households.invitation_not_found' } });
    const view = await getGuardians(app, owner);
    if (!view.ok) throw new Error();
    expect(await revokeInvitation(app, stranger, view.value.invitations[0].id)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await acceptInvitation(app, invitee, token)).toMatchObject({ ok: true });
  });

  it('a person already in another household is told to leave it first', async () => {
    const owner = await newHousehold();
    const busy = await newHousehold();
    const token = await invite(owner, busy.email);
    expect(await previewInvitation(app, busy, token)).toMatchObject({ ok: false, error: { code: 'households.already_in_household' } });
    expect(await acceptInvitation(app, busy, token)).toMatchObject({ ok: false, error: { code: 'households.already_in_household' } });
    expect((await leaveHousehold(app, busy)).ok).toBe(true);
    expect(await acceptInvitation(app, busy, token)).toMatchObject({ ok: true });
  });

  it('an invalid address is refused beside the field and no mail goes out', async () => {
    const owner = await newHousehold();
    const sent = app.sentMail.length;
    for (const email of ['', 'not-an-address', `${'a'.repeat(250)}@example.jp`]) {
      const result = await inviteGuardian(app, owner, { email }, linkFor);
      expect(!result.ok && result.error.fields?.email).toMatch(/^hh_error_email_(required|invalid)$/);
    }
    const myNumber = await inviteGuardian(app, owner, { email: '123456789012@example.jp' }, linkFor);
    expect(!myNumber.ok && myNumber.error.fields?.email).toBe('hh_error_my_number');
    const self = await inviteGuardian(app, owner, { email: owner.email }, linkFor);
    expect(!self.ok && self.error.fields?.email).toBe('hh_error_invite_existing_guardian');
    expect(app.sentMail.length).toBe(sent);
  });
});

describe('removing a guardian (DV safety)', () => {
  it("a guardian removes the other's access, which ends at once; the invitations the removed one sent stop working", async () => {
    const owner = await newHousehold();
    const other = await newPerson();
    await acceptInvitation(app, other, await invite(owner, other.email));
    const child = await addChild(app, owner, { name: 'みお', birthDate: '2025-02-02' });
    const pregnancy = await addPregnancy(app, owner, { basis: 'week', weeks: '20', days: '0', fetusCount: '1' });
    if (!child.ok || !pregnancy.ok) throw new Error();
    const friend = await newPerson();
    const friendToken = await invite(other, friend.email);
    expect((await findChild(app, other, child.value.id)).ok).toBe(true);

    expect(await findOtherGuardian(app, owner, other.userId)).toMatchObject({ ok: true, value: { name: expect.any(String) } });
    expect((await removeGuardian(app, owner, other.userId)).ok).toBe(true);

    expect(await getHousehold(app, other)).toBeUndefined();
    expect(await findChild(app, other, child.value.id)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await findPregnancy(app, other, pregnancy.value.id)).toMatchObject({ ok: false, error: { status: 404 } });
    expect((await addChild(app, other, { name: 'x', birthDate: '2025-01-01' })).ok).toBe(false);
    expect((await getGuardians(app, other)).ok).toBe(false);
    expect(await acceptInvitation(app, friend, friendToken)).toMatchObject({ ok: false, error: { code: 'households.invitation_revoked' } });
    const household = await getHousehold(app, owner);
    expect(household?.guardians.map((g) => g.userId)).toEqual([owner.userId]);
    const audit = await listAuditEntries(app.database.db, { recordType: 'household', recordId: household?.id });
    expect(audit.map((a) => a.action)).toContain('remove_guardian');
  });

  it('a guardian cannot remove themselves this way, nor someone outside the household', async () => {
    const owner = await newHousehold();
    const stranger = await newHousehold();
    expect(await removeGuardian(app, owner, owner.userId)).toMatchObject({ ok: false, error: { code: 'households.cannot_remove_self' } });
    expect(await removeGuardian(app, owner, stranger.userId)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await removeGuardian(app, owner, "x' or 1=1 --")).toMatchObject({ ok: false, error: { status: 404 } });
    expect((await getHousehold(app, stranger))?.guardians).toHaveLength(1);
  });

  it('a removed guardian invited again by the household gets access back', async () => {
    const owner = await newHousehold();
    const other = await newPerson();
    await acceptInvitation(app, other, await invite(owner, other.email));
    await removeGuardian(app, owner, other.userId);
    expect(await acceptInvitation(app, other, await invite(owner, other.email))).toMatchObject({ ok: true });
    expect((await getHousehold(app, other))?.guardians).toHaveLength(2);
  });
});

describe('leaving a household', () => {
  it('a guardian who leaves keeps the household with the other guardian', async () => {
    const owner = await newHousehold();
    const other = await newPerson();
    await acceptInvitation(app, other, await invite(owner, other.email));
    expect(await isOnlyGuardian(app, other)).toEqual({ ok: true, value: false });
    expect(await leaveHousehold(app, other)).toEqual({ ok: true, value: { householdDeleted: false } });
    expect(await getHousehold(app, other)).toBeUndefined();
    expect((await getHousehold(app, owner))?.guardians).toHaveLength(1);
  });

  it('the last guardian who leaves deletes the household with its children and pregnancies', async () => {
    const owner = await newHousehold();
    const child = await addChild(app, owner, { name: 'りく', birthDate: '2025-02-02' });
    if (!child.ok) throw new Error();
    expect(await isOnlyGuardian(app, owner)).toEqual({ ok: true, value: true });
    expect(await leaveHousehold(app, owner)).toEqual({ ok: true, value: { householdDeleted: true } });
    expect(await app.database.db.selectFrom('child').select('id').where('id', '=', child.value.id).executeTakeFirst()).toBeUndefined();
  });
});
