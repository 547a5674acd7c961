import { describe, expect, it } from 'vitest';
import { corporateNumberCheckDigit, isValidCorporateNumber } from './corporate-number.ts';

describe('法人番号 (corporate number) check digit', () => {
  it('accepts the National Tax Agency’s own number 7000012050002', () => {
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
  });

  it('accepts other published numbers (a prefecture and a company)', () => {
    // 東京都 8000020130001, トヨタ自動車株式会社 1180301018771 (国税庁 法人番号公表サイト).
    expect(isValidCorporateNumber('8000020130001')).toBe(true);
    expect(isValidCorporateNumber('1180301018771')).toBe(true);
  });

  it('refuses a number whose check digit is wrong', () => {
    expect(isValidCorporateNumber('6000012050002')).toBe(false);
    expect(isValidCorporateNumber('7000012050003')).toBe(false);
  });

  it('refuses anything that is not exactly 13 digits', () => {
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber('70000120500021')).toBe(false);
    expect(isValidCorporateNumber('7000-0120-50002')).toBe(false);
    expect(isValidCorporateNumber('')).toBe(false);
  });

  it('gives 9 when the weighted sum is a multiple of 9 (never 0)', () => {
    expect(corporateNumberCheckDigit('000000000000')).toBe(9);
    expect(isValidCorporateNumber('9000000000000')).toBe(true);
    expect(isValidCorporateNumber('0000000000000')).toBe(false);
  });

  it('catches a swap of two neighbouring digits', () => {
    expect(isValidCorporateNumber('7000010250002')).toBe(false);
  });
});
