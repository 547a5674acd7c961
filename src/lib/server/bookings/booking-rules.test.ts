import { describe, expect, it } from 'vitest';
import { ageInMonths, bookingOpensAt, cancelDeadline, isAgeAllowed, isHoliday, monthBounds, patternDates, seatsFor, tokyoInstant, tokyoTime } from './booking-rules.ts';
import { signCheckIn, verifyCheckIn } from './check-in-token.ts';

describe('booking rules', () => {
  it('a slot on day D opens N days before at the set Tokyo hour, whatever the server zone', () => {
    expect(bookingOpensAt({ opens_days_ahead: 7, opens_at_time: '09:00' }, '2026-12-10').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(bookingOpensAt({ opens_days_ahead: 0, opens_at_time: '06:30' }, '2026-12-10').toISOString()).toBe('2026-12-09T21:30:00.000Z');
    expect(tokyoTime(tokyoInstant('2026-12-10', '08:15'))).toBe('08:15');
  });

  it('cancelling closes N hours before the start, or at the hour of the day when one is set (病児保育)', () => {
    const slot = { slot_date: '2026-12-10', starts_at: tokyoInstant('2026-12-10', '10:00') };
    expect(cancelDeadline({ cancel_hours_before: 24, cancel_by_time: null }, slot).toISOString()).toBe('2026-12-09T01:00:00.000Z');
    expect(cancelDeadline({ cancel_hours_before: 24, cancel_by_time: '08:00' }, slot).toISOString()).toBe('2026-12-09T23:00:00.000Z');
  });

  it('a request takes a seat per child, per person, or one per household', () => {
    expect(seatsFor('children', 3, 1)).toBe(3);
    expect(seatsFor('people', 2, 1)).toBe(3);
    expect(seatsFor('households', 3, 2)).toBe(1);
  });

  it('ages count whole months, and limits include both ends', () => {
    expect(ageInMonths('2026-01-31', '2026-02-28')).toBe(0);
    expect(ageInMonths('2026-01-15', '2026-07-15')).toBe(6);
    expect(isAgeAllowed({ min_age_months: 6, max_age_months: 12 }, '2026-01-15', '2026-07-15')).toBe(true);
    expect(isAgeAllowed({ min_age_months: 6, max_age_months: 12 }, '2026-01-16', '2026-07-15')).toBe(false);
    expect(isAgeAllowed({ min_age_months: null, max_age_months: 12 }, '2025-01-01', '2026-07-15')).toBe(false);
  });

  it('weekly patterns skip national holidays (with substitute holidays) and closures, within their validity', () => {
    expect(isHoliday('2026-11-23')).toBe(true);
    expect(isHoliday('2026-11-24')).toBe(false);
    const mondays = patternDates({ weekday: 1, valid_from: '2026-11-01', valid_until: '2026-12-31', skip_holidays: true }, '2026-11-10', '2027-02-01', new Set(['2026-12-07']));
    expect(mondays).toEqual(['2026-11-16', '2026-11-30', '2026-12-14', '2026-12-21', '2026-12-28']);
    const keepHolidays = patternDates({ weekday: 1, valid_from: '2026-11-01', valid_until: '2026-11-30', skip_holidays: false }, '2026-11-20', '2026-12-31', new Set());
    expect(keepHolidays).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('the monthly cap counts by calendar month, December into January', () => {
    expect(monthBounds('2026-12-15')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
  });
});

describe('check-in QR tokens', () => {
  const id = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
  it('verify only with the same secret and untouched', () => {
    const token = signCheckIn('secret-a', id);
    expect(verifyCheckIn('secret-a', token)).toBe(id);
    expect(verifyCheckIn('secret-b', token)).toBeUndefined();
    expect(verifyCheckIn('secret-a', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    expect(verifyCheckIn('secret-a', `${'0'.repeat(8)}-5b6d-4e7f-8a9b-0c1d2e3f4a5b.${token.split('.')[1]}`)).toBeUndefined();
    expect(verifyCheckIn('secret-a', 'garbage')).toBeUndefined();
  });
});
