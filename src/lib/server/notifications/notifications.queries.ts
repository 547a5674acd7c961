import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DeliveryChannel } from './notifications.table.ts';

// ── sending: one statement writes the notices and their deliveries ───────────────────────────────

/**
 * Inserts the notifications that `rows` selects (columns municipality_id, user_id, source, source_key,
 * title, body, link, locale, channels text[] | null) and one pending delivery per external channel the
 * person allows and the sender asked for (null = every channel). Idempotent on (user, source, source_key):
 * an existing notice is left as it was and gets no new delivery. Returns the new notices' ids.
 */
export async function insertNotifications(db: Db, rows: RawBuilder<unknown>, at: Date): Promise<{ id: string; user_id: string }[]> {
  const result = await sql<{ id: string; user_id: string }>`
    with candidate as (
      select distinct on (s.user_id, s.source, s.source_key) s.* from (${rows}) s
    ),
    inserted as (
      insert into notification (municipality_id, user_id, source, source_key, title, body, link, locale, created_at)
      select municipality_id, user_id, source, source_key, title, body, link, locale, ${at}::timestamptz from candidate
      on conflict (user_id, source, source_key) do nothing
      returning id, user_id, source, source_key
    ),
    deliveries as (
      insert into notification_delivery (notification_id, channel, stable_id, next_attempt_at, created_at)
      select i.id, ch.channel,
             case ch.channel when 'email' then i.id::text || '.email' else replace(i.id::text, '-', '') end,
             ${at}::timestamptz, ${at}::timestamptz
      from inserted i
      join candidate c on c.user_id = i.user_id and c.source = i.source and c.source_key = i.source_key
      left join person_profile pp on pp.user_id = i.user_id
      cross join (values ('email'), ('push')) as ch(channel)
      -- Without a profile row yet, the profile's defaults: email on, push off.
      where ((ch.channel = 'email' and coalesce(pp.notify_email, true)) or (ch.channel = 'push' and coalesce(pp.notify_push, false)))
        and (c.channels is null or ch.channel = any(c.channels))
      returning notification_id
    )
    select id, user_id from inserted`.execute(db);
  return result.rows;
}

/** One notice as a one-row select for `insertNotifications`. */
export function oneNotificationRow(row: {
  municipalityId: string;
  userId: string;
  source: string;
  sourceKey: string;
  title: string;
  body: string;
  link: string;
  locale: string;
  channels: readonly DeliveryChannel[] | null;
}): RawBuilder<unknown> {
  const channels =
    row.channels === null ? sql`null::text[]` : row.channels.length === 0 ? sql`'{}'::text[]` : sql`array[${sql.join(row.channels.map((c) => sql`${c}`))}]::text[]`;
  return sql`select ${row.municipalityId}::uuid as municipality_id, ${row.userId}::text as user_id, ${row.source}::text as source,
    ${row.sourceKey}::text as source_key, ${row.title}::text as title, ${row.body}::text as body, ${row.link}::text as link,
    ${row.locale}::text as locale, ${channels} as channels`;
}

export async function findLanguageOf(db: Db, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('person_profile').select('language').where('user_id', '=', userId).executeTakeFirst();
  return row?.language;
}

/** The person's verified e-mail address, if any. */
export async function findEmailAddress(db: Db, userId: string): Promise<string | undefined> {
  // Only a verified address: never mail someone who may not own it.
  const row = await db.selectFrom('user').select('email').where('id', '=', userId).where('emailVerified', '=', true).executeTakeFirst();
  return row?.email;
}

// ── the inbox ─────────────────────────────────────────────────────────────────────────────────────

