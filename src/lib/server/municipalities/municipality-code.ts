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
