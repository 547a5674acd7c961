import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsMyNumber } from './my-number.ts';

describe('a マイナンバー is never accepted', () => {
  it.each(['123456789012', '１２３４５６７８９０１２', '1234 5678 9012', '1234-5678-9012', '番号は1234　5678　9012です'])('%s is refused', (text) => {
    expect(containsMyNumber(text)).toBe(true);
  });

  it.each(['はると', '2025-04-01', '090-1234-5678', '1234567890123', '12345678901', 'ゆい 2'])('%s is fine', (text) => {
    expect(containsMyNumber(text)).toBe(false);
  });

  it('any 12 digits between letters are found, however they are grouped', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), fc.constantFrom('', ' ', '-'), (digits, separator) => {
        const grouped = `${digits.slice(0, 4)}${separator}${digits.slice(4, 8)}${separator}${digits.slice(8)}`;
        return containsMyNumber(`名前${grouped}です`);
      })
    );
  });
});
