import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Facts for the bookings KPI page: one row per month (Tokyo time), counted in the database.

/** Bookings that got a seat (confirmed at some time), per month of booking, by channel and notice. */
export async function countBookingsByMonth(db: Db, municipalityId: string, from: Date, to: Date) {
  const result = await sql<{ month: string; channel: string; from_notice: boolean; bookings: number; children: number }>`
    select to_char(b.created_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month, b.channel, (b.notice_id is not null) as from_notice,
      count(*)::int as bookings, coalesce(sum((select count(*) from booking_child c where c.booking_id = b.id)), 0)::int as children
    from booking b
    where b.municipality_id = ${municipalityId} and b.confirmed_at is not null
      and b.created_at >= ${from} and b.created_at < ${to}
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

/**
 * Facilities that offered online booking: places with a slot in the month, and (month null) in the
 * whole period, each place counted once.
 */
export async function countFacilitiesWithSlotsByMonth(db: Db, municipalityId: string, fromDate: string, toDate: string) {
  const result = await sql<{ month: string | null; facilities: number }>`
    select to_char(sl.slot_date, 'YYYY-MM') as month, count(distinct sl.place_id)::int as facilities
    from booking_slot sl
    where sl.municipality_id = ${municipalityId} and sl.slot_date >= ${fromDate} and sl.slot_date < ${toDate}
    group by grouping sets ((to_char(sl.slot_date, 'YYYY-MM')), ())`.execute(db);
  return result.rows;
}

/** Facilities with an active bookable service today, and all places in the directory. */
export async function countFacilitiesNow(db: Db, municipalityId: string) {
  const result = await sql<{ with_online_booking: number; places: number }>`
    select (select count(distinct s.place_id) from booking_service s where s.municipality_id = ${municipalityId} and s.is_active)::int as with_online_booking,
      (select count(*) from place p where p.municipality_id = ${municipalityId} and p.is_published)::int as places`.execute(db);
  return result.rows[0] ?? { with_online_booking: 0, places: 0 };
}
