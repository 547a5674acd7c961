import type { RawBuilder } from 'kysely';
import { z } from 'zod';
import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import type { PersonActor } from '../households/index.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { LANGUAGES, type Language } from '../people/index.ts';
import { notificationErrors } from './notifications.errors.ts';
import { countUnreadOf, findLanguageOf, insertNotifications, listNotificationsOf, markOpened, oneNotificationRow } from './notifications.queries.ts';
import type { DeliveryChannel } from './notifications.table.ts';

export const TITLE_MAX = 200;
export const BODY_MAX = 4000;

const inputSchema = z.object({
  municipalityId: z.uuid(),
  userId: z.string().min(1),
  source: z.string().regex(/^[a-z][a-z_]{1,30}$/),
  sourceKey: z.string().min(1).max(200),
  link: z.string().regex(/^\/[^/\\]/).or(z.literal('/'))
});

/** What another domain asks to tell one person. */
export interface NotificationInput {
  municipalityId: string;
  userId: string;
  /** The sending domain: 'forum', 'bookings', 'announcement', … */
  source: string;
  /** The thing's stable identity in the source: the same key never makes a second notice for the person. */
  sourceKey: string;
  /** A path in the app where the person acts on it. */
  link: string;
  /** The texts in the recipient's language (looked up here from their profile; 'ja' without one). */
  render: (locale: Language) => { title: string; body?: string };
  /** External channels wanted, as far as the person allows them; default every channel, [] = inbox only. */
  channels?: readonly DeliveryChannel[];
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Tells one person something: a notice in their inbox, and one pending delivery per external channel
 * they allow. Runs inside the caller's transaction (pass the `trx`), so the notice exists exactly when
 * the caller's change does. Idempotent on (person, source, sourceKey): returns the new notice's id, or
 * null when that notice already existed (nothing is sent again). After commit, call `kickDeliveries` to
 * send at once; the `notifications.deliver` job sends whatever is left.
 */
export async function sendNotification(db: Db, input: NotificationInput): Promise<string | null> {
  const checked = inputSchema.parse(input);
  const stored = await findLanguageOf(db, checked.userId);
  const locale = (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'ja';
  const texts = input.render(locale);
  const rows = await insertNotifications(
    db,
    oneNotificationRow({
      ...checked,
      title: clip(texts.title.trim() || checked.source, TITLE_MAX),
      body: clip(texts.body ?? '', BODY_MAX),
      locale,
      channels: input.channels ?? null
    }),
    now()
  );
  return rows[0]?.id ?? null;
}

/**
 * The set-based form for planners and announcements: `select` must yield the columns municipality_id,
 * user_id, source, source_key, title (≤ 200), body (≤ 4000), link, locale and channels (text[] or null),
 * already rendered in each recipient's language. One statement writes every notice and delivery; rows
 * whose notice exists already are skipped. Returns how many notices were new.
 */
export async function sendNotificationsFromSelect(db: Db, select: RawBuilder<unknown>): Promise<number> {
  return (await insertNotifications(db, select, now())).length;
}

export interface InboxItem {
  id: string;
  source: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  isOpened: boolean;
}

const idSchema = z.uuid();

/** The viewer's own notices, newest first (never anyone else's). */
export async function listInbox(app: App, actor: PersonActor, limit = 100): Promise<InboxItem[]> {
  const rows = await listNotificationsOf(app.database.db, actor.userId, actor.municipalityId, limit);
  return rows.map((r) => ({ id: r.id, source: r.source, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, isOpened: r.opened_at !== null }));
}

/** How many of the viewer's notices are not opened yet (the count in the navigation). */
export async function countUnread(app: App, actor: PersonActor): Promise<number> {
  return countUnreadOf(app.database.db, actor.userId, actor.municipalityId);
}

/**
 * Opens one of the viewer's notices: records the first opening (the KPI "notice opened"; for a guidance
 * notice also its read_at) and returns the path it leads to. Another person's notice is not found.
 */
export async function openNotification(app: App, actor: PersonActor, id: string): Promise<Result<{ link: string }>> {
  if (!idSchema.safeParse(id).success) return failure(notificationErrors.notFound);
  const row = await markOpened(app.database.db, actor.userId, actor.municipalityId, id, now());
  return row ? ok({ link: row.link }) : failure(notificationErrors.notFound);
}
