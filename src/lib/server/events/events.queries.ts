import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { EventCapacityUnit, EventRegistration, EventStatus } from './events.table.ts';

/** The facts of an event as the service writes them (create, edit, import). */
export interface EventValues {
  title: string;
  titleEn: string;
  titleEasy: string;
  description: string;
  descriptionEn: string;
  descriptionEasy: string;
  category: string;
  placeId: string | null;
  placeName: string;
  address: string;
  lat: number | null;
  lng: number | null;
  districtId: string | null;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  feeYen: number;
  feeNote: string;
  registration: EventRegistration;
  registrationNote: string;
  capacity: number | null;
  capacityUnit: EventCapacityUnit | null;
  recurrence: 'single' | 'weekly';
  repeatWeeks: number;
  firstDate: string;
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string;
  organizerName: string;
  contactName: string;
  contactPhone: string;
  url: string;
  access: string;
}

function columns(v: EventValues) {
  return {
    title: v.title,
    title_en: v.titleEn,
    title_easy: v.titleEasy,
    description: v.description,
    description_en: v.descriptionEn,
    description_easy: v.descriptionEasy,
    category: v.category,
    place_id: v.placeId,
    place_name: v.placeName,
    address: v.address,
    lat: v.lat,
    lng: v.lng,
    district_id: v.districtId,
    min_age_months: v.minAgeMonths,
    max_age_months: v.maxAgeMonths,
    fee_yen: v.feeYen,
    fee_note: v.feeNote,
    registration: v.registration,
    registration_note: v.registrationNote,
    capacity: v.capacity,
    capacity_unit: v.capacityUnit,
    recurrence: v.recurrence,
    repeat_weeks: v.repeatWeeks,
    first_date: v.firstDate,
    start_time: v.startTime,
    end_time: v.endTime,
    starts_on: v.startsOn,
    ends_on: v.endsOn,
    organizer_name: v.organizerName,
    contact_name: v.contactName,
    contact_phone: v.contactPhone,
    url: v.url,
    access: v.access
  };
}

