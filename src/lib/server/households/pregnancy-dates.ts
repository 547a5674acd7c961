import { addDays, monthsBetween } from '../platform/clock.ts';

/** A pregnancy lasts 280 days (40 weeks + 0 days) from the first day of the last period to the due date. */
export const FULL_TERM_DAYS = 280;

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** The due date of someone who is `weeks`+`days` pregnant on `onDate`. */
export function dueDateFromWeek(onDate: string, weeks: number, days: number): string {
  return addDays(onDate, FULL_TERM_DAYS - (weeks * 7 + days));
}

/** How far along (妊娠X週Y日) a pregnancy with this due date is on `onDate`; undefined outside 0w0d–44w6d. */
export function gestationOn(dueDate: string, onDate: string): { weeks: number; days: number } | undefined {
  const elapsed = FULL_TERM_DAYS - daysBetween(onDate, dueDate);
  if (elapsed < 0 || elapsed > 44 * 7 + 6) return undefined;
  return { weeks: Math.floor(elapsed / 7), days: elapsed % 7 };
}

/** A child's age in whole years and months (満X歳Yか月) on `onDate`. */
export function ageOn(birthDate: string, onDate: string): { years: number; months: number } {
  const total = Math.max(0, monthsBetween(birthDate, onDate));
  return { years: Math.floor(total / 12), months: total % 12 };
}
