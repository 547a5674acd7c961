import type { PersonActor } from '../households/index.ts';
import type { BookingDeps } from './booking-notices.ts';
import { findActiveHouseholdId, listHeldBookingsOfHousehold } from './bookings.queries.ts';
import type { BookingStatus } from './bookings.table.ts';

export interface HeldBooking {
  id: string;
  status: Extract<BookingStatus, 'confirmed' | 'pending' | 'offered' | 'waitlisted'>;
  seats: number;
  date: string;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  placeName: string;
  placeAddress: string;
}

/**
 * The bookings of the person's household that hold or wait for a seat and end after `since` (the timeline's
 * 予約 section and the calendar feed): no children's names, no check-in codes. Empty without a household.
 */
export async function listHeldBookings(deps: Pick<BookingDeps, 'database'>, actor: Pick<PersonActor, 'userId' | 'municipalityId'>, since: Date): Promise<HeldBooking[]> {
  const db = deps.database.db;
  const householdId = await findActiveHouseholdId(db, actor.userId, actor.municipalityId);
  if (!householdId) return [];
  const rows = await listHeldBookingsOfHousehold(db, householdId, since);
  return rows.map((r) => ({
    id: r.id,
    status: r.status as HeldBooking['status'],
    seats: r.seats,
    date: r.slot_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    serviceName: r.service_name,
    placeName: r.place_name,
    placeAddress: r.place_address
  }));
}
