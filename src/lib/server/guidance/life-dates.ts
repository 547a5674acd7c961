import { addDays, addMonths, fiscalYearOf } from '../platform/clock.ts';

/**
 * Life-stage dates. Pure functions over ISO business dates ('YYYY-MM-DD', Asia/Tokyo).
 *
 * Convention (decision 0009): a child "reaches" N months (生後N月に至る) on the calendar day that
 * corresponds to the birth day N months later; when that month has no such day (born on the 29th–31st),
 * it is the month's last day — so a child born on 31 January reaches 1 month on 28 February
 * (29 February in a leap year). "生後N月に至るまで" therefore ends the day before. Years are 12 months,
 * so a child born on 29 February reaches each birthday on 28 February in common years.
 * This is the convention of clock.ts `monthsBetween`/`addMonths` and of PostgreSQL's
 * `date + interval 'N months'`, so the timeline and set-based SQL agree.
 */

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

export type AgeUnit = 'days' | 'weeks' | 'months' | 'years';

/** An age such as 生後2月 ({ unit: 'months', value: 2 }) or 出生6週0日後 ({ unit: 'days', value: 42 }). */
export interface Age {
  unit: AgeUnit;
  value: number;
}

/** The day a child born on `birthDate` reaches `age` (生後N月に至る日). */
export function dateReaching(birthDate: string, age: Age): string {
  switch (age.unit) {
    case 'days':
      return addDays(birthDate, age.value);
    case 'weeks':
      return addDays(birthDate, age.value * 7);
    case 'months':
      return addMonths(birthDate, age.value);
    case 'years':
      return addMonths(birthDate, age.value * 12);
  }
}

/** The last day of "生後N月に至るまで": the day before the child reaches `age`. */
export function lastDayBefore(birthDate: string, age: Age): string {
  return addDays(dateReaching(birthDate, age), -1);
}

/** Whether the child has reached `age` on `onDate`. */
export function hasReached(birthDate: string, age: Age, onDate: string): boolean {
  return dateReaching(birthDate, age) <= onDate;
}

/**
 * The school year (学年, April–March, named by the calendar year it starts in) in which the child turns
 * `years`. In law a birthday is reached at the end of the day before it, so a child born on 1 April turns
 * N on 31 March and belongs to the earlier school year, with the children born from 2 April of the year before.
 */
export function schoolYearTurning(birthDate: string, years: number): number {
  return fiscalYearOf(addDays(dateReaching(birthDate, { unit: 'years', value: years }), -1));
}

/** 1 April of the school year in which the child turns `years`. */
export function startOfSchoolYearTurning(birthDate: string, years: number): string {
  return `${schoolYearTurning(birthDate, years)}-04-01`;
}

/** 31 March ending the school year in which the child turns `years` (e.g. 児童手当 ends at 18). */
export function endOfSchoolYearTurning(birthDate: string, years: number): string {
  return `${schoolYearTurning(birthDate, years) + 1}-03-31`;
}

/** The day a child starts elementary school: 1 April after the school year in which they turn 6. */
export function elementarySchoolEntry(birthDate: string): string {
  return `${schoolYearTurning(birthDate, 6) + 1}-04-01`;
}

/** A pregnancy lasts 280 days (40週0日) from the first day of the last period to the due date. */
export const FULL_TERM_DAYS = 280;

/** The day a pregnancy with this due date is `weeks`週`days`日. */
export function pregnancyWeekDate(dueDate: string, weeks: number, days = 0): string {
  return addDays(dueDate, weeks * 7 + days - FULL_TERM_DAYS);
}

/** How far along (妊娠X週Y日) the pregnancy is on `onDate`; negative weeks before 0週0日. */
export function pregnancyWeekOn(dueDate: string, onDate: string): { weeks: number; days: number } {
  const elapsed = FULL_TERM_DAYS - daysBetween(onDate, dueDate);
  return { weeks: Math.floor(elapsed / 7), days: ((elapsed % 7) + 7) % 7 };
}

export function maxDate(...dates: (string | null | undefined)[]): string {
  return dates.filter((d): d is string => !!d).reduce((a, b) => (a > b ? a : b));
}

export function minDate(...dates: (string | null | undefined)[]): string {
  return dates.filter((d): d is string => !!d).reduce((a, b) => (a < b ? a : b));
}
