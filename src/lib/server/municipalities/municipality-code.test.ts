import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode, municipalityCheckDigit } from './municipality-code.ts';

describe('全国地方公共団体コード check digit', () => {
  it.each([
    ['13101', 6, '千代田区'],
    ['11203', 8, '川口市'],
    ['22212', 7, '焼津市'],
    ['13000', 1, '東京都']
  ])('the check digit of %s is %i (%s)', (firstFive, digit) => {
    expect(municipalityCheckDigit(firstFive)).toBe(digit);
  });

  it('accepts a code whose last digit matches and refuses one that does not', () => {
    expect(isValidMunicipalityCode('131016')).toBe(true);
    expect(isValidMunicipalityCode('131017')).toBe(false);
  });

  it('refuses codes that are not six ASCII digits', () => {
    expect(isValidMunicipalityCode('13101')).toBe(false);
    expect(isValidMunicipalityCode('１３１０１６')).toBe(false);
    expect(isValidMunicipalityCode('13101a')).toBe(false);
  });
});
