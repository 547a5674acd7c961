import type { Db } from '../db/database.ts';

export async function listFeedsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('calendar_feed')
    .select(['created_at', 'revoked_at', 'last_fetched_at', 'include_names', 'include_pregnancy'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .execute();
}
