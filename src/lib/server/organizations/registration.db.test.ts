import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import {
  approveOrganization,
  canPublish,
  createOfficialOrganization,
  findOrganizationForMember,
  getOrganizationConsole,
  getPublicOrganization,
  listDirectory,
  listMyOrganizations,
  refuseOrganization,
  registerOrganization,
  requestMoreInformation,
  setSuspension,
  updateOrganization,
  type OrgActor,
  type StaffActor
} from './index.ts';

let app: TestApp;
let municipalityId: string;
let districtIds: string[];
let staff: StaffActor;
let counter = 0;

const linkFor = (path: string) => `http://sakura.test${path}`;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  districtIds = (await listDistricts(app.database.db, municipalityId)).map((d) => d.id);
  const staffId = ward.userIds.staff;
  staff = { userId: staffId, municipalityId, roles: await findActiveRoleAssignments(app.database.db, staffId, municipalityId, today()) };
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
  const email = `registrant${counter}@example.jp`;
  const userId = await createPerson(app, municipalityId, email, `登録者 ${counter}`);
  return { userId, municipalityId, email };
}

function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'npo',
    name: `テスト子育て支援の会 ${counter}`,
    nameKana: 'てすとこそだてしえんのかい',
    purpose: '親子の居場所をつくります。',
    districtIds: [districtIds[0], districtIds[2]],
    contactEmail: 'Info@Example.JP',
    contactPhone: '',
    url: '',
    corporateNumber: '',
    ...overrides
  };
}

async function register(owner: OrgActor, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await registerOrganization(app, owner, form(overrides), linkFor);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.id;
}

describe('an organization registers itself', () => {
  it('makes the registrant its owner, with an org_member role scoped to it, waiting for verification', async () => {
    const owner = await newPerson();
    const id = await register(owner, { corporateNumber: '7000-0120-50002' });
    const found = await findOrganizationForMember(app, owner, id);
    expect(found.ok && found.value.orgRole).toBe('owner');
    expect(found.ok && found.value.organization.status).toBe('pending');
    expect(found.ok && found.value.organization.corporateNumber).toBe('7000012050002');
    expect(found.ok && found.value.organization.contactEmail).toBe('info@example.jp');
    expect(found.ok && found.value.organization.districts.map((d) => d.id).sort()).toEqual([districtIds[0], districtIds[2]].sort());
    const roles = await findActiveRoleAssignments(app.database.db, owner.userId, municipalityId, today());
    expect(roles).toContainEqual(expect.objectContaining({ role: 'org_member', scopeType: 'organization', scopeId: id }));
    expect((await listMyOrganizations(app, owner)).map((o) => o.id)).toEqual([id]);
    expect(app.sentMail.at(-1)?.to).toBe(owner.email);
    expect(app.sentMail.at(-1)?.text).toContain(`/org/${id}`);
    const audit = await listAuditEntries(app.database.db, { recordType: 'organization', recordId: id });
    expect(audit.map((a) => a.action)).toContain('organization.register');
  });

  it('refuses a wrong 法人番号, a missing contact, an unknown district and a ward-department type, saving nothing', async () => {
    const owner = await newPerson();
    const bad = await registerOrganization(app, owner, form({ corporateNumber: '7000012050003', contactEmail: '', type: 'ward_department', name: '' }), linkFor);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.fields).toEqual({
        type: 'org_error_type_required',
        name: 'org_error_name_required',
        corporateNumber: 'org_error_corporate_number_check',
        contactEmail: 'org_error_contact_required'
      });
    }
    const elsewhere = await otherMunicipality();
    const wrongDistrict = await registerOrganization(app, owner, form({ districtIds: [elsewhere.districtId] }), linkFor);
    expect(!wrongDistrict.ok && wrongDistrict.error.fields).toEqual({ districtIds: 'org_error_districts_unknown' });
    const shortNumber = await registerOrganization(app, owner, form({ corporateNumber: '12345' }), linkFor);
    expect(!shortNumber.ok && shortNumber.error.fields).toEqual({ corporateNumber: 'org_error_corporate_number_format' });
    const myNumber = await registerOrganization(app, owner, form({ purpose: '代表 1234 5678 9012' }), linkFor);
    expect(!myNumber.ok && myNumber.error.fields).toEqual({ purpose: 'org_error_my_number' });
    expect(await listMyOrganizations(app, owner)).toEqual([]);
  });
});

