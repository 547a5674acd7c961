import { createHash, randomBytes } from 'node:crypto';
import type { App } from '../app.ts';
import { listHeldBookings, type HeldBooking } from '../bookings/index.ts';
import { getTimeline } from '../guidance/index.ts';
import { listHouseholdSummariesForPerson, type PersonActor } from '../households/index.ts';
import { findPreferredLanguage } from '../people/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { buildCalendar, type FeedBooking, type FeedItem } from './calendar-ics.ts';
import { calendarErrors } from './calendar.errors.ts';
import { findActiveFeedByHash, findActiveFeedOf, insertFeed, lockFeedsOf, markFeedFetched, revokeActiveFeeds } from './calendar.queries.ts';
import { feedOptionsSchema, tokenSchema } from './calendar.schemas.ts';

type Locale = 'ja' | 'en' | 'ja-x-easy';

export interface CalendarSettings {
  hasHousehold: boolean;
  feed: { createdAt: Date; lastFetchedAt: Date | null; includeNames: boolean; includePregnancy: boolean } | null;
}

const isGuardian = async (app: App, actor: PersonActor) => (await listHouseholdSummariesForPerson(app, actor.userId, actor.municipalityId)).length > 0;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The path of a feed; the token is the whole secret. */
export const feedPath = (token: string) => `/api/v1/calendar/${token}.ics`;

/** Whether the person has an active calendar link (never the link itself: it is shown only once). */
export async function getCalendarSettings(app: App, actor: PersonActor): Promise<CalendarSettings> {
  const db = app.database.db;
  const hasHousehold = await isGuardian(app, actor);
  const feed = await findActiveFeedOf(db, actor.userId, actor.municipalityId);
  return {
    hasHousehold,
    feed: feed ? { createdAt: feed.created_at, lastFetchedAt: feed.last_fetched_at, includeNames: feed.include_names, includePregnancy: feed.include_pregnancy } : null
  };
}

/**
 * Creates the person's secret calendar link with what they chose to include, revoking any earlier link in
 * the same transaction (so "regenerate" is this call). Returns the token once; only its hash is stored.
 */
export async function createCalendarFeed(app: App, actor: PersonActor, input: Record<string, unknown>): Promise<Result<{ token: string; path: string }>> {
  if (!(await isGuardian(app, actor))) return failure(calendarErrors.noHousehold);
  const options = feedOptionsSchema.parse(input);
  const token = randomBytes(32).toString('base64url');
  await app.database.db.transaction().execute(async (trx) => {
    await lockFeedsOf(trx, actor.userId, actor.municipalityId);
    await revokeActiveFeeds(trx, actor.userId, actor.municipalityId);
    const { id } = await insertFeed(trx, { municipalityId: actor.municipalityId, userId: actor.userId, tokenHash: hashToken(token), ...options });
    await writeAudit(trx, actor, { action: 'calendar.create_feed', recordType: 'calendar_feed', recordId: id });
  });
  return ok({ token, path: feedPath(token) });
}

/** Revokes the person's calendar link: from now on it answers 404. */
export async function revokeCalendarFeed(app: App, actor: PersonActor): Promise<Result<{ revoked: true }>> {
  const revoked = await app.database.db.transaction().execute(async (trx) => {
    await lockFeedsOf(trx, actor.userId, actor.municipalityId);
    const count = await revokeActiveFeeds(trx, actor.userId, actor.municipalityId);
    if (count > 0) await writeAudit(trx, actor, { action: 'calendar.revoke_feed', recordType: 'calendar_feed' });
    return count;
  });
  return revoked > 0 ? ok({ revoked: true }) : failure(calendarErrors.nothingToRevoke);
}

const STATUS_PREFIX = {
  pending: m.calendar_booking_pending,
  offered: m.calendar_booking_offered,
  waitlisted: m.calendar_booking_waitlisted
};

function bookingSummary(status: HeldBooking['status'], service: string, place: string, locale: Locale): string {
  const prefix = status === 'confirmed' ? '' : `${STATUS_PREFIX[status]({}, { locale })} `;
  return `${prefix}${service}（${place}）`;
}

/**
 * The feed behind a secret token: the household's open timeline windows (due, coming up, overdue) and its
 * bookings that hold or wait for a seat, in the person's language. Child names and pregnancy items only when
 * the person chose them. Undefined (404) for an unknown, malformed or revoked token, or without a household.
 * Reading pregnancy items is an audited read, as on the timeline page.
 */
export async function renderCalendarFeed(app: App, token: string, context: { origin: string; requestId?: string; address?: string }): Promise<string | undefined> {
  if (!tokenSchema.safeParse(token).success) return undefined;
  const db = app.database.db;
  const feed = await findActiveFeedByHash(db, hashToken(token));
  if (!feed) return undefined;
  const actor: PersonActor = { userId: feed.user_id, municipalityId: feed.municipality_id, requestId: context.requestId, address: context.address };
  const language = await findPreferredLanguage(app, feed.user_id);
  const locale: Locale = language === 'en' || language === 'ja-x-easy' ? language : 'ja';
  const timeline = await getTimeline(app, actor, locale);
  if (!timeline) return undefined;
  const open = new Set(['due', 'upcoming', 'overdue']);
  const items: FeedItem[] = [];
  for (const { child, items: childItems } of timeline.children) {
    for (const i of childItems.filter((x) => open.has(x.status))) {
      items.push({ subjectType: 'child', subjectId: i.subjectId, ruleKey: i.ruleKey, occurrence: i.occurrence, title: i.text.title, childName: feed.include_names ? child.name : null, windowStart: i.windowStart, windowEnd: i.windowEnd });
    }
  }
  if (feed.include_pregnancy) {
    for (const { items: pregnancyItems } of timeline.pregnancies) {
      for (const i of pregnancyItems.filter((x) => open.has(x.status))) {
        items.push({ subjectType: 'pregnancy', subjectId: i.subjectId, ruleKey: i.ruleKey, occurrence: i.occurrence, title: i.text.title, childName: null, windowStart: i.windowStart, windowEnd: i.windowEnd });
      }
    }
  }
  const at = now();
  const held = await listHeldBookings(app, actor, new Date(at.getTime() - 30 * 24 * 3600 * 1000));
  const bookings: FeedBooking[] = held.map((b) => ({
    id: b.id,
    summary: bookingSummary(b.status, b.serviceName, b.placeName, locale),
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    location: [b.placeName, b.placeAddress].filter(Boolean).join(' ')
  }));
  await markFeedFetched(db, feed.id);
  return buildCalendar({
    items,
    bookings,
    labels: { calendarName: m.calendar_feed_name({}, { locale }), itemDescription: m.calendar_feed_item_description({}, { locale }) },
    stamp: at,
    timelineUrl: `${context.origin}/timeline`
  });
}
