import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { BookingChannel, BookingStatus, CapacityUnit, ServiceKind } from './bookings.table.ts';

/** Statuses that hold seats in a slot (counted in seats_taken). */
export const SEAT_HOLDING: BookingStatus[] = ['confirmed', 'pending', 'offered'];
/** Statuses of a booking that is still alive (one per household and slot). */
export const ACTIVE: BookingStatus[] = ['confirmed', 'pending', 'offered', 'waitlisted'];

// ── places (read only: the places domain owns them) ─────────────────────────────────────────────

export async function findPlace(db: Db, municipalityId: string, placeId: string) {
  return db
    .selectFrom('place')
    .select(['id', 'name', 'organization_id', 'municipality_id', 'category', 'address'])
    .where('id', '=', placeId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function findPlaceBySourceKey(db: Db, municipalityId: string, dataset: string, key: string) {
  return db
    .selectFrom('place')
    .select(['id', 'name', 'organization_id'])
    .where('municipality_id', '=', municipalityId)
    .where('source_dataset', '=', dataset)
    .where('source_key', '=', key)
    .executeTakeFirst();
}

/** Inserts a place unless one with the same source key exists (the places domain may seed it first). */
export async function insertPlaceIfMissing(
  db: Db,
  row: { municipalityId: string; organizationId: string | null; category: string; name: string; address: string; sourceDataset: string; sourceKey: string }
) {
  await db
    .insertInto('place')
    .values({
      municipality_id: row.municipalityId,
      organization_id: row.organizationId,
      category: row.category,
      name: row.name,
      address: row.address,
      lat: null,
      lng: null,
      district_id: null,
      source_dataset: row.sourceDataset,
      source_key: row.sourceKey
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'source_dataset', 'source_key']).doNothing())
    .execute();
}

/** Places with at least one active service, and how many open slots they have ahead. */
export async function listBookablePlaces(db: Db, municipalityId: string, from: Date) {
  return db
    .selectFrom('place as p')
    .innerJoin('booking_service as s', 's.place_id', 'p.id')
    .leftJoin('booking_slot as sl', (join) =>
      join.onRef('sl.service_id', '=', 's.id').on('sl.status', '=', 'open').on('sl.starts_at', '>=', from)
    )
    .select(['p.id', 'p.name', 'p.category', 'p.address', 'p.organization_id'])
    .select((eb) => [eb.fn.count<number>('sl.id').as('open_slots')])
    .select(sql<string>`string_agg(distinct s.kind, ',')`.as('kinds'))
    .where('p.municipality_id', '=', municipalityId)
    .where('p.is_published', '=', true)
    .where('s.is_active', '=', true)
    .groupBy(['p.id', 'p.name', 'p.category', 'p.address', 'p.organization_id'])
    .orderBy('p.name')
    .execute();
}

export async function listPlacesForProvider(db: Db, municipalityId: string, scope: { organizationIds: string[]; ward: boolean }) {
  let query = db.selectFrom('place').select(['id', 'name', 'organization_id', 'category']).where('municipality_id', '=', municipalityId);
  query = query.where((eb) => {
    const ors = [];
    if (scope.organizationIds.length) ors.push(eb('organization_id', 'in', scope.organizationIds));
    if (scope.ward) ors.push(eb('organization_id', 'is', null));
    return ors.length ? eb.or(ors) : eb.val(false);
  });
  return query.orderBy('name').execute();
}

// ── services, patterns, closures ───────────────────────────────────────────────────────────────

export interface ServiceRow {
  municipalityId: string;
  placeId: string;
  kind: ServiceKind;
  name: string;
  description: string;
  capacityUnit: CapacityUnit;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  requiresRegistration: boolean;
  requiresApproval: boolean;
  opensDaysAhead: number;
  opensAtTime: string;
  cancelHoursBefore: number;
  cancelByTime: string | null;
  monthlyCap: number | null;
  offerHours: number;
}

/** A service's rules as columns (create and update write the same ones). */
function serviceRuleColumns(row: Omit<ServiceRow, 'municipalityId' | 'placeId'>) {
  return {
    kind: row.kind,
    name: row.name,
    description: row.description,
    capacity_unit: row.capacityUnit,
    min_age_months: row.minAgeMonths,
    max_age_months: row.maxAgeMonths,
    requires_registration: row.requiresRegistration,
    requires_approval: row.requiresApproval,
    opens_days_ahead: row.opensDaysAhead,
    opens_at_time: row.opensAtTime,
    cancel_hours_before: row.cancelHoursBefore,
    cancel_by_time: row.cancelByTime,
    monthly_cap: row.monthlyCap,
    offer_hours: row.offerHours
  };
}

export async function insertService(db: Db, row: ServiceRow) {
  return db
    .insertInto('booking_service')
    .values({ municipality_id: row.municipalityId, place_id: row.placeId, ...serviceRuleColumns(row) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Whether the place still has a service open for booking (feeds the places search's "bookable" filter). */
export async function placeHasActiveService(db: Db, placeId: string): Promise<boolean> {
  const row = await db.selectFrom('booking_service').select('id').where('place_id', '=', placeId).where('is_active', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function updateService(db: Db, serviceId: string, row: Omit<ServiceRow, 'municipalityId' | 'placeId'> & { isActive: boolean }) {
  await db
    .updateTable('booking_service')
    .set({ ...serviceRuleColumns(row), is_active: row.isActive, updated_at: sql`now()` })
    .where('id', '=', serviceId)
    .execute();
}

const serviceColumns = [
  's.id',
  's.municipality_id',
  's.place_id',
  's.kind',
  's.name',
  's.description',
  's.capacity_unit',
  's.min_age_months',
  's.max_age_months',
  's.requires_registration',
  's.requires_approval',
  's.opens_days_ahead',
  's.opens_at_time',
  's.cancel_hours_before',
  's.cancel_by_time',
  's.monthly_cap',
  's.offer_hours',
  's.is_active'
] as const;

export async function findService(db: Db, municipalityId: string, serviceId: string) {
  return db
    .selectFrom('booking_service as s')
    .innerJoin('place as p', 'p.id', 's.place_id')
    .select([...serviceColumns, 'p.name as place_name', 'p.organization_id'])
    .where('s.id', '=', serviceId)
    .where('s.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}
export type ServiceRecord = NonNullable<Awaited<ReturnType<typeof findService>>>;

export async function listServicesOfPlaces(db: Db, placeIds: string[]) {
  if (placeIds.length === 0) return [];
  return db
    .selectFrom('booking_service as s')
    .innerJoin('place as p', 'p.id', 's.place_id')
    .select([...serviceColumns, 'p.name as place_name', 'p.organization_id'])
    .where('s.place_id', 'in', placeIds)
    .orderBy('s.created_at')
    .execute();
}

export async function insertPattern(
  db: Db,
  row: { municipalityId: string; serviceId: string; weekday: number; startTime: string; endTime: string; capacity: number; validFrom: string; validUntil: string | null; skipHolidays: boolean }
) {
  return db
    .insertInto('booking_pattern')
    .values({
      municipality_id: row.municipalityId,
      service_id: row.serviceId,
      weekday: row.weekday,
      start_time: row.startTime,
      end_time: row.endTime,
      capacity: row.capacity,
      valid_from: row.validFrom,
      valid_until: row.validUntil,
      skip_holidays: row.skipHolidays
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listPatterns(db: Db, serviceId: string) {
  return db.selectFrom('booking_pattern').selectAll().where('service_id', '=', serviceId).orderBy('weekday').orderBy('start_time').execute();
}

/** Every pattern of an active service still in force on `onDate`, for the slot generator. */
export async function listPatternsInForce(db: Db, onDate: string) {
  return db
    .selectFrom('booking_pattern as bp')
    .innerJoin('booking_service as s', 's.id', 'bp.service_id')
    .select(['bp.id', 'bp.municipality_id', 'bp.service_id', 'bp.weekday', 'bp.start_time', 'bp.end_time', 'bp.capacity', 'bp.valid_from', 'bp.valid_until', 'bp.skip_holidays', 's.place_id'])
    .where('s.is_active', '=', true)
    .where((eb) => eb.or([eb('bp.valid_until', 'is', null), eb('bp.valid_until', '>=', onDate)]))
    .execute();
}

export async function insertClosure(db: Db, row: { municipalityId: string; serviceId: string; closedOn: string; reason: string }) {
  await db
    .insertInto('booking_closure')
    .values({ municipality_id: row.municipalityId, service_id: row.serviceId, closed_on: row.closedOn, reason: row.reason })
    .onConflict((oc) => oc.columns(['service_id', 'closed_on']).doUpdateSet({ reason: row.reason }))
    .execute();
}

export async function listClosures(db: Db, serviceId: string, from: string) {
  return db.selectFrom('booking_closure').selectAll().where('service_id', '=', serviceId).where('closed_on', '>=', from).orderBy('closed_on').execute();
}

export async function listClosureDates(db: Db, serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  return db.selectFrom('booking_closure').select(['service_id', 'closed_on']).where('service_id', 'in', serviceIds).execute();
}

// ── slots ───────────────────────────────────────────────────────────────────────────────────────

export async function insertSlots(
  db: Db,
  rows: { municipalityId: string; serviceId: string; placeId: string; patternId: string | null; slotDate: string; startsAt: Date; endsAt: Date; capacity: number }[]
) {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('booking_slot')
    .values(
      rows.map((r) => ({
        municipality_id: r.municipalityId,
        service_id: r.serviceId,
        place_id: r.placeId,
        pattern_id: r.patternId,
        slot_date: r.slotDate,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        capacity: r.capacity
      }))
    )
    .onConflict((oc) => oc.columns(['service_id', 'starts_at']).doNothing())
    .returning('id')
    .execute();
  return result.length;
}

const slotColumns = [
  'sl.id',
  'sl.municipality_id',
  'sl.service_id',
  'sl.place_id',
  'sl.slot_date',
  'sl.starts_at',
  'sl.ends_at',
  'sl.capacity',
  'sl.seats_taken',
  'sl.status',
  'sl.closed_reason'
] as const;

export async function findSlot(db: Db, municipalityId: string, slotId: string) {
  return db.selectFrom('booking_slot as sl').select(slotColumns).where('sl.id', '=', slotId).where('sl.municipality_id', '=', municipalityId).executeTakeFirst();
}
export async function findSlotAnyMunicipality(db: Db, slotId: string) {
  return db.selectFrom('booking_slot as sl').select(slotColumns).where('sl.id', '=', slotId).executeTakeFirst();
}

export type SlotRecord = NonNullable<Awaited<ReturnType<typeof findSlot>>>;

/** Locks the slot row: promotions and closures of one slot happen one at a time. */
export async function lockSlot(db: Db, slotId: string) {
  return db.selectFrom('booking_slot as sl').select(slotColumns).where('sl.id', '=', slotId).forUpdate().executeTakeFirst();
}

/** The slots of a place or of one service that start in [from, until), in time order. */
export async function listSlots(db: Db, of: { placeId: string } | { serviceId: string }, from: Date, until: Date) {
  return db
    .selectFrom('booking_slot as sl')
    .select(slotColumns)
    .where('placeId' in of ? 'sl.place_id' : 'sl.service_id', '=', 'placeId' in of ? of.placeId : of.serviceId)
    .where('sl.starts_at', '>=', from)
    .where('sl.starts_at', '<', until)
    .orderBy('sl.starts_at')
    .execute();
}

export async function listOpenSlotsOn(db: Db, serviceId: string, onDate: string) {
  return db.selectFrom('booking_slot as sl').select(slotColumns).where('sl.service_id', '=', serviceId).where('sl.slot_date', '=', onDate).where('sl.status', '=', 'open').execute();
}

/**
 * The booking rule itself: takes k seats only if they are free, in one statement. Two transactions
 * racing for the last seat serialise on the row lock; the second re-evaluates the condition and gets 0 rows.
 */
export async function takeSeats(db: Db, slotId: string, seats: number) {
  return db
    .updateTable('booking_slot')
    .set({ seats_taken: sql`seats_taken + ${seats}` })
    .where('id', '=', slotId)
    .where('status', '=', 'open')
    .where(sql<boolean>`seats_taken + ${seats} <= capacity`)
    .returning(['seats_taken', 'capacity'])
    .executeTakeFirst();
}

/** The control for the race test: read-then-write with no condition (lost updates are possible). */
export async function writeSeatsTaken(db: Db, slotId: string, seatsTaken: number) {
  await db.updateTable('booking_slot').set({ seats_taken: seatsTaken }).where('id', '=', slotId).execute();
}

export async function releaseSeats(db: Db, slotId: string, seats: number) {
  await db
    .updateTable('booking_slot')
    .set({ seats_taken: sql`greatest(seats_taken - ${seats}, 0)` })
    .where('id', '=', slotId)
    .execute();
}

export async function closeSlotRow(db: Db, slotId: string, reason: string) {
  await db.updateTable('booking_slot').set({ status: 'closed', closed_reason: reason, closed_at: sql`now()`, seats_taken: 0 }).where('id', '=', slotId).execute();
}

// ── bookings ────────────────────────────────────────────────────────────────────────────────────

export async function insertBooking(
  db: Db,
  row: {
    municipalityId: string;
    slotId: string;
    serviceId: string;
    householdId: string;
    bookedBy: string;
    seats: number;
    adults: number;
    status: BookingStatus;
    channel: BookingChannel;
    noticeId: string | null;
    idempotencyKey: string | null;
    confirmedAt: Date | null;
  },
  childIds: string[]
) {
  const booking = await db
    .insertInto('booking')
    .values({
      municipality_id: row.municipalityId,
      slot_id: row.slotId,
      service_id: row.serviceId,
      household_id: row.householdId,
      booked_by: row.bookedBy,
      seats: row.seats,
      adults: row.adults,
      status: row.status,
      channel: row.channel,
      notice_id: row.noticeId,
      idempotency_key: row.idempotencyKey,
      confirmed_at: row.confirmedAt
    })
    .returning(['id', 'status', 'created_at'])
    .executeTakeFirstOrThrow();
  if (childIds.length) await db.insertInto('booking_child').values(childIds.map((childId) => ({ booking_id: booking.id, child_id: childId }))).execute();
  return booking;
}

export async function findBookingByIdempotencyKey(db: Db, userId: string, key: string) {
  return db.selectFrom('booking').select(['id', 'status', 'slot_id', 'seats']).where('booked_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
}

const bookingColumns = [
  'b.id',
  'b.municipality_id',
  'b.slot_id',
  'b.service_id',
  'b.household_id',
  'b.booked_by',
  'b.seats',
  'b.adults',
  'b.status',
  'b.channel',
  'b.notice_id',
  'b.created_at',
  'b.confirmed_at',
  'b.cancelled_at',
  'b.offer_expires_at',
  'b.attendance',
  'b.attendance_at'
] as const;

export async function findBooking(db: Db, municipalityId: string, bookingId: string) {
  return db.selectFrom('booking as b').select(bookingColumns).where('b.id', '=', bookingId).where('b.municipality_id', '=', municipalityId).executeTakeFirst();
}

export async function lockBooking(db: Db, bookingId: string) {
  return db.selectFrom('booking as b').select(bookingColumns).where('b.id', '=', bookingId).forUpdate().executeTakeFirst();
}
export type BookingRecord = NonNullable<Awaited<ReturnType<typeof findBooking>>>;

export async function setBookingStatus(
  db: Db,
  bookingId: string,
  fromStatuses: BookingStatus[],
  changes: { status: BookingStatus; confirmed?: boolean; cancelled?: boolean; offerExpiresAt?: Date | null }
) {
  const result = await db
    .updateTable('booking')
    .set({
      status: changes.status,
      ...(changes.confirmed ? { confirmed_at: sql<Date>`now()` } : {}),
      ...(changes.cancelled ? { cancelled_at: sql<Date>`now()` } : {}),
      ...(changes.offerExpiresAt !== undefined ? { offer_expires_at: changes.offerExpiresAt } : {})
    })
    .where('id', '=', bookingId)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setAttendance(db: Db, bookingId: string, attendance: 'checked_in' | 'no_show' | null) {
  await db
    .updateTable('booking')
    .set({ attendance, attendance_at: attendance ? sql<Date>`coalesce(attendance_at, now())` : null })
    .where('id', '=', bookingId)
    .execute();
}

/** The waiting list of a slot, first come first served. */
export async function listWaitlisted(db: Db, slotId: string) {
  return db.selectFrom('booking as b').select(bookingColumns).where('b.slot_id', '=', slotId).where('b.status', '=', 'waitlisted').orderBy('b.created_at').orderBy('b.id').execute();
}

export async function listActiveBookingsOfSlot(db: Db, slotId: string) {
  return db.selectFrom('booking as b').select(bookingColumns).where('b.slot_id', '=', slotId).where('b.status', 'in', ACTIVE).execute();
}

export async function listExpiredOffers(db: Db, at: Date) {
  return db.selectFrom('booking').select(['id', 'slot_id', 'municipality_id']).where('status', '=', 'offered').where('offer_expires_at', '<', at).execute();
}

/** Seats the household already holds in this service in a calendar month (for the monthly cap). */
export async function countHouseholdBookingsInMonth(db: Db, householdId: string, serviceId: string, monthStart: string, monthEnd: string) {
  const row = await db
    .selectFrom('booking as b')
    .innerJoin('booking_slot as sl', 'sl.id', 'b.slot_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('b.household_id', '=', householdId)
    .where('b.service_id', '=', serviceId)
    .where('b.status', 'in', ACTIVE)
    .where('sl.slot_date', '>=', monthStart)
    .where('sl.slot_date', '<', monthEnd)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findActiveBookingOfHousehold(db: Db, slotId: string, householdId: string) {
  return db.selectFrom('booking as b').select(bookingColumns).where('b.slot_id', '=', slotId).where('b.household_id', '=', householdId).where('b.status', 'in', ACTIVE).executeTakeFirst();
}

/** A household's bookings with their slot, service and place, newest slot first. */
export async function listBookingsOfHousehold(db: Db, householdId: string) {
  return db
    .selectFrom('booking as b')
    .innerJoin('booking_slot as sl', 'sl.id', 'b.slot_id')
    .innerJoin('booking_service as s', 's.id', 'b.service_id')
    .innerJoin('place as p', 'p.id', 'sl.place_id')
    .select([
      ...bookingColumns,
      'sl.starts_at',
      'sl.ends_at',
      'sl.slot_date',
      'sl.status as slot_status',
      'sl.closed_reason',
      's.name as service_name',
      's.kind',
      's.cancel_hours_before',
      's.cancel_by_time',
      'p.id as place_id',
      'p.name as place_name',
      'p.organization_id'
    ])
    .where('b.household_id', '=', householdId)
    .orderBy('sl.starts_at', 'desc')
    .limit(200)
    .execute();
}

export async function listChildrenOfBookings(db: Db, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom('booking_child as bc')
    .innerJoin('child as c', 'c.id', 'bc.child_id')
    .select(['bc.booking_id', 'c.id', 'c.name'])
    .where('bc.booking_id', 'in', bookingIds)
    .orderBy('c.birth_date')
    .execute();
}

/** The roster: every live booking of a slot with the guardian's name and email. */
export async function listRoster(db: Db, slotId: string) {
  return db
    .selectFrom('booking as b')
    .innerJoin('user as u', 'u.id', 'b.booked_by')
    .select([...bookingColumns, 'u.name as guardian_name', 'u.email as guardian_email'])
    .where('b.slot_id', '=', slotId)
    .where('b.status', 'in', [...ACTIVE, 'cancelled', 'declined', 'expired'])
    .orderBy('b.created_at')
    .execute();
}

export async function listAttendeeEmails(db: Db, slotId: string, statuses: BookingStatus[]) {
  return db
    .selectFrom('booking as b')
    .innerJoin('user as u', 'u.id', 'b.booked_by')
    .select(['b.id', 'u.email', 'u.name'])
    .where('b.slot_id', '=', slotId)
    .where('b.status', 'in', statuses)
    .execute();
}

export async function findUserContact(db: Db, userId: string) {
  return db.selectFrom('user').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
}

/** How many bookings a slot has per status (used by tests and the console). */
export async function countSeatsByStatus(db: Db, slotId: string) {
  return db
    .selectFrom('booking')
    .select(['status'])
    .select((eb) => [eb.fn.sum<number>('seats').as('seats'), eb.fn.countAll<number>().as('bookings')])
    .where('slot_id', '=', slotId)
    .groupBy('status')
    .execute();
}

// ── households and children (read only: the households domain owns them) ─────────────────────────

export async function findActiveHouseholdId(db: Db, userId: string, municipalityId: string) {
  const row = await db
    .selectFrom('household_guardian as g')
    .innerJoin('household as h', 'h.id', 'g.household_id')
    .select(['h.id'])
    .where('g.user_id', '=', userId)
    .where('g.removed_at', 'is', null)
    .where('h.municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row?.id;
}

/** Serialises one household's bookings (monthly caps and one booking per slot hold under retries). */
export async function lockHouseholdRow(db: Db, householdId: string) {
  await db.selectFrom('household').select('id').where('id', '=', householdId).forUpdate().executeTakeFirst();
}

export async function listChildrenOfHousehold(db: Db, householdId: string) {
  return db.selectFrom('child').select(['id', 'name', 'birth_date']).where('household_id', '=', householdId).orderBy('birth_date').execute();
}

// ── registrations (事前登録) ─────────────────────────────────────────────────────────────────────

export async function listRegistrationsOfHousehold(db: Db, householdId: string, placeId: string) {
  return db.selectFrom('booking_registration').select(['id', 'child_id', 'status']).where('household_id', '=', householdId).where('place_id', '=', placeId).execute();
}

export async function upsertRegistrationRequest(db: Db, row: { municipalityId: string; placeId: string; householdId: string; childId: string; requestedBy: string }) {
  await db
    .insertInto('booking_registration')
    .values({ municipality_id: row.municipalityId, place_id: row.placeId, household_id: row.householdId, child_id: row.childId, requested_by: row.requestedBy })
    .onConflict((oc) =>
      oc.columns(['place_id', 'child_id']).doUpdateSet({ status: 'requested', requested_at: sql`now()`, decided_at: null, decided_by: null }).where('booking_registration.status', '=', 'declined')
    )
    .execute();
}

export async function listRegistrationsForPlaces(db: Db, placeIds: string[]) {
  if (placeIds.length === 0) return [];
  return db
    .selectFrom('booking_registration as r')
    .innerJoin('child as c', 'c.id', 'r.child_id')
    .innerJoin('user as u', 'u.id', 'r.requested_by')
    .select(['r.id', 'r.place_id', 'r.status', 'r.requested_at', 'c.name as child_name', 'c.birth_date', 'u.name as guardian_name'])
    .where('r.place_id', 'in', placeIds)
    .orderBy('r.requested_at')
    .execute();
}

export async function findRegistration(db: Db, municipalityId: string, registrationId: string) {
  return db.selectFrom('booking_registration').selectAll().where('id', '=', registrationId).where('municipality_id', '=', municipalityId).executeTakeFirst();
}

export async function decideRegistrationRow(db: Db, registrationId: string, status: 'approved' | 'declined', decidedBy: string) {
  await db.updateTable('booking_registration').set({ status, decided_at: sql`now()`, decided_by: decidedBy }).where('id', '=', registrationId).execute();
}

// ── seat alerts ("tell me when a seat opens") ───────────────────────────────────────────────────

export async function insertAlert(db: Db, row: { slotId: string; userId: string; municipalityId: string }) {
  await db
    .insertInto('booking_alert')
    .values({ slot_id: row.slotId, user_id: row.userId, municipality_id: row.municipalityId })
    .onConflict((oc) => oc.columns(['slot_id', 'user_id']).doUpdateSet({ notified_at: null }))
    .execute();
}

export async function deleteAlert(db: Db, slotId: string, userId: string) {
  await db.deleteFrom('booking_alert').where('slot_id', '=', slotId).where('user_id', '=', userId).execute();
}

export async function listAlertsOfUser(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('booking_alert as a')
    .innerJoin('booking_slot as sl', 'sl.id', 'a.slot_id')
    .innerJoin('booking_service as s', 's.id', 'sl.service_id')
    .innerJoin('place as p', 'p.id', 'sl.place_id')
    .select(['a.slot_id', 'a.notified_at', 'sl.starts_at', 'sl.ends_at', 'sl.capacity', 'sl.seats_taken', 's.name as service_name', 'p.id as place_id', 'p.name as place_name'])
    .where('a.user_id', '=', userId)
    .where('a.municipality_id', '=', municipalityId)
    .orderBy('sl.starts_at')
    .execute();
}

/** Claims the alerts of a slot that have not been sent yet (each is sent once). */
export async function claimAlerts(db: Db, slotId: string) {
  return db
    .updateTable('booking_alert as a')
    .set({ notified_at: sql`now()` })
    .from('user as u')
    .whereRef('u.id', '=', 'a.user_id')
    .where('a.slot_id', '=', slotId)
    .where('a.notified_at', 'is', null)
    .returning(['a.user_id', 'a.notified_at', 'u.name'])
    .execute();
}

export async function findAlert(db: Db, slotId: string, userId: string) {
  return db.selectFrom('booking_alert').select(['slot_id', 'notified_at']).where('slot_id', '=', slotId).where('user_id', '=', userId).executeTakeFirst();
}

// ── notifications across instances ───────────────────────────────────────────────────────────────

export const AVAILABILITY_CHANNEL = 'hagukumi_availability';

export async function notifyAvailability(db: Db, placeId: string) {
  await sql`select pg_notify(${AVAILABILITY_CHANNEL}, ${placeId})`.execute(db);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

/** A household's bookings that hold or wait for a seat, ending after `since`, soonest first (timeline and calendar feed). */
export async function listHeldBookingsOfHousehold(db: Db, householdId: string, since: Date) {
  return db
    .selectFrom('booking as b')
    .innerJoin('booking_slot as sl', 'sl.id', 'b.slot_id')
    .innerJoin('booking_service as s', 's.id', 'b.service_id')
    .innerJoin('place as p', 'p.id', 'sl.place_id')
    .select(['b.id', 'b.status', 'b.seats', 'sl.starts_at', 'sl.ends_at', 'sl.slot_date', 's.name as service_name', 'p.name as place_name', 'p.address as place_address'])
    .where('b.household_id', '=', householdId)
    .where('b.status', 'in', ['confirmed', 'pending', 'offered', 'waitlisted'])
    .where('sl.status', '=', 'open')
    .where('sl.ends_at', '>', since)
    .orderBy('sl.starts_at')
    .orderBy('b.id')
    .limit(200)
    .execute();
}
