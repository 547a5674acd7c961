import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode, municipalityCheckDigit, parseMunicipalityCode } from './municipality-code.ts';

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

describe('reading a code as people type it', () => {
  it('normalises full-width digits, spaces and a hyphen before the check digit', () => {
    expect(parseMunicipalityCode('１３１０１６')).toEqual({ ok: true, code: '131016' });
    expect(parseMunicipalityCode(' 13101-6 ')).toEqual({ ok: true, code: '131016' });
  });

  it('names the expected check digit when only the check digit is wrong', () => {
    expect(parseMunicipalityCode('131017')).toEqual({
      ok: false,
      messageKey: 'admin_error_code_check_digit',
      params: { firstFive: '13101', expected: '6', given: '7' }
    });
  });

  it('suggests the full code when the check digit was left out', () => {
    expect(parseMunicipalityCode('１３１０１')).toEqual({ ok: false, messageKey: 'admin_error_code_five_digits', params: { firstFive: '13101', suggested: '131016' } });
  });

  it('refuses letters, wrong lengths and a prefix that is no prefecture', () => {
    expect(parseMunicipalityCode('')).toMatchObject({ ok: false, messageKey: 'admin_error_required' });
    expect(parseMunicipalityCode('13a016')).toMatchObject({ ok: false, messageKey: 'admin_error_code_digits' });
    expect(parseMunicipalityCode('1310166')).toMatchObject({ ok: false, messageKey: 'admin_error_code_digits' });
    expect(parseMunicipalityCode('481000')).toMatchObject({ ok: false, messageKey: 'admin_error_code_prefecture', params: { prefix: '48' } });
  });
});
