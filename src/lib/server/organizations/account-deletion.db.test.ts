import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { listDistricts } from '../municipalities/index.ts';
import { checkOwnPassword } from '../auth/index.ts';
import { deletePersonalData } from '../people/index.ts';
import { findDeletionRecords } from '../people/people.queries.ts';
import { organizationsOnlyOwnedBy, seedOrganization } from './index.ts';
import { findOrganization, listMembers, listReviews, upsertMember } from './organizations.queries.ts';

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

async function person() {
  counter += 1;
  const email = `owner-deletion${counter}@example.jp`;
  return { userId: await createPerson(app, municipalityId, email, '代表 花子'), municipalityId, email };
}

async function organizationOwnedBy(userId: string, name: string) {
  return seedOrganization(app, {
    municipalityId,
    type: 'voluntary',
    name,
    nameKana: 'テストダンタイ',
    purpose: '子育てサークル',
    districtIds: [districtId],
    status: 'verified',
    submittedAt: new Date('2026-04-01T00:00:00Z'),
    ownerUserId: userId
  });
}

const deleteWithPassword = (who: { userId: string; email: string; municipalityId: string }) =>
  deletePersonalData(app, who, { password: TEST_PASSWORD }, (password) => checkOwnPassword(app, { id: who.userId, email: who.email }, password, '192.0.2.1'));

describe("deleting the account of an organization's only owner", () => {
  it('is refused while other members could take over, and nothing is deleted', async () => {
    const owner = await person();
    const editor = await person();
    const organizationId = await organizationOwnedBy(owner.userId, 'さくら親子サークル');
    await upsertMember(app.database.db, { organizationId, userId: editor.userId, municipalityId, orgRole: 'editor' });

    expect(await organizationsOnlyOwnedBy(app.database.db, municipalityId, owner.userId)).toEqual([
      { id: organizationId, name: 'さくら親子サークル', mustHandOver: true }
    ]);
    expect(await deleteWithPassword(owner)).toMatchObject({ ok: false, error: { code: 'organizations.hand_over_before_deletion' } });
    expect(await findDeletionRecords(app.database.db, owner.userId)).toEqual([]);
    expect((await listMembers(app.database.db, municipalityId, organizationId)).map((m) => m.org_role).sort()).toEqual(['editor', 'owner']);
  });

  it('goes ahead once another member is an owner too, and the organization keeps that owner', async () => {
    const owner = await person();
    const successor = await person();
    const organizationId = await organizationOwnedBy(owner.userId, 'ひだまり食堂');
    await upsertMember(app.database.db, { organizationId, userId: successor.userId, municipalityId, orgRole: 'owner' });

    expect(await organizationsOnlyOwnedBy(app.database.db, municipalityId, owner.userId)).toEqual([]);
    expect(await deleteWithPassword(owner)).toMatchObject({ ok: true, value: { organizationsSuspended: [] } });
    const members = await listMembers(app.database.db, municipalityId, organizationId);
    expect(members.map((m) => [m.user_id, m.org_role])).toEqual([[successor.userId, 'owner']]);
    expect((await findOrganization(app.database.db, municipalityId, organizationId))?.suspended_at).toBeNull();
  });

  it('suspends an organization that had no other member, with the reason staff see, so it is not left public and ownerless', async () => {
    const owner = await person();
    const organizationId = await organizationOwnedBy(owner.userId, 'ひとりで始めた読み聞かせの会');

    expect(await organizationsOnlyOwnedBy(app.database.db, municipalityId, owner.userId)).toEqual([
      { id: organizationId, name: 'ひとりで始めた読み聞かせの会', mustHandOver: false }
    ]);
    expect(await deleteWithPassword(owner)).toMatchObject({ ok: true, value: { organizationsSuspended: [organizationId] } });
    const organization = await findOrganization(app.database.db, municipalityId, organizationId);
    expect(organization?.suspended_at).not.toBeNull();
    expect(organization?.suspended_reason).toContain('代表者のアカウントが削除されました');
    expect((await listReviews(app.database.db, organizationId)).map((r) => r.action)).toContain('suspended');
    expect(await listMembers(app.database.db, municipalityId, organizationId)).toEqual([]);
  });
});