describe('ward staff verify a registration once', () => {
  it('approve: the organization becomes public and its owner may publish; the owner is mailed', async () => {
    const owner = await newPerson();
    const id = await register(owner);
    expect((await getPublicOrganization(app, municipalityId, id)).ok).toBe(false);
    const before = await findOrganizationForMember(app, owner, id);
    expect(before.ok && canPublish(before.value)).toBe(false);

    const approved = await approveOrganization(app, staff, id, linkFor);
    expect(approved.ok).toBe(true);
    expect(app.sentMail.at(-1)).toMatchObject({ to: owner.email });
    expect(app.sentMail.at(-1)?.subject).toContain('承認されました');
    const after = await findOrganizationForMember(app, owner, id);
    expect(after.ok && canPublish(after.value)).toBe(true);
    const publicPage = await getPublicOrganization(app, municipalityId, id);
    expect(publicPage.ok && publicPage.value.contact.email).toBe('info@example.jp');
    expect(JSON.stringify(publicPage)).not.toContain(owner.email);

    const twice = await approveOrganization(app, staff, id, linkFor);
    expect(!twice.ok && twice.error.code).toBe('organizations.wrong_state');
    const audit = await listAuditEntries(app.database.db, { recordType: 'organization', recordId: id });
    expect(audit.filter((a) => a.action === 'organization.approved')).toHaveLength(1);
  });

  it('ask for more information: the owner reads the message, edits and resubmits; then staff approve', async () => {
    const owner = await newPerson();
    const id = await register(owner);
    const noReason = await requestMoreInformation(app, staff, id, { reason: ' ' }, linkFor);
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: 'org_error_reason_required' });
    const asked = await requestMoreInformation(app, staff, id, { reason: '活動場所を教えてください。' }, linkFor);
    expect(asked.ok).toBe(true);
    expect(app.sentMail.at(-1)?.text).toContain('活動場所を教えてください。');
    const console1 = await getOrganizationConsole(app, owner, id);
    expect(console1.ok && console1.value.organization.status).toBe('needs_info');
    expect(console1.ok && console1.value.organization.statusMessage).toBe('活動場所を教えてください。');
    expect((await approveOrganization(app, staff, id, linkFor)).ok).toBe(false);

    const edited = await updateOrganization(app, owner, id, { ...form(), purpose: '毎週水曜日に本町の集会所で活動しています。' });
    expect(edited.ok && edited.value.resubmitted).toBe(true);
    const console2 = await getOrganizationConsole(app, owner, id);
    expect(console2.ok && console2.value.organization.status).toBe('pending');
    expect(console2.ok && console2.value.reviews.map((r) => r.action)).toEqual(['submitted', 'needs_info', 'resubmitted']);
    expect((await approveOrganization(app, staff, id, linkFor)).ok).toBe(true);
  });

  it('refuse with a reason: the owner sees why, cannot edit, and it never becomes public', async () => {
    const owner = await newPerson();
    const id = await register(owner);
    const refused = await refuseOrganization(app, staff, id, { reason: '区内での活動が確認できませんでした。' }, linkFor);
    expect(refused.ok).toBe(true);
    expect(app.sentMail.at(-1)?.text).toContain('区内での活動が確認できませんでした。');
    const view = await getOrganizationConsole(app, owner, id);
    expect(view.ok && view.value.organization).toMatchObject({ status: 'refused', statusMessage: '区内での活動が確認できませんでした。' });
    const edit = await updateOrganization(app, owner, id, form());
    expect(!edit.ok && edit.error.code).toBe('organizations.not_editable');
    expect((await approveOrganization(app, staff, id, linkFor)).ok).toBe(false);
    expect((await getPublicOrganization(app, municipalityId, id)).ok).toBe(false);
  });

  it('only ward staff decide', async () => {
    const owner = await newPerson();
    const id = await register(owner);
    const selfApproval = await approveOrganization(app, { ...owner, roles: [] }, id, linkFor);
    expect(!selfApproval.ok && selfApproval.error.code).toBe('organizations.staff_only');
  });
});