export async function listNotificationsOf(db: Db, userId: string, municipalityId: string, limit: number) {
  return db
    .selectFrom('notification')
    .select(['id', 'source', 'title', 'body', 'link', 'created_at', 'opened_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countUnreadOf(db: Db, userId: string, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('opened_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the person's own notice opened (the first time only) and returns where it leads. */
export async function markOpened(db: Db, userId: string, municipalityId: string, id: string, at: Date) {
  return db
    .updateTable('notification')
    .set({ opened_at: sql<Date>`coalesce(opened_at, ${at})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .returning(['id', 'link'])
    .executeTakeFirst();
}

// ── the outbox ────────────────────────────────────────────────────────────────────────────────────

export interface DueDelivery {
  id: string;
  channel: DeliveryChannel;
  attempts: number;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

/**
 * Locks up to `limit` pending deliveries that are due, skipping rows another worker holds. Must run
 * inside a transaction; the caller leases or postpones each row before committing.
 */
export async function lockDueDeliveries(
  db: Db,
  options: { now: Date; channels: readonly DeliveryChannel[]; limit: number; notificationIds?: readonly string[]; userIds?: readonly string[]; source?: string }
): Promise<DueDelivery[]> {
  if (options.channels.length === 0) return [];
  let query = db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .leftJoin('person_profile as pp', 'pp.user_id', 'n.user_id')
    .select(['d.id', 'd.channel', 'd.attempts', 'pp.quiet_hours_start', 'pp.quiet_hours_end'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', options.now)
    .where('d.channel', 'in', [...options.channels]);
  if (options.notificationIds) query = query.where('d.notification_id', 'in', options.notificationIds.length ? [...options.notificationIds] : ['00000000-0000-0000-0000-000000000000']);
  if (options.userIds) query = query.where('n.user_id', 'in', options.userIds.length ? [...options.userIds] : ['']);
  if (options.source) query = query.where('n.source', '=', options.source);
  return query.orderBy('d.next_attempt_at').orderBy('d.id').limit(options.limit).forUpdate('d').skipLocked().execute();
}

/** Takes a delivery for one attempt: counts it and hides it from other workers until `leaseUntil`. */
export async function leaseDelivery(db: Db, id: string, leaseUntil: Date) {
  await db
    .updateTable('notification_delivery')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', '=', id)
    .execute();
}

export async function postponeDelivery(db: Db, id: string, until: Date) {
  await db.updateTable('notification_delivery').set({ next_attempt_at: until }).where('id', '=', id).execute();
}

/** What a channel needs to send a leased delivery. */
export async function findOutgoing(db: Db, deliveryId: string) {
  return db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.channel', 'd.stable_id', 'd.attempts', 'n.id as notification_id', 'n.user_id', 'n.municipality_id', 'n.locale', 'n.title', 'n.body', 'n.link'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function markDeliverySent(db: Db, id: string, at: Date) {
  await db.updateTable('notification_delivery').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).where('status', '=', 'pending').execute();
}

export async function markDeliveryFailed(db: Db, id: string, failure: { error: string; retryAt: Date | null }) {
  await db
    .updateTable('notification_delivery')
    .set(failure.retryAt ? { last_error: failure.error, next_attempt_at: failure.retryAt } : { last_error: failure.error, status: 'dead' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

// ── dead letters (staff) ──────────────────────────────────────────────────────────────────────────

export async function listDeadDeliveries(db: Db, municipalityId: string, limit: number) {
  return db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.channel', 'd.attempts', 'd.last_error', 'd.created_at', 'n.source', 'n.title'])
    .where('d.status', '=', 'dead')
    .where('n.municipality_id', '=', municipalityId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/** Puts a dead delivery of the municipality back in the queue with a fresh count; undefined if none. */
export async function requeueDeadDelivery(db: Db, municipalityId: string, id: string, at: Date) {
  return db
    .updateTable('notification_delivery as d')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at })
    .from('notification as n')
    .whereRef('n.id', '=', 'd.notification_id')
    .where('n.municipality_id', '=', municipalityId)
    .where('d.id', '=', id)
    .where('d.status', '=', 'dead')
    .returning('d.id')
    .executeTakeFirst();
}
