import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Role, RoleAssignment } from './roles.ts';

export async function findActiveRoleAssignments(db: Db, userId: string, municipalityId: string, onDate: string): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['id', 'role', 'scope_type', 'scope_id', 'valid_from', 'valid_to'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    scopeType: r.scope_type,
    scopeId: r.scope_id,
    validFrom: r.valid_from,
    validTo: r.valid_to
  }));
}

export async function insertRoleAssignment(
  db: Db,
  row: { municipalityId: string; userId: string; role: Role; scopeType?: string | null; scopeId?: string | null; validFrom: string; validTo?: string | null; grantedBy: string | null }
) {
  return db
    .insertInto('role_assignment')
    .values({
      municipality_id: row.municipalityId,
      user_id: row.userId,
      role: row.role,
      scope_type: row.scopeType ?? null,
      scope_id: row.scopeId ?? null,
      valid_from: row.validFrom,
      valid_to: row.validTo ?? null,
      granted_by: row.grantedBy
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function countRecentFailures(db: Db, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('auth_throttle')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('key', '=', key)
    .where('failed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function recordFailure(db: Db, keys: string[], at: Date): Promise<number[]> {
  if (!keys.length) return [];
  const rows = await db.insertInto('auth_throttle').values(keys.map((key) => ({ key, failed_at: at }))).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function deleteFailures(db: Db, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db.deleteFrom('auth_throttle').where('id', 'in', ids).execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

export async function deleteFailuresBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('auth_throttle').where('failed_at', '<', before).execute();
}

export async function findSessionCreatedAt(db: Db, sessionId: string): Promise<Date | undefined> {
  const row = await db.selectFrom('session').select('createdAt').where('id', '=', sessionId).executeTakeFirst();
  return row?.createdAt;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/**
 * The n-th most recent failure for a key after a moment, or undefined when there are fewer than n.
 * While it exists the key is over its limit; the limit lifts when this failure leaves the window.
 */
export async function findNthRecentFailure(db: Db, key: string, n: number, after: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('auth_throttle')
    .select('failed_at')
    .where('key', '=', key)
    .where('failed_at', '>', after)
    .orderBy('failed_at', 'desc')
    .offset(n - 1)
    .limit(1)
    .executeTakeFirst();
  return row?.failed_at;
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

/** A person's sessions that are still running at `at` and younger than the maximum age. */
export async function listActiveSessionsOfUser(db: Db, userId: string, at: Date, createdAfter: Date): Promise<SessionRow[]> {
  return db
    .selectFrom('session')
    .select(['id', 'createdAt', 'updatedAt', 'expiresAt', 'ipAddress', 'userAgent'])
    .where('userId', '=', userId)
    .where('expiresAt', '>', at)
    .where('createdAt', '>', createdAfter)
    .orderBy('updatedAt', 'desc')
    .execute();
}

/** Deletes one session only if it belongs to the person; returns how many were deleted (0 or 1). */
export async function deleteSessionOfUser(db: Db, userId: string, sessionId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('id', '=', sessionId).where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteOtherSessionsOfUser(db: Db, userId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('userId', '=', userId).where('id', '<>', keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('user').select(['id', 'email', 'emailVerified']).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, userId: string) {
  return db.selectFrom('user').select(['id', 'email', 'emailVerified', 'twoFactorEnabled']).where('id', '=', userId).executeTakeFirst();
}

/** A TOTP secret that was created but not yet confirmed with a code. */
export async function findUnconfirmedTwoFactor(db: Db, userId: string): Promise<{ secret: string } | undefined> {
  return db.selectFrom('twoFactor').select('secret').where('userId', '=', userId).where('verified', '=', false).executeTakeFirst();
}

export async function deleteUnconfirmedTwoFactor(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('twoFactor').where('userId', '=', userId).where('verified', '=', false).execute();
}
