import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { addDays } from '../platform/clock.ts';

// Pure: turns timeline windows and bookings into an RFC 5545 calendar (ical-generator folds the lines).

export interface FeedItem {
  subjectType: 'child' | 'pregnancy';
  subjectId: string;
  ruleKey: string;
  occurrence: number;
  title: string;
  /** The child's name, only when the person chose to include names. */
  childName: string | null;
  windowStart: string;
  windowEnd: string | null;
}

export interface FeedBooking {
  id: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

export interface FeedLabels {
  calendarName: string;
  itemDescription: string;
}

/**
 * An event's UID comes from what it is about (the item's identity, or the booking), never from the token:
 * regenerating the link or fetching again gives the same UIDs, so calendar apps update instead of duplicating.
 */
export function eventUid(parts: readonly (string | number)[]): string {
  return `${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}@hagukumi`;
}

/** All-day events run from the first day of the window to the day after its last (DTEND is exclusive). */
export function buildCalendar(input: { items: FeedItem[]; bookings: FeedBooking[]; labels: FeedLabels; stamp: Date; timelineUrl: string }): string {
  const calendar = ical({ name: input.labels.calendarName, prodId: { company: 'hagukumi', product: 'timeline', language: 'JA' }, ttl: 60 * 60 });
  for (const item of input.items) {
    calendar.createEvent({
      id: eventUid([item.subjectType, item.subjectId, item.ruleKey, item.occurrence]),
      allDay: true,
      start: item.windowStart,
      end: addDays(item.windowEnd ?? item.windowStart, 1),
      summary: item.childName ? `${item.title}（${item.childName}）` : item.title,
      description: `${input.labels.itemDescription}\n${input.timelineUrl}`,
      url: input.timelineUrl,
      stamp: input.stamp
    });
  }
  for (const booking of input.bookings) {
    calendar.createEvent({
      id: eventUid(['booking', booking.id]),
      start: booking.startsAt,
      end: booking.endsAt,
      summary: booking.summary,
      location: booking.location,
      stamp: input.stamp
    });
  }
  return calendar.toString();
}
