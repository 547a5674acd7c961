import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export async function findActiveFeedOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('calendar_feed')
    .select(['id', 'include_names', 'include_pregnancy', 'created_at', 'last_fetched_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function findActiveFeedByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feed')
    .select(['id', 'user_id', 'municipality_id', 'include_names', 'include_pregnancy'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Revokes the person's active feed, if any; returns how many were revoked (0 or 1). */
export async function revokeActiveFeeds(db: Db, userId: string, municipalityId: string): Promise<number> {
  const result = await db
    .updateTable('calendar_feed')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertFeed(db: Db, row: { municipalityId: string; userId: string; tokenHash: string; includeNames: boolean; includePregnancy: boolean }) {
  return db
    .insertInto('calendar_feed')
    .values({ municipality_id: row.municipalityId, user_id: row.userId, token_hash: row.tokenHash, include_names: row.includeNames, include_pregnancy: row.includePregnancy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function markFeedFetched(db: Db, feedId: string): Promise<void> {
  await db.updateTable('calendar_feed').set({ last_fetched_at: sql`now()` }).where('id', '=', feedId).execute();
}

/** Serialises link changes of one person, so two clicks never leave two active links. */
export async function lockFeedsOf(db: Db, userId: string, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`calendar_feed:${municipalityId}:${userId}`}))`.execute(db);
}
