import { afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, businessDate, fiscalYearOf, isIsoDate, monthsBetween, now, setClock, today } from './clock.ts';

afterEach(() => setClock(undefined));

describe('the business clock (Asia/Tokyo)', () => {
  it('gives the Tokyo date, not the server date, just after midnight in Tokyo', () => {
    setClock('2026-03-31T15:30:00Z'); // 00:30 on 1 April in Tokyo
    expect(today()).toBe('2026-04-01');
    expect(businessDate(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
  });

  it('can be frozen by tests and returns copies', () => {
    setClock('2026-11-27T00:00:00Z');
    const a = now();
    a.setFullYear(2000);
    expect(now().toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('puts April to March in one fiscal year (年度)', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
  });

  it('counts whole calendar months, completing a month born on the 31st at a shorter month end', () => {
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-02-29', '2025-02-28')).toBe(12);
  });

  it('adds months with month-end clamping and days across leap years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-27', 10)).toBe('2027-09-27');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026/01/01')).toBe(false);
  });
});
