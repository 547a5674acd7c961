import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export async function insertProfile(db: Db, row: { userId: string; municipalityId: string; language?: string }) {
  await db
    .insertInto('person_profile')
    .values({ user_id: row.userId, municipality_id: row.municipalityId, language: row.language ?? 'ja', quiet_hours_start: null, quiet_hours_end: null })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function findProfile(db: Db, userId: string) {
  return db.selectFrom('person_profile').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('user').select(['id', 'email', 'name', 'emailVerified']).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Db, userId: string) {
  return db.selectFrom('user').select(['id', 'email', 'name', 'emailVerified', 'createdAt']).where('id', '=', userId).executeTakeFirst();
}

export async function markEmailVerified(db: Db, userId: string) {
  await db.updateTable('user').set({ emailVerified: true }).where('id', '=', userId).execute();
}

export async function updateProfileLanguage(db: Db, userId: string, language: string) {
  await db.updateTable('person_profile').set({ language, updated_at: new Date() }).where('user_id', '=', userId).execute();
}

export async function updateProfileNotifyPush(db: Db, userId: string, notifyPush: boolean) {
  await db.updateTable('person_profile').set({ notify_push: notifyPush, updated_at: sql`now()` }).where('user_id', '=', userId).execute();
}

export async function updateProfilePreferences(
  db: Db,
  userId: string,
  row: { language: string; notifyEmail: boolean; notifyPush: boolean; quietHoursStart: string | null; quietHoursEnd: string | null }
) {
  await db
    .updateTable('person_profile')
    .set({
      language: row.language,
      notify_email: row.notifyEmail,
      notify_push: row.notifyPush,
      quiet_hours_start: row.quietHoursStart,
      quiet_hours_end: row.quietHoursEnd,
      updated_at: sql`now()`
    })
    .where('user_id', '=', userId)
    .execute();
}

// ── consents (append-only: a decision is a new row, never an update) ──────────────────────────────

export async function insertConsent(db: Db, row: { municipalityId: string; userId: string; purpose: string; isGranted: boolean; requestId: string | null }) {
  return db
    .insertInto('consent')
    .values({ municipality_id: row.municipalityId, user_id: row.userId, purpose: row.purpose, is_granted: row.isGranted, request_id: row.requestId })
    .returning(['id', 'recorded_at'])
    .executeTakeFirstOrThrow();
}

/** A person's consent history in one municipality, newest first. */
export async function listConsents(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('consent')
    .select(['id', 'purpose', 'is_granted', 'recorded_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Serialises decisions of one person: two clicks at once cannot both see the same "latest". */
export async function lockConsentsOf(db: Db, userId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${'consent:' + userId}))`.execute(db);
}

export async function findLatestConsent(db: Db, userId: string, municipalityId: string, purpose: string) {
  return db
    .selectFrom('consent')
    .select(['is_granted', 'recorded_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('purpose', '=', purpose)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// ── export and deletion ─────────────────────────────────────────────────────────────────────────

export async function listRoleAssignmentsOf(db: Db, userId: string) {
  return db
    .selectFrom('role_assignment')
    .select(['role', 'scope_type', 'scope_id', 'valid_from', 'valid_to', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Session metadata only: never the token. */
export async function listSessionsOf(db: Db, userId: string) {
  return db
    .selectFrom('session')
    .select(['id', 'createdAt', 'updatedAt', 'expiresAt', 'ipAddress', 'userAgent'])
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .execute();
}

/**
 * Deletes the person's account row. The database cascades it to their profile, consents, sessions,
 * sign-in methods (account, two-factor), role assignments and household memberships.
 */
export async function deleteUser(db: Db, userId: string) {
  await sql`delete from verification where value = ${userId}`.execute(db);
  await db.deleteFrom('user').where('id', '=', userId).execute();
}

export async function insertDeletionRecord(db: Db, row: { municipalityId: string; subjectId: string; requestedAt: Date; kept: string }) {
  return db
    .insertInto('deletion_record')
    .values({ municipality_id: row.municipalityId, subject_id: row.subjectId, requested_at: row.requestedAt, kept: row.kept })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findDeletionRecords(db: Db, subjectId: string) {
  return db.selectFrom('deletion_record').selectAll().where('subject_id', '=', subjectId).execute();
}
