import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { ACTIVE, SEAT_HOLDING } from './bookings.queries.ts';

/** The slots of one service, locked, in time order (for a capacity change). */
export async function lockSlotsOfService(db: Db, serviceId: string) {
  return db
    .selectFrom('booking_slot')
    .select(['id', 'municipality_id', 'service_id', 'place_id', 'slot_date', 'starts_at', 'ends_at', 'capacity', 'seats_taken', 'status', 'closed_reason'])
    .where('service_id', '=', serviceId)
    .orderBy('starts_at')
    .forUpdate()
    .execute();
}

export async function setSlotCapacity(db: Db, slotId: string, capacity: number) {
  await db.updateTable('booking_slot').set({ capacity }).where('id', '=', slotId).execute();
}

/** How many bookings (any status but cancelled/declined/expired) a service has. */
export async function countActiveBookingsOfService(db: Db, serviceId: string): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('service_id', '=', serviceId)
    .where('status', 'in', ACTIVE)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Removes the slots of a service that never had a booking (a schedule being replaced). */
export async function deleteUnbookedSlots(db: Db, serviceId: string) {
  await db
    .deleteFrom('booking_slot')
    .where('service_id', '=', serviceId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('booking').select('booking.id').whereRef('booking.slot_id', '=', 'booking_slot.id'))))
    .execute();
}

/** Closes the open slots of a service that are not at one of these starts (a schedule replaced). */
export async function closeSlotsNotAt(db: Db, serviceId: string, starts: Date[]) {
  let query = db
    .updateTable('booking_slot')
    .set({ status: 'closed', closed_reason: '日程の変更', closed_at: sql`now()` })
    .where('service_id', '=', serviceId)
    .where('status', '=', 'open');
  if (starts.length) query = query.where('starts_at', 'not in', starts);
  await query.execute();
}

export async function listSlotIdsOfService(db: Db, serviceId: string) {
  return db.selectFrom('booking_slot').select(['id', 'starts_at']).where('service_id', '=', serviceId).orderBy('starts_at').execute();
}

export async function setServiceDetails(
  db: Db,
  serviceId: string,
  details: { name: string; description: string; minAgeMonths: number | null; maxAgeMonths: number | null; capacityUnit: 'people' | 'households'; isActive: boolean }
) {
  await db
    .updateTable('booking_service')
    .set({
      name: details.name,
      description: details.description,
      min_age_months: details.minAgeMonths,
      max_age_months: details.maxAgeMonths,
      capacity_unit: details.capacityUnit,
      is_active: details.isActive,
      updated_at: sql`now()`
    })
    .where('id', '=', serviceId)
    .execute();
}

/** Seats of some slots: capacity, seats held and how many households wait. */
export async function listSlotSeats(db: Db, slotIds: string[]) {
  if (slotIds.length === 0) return [];
  return db
    .selectFrom('booking_slot as sl')
    .select([
      'sl.id',
      'sl.place_id',
      'sl.capacity',
      'sl.seats_taken',
      'sl.status',
      'sl.starts_at',
      (eb) =>
        eb
          .selectFrom('booking as b')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('b.slot_id', '=', 'sl.id')
          .where('b.status', '=', 'waitlisted')
          .as('waiting')
    ])
    .where('sl.id', 'in', slotIds)
    .execute();
}

/** Per slot: bookings that hold seats and the seats they hold (registrations, for the KPI). */
export async function countSeatHoldingBookings(db: Db, slotIds: string[]) {
  if (slotIds.length === 0) return [];
  return db
    .selectFrom('booking')
    .select(['slot_id', sql<number>`count(*)::int`.as('bookings'), sql<number>`coalesce(sum(seats), 0)::int`.as('seats')])
    .where('slot_id', 'in', slotIds)
    .where('status', 'in', SEAT_HOLDING)
    .groupBy('slot_id')
    .execute();
}
