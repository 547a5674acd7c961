import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { schemaErrors as matches } from './openapi.testing.ts';
import { GET as listPlaces, fallback as placesFallback } from '../../../routes/api/v1/places/+server.ts';
import { GET as getPlace } from '../../../routes/api/v1/places/[id]/+server.ts';
import { GET as getOpenData } from '../../../routes/api/v1/opendata/[file]/+server.ts';

// The real /api/v1 places handlers, called as SvelteKit calls them; bodies checked against the OpenAPI schemas.

let app: TestApp;
let municipality: MunicipalityContext;

beforeAll(async () => {
  app = await openTestApp();
  await seedWard(app);
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
});
afterAll(() => app.stop());

function eventFor(path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL(`http://localhost${path}`);
  return {
    request: new Request(url, { method, headers }),
    url,
    locals: { app, municipality, viewer: undefined, requestId: 'req-1', address: '127.0.0.1' },
    params
  } as unknown as Parameters<typeof listPlaces>[0];
}

describe('GET /api/v1/places', () => {
  it('anyone finds places by partial Japanese text, as documented', async () => {
    const response = await listPlaces(eventFor(`/api/v1/places?q=${encodeURIComponent('保育')}&limit=3`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(matches('PlaceList', body)).toEqual([]);
    expect(body.items).toHaveLength(3);
    expect(body.total).toBeGreaterThan(3);
    expect(body.items[0]).not.toHaveProperty('distance_m');
    const next = await (await listPlaces(eventFor(`/api/v1/places?q=${encodeURIComponent('保育')}&limit=3&cursor=${body.next_cursor}`))).json();
    expect(next.items.map((p: { id: string }) => p.id)).not.toContain(body.items[0].id);
  });

  it('near=lat,lng gives distance_m, nearest first, and leaves unmapped places out', async () => {
    const body = await (await listPlaces(eventFor('/api/v1/places?near=35.7412,139.6311&category=hiroba,park&limit=10'))).json();
    expect(matches('PlaceList', body)).toEqual([]);
    expect(body.items[0]).toMatchObject({ name: '子育てひろば さくら', distance_m: 0 });
    const distances = body.items.map((p: { distance_m: number }) => p.distance_m);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(body.origin).toEqual({ lat: 35.7412, lng: 139.6311 });
  });

  it('a bad parameter is a 400 JSON error with a stable code, in the language asked for', async () => {
    const english = await listPlaces(eventFor('/api/v1/places?near=somewhere', {}, { 'accept-language': 'en' }));
    expect(english.status).toBe(400);
    const body = await english.json();
    expect(body).toEqual({ code: 'places.invalid_query', message: 'Some search conditions are not valid.' });
    expect(matches('Error', body)).toEqual([]);
    const japanese = await (await listPlaces(eventFor('/api/v1/places?age=99'))).json();
    expect(japanese.message).toBe('検索の条件に正しくないものがあります。');
    expect((await placesFallback(eventFor('/api/v1/places', {}, {}, 'POST'))).status).toBe(405);
  });
});

describe('GET /api/v1/places/{id}', () => {
  it('returns one place as documented, and 404 JSON for an unknown one', async () => {
    const list = await (await listPlaces(eventFor(`/api/v1/places?q=${encodeURIComponent('保健センター')}`))).json();
    const id = list.items[0].id;
    const response = await getPlace(eventFor(`/api/v1/places/${id}`, { id }) as never);
    const body = await response.json();
    expect(matches('PlaceDetail', body)).toEqual([]);
    expect(body).toMatchObject({ name: 'さくら区保健センター', category: 'health_center', has_nursing_room: true, district_name: '本町' });
    const missing = await getPlace(eventFor('/api/v1/places/00000000-0000-4000-8000-000000000000', { id: '00000000-0000-4000-8000-000000000000' }) as never);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'api.not_found' });
  });
});

describe('GET /api/v1/opendata/{dataset}.csv|.geojson', () => {
  it('serves the three datasets in both formats; anything else is 404', async () => {
    for (const file of ['preschool.csv', 'public_facility.csv', 'hospital.csv', 'preschool.geojson', 'public_facility.geojson', 'hospital.geojson']) {
      const response = await getOpenData(eventFor(`/api/v1/opendata/${file}`, { file }) as never);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="139998_${file}"`);
    }
    const csv = await (await getOpenData(eventFor('/api/v1/opendata/preschool.csv', { file: 'preschool.csv' }) as never)).arrayBuffer();
    expect([...new Uint8Array(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await getOpenData(eventFor('/api/v1/opendata/events.csv', { file: 'events.csv' }) as never)).status).toBe(404);
    expect((await getOpenData(eventFor('/api/v1/opendata/preschool.xlsx', { file: 'preschool.xlsx' }) as never)).status).toBe(404);
  });
});
