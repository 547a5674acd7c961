import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { countSlotRegistrations, listEventSeats, type SlotSeats } from '../bookings/index.ts';
import { isPublic } from '../organizations/index.ts';
import { addDays, addMonths, now, today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { eventErrors } from './events.errors.ts';
import {
  findDistrictByCode,
  findEvent,
  listOccurrences,
  listVisibleEventsForAges,
  listVisibleOccurrencesBetween,
  searchVisibleEvents,
  type EventRecord
} from './events.queries.ts';
import { eventFilterSchema, fieldErrors, idSchema } from './events.schemas.ts';

export const EVENTS_PAGE_SIZE = 20;

type Row = Awaited<ReturnType<typeof searchVisibleEvents>>[number];

export interface EventSummary {
  id: string;
  title: string;
  titleEn: string;
  titleEasy: string;
  summary: string;
  category: string;
  organization: { id: string; name: string } | null;
  organizerName: string;
  place: { id: string | null; name: string; address: string; lat: number | null; lng: number | null };
  district: { id: string; name: string; nameEn: string } | null;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  feeYen: number;
  feeNote: string;
  isFree: boolean;
  /** none: just come; bookings: register here (seats, waiting list); external: as the publisher says. */
  registration: 'none' | 'bookings' | 'external';
  capacity: number | null;
  capacityUnit: 'people' | 'households' | null;
  recurrence: 'single' | 'weekly';
  startsOn: string;
  endsOn: string;
  startTime: string;
  endTime: string;
  /** The next occurrence in the asked range. */
  nextDate: string;
  /** Seats left at that occurrence (registration through bookings only). */
  seatsLeft: number | null;
}

export interface EventOccurrenceView {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  slotId: string | null;
  capacity: number | null;
  seatsLeft: number | null;
  waiting: number;
  isPast: boolean;
}

export interface PublicEvent extends EventSummary {
  description: string;
  descriptionEn: string;
  descriptionEasy: string;
  contactName: string;
  contactPhone: string;
  url: string;
  access: string;
  registrationNote: string;
  publishedAt: string | null;
  updatedAt: string;
  occurrences: EventOccurrenceView[];
}

export interface EventFilter {
  from: string;
  to: string | null;
  age: number | null;
  district: string | null;
  free: boolean;
  hasSeats: boolean;
}

export interface EventPage {
  filter: EventFilter;
  items: EventSummary[];
  nextCursor: string | null;
}

function encodeCursor(date: string, id: string): string {
  return Buffer.from(`${date}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { date: string; id: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { date: match[1], id: match[2] } : undefined;
}

function summaryOf(row: Row | (EventRecord & { next_on: string }), seats: SlotSeats | undefined): EventSummary {
  const organizationName = 'organization_name' in row ? row.organization_name : null;
  const districtName = 'district_name' in row ? row.district_name : null;
  const districtNameEn = 'district_name_en' in row ? row.district_name_en : null;
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    titleEasy: row.title_easy,
    summary: row.description.length > 140 ? `${row.description.slice(0, 139)}…` : row.description,
    category: row.category,
    organization: row.organization_id && organizationName ? { id: row.organization_id, name: organizationName } : null,
    organizerName: row.organizer_name || organizationName || '',
    place: { id: row.place_id, name: row.place_name, address: row.address, lat: row.lat, lng: row.lng },
    district: row.district_id && districtName ? { id: row.district_id, name: districtName, nameEn: districtNameEn ?? '' } : null,
    ageMinMonths: row.min_age_months,
    ageMaxMonths: row.max_age_months,
    feeYen: row.fee_yen,
    feeNote: row.fee_note,
    isFree: row.fee_yen === 0,
    registration: row.registration,
    capacity: row.capacity,
    capacityUnit: row.capacity_unit,
    recurrence: row.recurrence,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    startTime: row.start_time,
    endTime: row.end_time,
    nextDate: row.next_on,
    seatsLeft: row.registration === 'bookings' ? (seats ? (seats.isOpen ? seats.seatsLeft : 0) : null) : null
  };
}

/** Summaries with the seats of each event's next occurrence in the range. */
async function withSeats(db: Db, rows: Row[], range: { from: string; to: string | null }): Promise<EventSummary[]> {
  const occurrences = await listOccurrences(db, rows.map((r) => r.id), range);
  const nextSlot = new Map<string, string>();
  for (const o of occurrences) if (o.slot_id && !nextSlot.has(o.event_id)) nextSlot.set(o.event_id, o.slot_id);
  const seats = await listEventSeats(db, [...nextSlot.values()]);
  return rows.map((r) => summaryOf(r, seats.get(nextSlot.get(r.id) ?? '')));
}

/** Reads the list's filters (page or API); bad values are refused per field. */
export function parseEventFilter(input: Record<string, unknown>): Result<EventFilter & { cursor: string | null }> {
  const parsed = eventFilterSchema.safeParse(input);
  if (!parsed.success) return failure({ ...eventErrors.invalidQuery, fields: fieldErrors(parsed.error.issues) });
  const v = parsed.data;
  const from = v.from ?? today();
  if (v.to && v.to < from) return failure({ ...eventErrors.invalidQuery, fields: { to: 'events_error_range_invalid' } });
  return ok({ from, to: v.to, age: v.age, district: v.district, free: v.free, hasSeats: v.hasSeats, cursor: v.cursor });
}

/**
 * The public list: published events of public organizations (and imported open data) with an
 * occurrence from `from` (default today) to `to`, by next date; filters for a child's age in years,
 * district (its events and ward-wide ones), free, and seats left. A page at a time.
 */
export async function listPublicEvents(app: App, municipalityId: string, input: Record<string, unknown>, options: { limit?: number } = {}): Promise<Result<EventPage>> {
  const filter = parseEventFilter(input);
  if (!filter.ok) return filter;
  const { cursor, ...f } = filter.value;
  const after = cursor ? decodeCursor(cursor) : undefined;
  if (cursor && !after) return failure({ ...eventErrors.invalidQuery, fields: { cursor: 'events_error_cursor_invalid' } });
  const limit = options.limit ?? EVENTS_PAGE_SIZE;
  const db = app.database.db;
  const rows = await searchVisibleEvents(db, municipalityId, { from: f.from, to: f.to, ageYears: f.age, districtId: f.district, free: f.free, hasSeats: f.hasSeats, after, limit: limit + 1, at: now() });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return ok({
    filter: f,
    items: await withSeats(db, page, f),
    nextCursor: rows.length > limit && last ? encodeCursor(last.next_on, last.id) : null
  });
}

export interface CalendarDay {
  date: string;
  inMonth: boolean;
  events: { id: string; title: string; titleEn: string; titleEasy: string; startTime: string; isFree: boolean }[];
}

/** A month calendar (weeks from Monday) of the occurrences that match the list's filters. */
export async function loadEventCalendar(app: App, municipalityId: string, month: string, input: Record<string, unknown>): Promise<Result<{ month: string; weeks: CalendarDay[][]; filter: EventFilter }>> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return failure({ ...eventErrors.invalidQuery, fields: { month: 'events_error_month_invalid' } });
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const filter = parseEventFilter({ ...input, from: first, to: last, cursor: '' });
  if (!filter.ok) return filter;
  const f = filter.value;
  const db = app.database.db;
  const rows = await searchVisibleEvents(db, municipalityId, { from: first, to: last, ageYears: f.age, districtId: f.district, free: f.free, hasSeats: f.hasSeats, limit: 1000, at: now() });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const occurrences = await listOccurrences(db, rows.map((r) => r.id), { from: first, to: last });
  const byDay = new Map<string, CalendarDay['events']>();
  for (const o of occurrences) {
    const e = byId.get(o.event_id)!;
    const list = byDay.get(o.occurs_on) ?? [];
    list.push({ id: e.id, title: e.title, titleEn: e.title_en, titleEasy: e.title_easy, startTime: e.start_time, isFree: e.fee_yen === 0 });
    byDay.set(o.occurs_on, list);
  }
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let day = addDays(first, -weekday);
  const weeks: CalendarDay[][] = [];
  while (day <= last) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: day.startsWith(month), events: (byDay.get(day) ?? []).sort((a, b) => a.startTime.localeCompare(b.startTime)) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return ok({ month, weeks, filter: { ...f, from: first, to: last } });
}

function isVisibleRecord(e: EventRecord): boolean {
  if (e.status !== 'published') return false;
  if (e.organization_id === null) return true;
  return isPublic({ status: e.organization_status ?? '', suspendedAt: e.organization_suspended_at });
}

/** One public event with its occurrences and their seats; anything not public is not found. */
export async function getPublicEvent(app: App, municipalityId: string, eventId: string): Promise<Result<PublicEvent>> {
  if (!idSchema.safeParse(eventId).success) return failure(eventErrors.notFound);
  const db = app.database.db;
  const e = await findEvent(db, municipalityId, eventId);
  if (!e || !isVisibleRecord(e)) return failure(eventErrors.notFound);
  const occurrences = await listOccurrences(db, [e.id]);
  const seats = await listEventSeats(db, occurrences.flatMap((o) => (o.slot_id ? [o.slot_id] : [])));
  const at = now();
  const upcoming = occurrences.find((o) => o.ends_at > at) ?? occurrences[occurrences.length - 1];
  const summary = summaryOf(
    { ...e, next_on: upcoming?.occurs_on ?? e.starts_on, organization_name: e.organization_name, district_name: e.district_name, district_name_en: e.district_name_en } as EventRecord & { next_on: string },
    seats.get(upcoming?.slot_id ?? '')
  );
  return ok({
    ...summary,
    description: e.description,
    descriptionEn: e.description_en,
    descriptionEasy: e.description_easy,
    contactName: e.contact_name,
    contactPhone: e.contact_phone,
    url: e.url,
    access: e.access,
    registrationNote: e.registration_note,
    publishedAt: e.published_at?.toISOString() ?? null,
    updatedAt: e.updated_at.toISOString(),
    occurrences: occurrences.map((o) => {
      const s = o.slot_id ? seats.get(o.slot_id) : undefined;
      return {
        id: o.id,
        date: o.occurs_on,
        startsAt: o.starts_at.toISOString(),
        endsAt: o.ends_at.toISOString(),
        slotId: o.slot_id,
        capacity: s?.capacity ?? null,
        seatsLeft: s ? (s.isOpen ? s.seatsLeft : 0) : null,
        waiting: s?.waiting ?? 0,
        isPast: o.starts_at <= at
      };
    })
  });
}

/** The coming events at a place (its page lists them). */
export async function listPlaceEvents(app: App, municipalityId: string, placeId: string, limit = 10): Promise<EventSummary[]> {
  if (!idSchema.safeParse(placeId).success) return [];
  const from = today();
  const rows = await searchVisibleEvents(app.database.db, municipalityId, { from, to: null, ageYears: null, districtId: null, free: false, hasSeats: false, placeId, limit, at: now() });
  return withSeats(app.database.db, rows, { from, to: null });
}

/** The coming events of a public organization (its page and its API record). */
export async function listOrganizationUpcomingEvents(app: App, municipalityId: string, organizationId: string, limit = 10): Promise<EventSummary[]> {
  const from = today();
  const rows = await searchVisibleEvents(app.database.db, municipalityId, { from, to: null, ageYears: null, districtId: null, free: false, hasSeats: false, organizationId, limit, at: now() });
  return withSeats(app.database.db, rows, { from, to: null });
}

/**
 * For other domains (the guardian's timeline): public events in [from, to] for one of the children's
 * ages (in months) and in the family's district or ward-wide, by date.
 */
export async function listEventsForFamily(
  db: Db,
  municipalityId: string,
  family: { districtCode: string | null; childAgeMonths: number[]; from: string; to: string; limit?: number }
): Promise<EventSummary[]> {
  const district = family.districtCode ? await findDistrictByCode(db, municipalityId, family.districtCode) : undefined;
  const rows = await listVisibleEventsForAges(db, municipalityId, { districtId: district?.id ?? null, ageMonths: family.childAgeMonths, from: family.from, to: family.to, limit: family.limit ?? 10 });
  return withSeats(db, rows as Row[], { from: family.from, to: family.to });
}

export interface EventMonthFigures {
  /** 'YYYY-MM' */
  month: string;
  /** Events with at least one occurrence held that month. */
  events: number;
  /** Occurrences held (a weekly event held four times counts four). */
  sessions: number;
  /** Registrations holding a seat (confirmed, pending approval or offered). */
  registrations: number;
  /** Seats those registrations hold, in each event's unit (people or households). */
  seats: number;
}

export interface EventStatistics {
  fiscalYear: number;
  months: EventMonthFigures[];
  totals: Omit<EventMonthFigures, 'month'>;
}

/** Per month of a fiscal year (April–March): public events held and their registrations. */
export async function loadEventStatistics(db: Db, municipalityId: string, fiscalYear: number): Promise<EventStatistics> {
  const from = `${fiscalYear}-04-01`;
  const to = `${fiscalYear + 1}-03-31`;
  const occurrences = await listVisibleOccurrencesBetween(db, municipalityId, from, to);
  const registrations = await countSlotRegistrations(db, occurrences.flatMap((o) => (o.slot_id ? [o.slot_id] : [])));
  const months: EventMonthFigures[] = Array.from({ length: 12 }, (_, i) => ({ month: addMonths(from, i).slice(0, 7), events: 0, sessions: 0, registrations: 0, seats: 0 }));
  const eventsByMonth = new Map<string, Set<string>>();
  for (const o of occurrences) {
    const key = o.occurs_on.slice(0, 7);
    const figures = months.find((m) => m.month === key);
    if (!figures) continue;
    figures.sessions += 1;
    const r = o.slot_id ? registrations.get(o.slot_id) : undefined;
    figures.registrations += r?.bookings ?? 0;
    figures.seats += r?.seats ?? 0;
    const set = eventsByMonth.get(key) ?? new Set();
    set.add(o.event_id);
    eventsByMonth.set(key, set);
  }
  for (const m of months) m.events = eventsByMonth.get(m.month)?.size ?? 0;
  const totals = {
    events: new Set(occurrences.map((o) => o.event_id)).size,
    sessions: months.reduce((n, m) => n + m.sessions, 0),
    registrations: months.reduce((n, m) => n + m.registrations, 0),
    seats: months.reduce((n, m) => n + m.seats, 0)
  };
  return { fiscalYear, months, totals };
}
