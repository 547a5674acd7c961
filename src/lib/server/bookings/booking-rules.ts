import holidayJp from '@holiday-jp/holiday_jp';
import { addDays } from '../platform/clock.ts';
import type { CapacityUnit, ServiceKind } from './bookings.table.ts';

/**
 * The pure rules of booking: when a slot opens, until when it can be cancelled, how many seats a
 * request takes, which days a pattern gives. Times are Asia/Tokyo, which has no daylight saving time.
 */

/** The instant of a Tokyo wall-clock time on a business date. */
export function tokyoInstant(isoDate: string, time: string): Date {
  return new Date(`${isoDate}T${time}:00+09:00`);
}

/** 'HH:MM' in Tokyo of an instant. */
export function tokyoTime(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(11, 16);
}

export function isHoliday(isoDate: string): boolean {
  return isoDate in holidayJp.holidays;
}

export function holidayName(isoDate: string): string | undefined {
  return (holidayJp.holidays as Record<string, { name: string } | undefined>)[isoDate]?.name;
}

/** 0 = Sunday … 6 = Saturday, of a business date. */
export function weekdayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** When booking opens for a slot on `slotDate`: N days before, at the service's hour. */
export function bookingOpensAt(service: { opens_days_ahead: number; opens_at_time: string }, slotDate: string): Date {
  return tokyoInstant(addDays(slotDate, -service.opens_days_ahead), service.opens_at_time);
}

/** The last moment a booking may be cancelled by the guardian. */
export function cancelDeadline(service: { cancel_hours_before: number; cancel_by_time: string | null }, slot: { slot_date: string; starts_at: Date }): Date {
  if (service.cancel_by_time) return tokyoInstant(slot.slot_date, service.cancel_by_time);
  return new Date(slot.starts_at.getTime() - service.cancel_hours_before * 3_600_000);
}

/** Seats a request takes: children, people (children + adults) or one per household. */
export function seatsFor(unit: CapacityUnit, children: number, adults: number): number {
  if (unit === 'children') return children;
  if (unit === 'people') return children + adults;
  return 1;
}

/** Kinds whose slots are for the children themselves (a booking names at least one child). */
export function needsChildren(kind: ServiceKind): boolean {
  return kind === 'temporary_care' || kind === 'sick_child_care';
}

export function ageInMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = onDate.split('-').map(Number);
  let months = (ty - by) * 12 + (tm - bm);
  if (td < bd) months -= 1;
  return months;
}

export function isAgeAllowed(service: { min_age_months: number | null; max_age_months: number | null }, birthDate: string, onDate: string): boolean {
  const months = ageInMonths(birthDate, onDate);
  if (service.min_age_months !== null && months < service.min_age_months) return false;
  if (service.max_age_months !== null && months > service.max_age_months) return false;
  return true;
}

export interface PatternForDates {
  weekday: number;
  valid_from: string;
  valid_until: string | null;
  skip_holidays: boolean;
}

/** The dates in [from, until] a pattern gives a slot on, leaving out holidays (if asked) and closures. */
export function patternDates(pattern: PatternForDates, from: string, until: string, closures: Set<string>): string[] {
  const dates: string[] = [];
  const start = pattern.valid_from > from ? pattern.valid_from : from;
  const end = pattern.valid_until && pattern.valid_until < until ? pattern.valid_until : until;
  for (let date = start; date <= end; date = addDays(date, 1)) {
    if (weekdayOf(date) !== pattern.weekday) continue;
    if (pattern.skip_holidays && isHoliday(date)) continue;
    if (closures.has(date)) continue;
    dates.push(date);
  }
  return dates;
}

/** First day of the month of a date, and of the next month: the monthly cap's period. */
export function monthBounds(isoDate: string): { start: string; end: string } {
  const [y, m] = isoDate.split('-').map(Number);
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start, end: next };
}
