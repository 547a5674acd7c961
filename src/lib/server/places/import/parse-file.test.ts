import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaceFile, type ParsedFile } from './parse-file.ts';

const DATA = '/work/shared/data/opendata';
const read = (name: string) => new Uint8Array(readFileSync(join(DATA, name)));

async function parsed(name: string, options = {}): Promise<ParsedFile> {
  const outcome = await parsePlaceFile(read(name), options);
  if (outcome.status !== 'parsed') throw new Error(`${name}: ${outcome.status}`);
  return outcome.file;
}

const importable = (file: ParsedFile) => file.rows.filter((r) => r.draft);
const rejected = (file: ParsedFile) => file.rows.filter((r) => !r.draft);
const withWarning = (file: ParsedFile, code: string) => file.rows.filter((r) => r.warnings.some((w) => w.code === code));

describe('the real open-data files import with the counts the issue names', () => {
  it('川口市 子育て施設一覧 (current 53-column layout, UTF-8 with BOM): 302 places, one of them without coordinates', async () => {
    const file = await parsed('112038_preschool.csv');
    expect(file.encoding).toBe('utf-8');
    expect(file.boms).toBe(1);
    expect(file.layout).toBe('preschool_current');
    expect(file.headers).toHaveLength(53);
    expect(file.sourceDataset).toBe('preschool:112038');
    expect(importable(file)).toHaveLength(302);
    expect(rejected(file)).toEqual([]);
    expect(file.blankRows).toBe(0);
    const unmapped = withWarning(file, 'missing_coordinates');
    expect(unmapped.map((r) => r.draft!.name)).toEqual(['汽車ぽっぽ保育園きぞろ']);
    expect(unmapped[0].draft!.lat).toBeNull();
    // Full-width digits in 受入年齢 / 利用可能日時特記事項 are normalised and reported.
    expect(withWarning(file, 'fullwidth_digits').length).toBeGreaterThan(200);
    const first = file.rows[0].draft!;
    expect(first).toMatchObject({
      name: '川口市立栄町保育所',
      category: 'nursery',
      kind: '認可公立保育所',
      authorizedOn: '1952-01-25',
      capacity: 70,
      ageMinMonths: 12,
      ageMaxMonths: 71,
      phone: '(048)252-4384',
      openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '07:00', close: '19:00' }]
    });
    expect(first.hoursNote).toContain('07:00から18:00');
    const categories = new Set(importable(file).map((r) => r.draft!.category));
    expect([...categories].sort()).toEqual(['after_school', 'jidokan', 'kindergarten', 'kodomoen', 'nursery']);
  });

  it('焼津市 子育て施設一覧 (legacy layout with the U+2015 header typo, no BOM): 60 places', async () => {
    const file = await parsed('222127_preschool.csv');
    expect(file.boms).toBe(0);
    expect(file.layout).toBe('preschool_legacy');
    expect(file.sourceDataset).toBe('preschool:222127');
    expect(importable(file)).toHaveLength(60);
    expect(rejected(file)).toEqual([]);
    expect(file.rows[0].sourceKey).toBe('0013010001');
    expect(file.rows[0].draft).toMatchObject({ name: '焼津市立大富幼稚園', category: 'kindergarten', ageMinMonths: 48, lat: 34.833747, lng: 138.293767 });
  });

  it('焼津市 要配慮者利用施設 (windows-31j, multi-line cells, unknown layout): asks for a mapping, then 277 places', async () => {
    const first = await parsePlaceFile(read('yohairyosya.csv'));
    expect(first.status).toBe('needs_mapping');
    if (first.status !== 'needs_mapping') return;
    expect(first.encoding).toBe('windows-31j');
    expect(first.headers[0]).toBe('№');
    const file = await parsed('yohairyosya.csv', {
      publisher: '焼津市',
      mapping: { id: '№', name: '要配慮者利用施設名称', kind: '区分', address: '所在地', postal_code: '郵便番号', phone: '電話番号', lat: '緯度', lng: '経度' }
    });
    expect(file.layout).toBe('custom');
    expect(file.sourceDataset).toBe('custom:焼津市');
    expect(importable(file)).toHaveLength(277);
    expect(rejected(file)).toEqual([]);
    const nest = file.rows.find((r) => r.sourceKey === '284')!.draft!;
    expect(nest).toMatchObject({ name: '放課後児童クラブThe Nest', category: 'after_school' });
    // Multi-line 区分 cells stay one row each.
    expect(file.rows.some((r) => r.draft!.kind.includes('介護老人保健施設'))).toBe(true);
    expect(withWarning(file, 'fullwidth_digits').length).toBeGreaterThan(0);
  });

  it('台東区 こども食堂 (Tokyo template, two BOMs, no coordinates at all): 7 places, all unmapped', async () => {
    const file = await parsed('131067_taitoku_kodomosyokudo.csv');
    expect(file.boms).toBe(2);
    expect(file.layout).toBe('kodomo_shokudo_tokyo');
    expect(importable(file)).toHaveLength(7);
    expect(rejected(file)).toEqual([]);
    expect(withWarning(file, 'missing_coordinates')).toHaveLength(7);
    expect(file.rows[0].draft).toMatchObject({ name: '下町こども食堂みらい', category: 'kodomo_shokudo', operatorName: 'NPO法人台東区の子育てを支え合うネットワーク' });
    expect(file.rows[0].draft!.hoursNote).toContain('毎月第三水曜日');
  });

  it('札幌市 papamama GeoJSON (528 points, obsolete crs member): 528 places with coordinates from the geometry', async () => {
    const file = await parsed('nurseryFacilities.geojson');
    expect(file.layout).toBe('papamama');
    expect(file.sourceDataset).toBe('papamama:papamama');
    expect(importable(file)).toHaveLength(528);
    expect(rejected(file)).toEqual([]);
    expect(file.rows[0].draft).toMatchObject({
      name: '札幌市あけぼの保育園',
      category: 'nursery',
      lat: 43.045613,
      lng: 141.343758,
      address: '札幌市中央区南11条西10丁目1番3号',
      ageMinMonths: 22,
      ageMaxMonths: 83,
      capacity: 90
    });
    const kinds = new Map<string, number>();
    for (const r of file.rows) kinds.set(r.draft!.kind, (kinds.get(r.draft!.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ 認可保育所: 271, 幼稚園: 144, 認可外: 113 });
  });
});

