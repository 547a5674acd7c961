import type { Db } from '../../db/database.ts';

export async function listSubscriptionsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('push_subscription')
    .select(['endpoint', 'user_agent', 'created_at', 'last_success_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .execute();
}
