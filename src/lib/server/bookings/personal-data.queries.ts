import type { Db } from '../db/database.ts';

// What the bookings domain holds about the households a person is a guardian of, for their data export.

export async function listAllBookingsOfHouseholds(db: Db, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .selectFrom('booking as b')
    .innerJoin('booking_slot as sl', 'sl.id', 'b.slot_id')
    .innerJoin('booking_service as s', 's.id', 'b.service_id')
    .innerJoin('place as p', 'p.id', 'sl.place_id')
    .select([
      'b.id',
      'b.household_id',
      'b.seats',
      'b.adults',
      'b.status',
      'b.channel',
      'b.notice_id',
      'b.created_at',
      'b.confirmed_at',
      'b.cancelled_at',
      'b.attendance',
      'b.attendance_at',
      'sl.starts_at',
      'sl.ends_at',
      's.name as service_name',
      'p.name as place_name'
    ])
    .where('b.household_id', 'in', householdIds)
    .orderBy('sl.starts_at')
    .execute();
}

export async function listBookedChildren(db: Db, bookingIds: string[]) {
  if (!bookingIds.length) return [];
  return db.selectFrom('booking_child').select(['booking_id', 'child_id']).where('booking_id', 'in', bookingIds).execute();
}

export async function listPreRegistrationsOfHouseholds(db: Db, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .selectFrom('booking_registration as r')
    .innerJoin('place as p', 'p.id', 'r.place_id')
    .select(['r.child_id', 'p.name as place_name', 'r.status', 'r.requested_at', 'r.decided_at'])
    .where('r.household_id', 'in', householdIds)
    .orderBy('r.requested_at')
    .execute();
}

export async function listSeatAlertsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('booking_alert as a')
    .innerJoin('booking_slot as sl', 'sl.id', 'a.slot_id')
    .innerJoin('booking_service as s', 's.id', 'sl.service_id')
    .innerJoin('place as p', 'p.id', 'sl.place_id')
    .select(['p.name as place_name', 's.name as service_name', 'sl.starts_at', 'a.created_at', 'a.notified_at'])
    .where('a.user_id', '=', userId)
    .where('a.municipality_id', '=', municipalityId)
    .execute();
}
