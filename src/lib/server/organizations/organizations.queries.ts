import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

const ORG_COLUMNS = [
  'organization.id',
  'organization.municipality_id',
  'organization.type',
  'organization.is_official',
  'organization.department_code',
  'organization.name',
  'organization.name_kana',
  'organization.purpose',
  'organization.contact_email',
  'organization.contact_phone',
  'organization.url',
  'organization.corporate_number',
  'organization.status',
  'organization.status_message',
  'organization.submitted_at',
  'organization.verified_at',
  'organization.suspended_at',
  'organization.suspended_reason',
  'organization.created_at',
  'organization.updated_at'
] as const;

export type OrganizationRow = Awaited<ReturnType<typeof findOrganization>> & {};

/** An organization of this municipality, whatever its state. */
export async function findOrganization(db: Db, municipalityId: string, organizationId: string) {
  return db.selectFrom('organization').select(ORG_COLUMNS).where('municipality_id', '=', municipalityId).where('id', '=', organizationId).executeTakeFirst();
}

/** Locks the organization row: changes to its members or state queue here (one owner always stays). */
export async function lockOrganization(db: Db, municipalityId: string, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'status', 'suspended_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertOrganization(
  db: Db,
  row: {
    id?: string;
    municipalityId: string;
    type: string;
    isOfficial: boolean;
    departmentCode: string | null;
    name: string;
    nameKana: string;
    purpose: string;
    contactEmail: string;
    contactPhone: string;
    url: string;
    corporateNumber: string | null;
    status: string;
    registeredBy: string | null;
    at?: Date;
    verifiedAt?: Date | null;
  }
) {
  return db
    .insertInto('organization')
    .values({
      ...(row.id ? { id: row.id } : {}),
      municipality_id: row.municipalityId,
      type: row.type,
      is_official: row.isOfficial,
      department_code: row.departmentCode,
      name: row.name,
      name_kana: row.nameKana,
      purpose: row.purpose,
      contact_email: row.contactEmail,
      contact_phone: row.contactPhone,
      url: row.url,
      corporate_number: row.corporateNumber,
      status: row.status,
      registered_by: row.registeredBy,
      verified_at: row.verifiedAt ?? null,
      ...(row.at ? { created_at: row.at, submitted_at: row.at, updated_at: row.at } : {})
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateOrganizationProfile(
  db: Db,
  municipalityId: string,
  organizationId: string,
  row: { name: string; nameKana: string; purpose: string; contactEmail: string; contactPhone: string; url: string; corporateNumber: string | null }
) {
  await db
    .updateTable('organization')
    .set({
      name: row.name,
      name_kana: row.nameKana,
      purpose: row.purpose,
      contact_email: row.contactEmail,
      contact_phone: row.contactPhone,
      url: row.url,
      corporate_number: row.corporateNumber,
      updated_at: sql`now()`
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', organizationId)
    .execute();
}

/** Moves the registration to a new state; `from` guards against a decision made twice at once. */
export async function setOrganizationStatus(
  db: Db,
  municipalityId: string,
  organizationId: string,
  change: { from: readonly string[]; to: string; message: string; at: Date }
): Promise<boolean> {
  const result = await db
    .updateTable('organization')
    .set({
      status: change.to,
      status_message: change.message,
      verified_at: change.to === 'verified' ? change.at : null,
      ...(change.to === 'pending' ? { submitted_at: change.at } : {}),
      updated_at: sql`now()`
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', organizationId)
    .where('status', 'in', [...change.from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setOrganizationSuspension(db: Db, municipalityId: string, organizationId: string, suspension: { at: Date | null; reason: string }) {
  await db
    .updateTable('organization')
    .set({ suspended_at: suspension.at, suspended_reason: suspension.reason, updated_at: sql`now()` })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', organizationId)
    .execute();
}

// ── districts (activity area) ─────────────────────────────────────────────────────────────────

export async function replaceOrganizationDistricts(db: Db, municipalityId: string, organizationId: string, districtIds: string[]) {
  await db.deleteFrom('organization_district').where('organization_id', '=', organizationId).execute();
  if (!districtIds.length) return;
  await db
    .insertInto('organization_district')
    .values(districtIds.map((districtId) => ({ organization_id: organizationId, municipality_id: municipalityId, district_id: districtId })))
    .execute();
}

export async function listDistrictsOfOrganizations(db: Db, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .selectFrom('organization_district as od')
    .innerJoin('district as d', 'd.id', 'od.district_id')
    .select(['od.organization_id', 'd.id', 'd.name', 'd.name_en', 'd.sort_order'])
    .where('od.organization_id', 'in', organizationIds)
    .orderBy('d.sort_order')
    .orderBy('d.name')
    .execute();
}

/** The districts of this municipality among the given ids (active ones only). */
export async function findActiveDistricts(db: Db, municipalityId: string, districtIds: string[]) {
  if (!districtIds.length) return [];
  return db
    .selectFrom('district')
    .select(['id'])
    .where('municipality_id', '=', municipalityId)
    .where('is_active', '=', true)
    .where('id', 'in', districtIds)
    .execute();
}

// ── members ─────────────────────────────────────────────────────────────────────────────────

/**
 * The person's membership of an organization, counted only while their org_member role assignment
 * scoped to it is in force today: the assignment is the right to enter, the row holds the org role.
 */
export async function findMembership(db: Db, municipalityId: string, organizationId: string, userId: string, onDate: string) {
  return db
    .selectFrom('organization_member as m')
    .select(['m.organization_id', 'm.user_id', 'm.org_role', 'm.added_at'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.organization_id', '=', organizationId)
    .where('m.user_id', '=', userId)
    .where(activeAssignment(onDate))
    .executeTakeFirst();
}

// The org_member assignment in force today that matches the membership row `m`.
function activeAssignment(onDate: string) {
  return sql<boolean>`exists (
    select 1 from role_assignment ra
    where ra.user_id = m.user_id and ra.municipality_id = m.municipality_id
      and ra.role = 'org_member' and ra.scope_type = 'organization' and ra.scope_id = m.organization_id
      and ra.valid_from <= ${onDate}::date and (ra.valid_to is null or ra.valid_to >= ${onDate}::date))`;
}

/** The organizations a person belongs to here (with the org role), by name. */
export async function listMembershipsOf(db: Db, municipalityId: string, userId: string, onDate: string) {
  return db
    .selectFrom('organization_member as m')
    .innerJoin('organization', 'organization.id', 'm.organization_id')
    .select(['organization.id', 'organization.name', 'organization.type', 'organization.status', 'organization.suspended_at', 'm.org_role'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.user_id', '=', userId)
    .where(activeAssignment(onDate))
    .orderBy('organization.name_kana')
    .orderBy('organization.id')
    .execute();
}

export async function listMembers(db: Db, municipalityId: string, organizationId: string) {
  return db
    .selectFrom('organization_member as m')
    .innerJoin('user as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.org_role', 'm.added_at', 'u.name', 'u.email'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.organization_id', '=', organizationId)
    .orderBy(sql`case m.org_role when 'owner' then 0 when 'editor' then 1 else 2 end`)
    .orderBy('u.name')
    .execute();
}

export async function countOwners(db: Db, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('organization_member')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organization_id', '=', organizationId)
    .where('org_role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function upsertMember(db: Db, row: { organizationId: string; userId: string; municipalityId: string; orgRole: string }) {
  await db
    .insertInto('organization_member')
    .values({ organization_id: row.organizationId, user_id: row.userId, municipality_id: row.municipalityId, org_role: row.orgRole })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ org_role: row.orgRole }))
    .execute();
}

export async function setMemberRole(db: Db, organizationId: string, userId: string, orgRole: string): Promise<number> {
  const result = await db
    .updateTable('organization_member')
    .set({ org_role: orgRole })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteMember(db: Db, organizationId: string, userId: string): Promise<number> {
  const result = await db.deleteFrom('organization_member').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findActiveOrgAssignment(db: Db, municipalityId: string, organizationId: string, userId: string, onDate: string) {
  return db
    .selectFrom('role_assignment')
    .select(['id'])
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('role', '=', 'org_member')
    .where('scope_type', '=', 'organization')
    .where('scope_id', '=', organizationId)
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .executeTakeFirst();
}

/**
 * Ends the person's org_member assignments for this organization at once (last day: yesterday; one
 * that has not started is cancelled). The rows stay as history.
 */
export async function endOrgAssignments(db: Db, municipalityId: string, organizationId: string, userId: string, onDate: string): Promise<string[]> {
  const rows = await db
    .updateTable('role_assignment')
    .set({ valid_to: sql<string>`greatest(valid_from, ${onDate}::date) - 1` })
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('role', '=', 'org_member')
    .where('scope_type', '=', 'organization')
    .where('scope_id', '=', organizationId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The owners' addresses, for telling them about the registration. */
export async function listOwnerEmails(db: Db, organizationId: string) {
  const rows = await db
    .selectFrom('organization_member as m')
    .innerJoin('user as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name'])
    .where('m.organization_id', '=', organizationId)
    .where('m.org_role', '=', 'owner')
    .execute();
  return rows;
}

export async function findUserEmail(db: Db, userId: string) {
  return db.selectFrom('user').select(['email', 'name']).where('id', '=', userId).executeTakeFirst();
}

// ── invitations ────────────────────────────────────────────────────────────────────────────

export async function insertInvitation(
  db: Db,
  row: { municipalityId: string; organizationId: string; email: string; orgRole: string; tokenHash: string; invitedBy: string; expiresAt: Date }
) {
  return db
    .insertInto('organization_invitation')
    .values({
      municipality_id: row.municipalityId,
      organization_id: row.organizationId,
      email: row.email,
      org_role: row.orgRole,
      token_hash: row.tokenHash,
      invited_by: row.invitedBy,
      expires_at: row.expiresAt
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listPendingInvitations(db: Db, organizationId: string, at: Date) {
  return db
    .selectFrom('organization_invitation')
    .select(['id', 'email', 'org_role', 'created_at', 'expires_at'])
    .where('organization_id', '=', organizationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('created_at')
    .execute();
}

export async function revokeInvitation(db: Db, invitationId: string, organizationId: string): Promise<number> {
  const result = await db
    .updateTable('organization_invitation')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', invitationId)
    .where('organization_id', '=', organizationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Invitations a person sent stop working when they leave or are removed. */
export async function revokeInvitationsSentBy(db: Db, organizationId: string, userId: string) {
  await db
    .updateTable('organization_invitation')
    .set({ revoked_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('invited_by', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('organization_invitation as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .leftJoin('user as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.municipality_id',
      'i.organization_id',
      'i.email',
      'i.org_role',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'o.name as organization_name',
      'u.name as inviter_name'
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Db, invitationId: string, userId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('organization_invitation')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ── reviews (the registration's history) ─────────────────────────────────────────────────────

export async function insertReview(db: Db, row: { municipalityId: string; organizationId: string; action: string; message?: string; actorUserId: string | null; at?: Date }) {
  await db
    .insertInto('organization_review')
    .values({
      municipality_id: row.municipalityId,
      organization_id: row.organizationId,
      action: row.action,
      message: row.message ?? '',
      actor_user_id: row.actorUserId,
      ...(row.at ? { at: row.at } : {})
    })
    .execute();
}

export async function listReviews(db: Db, organizationId: string) {
  return db
    .selectFrom('organization_review')
    .select(['id', 'action', 'message', 'at'])
    .where('organization_id', '=', organizationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

// ── staff lists ────────────────────────────────────────────────────────────────────────────

/** Organizations for staff: waiting ones first (oldest submission first), then the rest by name. */
export async function listOrganizationsForStaff(db: Db, municipalityId: string, filter: { status?: string; suspended?: boolean }) {
  let query = db
    .selectFrom('organization')
    .select(['id', 'name', 'name_kana', 'type', 'is_official', 'status', 'submitted_at', 'verified_at', 'suspended_at'])
    .where('municipality_id', '=', municipalityId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.suspended) query = query.where('suspended_at', 'is not', null);
  return query
    .orderBy(sql`case status when 'pending' then 0 when 'needs_info' then 1 else 2 end`)
    .orderBy(sql`case when status in ('pending', 'needs_info') then submitted_at end`)
    .orderBy('name_kana')
    .orderBy('id')
    .execute();
}

// ── public directory ───────────────────────────────────────────────────────────────────────

/** A verified, not suspended organization of this municipality, or nothing. */
export async function findPublicOrganization(db: Db, municipalityId: string, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(ORG_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', organizationId)
    .where('status', '=', 'verified')
    .where('suspended_at', 'is', null)
    .executeTakeFirst();
}

/** One page of the public directory, by kana then id, after the cursor. */
export async function listPublicOrganizations(
  db: Db,
  municipalityId: string,
  filter: { type?: string; districtId?: string; after?: { nameKana: string; id: string }; limit: number }
) {
  let query = db
    .selectFrom('organization')
    .select(ORG_COLUMNS)
    .where('organization.municipality_id', '=', municipalityId)
    .where('organization.status', '=', 'verified')
    .where('organization.suspended_at', 'is', null);
  if (filter.type) query = query.where('organization.type', '=', filter.type);
  if (filter.districtId) {
    const districtId = filter.districtId;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('organization_district as od').select('od.district_id').whereRef('od.organization_id', '=', 'organization.id').where('od.district_id', '=', districtId))
    );
  }
  if (filter.after) {
    const after = filter.after;
    query = query.where((eb) =>
      eb.or([eb('organization.name_kana', '>', after.nameKana), eb.and([eb('organization.name_kana', '=', after.nameKana), eb('organization.id', '>', after.id)])])
    );
  }
  return query.orderBy('organization.name_kana').orderBy('organization.id').limit(filter.limit).execute();
}

// ── statistics ─────────────────────────────────────────────────────────────────────────────

/** Organizations verified between two instants, by type and Tokyo month (YYYY-MM). */
export async function countVerifiedByTypeAndMonth(db: Db, municipalityId: string, from: Date, to: Date) {
  return db
    .selectFrom('organization')
    .select([
      'type',
      sql<string>`to_char(verified_at at time zone 'Asia/Tokyo', 'YYYY-MM')`.as('month'),
      sql<number>`count(*)::int`.as('n')
    ])
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'verified')
    .where('verified_at', '>=', from)
    .where('verified_at', '<', to)
    .groupBy(['type', sql`to_char(verified_at at time zone 'Asia/Tokyo', 'YYYY-MM')`])
    .execute();
}

/** Registered (verified) organizations by type as of an instant. */
export async function countVerifiedByTypeBefore(db: Db, municipalityId: string, before: Date) {
  return db
    .selectFrom('organization')
    .select(['type', sql<number>`count(*)::int`.as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'verified')
    .where('verified_at', '<', before)
    .groupBy('type')
    .execute();
}

export async function findDepartmentByCode(db: Db, municipalityId: string, code: string) {
  return db.selectFrom('department').select(['code', 'name', 'name_en']).where('municipality_id', '=', municipalityId).where('code', '=', code).executeTakeFirst();
}

// ── an owner's account deletion ────────────────────────────────────────────────────────────────

/** Organizations in which this person is the only owner, with how many other people belong to each. */
export async function listOrganizationsOnlyOwnedBy(db: Db, municipalityId: string, userId: string) {
  return db
    .selectFrom('organization as o')
    .innerJoin('organization_member as m', (join) =>
      join.onRef('m.organization_id', '=', 'o.id').on('m.user_id', '=', userId).on('m.org_role', '=', 'owner')
    )
    .select(['o.id', 'o.name', 'o.suspended_at'])
    .select((eb) =>
      eb
        .selectFrom('organization_member as others')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('others.organization_id', '=', 'o.id')
        .where('others.user_id', '<>', userId)
        .as('other_members')
    )
    .where('o.municipality_id', '=', municipalityId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('organization_member as co')
            .select('co.user_id')
            .whereRef('co.organization_id', '=', 'o.id')
            .where('co.org_role', '=', 'owner')
            .where('co.user_id', '<>', userId)
        )
      )
    )
    .orderBy('o.name')
    .execute();
}
