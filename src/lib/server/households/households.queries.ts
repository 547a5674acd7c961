import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** The household a person is an active guardian of, within one municipality. */
export async function findActiveHouseholdOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('household_guardian as g')
    .innerJoin('household as h', 'h.id', 'g.household_id')
    .innerJoin('district as d', (join) => join.onRef('d.id', '=', 'h.district_id').onRef('d.municipality_id', '=', 'h.municipality_id'))
    .select(['h.id', 'h.municipality_id', 'h.district_id', 'h.created_at', 'd.name as district_name', 'd.name_en as district_name_en', 'g.added_at'])
    .where('g.user_id', '=', userId)
    .where('g.removed_at', 'is', null)
    .where('h.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Every household (any municipality) the person is still an active guardian of. */
export async function listActiveMembershipsOf(db: Db, userId: string) {
  return db
    .selectFrom('household_guardian')
    .select(['household_id', 'municipality_id'])
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .execute();
}

export async function insertHousehold(db: Db, row: { municipalityId: string; districtId: string }) {
  return db
    .insertInto('household')
    .values({ municipality_id: row.municipalityId, district_id: row.districtId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateHouseholdDistrict(db: Db, householdId: string, municipalityId: string, districtId: string) {
  await db
    .updateTable('household')
    .set({ district_id: districtId, updated_at: sql`now()` })
    .where('id', '=', householdId)
    .where('municipality_id', '=', municipalityId)
    .execute();
}

export async function deleteHousehold(db: Db, householdId: string) {
  await db.deleteFrom('household').where('id', '=', householdId).execute();
}

/** Adds a guardian, or gives a previously removed one access again. */
export async function upsertGuardian(db: Db, row: { householdId: string; userId: string; municipalityId: string }) {
  await db
    .insertInto('household_guardian')
    .values({ household_id: row.householdId, user_id: row.userId, municipality_id: row.municipalityId, removed_at: null, removed_by: null })
    .onConflict((oc) => oc.columns(['household_id', 'user_id']).doUpdateSet({ removed_at: null, removed_by: null, added_at: sql`now()` }))
    .execute();
}

export async function listActiveGuardians(db: Db, householdId: string) {
  return db
    .selectFrom('household_guardian as g')
    .innerJoin('user as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'u.name', 'g.added_at'])
    .where('g.household_id', '=', householdId)
    .where('g.removed_at', 'is', null)
    .orderBy('g.added_at')
    .execute();
}

export async function markGuardianRemoved(db: Db, householdId: string, userId: string, removedBy: string) {
  const result = await db
    .updateTable('household_guardian')
    .set({ removed_at: sql`now()`, removed_by: removedBy })
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Locks the household row so that guardians leaving at the same time cannot both be "not the last". */
export async function lockHousehold(db: Db, householdId: string) {
  await sql`select id from household where id = ${householdId} for update`.execute(db);
}

export async function countActiveGuardians(db: Db, householdId: string): Promise<number> {
  const row = await db
    .selectFrom('household_guardian')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('household_id', '=', householdId)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ── children ────────────────────────────────────────────────────────────────────────────────────

const childColumns = ['id', 'name', 'birth_date', 'sex', 'created_at', 'updated_at'] as const;

export async function listChildren(db: Db, householdId: string, municipalityId: string) {
  return db
    .selectFrom('child')
    .select(childColumns)
    .where('household_id', '=', householdId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('birth_date')
    .orderBy('created_at')
    .execute();
}

/** A child, only when it belongs to this household in this municipality. */
export async function findChildInHousehold(db: Db, childId: string, householdId: string, municipalityId: string) {
  return db
    .selectFrom('child')
    .select(childColumns)
    .where('id', '=', childId)
    .where('household_id', '=', householdId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function insertChild(
  db: Db,
  row: { municipalityId: string; householdId: string; name: string; birthDate: string; sex: 'female' | 'male' | null; createdBy: string }
) {
  return db
    .insertInto('child')
    .values({
      municipality_id: row.municipalityId,
      household_id: row.householdId,
      name: row.name,
      birth_date: row.birthDate,
      sex: row.sex,
      created_by: row.createdBy
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateChild(
  db: Db,
  childId: string,
  householdId: string,
  row: { name: string; birthDate: string; sex: 'female' | 'male' | null }
) {
  await db
    .updateTable('child')
    .set({ name: row.name, birth_date: row.birthDate, sex: row.sex, updated_at: sql`now()` })
    .where('id', '=', childId)
    .where('household_id', '=', householdId)
    .execute();
}

export async function deleteChild(db: Db, childId: string, householdId: string) {
  await db.deleteFrom('child').where('id', '=', childId).where('household_id', '=', householdId).execute();
}

// ── pregnancies ─────────────────────────────────────────────────────────────────────────────────

const pregnancyColumns = ['id', 'due_date', 'fetus_count', 'outcome', 'outcome_date', 'created_at', 'updated_at'] as const;

export async function listPregnancies(db: Db, householdId: string, municipalityId: string) {
  return db
    .selectFrom('pregnancy')
    .select(pregnancyColumns)
    .where('household_id', '=', householdId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('due_date', 'desc')
    .execute();
}

export async function findPregnancyInHousehold(db: Db, pregnancyId: string, householdId: string, municipalityId: string) {
  return db
    .selectFrom('pregnancy')
    .select(pregnancyColumns)
    .where('id', '=', pregnancyId)
    .where('household_id', '=', householdId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function insertPregnancy(
  db: Db,
  row: { municipalityId: string; householdId: string; dueDate: string; fetusCount: number; createdBy: string }
) {
  return db
    .insertInto('pregnancy')
    .values({
      municipality_id: row.municipalityId,
      household_id: row.householdId,
      due_date: row.dueDate,
      fetus_count: row.fetusCount,
      outcome: null,
      outcome_date: null,
      created_by: row.createdBy
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePregnancy(db: Db, pregnancyId: string, householdId: string, row: { dueDate: string; fetusCount: number }) {
  await db
    .updateTable('pregnancy')
    .set({ due_date: row.dueDate, fetus_count: row.fetusCount, updated_at: sql`now()` })
    .where('id', '=', pregnancyId)
    .where('household_id', '=', householdId)
    .execute();
}

export async function setPregnancyOutcome(
  db: Db,
  pregnancyId: string,
  householdId: string,
  row: { outcome: 'birth' | 'loss' | 'moved_away' | null; outcomeDate: string | null }
) {
  await db
    .updateTable('pregnancy')
    .set({ outcome: row.outcome, outcome_date: row.outcomeDate, updated_at: sql`now()` })
    .where('id', '=', pregnancyId)
    .where('household_id', '=', householdId)
    .execute();
}

export async function deletePregnancy(db: Db, pregnancyId: string, householdId: string) {
  await db.deleteFrom('pregnancy').where('id', '=', pregnancyId).where('household_id', '=', householdId).execute();
}

/** Who entered a record is kept as a user id; when that person deletes their data it is forgotten. */
export async function forgetCreator(db: Db, userId: string) {
  await db.updateTable('child').set({ created_by: null }).where('created_by', '=', userId).execute();
  await db.updateTable('pregnancy').set({ created_by: null }).where('created_by', '=', userId).execute();
}

// ── invitations ─────────────────────────────────────────────────────────────────────────────────

export async function insertInvitation(
  db: Db,
  row: { municipalityId: string; householdId: string; email: string; tokenHash: string; invitedBy: string; expiresAt: Date }
) {
  return db
    .insertInto('household_invitation')
    .values({
      municipality_id: row.municipalityId,
      household_id: row.householdId,
      email: row.email,
      token_hash: row.tokenHash,
      invited_by: row.invitedBy,
      expires_at: row.expiresAt,
      accepted_at: null,
      accepted_by: null,
      revoked_at: null
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listPendingInvitations(db: Db, householdId: string, at: Date) {
  return db
    .selectFrom('household_invitation')
    .select(['id', 'email', 'created_at', 'expires_at', 'invited_by'])
    .where('household_id', '=', householdId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('created_at')
    .execute();
}

export async function listInvitationsSentBy(db: Db, householdId: string, userId: string) {
  return db
    .selectFrom('household_invitation')
    .select(['email', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('household_id', '=', householdId)
    .where('invited_by', '=', userId)
    .orderBy('created_at')
    .execute();
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('household_invitation as i')
    .innerJoin('household as h', 'h.id', 'i.household_id')
    .leftJoin('user as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.municipality_id',
      'i.household_id',
      'i.email',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'i.invited_by',
      'u.name as inviter_name'
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findPendingInvitation(db: Db, invitationId: string, householdId: string, at: Date) {
  return db
    .selectFrom('household_invitation')
    .select(['id', 'email'])
    .where('id', '=', invitationId)
    .where('household_id', '=', householdId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
}

export async function revokeInvitation(db: Db, invitationId: string, householdId: string) {
  await db
    .updateTable('household_invitation')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', invitationId)
    .where('household_id', '=', householdId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** When a guardian loses access, the invitations they sent stop working too. */
export async function revokeInvitationsSentBy(db: Db, householdId: string, userId: string) {
  await db
    .updateTable('household_invitation')
    .set({ revoked_at: sql`now()` })
    .where('household_id', '=', householdId)
    .where('invited_by', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Marks the invitation used; false when someone else used (or it was revoked) in the meantime. */
export async function markInvitationAccepted(db: Db, invitationId: string, userId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('household_invitation')
    .set({ accepted_at: sql`now()`, accepted_by: userId })
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findUserEmail(db: Db, userId: string) {
  return db.selectFrom('user').select(['email', 'name']).where('id', '=', userId).executeTakeFirst();
}

// ── summaries ───────────────────────────────────────────────────────────────────────────────────

export async function listHouseholdSummaries(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('household_guardian as g')
    .innerJoin('household as h', 'h.id', 'g.household_id')
    .innerJoin('district as d', (join) => join.onRef('d.id', '=', 'h.district_id').onRef('d.municipality_id', '=', 'h.municipality_id'))
    .select((eb) => [
      'h.id',
      'h.district_id',
      'd.name as district_name',
      eb.selectFrom('child').select(sql<number>`count(*)::int`.as('n')).whereRef('child.household_id', '=', 'h.id').as('children'),
      eb
        .selectFrom('pregnancy')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('pregnancy.household_id', '=', 'h.id')
        .where('pregnancy.outcome', 'is', null)
        .as('pregnancies')
    ])
    .where('g.user_id', '=', userId)
    .where('g.removed_at', 'is', null)
    .where('h.municipality_id', '=', municipalityId)
    .execute();
}

/** PostgreSQL's unique_violation on a named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && e.constraint === constraint;
}
