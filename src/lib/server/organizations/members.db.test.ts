import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { addDays, now, setClock, today } from '../platform/clock.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { listDistricts } from '../municipalities/index.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import {
  acceptMemberInvitation,
  changeMemberRole,
  findOrganizationForMember,
  getMembers,
  handOverOwnership,
  inviteMember,
  listMyOrganizations,
  previewMemberInvitation,
  registerOrganization,
  removeMember,
  revokeMemberInvitation,
  updateOrganization,
  type OrgActor
} from './index.ts';

let app: TestApp;
let municipalityId: string;
let districtId: string;
let counter = 0;
const linkFor = (path: string) => `http://sakura.test${path}`;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  districtId = (await listDistricts(app.database.db, municipalityId))[0].id;
});
afterAll(() => app.stop());

let other: Awaited<ReturnType<typeof seedOtherMunicipality>> | undefined;
/** The second municipality (seeded once per file). */
async function otherMunicipality() {
  other ??= await seedOtherMunicipality(app);
  return other;
}
afterEach(() => setClock(undefined));

async function newPerson(): Promise<OrgActor & { email: string }> {
  counter += 1;
  const email = `member${counter}@example.jp`;
  const userId = await createPerson(app, municipalityId, email, `メンバー ${counter}`);
  return { userId, municipalityId, email };
}

