import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface SubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string;
  created_at: Date;
  last_success_at: Date | null;
}

/** Serialises one person's subscription changes (the per-person limit holds under concurrency). */
export async function lockPersonSubscriptions(db: Db, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`push_subscription:${userId}`}, 0))`.execute(db);
}

export async function findSubscriptionByEndpoint(db: Db, endpoint: string) {
  return db.selectFrom('push_subscription').select(['id', 'user_id', 'municipality_id']).where('endpoint', '=', endpoint).executeTakeFirst();
}

export async function insertSubscription(
  db: Db,
  row: { municipalityId: string; userId: string; endpoint: string; p256dh: string; auth: string; userAgent: string }
): Promise<string> {
  const inserted = await db
    .insertInto('push_subscription')
    .values({ municipality_id: row.municipalityId, user_id: row.userId, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth, user_agent: row.userAgent })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The same browser subscribing again (keys may have been rotated by the browser). */
export async function updateSubscriptionKeys(db: Db, id: string, row: { p256dh: string; auth: string; userAgent: string }) {
  await db.updateTable('push_subscription').set({ p256dh: row.p256dh, auth: row.auth, user_agent: row.userAgent }).where('id', '=', id).execute();
}

export async function countSubscriptionsOf(db: Db, userId: string, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('push_subscription')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Removes the person's least recently working subscriptions beyond `keep` (most likely dead devices). */
export async function deleteOldestSubscriptionsBeyond(db: Db, userId: string, municipalityId: string, keep: number): Promise<number> {
  const stale = await db
    .selectFrom('push_subscription')
    .select('id')
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy(sql`coalesce(last_success_at, created_at)`, 'desc')
    .orderBy('id')
    .offset(keep)
    .limit(1000)
    .execute();
  if (!stale.length) return 0;
  const result = await db.deleteFrom('push_subscription').where('id', 'in', stale.map((r) => r.id)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSubscriptionOf(db: Db, userId: string, municipalityId: string, endpoint: string): Promise<string | undefined> {
  const row = await db
    .deleteFrom('push_subscription')
    .where('endpoint', '=', endpoint)
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function listSubscriptionsOf(db: Db, userId: string, municipalityId: string): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('push_subscription')
    .select(['id', 'endpoint', 'p256dh', 'auth', 'user_agent', 'created_at', 'last_success_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A push service said the subscription is gone (404/410): it will never work again. */
export async function deleteSubscriptionById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('push_subscription').where('id', '=', id).execute();
}

export async function markSubscriptionSucceeded(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('push_subscription').set({ last_success_at: at }).where('id', '=', id).execute();
}
