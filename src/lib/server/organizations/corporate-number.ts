/**
 * 法人番号 (corporate number, 国税庁): 13 digits, the first being a check digit over the 12 base
 * digits. Counting the base digits from the right (position 1 = rightmost), odd positions weigh 1 and
 * even positions weigh 2; the check digit is 9 − (Σ digit × weight) mod 9.
 */
export function corporateNumberCheckDigit(baseDigits: string): number {
  if (!/^[0-9]{12}$/.test(baseDigits)) throw new Error('a corporate number has 12 base digits');
  let sum = 0;
  for (let position = 1; position <= 12; position++) {
    const digit = Number(baseDigits[12 - position]);
    sum += digit * (position % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Whether a 13-digit string is a corporate number whose check digit is right. */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^[0-9]{13}$/.test(value)) return false;
  return corporateNumberCheckDigit(value.slice(1)) === Number(value[0]);
}
