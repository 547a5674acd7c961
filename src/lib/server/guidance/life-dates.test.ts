import { describe, expect, it } from 'vitest';
import {
  dateReaching,
  elementarySchoolEntry,
  endOfSchoolYearTurning,
  hasReached,
  lastDayBefore,
  pregnancyWeekDate,
  pregnancyWeekOn,
  schoolYearTurning,
  startOfSchoolYearTurning,
  type Age
} from './life-dates.ts';

const m = (value: number): Age => ({ unit: 'months', value });
const d = (value: number): Age => ({ unit: 'days', value });
const y = (value: number): Age => ({ unit: 'years', value });

describe('the day a child reaches an age (生後N月に至る日)', () => {
  it.each([
    ['2026-01-15', m(1), '2026-02-15'],
    ['2026-01-15', m(2), '2026-03-15'],
    // born on the 31st: a shorter month is complete on its last day
    ['2026-01-31', m(1), '2026-02-28'],
    ['2028-01-31', m(1), '2028-02-29'],
    ['2026-01-29', m(1), '2026-02-28'],
    ['2026-01-28', m(1), '2026-02-28'],
    ['2026-01-31', m(2), '2026-03-31'],
    ['2026-03-31', m(1), '2026-04-30'],
    ['2025-12-31', m(2), '2026-02-28'],
    ['2026-08-31', m(6), '2027-02-28'],
    // leap-day births reach their birthdays on 28 February in common years
    ['2024-02-29', y(1), '2025-02-28'],
    ['2024-02-29', y(4), '2028-02-29'],
    ['2024-02-29', m(1), '2024-03-29'],
    // days count from the birth day: 出生6週0日後 = 42 days later
    ['2026-01-01', d(42), '2026-02-12'],
    ['2026-02-20', d(14), '2026-03-06'],
    ['2027-12-25', d(10), '2028-01-04']
  ])('born %s, reaches %o on %s', (birth, age, expected) => {
    expect(dateReaching(birth, age)).toBe(expected);
  });

  it.each([
    ['2026-01-15', m(2), '2026-03-14'],
    ['2025-12-31', m(2), '2026-02-27'],
    ['2026-03-01', m(1), '2026-03-31'],
    ['2024-02-29', y(1), '2025-02-27'],
    ['2026-01-01', y(1), '2026-12-31']
  ])('"生後%s に %o に至るまで" ends on %s', (birth, age, expected) => {
    expect(lastDayBefore(birth, age)).toBe(expected);
  });

  it('has reached the age on that day and not the day before', () => {
    expect(hasReached('2026-01-31', m(1), '2026-02-27')).toBe(false);
    expect(hasReached('2026-01-31', m(1), '2026-02-28')).toBe(true);
  });
});

describe('school years (学年): a child born on 1 April belongs to the earlier year', () => {
  it.each([
    // born, turning, school year in which the child turns N
    ['2020-04-01', 6, 2025],
    ['2020-04-02', 6, 2026],
    ['2020-03-31', 6, 2025],
    ['2021-01-01', 6, 2026],
    ['2021-04-01', 6, 2026],
    ['2020-02-29', 6, 2025],
    ['2008-04-01', 18, 2025],
    ['2008-04-02', 18, 2026]
  ])('born %s turns %i in the school year starting in %i', (birth, years, expected) => {
    expect(schoolYearTurning(birth, years)).toBe(expected);
  });

  it.each([
    ['2020-04-01', '2026-04-01'],
    ['2020-04-02', '2027-04-01'],
    ['2019-04-02', '2026-04-01'],
    ['2020-12-31', '2027-04-01']
  ])('born %s starts elementary school on %s', (birth, expected) => {
    expect(elementarySchoolEntry(birth)).toBe(expected);
  });

  it('児童手当 runs to the end of the school year in which the child turns 18', () => {
    expect(endOfSchoolYearTurning('2008-04-01', 18)).toBe('2026-03-31');
    expect(endOfSchoolYearTurning('2008-04-02', 18)).toBe('2027-03-31');
    expect(endOfSchoolYearTurning('2009-03-31', 18)).toBe('2027-03-31');
  });

  it('the year before school (年長) starts on 1 April of the school year in which the child turns 6', () => {
    expect(startOfSchoolYearTurning('2020-04-02', 6)).toBe('2026-04-01');
    expect(endOfSchoolYearTurning('2020-04-02', 6)).toBe('2027-03-31');
  });
});

describe('pregnancy weeks from the due date (40週0日 = the due date)', () => {
  it.each([
    ['2026-12-31', 40, 0, '2026-12-31'],
    ['2026-12-31', 0, 0, '2026-03-26'],
    ['2026-12-31', 28, 0, '2026-10-08'],
    ['2026-12-31', 36, 6, '2026-12-09'],
    ['2028-03-01', 40, 0, '2028-03-01'],
    ['2028-03-01', 39, 6, '2028-02-29']
  ])('due %s: %i週%i日 is %s', (due, weeks, days, expected) => {
    expect(pregnancyWeekDate(due, weeks, days)).toBe(expected);
    expect(pregnancyWeekOn(due, expected)).toEqual({ weeks, days });
  });

  it('the day before 28週0日 is 27週6日', () => {
    expect(pregnancyWeekOn('2026-12-31', '2026-10-07')).toEqual({ weeks: 27, days: 6 });
  });
});