export async function insertEvent(
  db: Db,
  row: EventValues & { municipalityId: string; organizationId: string | null; createdBy: string | null; status: EventStatus; sourceDataset?: string; sourceKey?: string }
) {
  return db
    .insertInto('event')
    .values({
      ...columns(row),
      municipality_id: row.municipalityId,
      organization_id: row.organizationId,
      created_by: row.createdBy,
      status: row.status,
      published_at: row.status === 'published' ? sql<Date>`now()` : null,
      source_dataset: row.sourceDataset ?? null,
      source_key: row.sourceKey ?? null
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateEventRow(db: Db, eventId: string, row: EventValues) {
  await db
    .updateTable('event')
    .set({ ...columns(row), updated_at: sql`now()` })
    .where('id', '=', eventId)
    .execute();
}

export async function setEventService(db: Db, eventId: string, serviceId: string | null) {
  await db.updateTable('event').set({ service_id: serviceId }).where('id', '=', eventId).execute();
}

export async function setEventStatus(db: Db, eventId: string, status: EventStatus) {
  await db
    .updateTable('event')
    .set({ status, updated_at: sql`now()`, published_at: status === 'published' ? sql`coalesce(published_at, now())` : sql`published_at` })
    .where('id', '=', eventId)
    .execute();
}

const eventColumns = [
  'e.id',
  'e.municipality_id',
  'e.organization_id',
  'e.status',
  'e.title',
  'e.title_en',
  'e.title_easy',
  'e.description',
  'e.description_en',
  'e.description_easy',
  'e.category',
  'e.place_id',
  'e.place_name',
  'e.address',
  'e.lat',
  'e.lng',
  'e.district_id',
  'e.min_age_months',
  'e.max_age_months',
  'e.fee_yen',
  'e.fee_note',
  'e.registration',
  'e.registration_note',
  'e.capacity',
  'e.capacity_unit',
  'e.service_id',
  'e.recurrence',
  'e.repeat_weeks',
  'e.first_date',
  'e.start_time',
  'e.end_time',
  'e.starts_on',
  'e.ends_on',
  'e.organizer_name',
  'e.contact_name',
  'e.contact_phone',
  'e.url',
  'e.access',
  'e.source_dataset',
  'e.source_key',
  'e.published_at',
  'e.created_at',
  'e.updated_at'
] as const;

export type EventRecord = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function findEvent(db: Db, municipalityId: string, eventId: string) {
  return db
    .selectFrom('event as e')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .leftJoin('place as p', 'p.id', 'e.place_id')
    .leftJoin('district as d', 'd.id', 'e.district_id')
    .select([...eventColumns, 'o.name as organization_name', 'o.status as organization_status', 'o.suspended_at as organization_suspended_at', 'o.is_official as organization_is_official'])
    .select(['p.name as directory_place_name', 'p.address as directory_place_address', 'p.lat as place_lat', 'p.lng as place_lng', 'd.name as district_name', 'd.name_en as district_name_en', 'd.code as district_code'])
    .where('e.id', '=', eventId)
    .where('e.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Published, and by an organization everyone may see (verified, not suspended) or imported open data. */
const IS_VISIBLE = sql<SqlBool>`e.status = 'published' and (e.organization_id is null or exists (
  select 1 from organization vo where vo.id = e.organization_id and vo.status = 'verified' and vo.suspended_at is null))`;

export async function listEventsOfOrganization(db: Db, municipalityId: string, organizationId: string) {
  return db
    .selectFrom('event as e')
    .select([...eventColumns])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.organization_id', '=', organizationId)
    .orderBy('e.starts_on', 'desc')
    .orderBy('e.id')
    .execute();
}

export async function replaceOccurrences(db: Db, municipalityId: string, eventId: string, rows: { occursOn: string; startsAt: Date; endsAt: Date; slotId: string | null }[]) {
  await db.deleteFrom('event_occurrence').where('event_id', '=', eventId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('event_occurrence')
    .values(rows.map((r) => ({ event_id: eventId, municipality_id: municipalityId, occurs_on: r.occursOn, starts_at: r.startsAt, ends_at: r.endsAt, slot_id: r.slotId })))
    .execute();
}

export async function listOccurrences(db: Db, eventIds: string[], range: { from?: string | null; to?: string | null } = {}) {
  if (eventIds.length === 0) return [];
  let query = db.selectFrom('event_occurrence').select(['id', 'event_id', 'occurs_on', 'starts_at', 'ends_at', 'slot_id']).where('event_id', 'in', eventIds);
  if (range.from) query = query.where('occurs_on', '>=', range.from);
  if (range.to) query = query.where('occurs_on', '<=', range.to);
  return query.orderBy('starts_at').execute();
}

export interface PublicEventQuery {
  from: string;
  to: string | null;
  ageYears: number | null;
  districtId: string | null;
  free: boolean;
  hasSeats: boolean;
  organizationId?: string;
  placeId?: string;
  after?: { date: string; id: string };
  limit: number;
  at: Date;
}

/**
 * Visible events with an occurrence in [from, to], by their next occurrence there, then id (keyset).
 * District: the district's events and the ward-wide ones (no district). Has seats: no registration
 * needed, or an occurrence in the range still open with a free seat.
 */
export async function searchVisibleEvents(db: Db, municipalityId: string, q: PublicEventQuery) {
  let next = db
    .selectFrom('event_occurrence as o')
    .select(['o.event_id', sql<string>`min(o.occurs_on)`.as('next_on')])
    .where('o.municipality_id', '=', municipalityId)
    .where('o.occurs_on', '>=', q.from)
    .groupBy('o.event_id');
  if (q.to) next = next.where('o.occurs_on', '<=', q.to);
  let query = db
    .selectFrom('event as e')
    .innerJoin(next.as('n'), 'n.event_id', 'e.id')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .leftJoin('district as d', 'd.id', 'e.district_id')
    .select([...eventColumns, 'n.next_on', 'o.name as organization_name', 'd.name as district_name', 'd.name_en as district_name_en'])
    .where('e.municipality_id', '=', municipalityId)
    .where(IS_VISIBLE);
  if (q.ageYears !== null) {
    const low = q.ageYears * 12;
    const high = q.ageYears * 12 + 11;
    query = query.where((eb) => eb.and([eb.or([eb('e.min_age_months', 'is', null), eb('e.min_age_months', '<=', high)]), eb.or([eb('e.max_age_months', 'is', null), eb('e.max_age_months', '>=', low)])]));
  }
  if (q.districtId) query = query.where((eb) => eb.or([eb('e.district_id', 'is', null), eb('e.district_id', '=', q.districtId)]));
  if (q.free) query = query.where('e.fee_yen', '=', 0);
  if (q.organizationId) query = query.where('e.organization_id', '=', q.organizationId);
  if (q.placeId) query = query.where('e.place_id', '=', q.placeId);
  if (q.hasSeats) {
    query = query.where((eb) =>
      eb.or([
        eb('e.registration', '<>', 'bookings'),
        eb.exists(
          eb
            .selectFrom('event_occurrence as so')
            .innerJoin('booking_slot as s', 's.id', 'so.slot_id')
            .select('so.id')
            .whereRef('so.event_id', '=', 'e.id')
            .where('so.occurs_on', '>=', q.from)
            .$if(q.to !== null, (w) => w.where('so.occurs_on', '<=', q.to!))
            .where('s.status', '=', 'open')
            .where('s.starts_at', '>', q.at)
            .whereRef('s.seats_taken', '<', 's.capacity')
        )
      ])
    );
  }
  if (q.after) {
    const after = q.after;
    query = query.where((eb) => eb.or([eb('n.next_on', '>', after.date), eb.and([eb('n.next_on', '=', after.date), eb('e.id', '>', after.id)])]));
  }
  return query.orderBy('n.next_on').orderBy('e.id').limit(q.limit).execute();
}

/** Visible events that overlap a family: ward-wide or in its district, and for one of its children's ages. */
export async function listVisibleEventsForAges(db: Db, municipalityId: string, q: { districtId: string | null; ageMonths: number[]; from: string; to: string; limit: number }) {
  if (q.ageMonths.length === 0) return [];
  return db
    .selectFrom('event as e')
    .innerJoin(
      db
        .selectFrom('event_occurrence as o')
        .select(['o.event_id', sql<string>`min(o.occurs_on)`.as('next_on')])
        .where('o.municipality_id', '=', municipalityId)
        .where('o.occurs_on', '>=', q.from)
        .where('o.occurs_on', '<=', q.to)
        .groupBy('o.event_id')
        .as('n'),
      'n.event_id',
      'e.id'
    )
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .select([...eventColumns, 'n.next_on', 'o.name as organization_name'])
    .where('e.municipality_id', '=', municipalityId)
    .where(IS_VISIBLE)
    .where((eb) => (q.districtId ? eb.or([eb('e.district_id', 'is', null), eb('e.district_id', '=', q.districtId)]) : eb('e.district_id', 'is', null)))
    .where((eb) =>
      eb.or(
        q.ageMonths.map((age) =>
          eb.and([eb.or([eb('e.min_age_months', 'is', null), eb('e.min_age_months', '<=', age)]), eb.or([eb('e.max_age_months', 'is', null), eb('e.max_age_months', '>=', age)])])
        )
      )
    )
    .orderBy('n.next_on')
    .orderBy('e.id')
    .limit(q.limit)
    .execute();
}

/** Occurrences of visible events held in [from, to] (for the KPI), with their slot. */
export async function listVisibleOccurrencesBetween(db: Db, municipalityId: string, from: string, to: string) {
  return db
    .selectFrom('event_occurrence as oc')
    .innerJoin('event as e', 'e.id', 'oc.event_id')
    .select(['oc.event_id', 'oc.occurs_on', 'oc.slot_id'])
    .where('oc.municipality_id', '=', municipalityId)
    .where('oc.occurs_on', '>=', from)
    .where('oc.occurs_on', '<=', to)
    .where(IS_VISIBLE)
    .execute();
}

export async function findDistrictByCode(db: Db, municipalityId: string, code: string) {
  return db.selectFrom('district').select(['id', 'code']).where('municipality_id', '=', municipalityId).where('code', '=', code).executeTakeFirst();
}

export async function findDistrictInMunicipality(db: Db, municipalityId: string, districtId: string) {
  return db.selectFrom('district').select(['id']).where('municipality_id', '=', municipalityId).where('id', '=', districtId).where('is_active', '=', true).executeTakeFirst();
}

/** A published place of the municipality (an event's place from the directory). */
export async function findDirectoryPlace(db: Db, municipalityId: string, placeId: string) {
  return db
    .selectFrom('place')
    .select(['id', 'name', 'address', 'lat', 'lng', 'district_id', 'access'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', placeId)
    .where('is_published', '=', true)
    .executeTakeFirst();
}

/** The directory's places for the event form's select, by name. */
export async function listPlaceChoices(db: Db, municipalityId: string) {
  return db.selectFrom('place').select(['id', 'name', 'address']).where('municipality_id', '=', municipalityId).where('is_published', '=', true).orderBy('name').orderBy('id').limit(1000).execute();
}

// Import -----------------------------------------------------------------------------------------

export async function insertEventImport(db: Db, row: { municipalityId: string; createdBy: string; fileName: string; bytes: Uint8Array }) {
  return db
    .insertInto('event_import')
    .values({ municipality_id: row.municipalityId, created_by: row.createdBy, file_name: row.fileName, bytes: row.bytes })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateEventImport(db: Db, importId: string, patch: { status?: 'preview' | 'imported' | 'failed'; encoding?: string; layout?: string; preview?: unknown; result?: unknown }) {
  await db
    .updateTable('event_import')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.encoding !== undefined ? { encoding: patch.encoding } : {}),
      ...(patch.layout !== undefined ? { layout: patch.layout } : {}),
      ...(patch.preview !== undefined ? { preview: JSON.stringify(patch.preview) } : {}),
      ...(patch.result !== undefined ? { result: JSON.stringify(patch.result) } : {}),
      updated_at: sql`now()`
    })
    .where('id', '=', importId)
    .execute();
}

export async function findEventImport(db: Db, municipalityId: string, importId: string) {
  return db
    .selectFrom('event_import')
    .select(['id', 'status', 'file_name', 'encoding', 'layout', 'preview', 'result', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', importId)
    .executeTakeFirst();
}

export async function lockEventImport(db: Db, municipalityId: string, importId: string) {
  return db.selectFrom('event_import').select(['id', 'status', 'preview']).where('municipality_id', '=', municipalityId).where('id', '=', importId).forUpdate().executeTakeFirst();
}

export async function listRecentEventImports(db: Db, municipalityId: string) {
  return db
    .selectFrom('event_import')
    .select(['id', 'status', 'file_name', 'layout', 'result', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
}

export async function listImportedKeys(db: Db, municipalityId: string, sourceDataset: string): Promise<Set<string>> {
  const rows = await db.selectFrom('event').select('source_key').where('municipality_id', '=', municipalityId).where('source_dataset', '=', sourceDataset).execute();
  return new Set(rows.map((r) => r.source_key ?? ''));
}

export async function findImportedEvent(db: Db, municipalityId: string, sourceDataset: string, sourceKey: string) {
  return db.selectFrom('event').select('id').where('municipality_id', '=', municipalityId).where('source_dataset', '=', sourceDataset).where('source_key', '=', sourceKey).executeTakeFirst();
}

// Export -----------------------------------------------------------------------------------------

/** Every visible event for the open-data file, by first date. */
export async function listVisibleEventsForExport(db: Db, municipalityId: string) {
  return db
    .selectFrom('event as e')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .select([...eventColumns, 'o.name as organization_name'])
    .where('e.municipality_id', '=', municipalityId)
    .where(IS_VISIBLE)
    .orderBy('e.starts_on')
    .orderBy('e.id')
    .execute();
}

/** A demo place by its source key (demo data only). */
export async function findPlaceIdBySourceKey(db: Db, municipalityId: string, sourceDataset: string, sourceKey: string) {
  const row = await db.selectFrom('place').select('id').where('municipality_id', '=', municipalityId).where('source_dataset', '=', sourceDataset).where('source_key', '=', sourceKey).executeTakeFirst();
  return row?.id;
}
