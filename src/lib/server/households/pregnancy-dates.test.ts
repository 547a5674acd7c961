import { describe, expect, it } from 'vitest';
import { ageOn, dueDateFromWeek, gestationOn } from './pregnancy-dates.ts';

describe('pregnancy and age arithmetic', () => {
  it('40 weeks 0 days is the due date itself; 0 weeks is 280 days before it', () => {
    expect(dueDateFromWeek('2026-06-15', 40, 0)).toBe('2026-06-15');
    expect(dueDateFromWeek('2026-06-15', 0, 0)).toBe('2027-03-22');
    expect(gestationOn('2026-06-15', '2026-06-15')).toEqual({ weeks: 40, days: 0 });
  });

  it('the week entered comes back out the same on the same day', () => {
    for (const [weeks, days] of [[5, 0], [12, 3], [38, 6], [42, 0]]) {
      expect(gestationOn(dueDateFromWeek('2026-02-27', weeks, days), '2026-02-27')).toEqual({ weeks, days });
    }
  });

  it('no week is shown long after the due date or before the pregnancy began', () => {
    expect(gestationOn('2026-01-01', '2026-06-15')).toBeUndefined();
    expect(gestationOn('2027-06-01', '2026-06-15')).toBeUndefined();
  });

  it('a child born on the 31st turns one month old at the end of a shorter month', () => {
    expect(ageOn('2026-01-31', '2026-02-28')).toEqual({ years: 0, months: 1 });
    expect(ageOn('2025-03-15', '2026-06-14')).toEqual({ years: 1, months: 2 });
    expect(ageOn('2025-03-15', '2026-06-15')).toEqual({ years: 1, months: 3 });
  });
});
