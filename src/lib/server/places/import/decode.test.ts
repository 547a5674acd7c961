import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode.ts';
import { detectLayout, normaliseHeader } from './layouts.ts';
import { parseAgeRange, parseCoordinates, parseDays, parseJapaneseDate, parseTime } from './values.ts';

const text = '名称,住所\r\nひろば,さくら区１－２\r\n';

function utf16(value: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array(value.length * 2 + (bom ? 2 : 0));
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < value.length; i++) view.setUint16(offset + i * 2, value.charCodeAt(i), littleEndian);
  return bytes;
}

describe('the importer reads the encodings municipalities publish', () => {
  it('UTF-8 with any number of byte-order marks', () => {
    const encoder = new TextEncoder();
    for (const boms of [0, 1, 2, 3]) {
      const decoded = decodeFile(encoder.encode('\uFEFF'.repeat(boms) + text));
      expect(decoded).toEqual({ text, encoding: 'utf-8', boms });
    }
  });

  it('UTF-16 little- and big-endian, with or without a byte-order mark', () => {
    expect(decodeFile(utf16(text, true, true))).toEqual({ text, encoding: 'utf-16le', boms: 1 });
    expect(decodeFile(utf16(text, false, true))).toEqual({ text, encoding: 'utf-16be', boms: 1 });
    expect(decodeFile(utf16(text, true, false))).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('windows-31j, including the NEC special character № that strict Shift_JIS refuses', () => {
    // "№,名称" in cp932: 0x87 0x82 is №.
    const bytes = new Uint8Array([0x87, 0x82, 0x2c, 0x96, 0xbc, 0x8f, 0xcc]);
    expect(decodeFile(bytes)).toEqual({ text: '№,名称', encoding: 'windows-31j', boms: 0 });
  });
});

describe('headers and values are normalised before they are read', () => {
  it('header variants match: U+2015 for ー, 標記 for 表記, full-width brackets, a stray BOM', () => {
    expect(normaliseHeader('都道府県コ―ド又は市区町村コ―ド')).toBe(normaliseHeader('都道府県コード又は市区町村コード'));
    expect(normaliseHeader('所在地_連結標記')).toBe(normaliseHeader('所在地_連結表記'));
    expect(normaliseHeader('\uFEFF建物名等（方書）')).toBe(normaliseHeader('建物名等(方書)'));
    expect(detectLayout(['ID', '名称', '所在地_連結標記', '受入年齢'])?.id).toBe('preschool_current');
    expect(detectLayout(['NO', '名称', '住所', '医療機関の種類', '診療科目'])?.id).toBe('hospital_legacy');
    expect(detectLayout(['ID', '名称', '所在地_連結表記', '診療科目'])?.id).toBe('hospital_current');
    expect(detectLayout(['NO', '名称', '名称_カナ', '住所', '説明'])?.id).toBe('public_facility_legacy');
    expect(detectLayout(['ID', '名称', '所在地_連結表記', '説明'])?.id).toBe('public_facility_current');
    expect(detectLayout(['a', 'b'])).toBeUndefined();
  });

  it('dates: ISO, Y/M/D, Excel m/d/yy and Japanese eras', () => {
    expect(parseJapaneseDate('1952/1/25')).toEqual({ ok: true, value: '1952-01-25', era: false });
    expect(parseJapaneseDate('4/1/21')).toEqual({ ok: true, value: '2021-04-01', era: false });
    expect(parseJapaneseDate('昭32. 7. 1')).toEqual({ ok: true, value: '1957-07-01', era: true });
    expect(parseJapaneseDate('平成元年4月1日')).toEqual({ ok: true, value: '1989-04-01', era: true });
    expect(parseJapaneseDate('令和２年４月１日')).toEqual({ ok: true, value: '2020-04-01', era: true });
    expect(parseJapaneseDate('2月30日')).toEqual({ ok: false });
  });

  it('times, days, ages and coordinates', () => {
    expect(parseTime('7:00')).toBe('07:00');
    expect(parseTime('０７：００')).toBe('07:00');
    expect(parseTime('25:00')).toBeUndefined();
    expect(parseDays('月火水木金土')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseDays('月～金')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('平日')).toEqual([1, 2, 3, 4, 5]);
    expect(parseAgeRange('６歳～１２歳（小学校１年生～６年生）')).toEqual({ min: 72, max: 155 });
    expect(parseAgeRange('0歳から')).toEqual({ min: 0, max: null });
    expect(parseAgeRange('1歳10か月', '就学前')).toEqual({ min: 22, max: 83 });
    expect(parseCoordinates('139.7', '35.8')).toEqual({ kind: 'swapped', lat: 35.8, lng: 139.7 });
    expect(parseCoordinates('0', '0')).toEqual({ kind: 'missing' });
    expect(parseCoordinates('', '')).toEqual({ kind: 'missing' });
    expect(parseCoordinates('1', '2')).toEqual({ kind: 'invalid', value: '1, 2' });
  });
});