describe('suspension', () => {
  it('hides a verified organization and stops publishing until staff lift it, with reasons audit-logged', async () => {
    const owner = await newPerson();
    const id = await register(owner);
    await approveOrganization(app, staff, id, linkFor);
    const noReason = await setSuspension(app, staff, id, true, {}, linkFor);
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: 'org_error_reason_required' });
    expect((await setSuspension(app, staff, id, true, { reason: '規約に反する投稿がありました。' }, linkFor)).ok).toBe(true);
    expect(app.sentMail.at(-1)?.text).toContain('規約に反する投稿がありました。');
    expect((await getPublicOrganization(app, municipalityId, id)).ok).toBe(false);
    const page = await listDirectory(app, municipalityId, {});
    expect(page.ok && page.value.items.some((o) => o.id === id)).toBe(false);
    const member = await findOrganizationForMember(app, owner, id);
    expect(member.ok && canPublish(member.value)).toBe(false);
    expect(member.ok && member.value.organization.suspendedReason).toBe('規約に反する投稿がありました。');
    expect((await setSuspension(app, staff, id, true, { reason: 'again' }, linkFor)).ok).toBe(false);

    expect((await setSuspension(app, staff, id, false, { reason: '改善を確認しました。' }, linkFor)).ok).toBe(true);
    expect((await getPublicOrganization(app, municipalityId, id)).ok).toBe(true);
    const audit = await listAuditEntries(app.database.db, { recordType: 'organization', recordId: id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['organization.suspend', 'organization.unsuspend']));
  });
});

describe('tenancy', () => {
  it('another municipality sees nothing of this one’s organizations', async () => {
    const owner = await newPerson();
    const id = await register(owner);
    await approveOrganization(app, staff, id, linkFor);
    const elsewhere = await otherMunicipality();
    expect((await getPublicOrganization(app, elsewhere.municipalityId, id)).ok).toBe(false);
    const page = await listDirectory(app, elsewhere.municipalityId, {});
    expect(page.ok && page.value.items).toEqual([]);
    const outsider = { userId: owner.userId, municipalityId: elsewhere.municipalityId };
    expect((await findOrganizationForMember(app, outsider, id)).ok).toBe(false);
    const otherStaff = { ...staff, municipalityId: elsewhere.municipalityId };
    expect((await approveOrganization(app, otherStaff, id, linkFor)).ok).toBe(false);
  });
});

describe('ward departments are official organizations, created by staff only', () => {
  it('staff create one, verified at once, owned by a person of the ward who is mailed', async () => {
    const owner = await newPerson();
    const input = { ...form(), departmentCode: 'hoken', ownerEmail: owner.email.toUpperCase(), name: '保健センター（テスト）' };
    const byResident = await createOfficialOrganization(app, { ...owner, roles: [] }, input, linkFor);
    expect(!byResident.ok && byResident.error.code).toBe('organizations.staff_only');
    const unknownOwner = await createOfficialOrganization(app, staff, { ...input, ownerEmail: 'nobody@example.jp' }, linkFor);
    expect(!unknownOwner.ok && unknownOwner.error.fields).toEqual({ ownerEmail: 'org_error_owner_not_found' });
    const unknownDepartment = await createOfficialOrganization(app, staff, { ...input, departmentCode: 'kaigo' }, linkFor);
    expect(!unknownDepartment.ok && unknownDepartment.error.fields).toEqual({ departmentCode: 'org_error_department_required' });

    const created = await createOfficialOrganization(app, staff, input, linkFor);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const found = await findOrganizationForMember(app, owner, created.value.id);
    expect(found.ok && found.value.organization).toMatchObject({ type: 'ward_department', isOfficial: true, status: 'verified', departmentCode: 'hoken' });
    expect(found.ok && canPublish(found.value)).toBe(true);
    expect(app.sentMail.at(-1)?.to).toBe(owner.email);
    const page = await listDirectory(app, municipalityId, { type: 'ward_department' });
    expect(page.ok && page.value.items.map((o) => o.name)).toContain('保健センター（テスト）');
  });
});
