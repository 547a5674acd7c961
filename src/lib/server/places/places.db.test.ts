import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { callerFor } from '../municipalities/test-callers.ts';
import type { Caller } from '../municipalities/index.ts';
import { setClock } from '../platform/clock.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { getPlace, listPlaceDistricts, markPlaceBookable, placeOnMap, searchPlaces, type PlaceSearchResult } from './places.service.ts';

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
afterEach(() => setClock(undefined));

async function search(input: Record<string, unknown>): Promise<PlaceSearchResult> {
  const result = await searchPlaces(app, municipalityId, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const names = (r: PlaceSearchResult) => r.items.map((i) => i.name);

function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

describe('anyone searches the demo ward’s places', () => {
  it('partial Japanese text matches whatever the kana: "ひろば" finds both ひろば, "保育" finds 保育園 and 病児保育室', async () => {
    // Names, readings (チビッコヒロバ for 広場) and descriptions (親子のひろば) all count.
    expect(names(await search({ q: 'ひろば' })).sort()).toEqual(['おでかけひろば かわべ', 'さくら子育て支援センター', '子育てひろば さくら', '川辺緑地 ちびっこ広場'].sort());
    const hoiku = names(await search({ q: '保育', limit: '50' }));
    expect(hoiku).toEqual(expect.arrayContaining(['一時預かり さくら保育園', '病児保育室 かわべ', 'さくら区立桜ヶ丘保育園', 'みどり保育園']));
    expect(hoiku).not.toContain('さくら中央公園');
    // Katakana in the query finds the reading too; full-width letters and spaces are normalised.
    expect(names(await search({ q: 'コソダテ　ヒロバ' })).sort()).toEqual(['さくら子育て支援センター', '子育てひろば さくら'].sort());
    expect(names(await search({ q: 'ＮＰＯ 親子' }))).toEqual(['さくら子育てネットワーク 親子カフェ']);
    // LIKE wildcards in a query are plain characters.
    expect((await search({ q: '%' })).items).toEqual([]);
  });

  it('filters combine: category, district, child age', async () => {
    expect(names(await search({ category: ['park'] })).sort()).toEqual(['さくら中央公園', '川辺緑地 ちびっこ広場'].sort());
    const districts = await listPlaceDistricts(app, municipalityId);
    const kawabe = districts.find((d) => d.name === '川辺')!.id;
    expect(names(await search({ district: kawabe })).sort()).toEqual(['おでかけひろば かわべ', '川辺緑地 ちびっこ広場', '病児保育室 かわべ'].sort());
    const forFourYearOlds = names(await search({ age: '4', category: ['hiroba', 'kindergarten', 'after_school'] }));
    expect(forFourYearOlds).toEqual(['本町ひかり幼稚園']);
  });

  it('"open now" reads the structured hours in Tokyo time', async () => {
    setClock('2026-12-02T01:00:00Z'); // Wednesday 10:00 in Tokyo
    const wednesdayMorning = names(await search({ openNow: 'true', category: ['hiroba'] }));
    expect(wednesdayMorning.sort()).toEqual(['おでかけひろば かわべ', '子育てひろば さくら'].sort());
    setClock('2026-12-06T01:00:00Z'); // Sunday 10:00
    expect(names(await search({ openNow: '1', category: ['hiroba'] }))).toEqual([]);
    setClock('2026-12-02T12:00:00Z'); // Wednesday 21:00
    expect(names(await search({ openNow: '1', category: ['park', 'hiroba'] })).sort()).toEqual(['さくら中央公園', '川辺緑地 ちびっこ広場'].sort());
  });

  it('"bookable now" lists the places the bookings domain has flagged', async () => {
    // The demo's booking services flag these four; the filter follows the flag both ways.
    const demoBookable = ['一時預かり さくら保育園', '子育てひろば さくら', '病児保育室 かわべ', 'さくら区保健センター'].sort();
    expect(names(await search({ bookable: '1' })).sort()).toEqual(demoBookable);
    const odekake = (await search({ q: 'かわべ', limit: '50' })).items.find((p) => p.name === 'おでかけひろば かわべ');
    if (!odekake) throw new Error('demo place missing');
    await markPlaceBookable(app.database.db, municipalityId, odekake.id, true);
    expect(names(await search({ bookable: '1' })).sort()).toEqual([...demoBookable, 'おでかけひろば かわべ'].sort());
    expect((await search({ bookable: '1' })).items.every((p) => p.isBookable)).toBe(true);
    await markPlaceBookable(app.database.db, municipalityId, odekake.id, false);
    expect(names(await search({ bookable: '1' })).sort()).toEqual(demoBookable);
  });

  it('distance order from a point is nearest first, in metres, and leaves out the places not on the map', async () => {
    const origin = { lat: 35.7329, lng: 139.6444 };
    const result = await search({ near: `${origin.lat},${origin.lng}`, limit: '50' });
    expect(result.unmappedLeftOut).toBe(3);
    expect(result.items).toHaveLength(19);
    expect(result.items[0]).toMatchObject({ name: '一時預かり さくら保育園', distanceM: 0 });
    const distances = result.items.map((i) => i.distanceM!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    for (const item of result.items) expect(Math.abs(item.distanceM! - haversine(origin, { lat: item.lat!, lng: item.lng! }))).toBeLessThan(1);
    expect(result.items.every((i) => i.lat !== null)).toBe(true);
  });

  it('distance order from a district’s centre or from a place, with pages by cursor', async () => {
    const districts = await listPlaceDistricts(app, municipalityId);
    const kitahama = districts.find((d) => d.name === '北浜')!.id;
    const fromDistrict = await search({ nearDistrict: kitahama, limit: '2' });
    expect(fromDistrict.origin).toMatchObject({ kind: 'district', label: '北浜' });
    expect(names(fromDistrict)).toEqual(['北浜こども園', '北浜小学童クラブ']);
    const next = await search({ nearDistrict: kitahama, limit: '2', cursor: fromDistrict.nextCursor });
    expect(next.items[0].distanceM!).toBeGreaterThanOrEqual(fromDistrict.items[1].distanceM!);
    expect(names(next)).not.toContain('北浜こども園');
    const hiroba = (await search({ q: '子育てひろば さくら' })).items[0];
    const fromPlace = await search({ nearPlace: hiroba.id, limit: '3' });
    expect(fromPlace.origin).toMatchObject({ kind: 'place', label: '子育てひろば さくら' });
    expect(names(fromPlace)[0]).toBe('子育てひろば さくら');
  });

  it('a bad query is refused with the fields named', async () => {
    const result = await searchPlaces(app, municipalityId, { category: ['castle'], near: 'north', age: '40' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('places.invalid_query');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['age', 'category', 'near']);
  });

  it('another municipality sees none of these places', async () => {
    const other = await seedOtherMunicipality(app);
    const result = await searchPlaces(app, other.municipalityId, { q: 'ひろば' });
    expect(result.ok && result.value.items).toEqual([]);
    const hiroba = (await search({ q: '子育てひろば さくら' })).items[0];
    expect((await getPlace(app, other.municipalityId, hiroba.id)).ok).toBe(false);
  });
});

describe('ward staff put an unmapped place on the map', () => {
  it('the clicked point is stored and audited; a guardian may not do it', async () => {
    const shokudo = (await search({ q: 'みどりまち こども食堂' })).items[0];
    expect(shokudo.lat).toBeNull();
    const refused = await placeOnMap(app, guardian, shokudo.id, { lat: '35.7449', lng: '139.6521' });
    expect(refused.ok).toBe(false);
    const bad = await placeOnMap(app, staff, shokudo.id, { lat: '139.6', lng: '35.7' });
    expect(bad.ok || bad.error.fields).toEqual({ lat: 'places_error_lat', lng: 'places_error_lng' });
    const placed = await placeOnMap(app, staff, shokudo.id, { lat: '35.7449', lng: '139.6521' });
    expect(placed.ok).toBe(true);
    const detail = await getPlace(app, municipalityId, shokudo.id);
    expect(detail.ok && [detail.value.lat, detail.value.lng]).toEqual([35.7449, 139.6521]);
    const audit = await listAuditEntries(app.database.db, { recordType: 'place', recordId: shokudo.id });
    expect(audit.map((a) => a.action)).toEqual(['update']);
    const near = await search({ near: '35.7449,139.6521', limit: '1' });
    expect(names(near)).toEqual(['みどりまち こども食堂']);
  });
});

describe('the place page', () => {
  it('shows hours, access, accessibility and contact; an unknown id is not found', async () => {
    const hiroba = (await search({ q: '子育てひろば さくら' })).items[0];
    const detail = await getPlace(app, municipalityId, hiroba.id);
    expect(detail.ok && detail.value).toMatchObject({
      name: '子育てひろば さくら',
      category: 'hiroba',
      organizationId: 'demo-npo',
      districtName: '桜ヶ丘',
      hasNursingRoom: true,
      hasDiaperChanging: true,
      strollerAccess: true,
      access: 'さくら駅北口から徒歩5分',
      phone: '03-5555-0101',
      openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:30', close: '16:00' }],
      sourceDataset: 'demo',
      sourceKey: 'sakura-hiroba'
    });
    expect((await getPlace(app, municipalityId, '00000000-0000-4000-8000-000000000000')).ok).toBe(false);
    expect((await getPlace(app, municipalityId, 'not-an-id')).ok).toBe(false);
  });

  it('the demo seed can run again (the bookings demo upserts the same keys) without duplicating', async () => {
    const { seedDemoPlaces } = await import('../demo/demo-places.ts');
    const before = (await search({ limit: '100' })).total;
    await seedDemoPlaces(app, municipalityId);
    expect((await search({ limit: '100' })).total).toBe(before);
    expect(readFileSync(new URL('../demo/demo-places.ts', import.meta.url), 'utf8')).toContain("'sakura-hoken'");
  });
});