async function newOrganization(owner: OrgActor): Promise<string> {
  counter += 1;
  const result = await registerOrganization(
    app,
    owner,
    { type: 'voluntary', name: `サークル ${counter}`, nameKana: 'さーくる', purpose: '親子で遊びます。', districtIds: [districtId], contactEmail: 'circle@example.jp' },
    linkFor
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.id;
}

/** Invites `email` with a role and returns the token from the mailed link. */
async function invite(owner: OrgActor, organizationId: string, email: string, orgRole = 'editor'): Promise<string> {
  const result = await inviteMember(app, owner, organizationId, { email, orgRole }, linkFor);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const mail = app.sentMail.at(-1);
  expect(mail?.to).toBe(email.toLowerCase());
  const match = /\/organizations\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error('no invitation link in the mail');
  return decodeURIComponent(match[1]);
}

async function hasOrgRole(person: OrgActor, organizationId: string): Promise<boolean> {
  const roles = await findActiveRoleAssignments(app.database.db, person.userId, municipalityId, today());
  return roles.some((r) => r.role === 'org_member' && r.scopeType === 'organization' && r.scopeId === organizationId);
}

describe('inviting members by mail', () => {
  it('the invited person accepts and becomes an editor with the org_member role, in one step', async () => {
    const owner = await newPerson();
    const org = await newOrganization(owner);
    const editor = await newPerson();
    const token = await invite(owner, org, editor.email.toUpperCase(), 'editor');
    const preview = await previewMemberInvitation(app, editor, token);
    expect(preview.ok && preview.value).toMatchObject({ orgRole: 'editor', inviterName: expect.stringContaining('メンバー') });
    expect(await hasOrgRole(editor, org)).toBe(false);

    const accepted = await acceptMemberInvitation(app, editor, token);
    expect(accepted.ok && accepted.value.organizationId).toBe(org);
    expect(await hasOrgRole(editor, org)).toBe(true);
    const found = await findOrganizationForMember(app, editor, org);
    expect(found.ok && found.value.orgRole).toBe('editor');
    const again = await acceptMemberInvitation(app, editor, token);
    expect(!again.ok && again.error.code).toBe('organizations.invitation_used');
  });

  it('an invitation works only for its address, only once, not after revocation nor after 7 days', async () => {
    const owner = await newPerson();
    const org = await newOrganization(owner);
    const invited = await newPerson();
    const stranger = await newPerson();
    const token = await invite(owner, org, invited.email);
    const wrong = await acceptMemberInvitation(app, stranger, token);
    expect(!wrong.ok && wrong.error.code).toBe('organizations.invitation_other_email');

    const revokedToken = await invite(owner, org, stranger.email);
    const pending = await getMembers(app, owner, org);
    const invitation = pending.ok ? pending.value.invitations.find((i) => i.email === stranger.email) : undefined;
    expect((await revokeMemberInvitation(app, owner, org, invitation!.id)).ok).toBe(true);
    const revoked = await acceptMemberInvitation(app, stranger, revokedToken);
    expect(!revoked.ok && revoked.error.code).toBe('organizations.invitation_revoked');

    setClock(new Date(now().getTime() + 7 * 86_400_000 + 1000));
    const expired = await acceptMemberInvitation(app, invited, token);
    expect(!expired.ok && expired.error.code).toBe('organizations.invitation_expired');
    expect(await hasOrgRole(invited, org)).toBe(false);
  });

  it('only owners invite; an existing member is not invited again', async () => {
    const owner = await newPerson();
    const org = await newOrganization(owner);
    const viewer = await newPerson();
    await acceptMemberInvitation(app, viewer, await invite(owner, org, viewer.email, 'viewer'));
    const byViewer = await inviteMember(app, viewer, org, { email: 'x@example.jp', orgRole: 'editor' }, linkFor);
    expect(!byViewer.ok && byViewer.error.code).toBe('organizations.owner_only');
    const duplicate = await inviteMember(app, owner, org, { email: viewer.email, orgRole: 'editor' }, linkFor);
    expect(!duplicate.ok && duplicate.error.fields).toEqual({ email: 'org_error_invite_existing_member' });
    const badRole = await inviteMember(app, owner, org, { email: 'y@example.jp', orgRole: 'admin' }, linkFor);
    expect(!badRole.ok && badRole.error.fields).toEqual({ orgRole: 'org_error_role_required' });
    const members = await getMembers(app, viewer, org);
    expect(members.ok && members.value.members.every((m) => m.email === null)).toBe(true);
    expect(members.ok && members.value.invitations).toEqual([]);
  });
});

describe('there is always at least one owner', () => {
  it('handing over ownership makes the other member owner and the former owner an editor', async () => {
    const owner = await newPerson();
    const org = await newOrganization(owner);
    const next = await newPerson();
    await acceptMemberInvitation(app, next, await invite(owner, org, next.email, 'viewer'));
    expect((await handOverOwnership(app, owner, org, next.userId)).ok).toBe(true);
    const members = await getMembers(app, next, org);
    expect(members.ok && members.value.members.map((m) => [m.userId, m.orgRole])).toEqual([
      [next.userId, 'owner'],
      [owner.userId, 'editor']
    ]);
    const byFormerOwner = await handOverOwnership(app, owner, org, owner.userId);
    expect(byFormerOwner.ok).toBe(false);
  });

  it('the last owner can be neither demoted nor removed, nor leave', async () => {
    const owner = await newPerson();
    const org = await newOrganization(owner);
    const demote = await changeMemberRole(app, owner, org, owner.userId, { orgRole: 'editor' });
    expect(!demote.ok && demote.error.code).toBe('organizations.last_owner');
    const leave = await removeMember(app, owner, org, owner.userId);
    expect(!leave.ok && leave.error.code).toBe('organizations.last_owner');

    const second = await newPerson();
    await acceptMemberInvitation(app, second, await invite(owner, org, second.email, 'owner'));
    expect((await changeMemberRole(app, owner, org, owner.userId, { orgRole: 'editor' })).ok).toBe(true);
    const nowLast = await removeMember(app, owner, org, second.userId);
    expect(!nowLast.ok && nowLast.error.code).toBe('organizations.owner_only');
    const secondLeaves = await removeMember(app, second, org, second.userId);
    expect(!secondLeaves.ok && secondLeaves.error.code).toBe('organizations.last_owner');
  });

  it('two owners demoting each other at the same time leave one owner', async () => {
    const a = await newPerson();
    const org = await newOrganization(a);
    const b = await newPerson();
    await acceptMemberInvitation(app, b, await invite(a, org, b.email, 'owner'));
    const results = await Promise.all([
      changeMemberRole(app, a, org, b.userId, { orgRole: 'viewer' }),
      changeMemberRole(app, b, org, a.userId, { orgRole: 'viewer' })
    ]);
    const members = await getMembers(app, a, org);
    const owners = members.ok ? members.value.members.filter((m) => m.orgRole === 'owner') : [];
    expect(owners).toHaveLength(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('removing members', () => {
  it('ends the org_member role at once and the invitations they sent', async () => {
    const owner = await newPerson();
    const org = await newOrganization(owner);
    const coOwner = await newPerson();
    await acceptMemberInvitation(app, coOwner, await invite(owner, org, coOwner.email, 'owner'));
    const invitee = await newPerson();
    const token = await invite(coOwner, org, invitee.email, 'viewer');
    expect((await removeMember(app, owner, org, coOwner.userId)).ok).toBe(true);
    expect(await hasOrgRole(coOwner, org)).toBe(false);
    expect((await findOrganizationForMember(app, coOwner, org)).ok).toBe(false);
    expect(await listMyOrganizations(app, coOwner)).toEqual([]);
    const late = await acceptMemberInvitation(app, invitee, token);
    expect(!late.ok && late.error.code).toBe('organizations.invitation_revoked');

    // Invited again later, they come back with a fresh assignment; the ended one stays as history.
    await acceptMemberInvitation(app, coOwner, await invite(owner, org, coOwner.email, 'editor'));
    expect(await hasOrgRole(coOwner, org)).toBe(true);
    const rows = await app.database.db.selectFrom('role_assignment').selectAll().where('user_id', '=', coOwner.userId).where('scope_id', '=', org).execute();
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.valid_to === addDays(today(), -1))).toBe(true);
    const ended = rows.find((r) => r.valid_to === addDays(today(), -1))!;
    const audit = await listAuditEntries(app.database.db, { recordType: 'role_assignment', recordId: ended.id });
    expect(audit.map((a) => a.action)).toEqual(['role.grant', 'role.end']);
  });
});

describe('a person in several organizations', () => {
  it('belongs to each with its own role, and a member of A cannot see or manage B (not found)', async () => {
    const person = await newPerson();
    const a = await newOrganization(person);
    const otherOwner = await newPerson();
    const b = await newOrganization(otherOwner);
    await acceptMemberInvitation(app, person, await invite(otherOwner, b, person.email, 'viewer'));
    expect((await listMyOrganizations(app, person)).map((o) => [o.id, o.orgRole]).sort()).toEqual([[a, 'owner'], [b, 'viewer']].sort());

    const outsider = await newPerson();
    const c = await newOrganization(outsider);
    for (const result of [
      await findOrganizationForMember(app, person, c),
      await getMembers(app, person, c),
      await inviteMember(app, person, c, { email: 'z@example.jp', orgRole: 'owner' }, linkFor),
      await removeMember(app, person, c, outsider.userId),
      await handOverOwnership(app, person, c, outsider.userId),
      await changeMemberRole(app, person, c, outsider.userId, { orgRole: 'viewer' }),
      await updateOrganization(app, person, c, { name: '乗っ取り' })
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('platform.not_found');
    }
    const asViewer = await updateOrganization(app, person, b, { name: 'x' });
    expect(!asViewer.ok && asViewer.error.code).toBe('organizations.owner_only');
  });

  it('the same person in another municipality is no member there', async () => {
    const person = await newPerson();
    const org = await newOrganization(person);
    const elsewhere = await otherMunicipality();
    expect((await findOrganizationForMember(app, { ...person, municipalityId: elsewhere.municipalityId }, org)).ok).toBe(false);
    expect(await listMyOrganizations(app, { ...person, municipalityId: elsewhere.municipalityId })).toEqual([]);
  });
});
