import ical from 'ical-generator';
import type { App } from '../app.ts';
import { addDays, now } from '../platform/clock.ts';
import { ok, type Result } from '../platform/errors.ts';
import { listOccurrences, searchVisibleEvents } from './events.queries.ts';
import { parseEventFilter, type PublicEvent } from './public.service.ts';

/** How far ahead the calendar feed reaches when no `to` is given. */
export const FEED_DAYS = 180;
const FEED_MAX_EVENTS = 500;

function tokyoDateTime(isoInstant: string): string {
  // schema.org wants ISO 8601 with the offset; Tokyo has no daylight saving time.
  const at = new Date(new Date(isoInstant).getTime() + 9 * 3_600_000);
  return `${at.toISOString().slice(0, 19)}+09:00`;
}

/** A child's age range as schema.org's typicalAgeRange ("1-3", "0-", "6-"). */
function ageRange(min: number | null, max: number | null): string | undefined {
  if (min === null && max === null) return undefined;
  const low = min === null ? 0 : Math.floor(min / 12);
  return max === null ? `${low}-` : `${low}-${Math.floor(max / 12)}`;
}

/**
 * The event as schema.org Event JSON-LD (for search engines and other apps reading the page): the next
 * occurrence as startDate/endDate, a weekly schedule when it repeats, place, organizer, fee as an offer.
 */
export function eventJsonLd(event: PublicEvent, pageUrl: string): Record<string, unknown> {
  const next = event.occurrences.find((o) => !o.isPast) ?? event.occurrences[event.occurrences.length - 1];
  const seatsLeft = next?.seatsLeft;
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.description,
    url: pageUrl,
    inLanguage: 'ja',
    startDate: next ? tokyoDateTime(next.startsAt) : `${event.startsOn}T${event.startTime}:00+09:00`,
    endDate: next ? tokyoDateTime(next.endsAt) : `${event.endsOn}T${event.endTime}:00+09:00`,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: event.place.name || event.place.address,
      address: { '@type': 'PostalAddress', streetAddress: event.place.address, addressCountry: 'JP' },
      ...(event.place.lat !== null && event.place.lng !== null ? { geo: { '@type': 'GeoCoordinates', latitude: event.place.lat, longitude: event.place.lng } } : {})
    },
    isAccessibleForFree: event.isFree,
    offers: {
      '@type': 'Offer',
      price: event.feeYen,
      priceCurrency: 'JPY',
      url: pageUrl,
      availability: seatsLeft === 0 ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock'
    }
  };
  if (event.titleEn) doc.alternateName = event.titleEn;
  const organizer = event.organization?.name ?? event.organizerName;
  if (organizer) doc.organizer = { '@type': 'Organization', name: organizer };
  const ages = ageRange(event.ageMinMonths, event.ageMaxMonths);
  if (ages) doc.typicalAgeRange = ages;
  if (event.capacity !== null) doc.maximumAttendeeCapacity = event.capacity;
  if (typeof seatsLeft === 'number') doc.remainingAttendeeCapacity = seatsLeft;
  if (event.recurrence === 'weekly' && event.occurrences.length > 1) {
    doc.eventSchedule = {
      '@type': 'Schedule',
      repeatFrequency: 'P1W',
      repeatCount: event.occurrences.length,
      startDate: event.startsOn,
      endDate: event.endsOn,
      startTime: event.startTime,
      endTime: event.endTime,
      scheduleTimezone: 'Asia/Tokyo'
    };
  }
  return doc;
}

/** JSON-LD ready to sit inside a <script> element (no "</script>" can close it early). */
export function jsonLdScript(doc: Record<string, unknown>): string {
  return `<script type="application/ld+json">${JSON.stringify(doc).replace(/</g, '\\u003c')}</script>`;
}

/**
 * The public iCalendar feed (RFC 5545): one VEVENT per occurrence of the matching events from `from`
 * (default today) to `to` (default FEED_DAYS ahead). Times are written in UTC, so no calendar needs
 * a VTIMEZONE for Asia/Tokyo to place them right.
 */
export async function buildEventsFeed(app: App, municipality: { id: string; name: string }, input: Record<string, unknown>, absoluteUrl: (path: string) => string): Promise<Result<string>> {
  const filter = parseEventFilter({ ...input, cursor: '' });
  if (!filter.ok) return filter;
  const f = filter.value;
  const to = f.to ?? addDays(f.from, FEED_DAYS);
  const db = app.database.db;
  const events = await searchVisibleEvents(db, municipality.id, { from: f.from, to, ageYears: f.age, districtId: f.district, free: f.free, hasSeats: f.hasSeats, limit: FEED_MAX_EVENTS, at: now() });
  const byId = new Map(events.map((e) => [e.id, e]));
  const origin = new URL(absoluteUrl('/')).host;
  const calendar = ical({ name: `${municipality.name} 子育てイベント`, prodId: { company: 'Hagukumi', product: 'events', language: 'JA' }, url: absoluteUrl('/events') });
  for (const o of await listOccurrences(db, [...byId.keys()], { from: f.from, to })) {
    const e = byId.get(o.event_id)!;
    calendar.createEvent({
      id: `${o.id}@${origin}`,
      start: o.starts_at,
      end: o.ends_at,
      stamp: e.updated_at,
      lastModified: e.updated_at,
      summary: e.title,
      description: [e.description, e.fee_yen > 0 ? `参加費 ${e.fee_yen}円` : '参加費 無料'].filter(Boolean).join('\n\n'),
      location: [e.place_name, e.address].filter(Boolean).join(' '),
      url: absoluteUrl(`/events/${e.id}`)
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = calendar.toString();
  return ok(text.endsWith('\r\n') ? text : `${text}\r\n`);
}
