/**
 * The one clock. Business dates are Asia/Tokyo whatever the server's zone; tests set the time here.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Tokyo';

let fixedNow: Date | undefined;

export function now(): Date {
  return fixedNow ? new Date(fixedNow.getTime()) : new Date();
}

/** For tests: freeze the clock at `at` (or release it with undefined). */
export function setClock(at: Date | string | undefined): void {
  fixedNow = at === undefined ? undefined : new Date(at);
}

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit'
});

/** The calendar date ('YYYY-MM-DD') in Tokyo at the instant `at`. */
export function businessDate(at: Date = now()): string {
  return dateFormat.format(at);
}

export function today(): string {
  return businessDate(now());
}

/** The fiscal year (年度) that contains a business date: April to March. */
export function fiscalYearOf(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** Whole calendar months from `from` to `to` (ISO dates), as in 「生後Xか月」 with month-end handling. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  const lastDayOfToMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  // Born on the 31st: the month is complete on the last day of a shorter month.
  if (td < fd && td < lastDayOfToMonth) months -= 1;
  return months;
}

/** Adds days to an ISO date, in calendar terms. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Adds calendar months; a day past the target month's end is clamped to its last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
