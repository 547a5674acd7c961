import { describe, expect, it } from 'vitest';
import { ageKeyFrom, letterFor, pseudonymParts } from './pseudonym.ts';

describe('pseudonyms', () => {
  it.each([
    [{ childAgesInYears: [3], hasOngoingPregnancy: false }, 'age_3'],
    [{ childAgesInYears: [7, 0], hasOngoingPregnancy: true }, 'age_0'],
    [{ childAgesInYears: [8], hasOngoingPregnancy: false }, 'school'],
    [{ childAgesInYears: [14], hasOngoingPregnancy: false }, 'teen'],
    [{ childAgesInYears: [], hasOngoingPregnancy: true }, 'pregnancy'],
    [{ childAgesInYears: [], hasOngoingPregnancy: false }, 'parent'],
    [undefined, 'parent']
  ] as const)('the youngest child (or a pregnancy) decides the age part: %j → %s', (household, key) => {
    expect(ageKeyFrom(household ? { childAgesInYears: [...household.childAgesInYears], hasOngoingPregnancy: household.hasOngoingPregnancy } : undefined)).toBe(key);
  });

  it('letters follow the order writers joined a thread', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letterFor)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('unknown stored values fall back to a neutral pseudonym', () => {
    expect(pseudonymParts({ position: null, age_key: 'x', persona: null })).toEqual({ ageKey: 'parent', persona: 'guardian', letter: 'A' });
  });
});
