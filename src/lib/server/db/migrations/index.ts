import type { Migration } from 'kysely/migration';
import * as platform from './0001_platform.ts';
import * as households from './0003_households.ts';
import * as admin from './0004_admin.ts';
import * as authThrottleIds from './0005_auth_throttle_ids.ts';
import * as places from './0006_places.ts';
import * as forum from './0008_forum.ts';
import * as guidance from './0009_guidance.ts';
import * as bookings from './0007_bookings.ts';
import * as organizations from './0010_organizations.ts';
import * as placeCount from './0017_place_count_index.ts';
import * as guidanceNoticePerson from './0018_guidance_notice_person.ts';
import * as procedures from './0012_procedures.ts';
import * as pushSubscriptions from './0015_push_subscriptions.ts';
import * as publishing from './0013_publishing.ts';
import * as events from './0014_events.ts';
import * as calendarFeeds from './0016_calendar_feeds.ts';
import * as notifications from './0011_notifications.ts';

/** Every migration, in order. Listed here (not read from disk) so the built server carries them. */
export const migrations: Record<string, Migration> = {
  '0001_platform': platform,
  '0003_households': households,
  '0004_admin': admin,
  '0005_auth_throttle_ids': authThrottleIds,
  '0006_places': places,
  '0007_bookings': bookings,
  '0008_forum': forum,
  '0009_guidance': guidance,
  '0010_organizations': organizations,
  '0011_notifications': notifications,
  '0012_procedures': procedures,
  '0013_publishing': publishing,
  '0014_events': events,
  '0015_push_subscriptions': pushSubscriptions,
  '0016_calendar_feeds': calendarFeeds,
  '0017_place_count_index': placeCount,
  '0018_guidance_notice_person': guidanceNoticePerson
};