describe('rows left out are explained', () => {
  const csv = (text: string) => new TextEncoder().encode(text);
  const header = '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,種別,所在地_連結表記,緯度,経度,受入年齢,認可等年月日';

  it('a row without a name and a repeated ID are rejected with their row numbers; warnings do not reject', async () => {
    const outcome = await parsePlaceFile(
      csv(
        [
          header,
          '112038,a1,川口市,ひろば一,,子育てひろば,埼玉県川口市1,35.8,139.7,０歳から３歳,昭32. 7. 1',
          '112039,a2,川口市,,,,埼玉県川口市2,35.8,139.7,,',
          '112038,a1,川口市,重複,,,埼玉県川口市3,139.7,35.8,,',
          '112038,a3,川口市,座標逆,,,埼玉県川口市4,139.7,35.8,,R2.4.1',
          ''
        ].join('\r\n')
      )
    );
    if (outcome.status !== 'parsed') throw new Error(outcome.status);
    const { rows } = outcome.file;
    expect(rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [2, []],
      [3, ['missing_name']],
      [4, ['duplicate_id']],
      [5, []]
    ]);
    expect(rows[0].warnings.map((w) => w.code).sort()).toEqual(['era_date', 'fullwidth_digits']);
    expect(rows[0].draft).toMatchObject({ authorizedOn: '1957-07-01', ageMinMonths: 0, ageMaxMonths: 47, category: 'hiroba' });
    expect(rows[3].warnings.map((w) => w.code).sort()).toEqual(['era_date', 'swapped_coordinates']);
    expect(rows[3].draft).toMatchObject({ lat: 35.8, lng: 139.7, authorizedOn: '2020-04-01' });
  });

  it('a bad municipal code check digit is a warning naming the code', async () => {
    const outcome = await parsePlaceFile(csv(`${header}\n112037,b1,川口市,ひろば,,,住所,,,,`));
    if (outcome.status !== 'parsed') throw new Error(outcome.status);
    expect(outcome.file.rows[0].warnings).toEqual(
      expect.arrayContaining([
        { code: 'bad_municipality_code', field: '全国地方公共団体コード', value: '112037' },
        { code: 'missing_coordinates' }
      ])
    );
  });
});
