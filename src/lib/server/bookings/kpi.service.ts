import type { App } from '../app.ts';
import { hasRole } from '../auth/roles.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { bookingErrors } from './bookings.errors.ts';
import { countBookingsByMonth, countFacilitiesNow, countFacilitiesWithSlotsByMonth } from './kpi.queries.ts';
import type { ProviderActor } from './provider.service.ts';

export interface BookingKpiRow {
  /** 'YYYY-MM' for a month, 'FY2026' for the fiscal year. */
  period: string;
  bookings: number;
  /** The same month (or year) one year earlier, for "year on year". */
  bookingsYearBefore: number;
  viaWeb: number;
  viaApi: number;
  children: number;
  /** Bookings made from a notice (お知らせ), for "applications per notice". */
  fromNotices: number;
  facilitiesWithSlots: number;
}

export interface BookingKpi {
  fiscalYear: number;
  months: BookingKpiRow[];
  total: BookingKpiRow;
  facilitiesWithOnlineBookingNow: number;
  placesInDirectory: number;
}

const monthsOf = (fiscalYear: number) =>
  Array.from({ length: 12 }, (_, i) => `${fiscalYear + (i >= 9 ? 1 : 0)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);

const yearBefore = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/**
 * The bookings figures of one fiscal year (April–March), per month and for the year, for ward staff:
 * bookings that got a seat, the same month a year earlier, by channel, children booked, bookings that
 * came from a notice, and facilities offering online booking.
 */
export async function getBookingKpi(app: App, actor: ProviderActor, fiscalYear: number): Promise<Result<BookingKpi>> {
  if (!(hasRole(actor.roles, 'ward_staff') || hasRole(actor.roles, 'supervisor') || hasRole(actor.roles, 'admin'))) return failure(bookingErrors.forbidden);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) return failure(bookingErrors.notFound);
  const db = app.database.db;
  const [bookings, facilities, now] = await Promise.all([
    countBookingsByMonth(db, actor.municipalityId, new Date(`${fiscalYear - 1}-04-01T00:00:00+09:00`), new Date(`${fiscalYear + 1}-04-01T00:00:00+09:00`)),
    countFacilitiesWithSlotsByMonth(db, actor.municipalityId, `${fiscalYear}-04-01`, `${fiscalYear + 1}-04-01`),
    countFacilitiesNow(db, actor.municipalityId)
  ]);
  const sum = (months: string[], pick: (r: (typeof bookings)[number]) => number) =>
    bookings.filter((r) => months.includes(r.month)).reduce((total, r) => total + pick(r), 0);
  const rowFor = (period: string, months: string[], facilitiesWithSlots: number): BookingKpiRow => ({
    period,
    bookings: sum(months, (r) => r.bookings),
    bookingsYearBefore: sum(months.map(yearBefore), (r) => r.bookings),
    viaWeb: sum(months, (r) => (r.channel === 'web' ? r.bookings : 0)),
    viaApi: sum(months, (r) => (r.channel === 'api' ? r.bookings : 0)),
    children: sum(months, (r) => r.children),
    fromNotices: sum(months, (r) => (r.from_notice ? r.bookings : 0)),
    facilitiesWithSlots
  });
  const months = monthsOf(fiscalYear);
  const facilitiesIn = (month: string) => facilities.find((f) => f.month === month)?.facilities ?? 0;
  return ok({
    fiscalYear,
    months: months.map((month) => rowFor(month, [month], facilitiesIn(month))),
    total: rowFor(`FY${fiscalYear}`, months, facilities.find((f) => f.month === null)?.facilities ?? 0),
    facilitiesWithOnlineBookingNow: now.with_online_booking,
    placesInDirectory: now.places
  });
}
