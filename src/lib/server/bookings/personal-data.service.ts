import type { Db } from '../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../platform/timestamps.ts';
import { listAllBookingsOfHouseholds, listBookedChildren, listPreRegistrationsOfHouseholds, listSeatAlertsOf } from './personal-data.queries.ts';

export interface BookingsDataExport {
  bookings: {
    id: string;
    householdId: string;
    placeName: string;
    serviceName: string;
    startsAt: string;
    endsAt: string;
    childIds: string[];
    seats: number;
    adults: number;
    status: string;
    channel: string;
    fromNoticeId: string | null;
    bookedAt: string;
    confirmedAt: string | null;
    cancelledAt: string | null;
    attendance: string | null;
    attendanceAt: string | null;
  }[];
  preRegistrations: { childId: string; placeName: string; status: string; requestedAt: string; decidedAt: string | null }[];
  seatAlerts: { placeName: string; serviceName: string; startsAt: string; since: string; notifiedAt: string | null }[];
}

/**
 * The bookings part of a person's data export: every booking of their households (past ones too, with
 * attendance), the children's pre-registrations at facilities, and their own seat alerts.
 */
export async function exportBookingsDataOf(db: Db, person: { userId: string; municipalityId: string }, householdIds: string[]): Promise<BookingsDataExport> {
  const [bookings, registrations, alerts] = await Promise.all([
    listAllBookingsOfHouseholds(db, householdIds),
    listPreRegistrationsOfHouseholds(db, householdIds),
    listSeatAlertsOf(db, person.userId, person.municipalityId)
  ]);
  const children = await listBookedChildren(db, bookings.map((b) => b.id));
  return {
    bookings: bookings.map((b) => ({
      id: b.id,
      householdId: b.household_id,
      placeName: b.place_name,
      serviceName: b.service_name,
      startsAt: isoTimestamp(b.starts_at),
      endsAt: isoTimestamp(b.ends_at),
      childIds: children.filter((c) => c.booking_id === b.id).map((c) => c.child_id),
      seats: b.seats,
      adults: b.adults,
      status: b.status,
      channel: b.channel,
      fromNoticeId: b.notice_id,
      bookedAt: isoTimestamp(b.created_at),
      confirmedAt: isoTimestampOrNull(b.confirmed_at),
      cancelledAt: isoTimestampOrNull(b.cancelled_at),
      attendance: b.attendance,
      attendanceAt: isoTimestampOrNull(b.attendance_at)
    })),
    preRegistrations: registrations.map((r) => ({ childId: r.child_id, placeName: r.place_name, status: r.status, requestedAt: isoTimestamp(r.requested_at), decidedAt: isoTimestampOrNull(r.decided_at) })),
    seatAlerts: alerts.map((a) => ({ placeName: a.place_name, serviceName: a.service_name, startsAt: isoTimestamp(a.starts_at), since: isoTimestamp(a.created_at), notifiedAt: isoTimestampOrNull(a.notified_at) }))
  };
}
