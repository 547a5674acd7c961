import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { callerFor } from '../municipalities/test-callers.ts';
import type { Caller, MunicipalityContext } from '../municipalities/index.ts';
import { confirmImport, getImport, mapImportColumns, parseImport, resumeImportIfStalled, uploadPlaceFile, type ImportView } from './places-import.service.ts';
import { exportOpenData, PRESCHOOL_HEADER } from './opendata.service.ts';
import { parsePlaceFile } from './import/parse-file.ts';

const DATA = '/work/shared/data/opendata';
let app: TestApp;
let municipalityId: string;
let staff: Caller;
let guardian: Caller;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  staff = await callerFor(app, ward.userIds.staff, municipalityId);
  guardian = await callerFor(app, ward.userIds.guardian, municipalityId);
});
afterAll(() => app.stop());

async function placeCount(): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from place where municipality_id = ${municipalityId}`.execute(app.database.db);
  return result.rows[0].n;
}

async function uploadAndParse(fileName: string, publisher = ''): Promise<ImportView> {
  const uploaded = await uploadPlaceFile(app, staff, { fileName, bytes: new Uint8Array(readFileSync(join(DATA, fileName))), publisher });
  if (!uploaded.ok) throw new Error(uploaded.error.code);
  await parseImport(app, municipalityId, uploaded.value.importId);
  const view = await getImport(app, staff, uploaded.value.importId);
  if (!view.ok) throw new Error(view.error.code);
  return view.value;
}

describe('ward staff import places: preview, then one transaction', () => {
  it('a guardian cannot upload', async () => {
    const result = await uploadPlaceFile(app, guardian, { fileName: 'x.csv', bytes: new TextEncoder().encode('a,b') });
    expect(result.ok || result.error.code).toBe('places.staff_only');
  });

  it('112038_preschool.csv: the preview writes nothing; confirming adds 302 places; a re-import updates the same 302', async () => {
    const before = await placeCount();
    const view = await uploadAndParse('112038_preschool.csv');
    expect(view.status).toBe('preview');
    expect(view.progress).toEqual({ done: 302, total: 302 });
    expect(view.preview!.counts).toEqual({ rows: 302, importable: 302, rejected: 0, withWarnings: expect.any(Number), updates: 0, unmapped: 1 });
    expect(await placeCount()).toBe(before);

    const confirmed = await confirmImport(app, staff, view.id);
    expect(confirmed.ok && confirmed.value).toEqual({ inserted: 302, updated: 0, rejected: 0 });
    expect(await placeCount()).toBe(before + 302);
    // A second confirm of the same import does nothing.
    expect((await confirmImport(app, staff, view.id)).ok).toBe(false);

    const again = await uploadAndParse('112038_preschool.csv');
    expect(again.preview!.counts.updates).toBe(302);
    const reconfirmed = await confirmImport(app, staff, again.id);
    expect(reconfirmed.ok && reconfirmed.value).toEqual({ inserted: 0, updated: 302, rejected: 0 });
    expect(await placeCount()).toBe(before + 302);
  });

  it('a row the database refuses in confirm mode rolls the whole import back', async () => {
    const before = await placeCount();
    const view = await uploadAndParse('222127_preschool.csv');
    expect(view.preview!.counts.importable).toBe(60);
    // Row 40's coordinates become impossible between preview and confirm (the table's check refuses them).
    await sql`update place_import set preview = jsonb_set(preview, '{rows,38,draft,lat}', '999'::jsonb) where id = ${view.id}`.execute(app.database.db);
    const failed = await confirmImport(app, staff, view.id);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error).toMatchObject({ code: 'places.import_failed', fields: { line: '40' } });
    expect(await placeCount()).toBe(before);
    const still = await getImport(app, staff, view.id);
    expect(still.ok && still.value.status).toBe('preview');
  });

  it('222127, the こども食堂 template and the papamama GeoJSON import with 60, 7 and 528 places', async () => {
    for (const [file, count] of [['222127_preschool.csv', 60], ['131067_taitoku_kodomosyokudo.csv', 7], ['nurseryFacilities.geojson', 528]] as const) {
      const before = await placeCount();
      const view = await uploadAndParse(file);
      expect(view.preview!.counts.importable, file).toBe(count);
      const confirmed = await confirmImport(app, staff, view.id);
      expect(confirmed.ok && confirmed.value.inserted, file).toBe(count);
      expect(await placeCount()).toBe(before + count);
    }
  });

  it('yohairyosya.csv goes through the column-mapping step (277 places), and the saved mapping serves the next file', async () => {
    const before = await placeCount();
    const view = await uploadAndParse('yohairyosya.csv');
    expect(view.status).toBe('needs_mapping');
    expect(view.encoding).toBe('windows-31j');
    expect(view.headers).toContain('要配慮者利用施設名称');

    const missingName = await mapImportColumns(app, staff, view.id, { publisher: '焼津市', category: 'auto', name: '' });
    expect(missingName.ok || missingName.error.fields).toEqual({ name: 'places_error_mapping_name' });
    const unknownColumn = await mapImportColumns(app, staff, view.id, { publisher: '焼津市', category: 'auto', name: '名前' });
    expect(unknownColumn.ok || unknownColumn.error.fields).toEqual({ name: 'places_error_mapping_unknown_column' });

    const mapping = { id: '№', name: '要配慮者利用施設名称', kind: '区分', address: '所在地', postal_code: '郵便番号', phone: '電話番号', lat: '緯度', lng: '経度' };
    const mapped = await mapImportColumns(app, staff, view.id, { publisher: '焼津市', category: 'auto', save: 'on', ...mapping });
    expect(mapped.ok).toBe(true);
    await parseImport(app, municipalityId, view.id);
    const preview = await getImport(app, staff, view.id);
    expect(preview.ok && preview.value.status).toBe('preview');
    expect(preview.ok && preview.value.preview!.counts).toMatchObject({ rows: 277, importable: 277, rejected: 0 });
    const confirmed = await confirmImport(app, staff, view.id);
    expect(confirmed.ok && confirmed.value).toEqual({ inserted: 277, updated: 0, rejected: 0 });
    expect(await placeCount()).toBe(before + 277);

    // The publisher's next file with the same header row is mapped without asking.
    const next = await uploadAndParse('yohairyosya.csv');
    expect(next.status).toBe('preview');
    expect(next.publisher).toBe('焼津市');
    expect(next.preview!.counts).toMatchObject({ importable: 277, updates: 277 });
  });
});

describe('a parse lost with its process', () => {
  it('is restarted when staff open the review page, and reaches the preview', async () => {
    const uploaded = await uploadPlaceFile(app, staff, { fileName: '131067.csv', bytes: new Uint8Array(readFileSync(join(DATA, '131067_taitoku_kodomosyokudo.csv'))) });
    if (!uploaded.ok) throw new Error(uploaded.error.code);
    const id = uploaded.value.importId;
    // As if the server died mid-parse two minutes ago.
    await sql`update place_import set status = 'parsing', updated_at = now() - interval '2 minutes' where id = ${id}`.execute(app.database.db);
    await resumeImportIfStalled(app, staff, id);
    let view = await getImport(app, staff, id);
    for (let i = 0; i < 100 && view.ok && view.value.status !== 'preview'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = await getImport(app, staff, id);
    }
    expect(view.ok && view.value.status).toBe('preview');
    expect(view.ok && view.value.preview!.counts.importable).toBe(7);
  });
});

describe('open-data export', () => {
  const municipality = (): MunicipalityContext => ({ id: municipalityId, code: '139998', name: 'さくら区', nameEn: 'Sakura City', nameEasy: 'さくらく', prefecture: '東京都' });

  it('子育て施設一覧 CSV: UTF-8 with BOM, CRLF, the exact 53 columns, and it imports back as the current layout', async () => {
    const file = await exportOpenData(app, municipality(), 'preschool', 'csv');
    if (!file.ok) throw new Error(file.error.code);
    expect(file.value.fileName).toBe('139998_preschool.csv');
    expect(file.value.body.startsWith('\uFEFF')).toBe(true);
    const [header] = file.value.body.slice(1).split('\r\n');
    expect(header.split(',')).toEqual([...PRESCHOOL_HEADER]);
    expect(PRESCHOOL_HEADER).toHaveLength(53);
    const original = readFileSync(join(DATA, '112038_preschool.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe(original);
    const back = await parsePlaceFile(new TextEncoder().encode(file.value.body));
    expect(back.status === 'parsed' && back.file.layout).toBe('preschool_current');
    const rows = back.status === 'parsed' ? back.file.rows : [];
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    const hiroba = rows.find((r) => r.draft?.name === '子育てひろば さくら')!.draft!;
    expect(hiroba).toMatchObject({ lat: 35.7412, lng: 139.6311, openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:30', close: '16:00' }], hasNursingRoom: true });
  });

  it('GeoJSON keeps unmapped places with a null geometry; hospital and public_facility exports exist; other names do not', async () => {
    const geo = await exportOpenData(app, municipality(), 'preschool', 'geojson');
    if (!geo.ok) throw new Error(geo.error.code);
    const doc = JSON.parse(geo.value.body);
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.some((f: { geometry: unknown }) => f.geometry === null)).toBe(true);
    const hiroba = doc.features.find((f: { properties: { name: string } }) => f.properties.name === '子育てひろば さくら');
    expect(hiroba.geometry).toEqual({ type: 'Point', coordinates: [139.6311, 35.7412] });
    const hospital = await exportOpenData(app, municipality(), 'hospital', 'csv');
    expect(hospital.ok && hospital.value.body).toContain('さくら区民病院');
    const back = await parsePlaceFile(new TextEncoder().encode(hospital.ok ? hospital.value.body : ''));
    expect(back.status === 'parsed' && back.file.layout).toBe('hospital_current');
    const facilities = await exportOpenData(app, municipality(), 'public_facility', 'csv');
    expect(facilities.ok && facilities.value.body).toContain('さくら区立中央図書館');
    expect((await exportOpenData(app, municipality(), 'event', 'csv')).ok).toBe(false);
  });
});
