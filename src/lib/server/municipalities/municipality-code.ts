import { prefectureByCode } from './prefectures.ts';

/**
 * 全国地方公共団体コード: 5 digits + a check digit,
 * d = (11 − (6·c1 + 5·c2 + 4·c3 + 3·c4 + 2·c5) mod 11) mod 10.
 */
export function municipalityCheckDigit(firstFive: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(firstFive[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidMunicipalityCode(code: string): boolean {
  if (!/^[0-9]{6}$/.test(code)) return false;
  return municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

export type ParsedMunicipalityCode =
  | { ok: true; code: string }
  | { ok: false; messageKey: string; params?: Record<string, string> };

/**
 * Reads a code as people type it: full-width digits (１３１０１６) and separators (13101-6) are
 * normalised; anything else is refused with a message that says what to change, naming the expected
 * check digit when only that is wrong.
 */
export function parseMunicipalityCode(raw: string): ParsedMunicipalityCode {
  const value = raw.normalize('NFKC').trim().replace(/[\s-]/g, '');
  if (value === '') return { ok: false, messageKey: 'admin_error_required' };
  if (!/^[0-9]+$/.test(value)) return { ok: false, messageKey: 'admin_error_code_digits' };
  if (value.length === 5) {
    return { ok: false, messageKey: 'admin_error_code_five_digits', params: { firstFive: value, suggested: value + municipalityCheckDigit(value) } };
  }
  if (value.length !== 6) return { ok: false, messageKey: 'admin_error_code_digits' };
  if (!prefectureByCode(value.slice(0, 2))) return { ok: false, messageKey: 'admin_error_code_prefecture', params: { prefix: value.slice(0, 2) } };
  const expected = municipalityCheckDigit(value.slice(0, 5));
  if (expected !== Number(value[5])) {
    return { ok: false, messageKey: 'admin_error_code_check_digit', params: { firstFive: value.slice(0, 5), expected: String(expected), given: value[5] } };
  }
  return { ok: true, code: value };
}
