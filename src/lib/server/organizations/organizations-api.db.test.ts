import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { schemaErrors as matches } from '../api/openapi.testing.ts';
import { GET as listOrganizations, fallback as listFallback } from '../../../routes/api/v1/organizations/+server.ts';
import { GET as getOrganization } from '../../../routes/api/v1/organizations/[id]/+server.ts';

// The real endpoint handlers, called as SvelteKit calls them, checked against the OpenAPI schemas.

let app: TestApp;
let municipality: MunicipalityContext;

beforeAll(async () => {
  app = await openTestApp();
  await seedWard(app);
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
});
afterAll(() => app.stop());

function eventFor(path: string, params: Record<string, string> = {}, target: MunicipalityContext = municipality, method = 'GET') {
  const url = new URL(`http://localhost${path}`);
  return {
    request: new Request(url, { method }),
    url,
    locals: { app, municipality: target, viewer: undefined, requestId: 'req-1', address: '127.0.0.1' },
    params
  } as unknown as Parameters<typeof listOrganizations>[0] & Parameters<typeof getOrganization>[0];
}

describe('GET /api/v1/organizations', () => {
  it('pages through the public organizations with a cursor; every body matches the OpenAPI schema', async () => {
    const seen: string[] = [];
    let path = '/api/v1/organizations';
    for (let pages = 0; pages < 20; pages++) {
      const response = await listOrganizations(eventFor(path));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(matches('OrganizationPage', body)).toEqual([]);
      seen.push(...body.items.map((o: { id: string }) => o.id));
      if (!body.nextCursor) break;
      path = `/api/v1/organizations?cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen.length).toBeGreaterThanOrEqual(100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('demo-npo');
  });

  it('filters by type and refuses a value it does not understand with api.invalid_query', async () => {
    const official = await (await listOrganizations(eventFor('/api/v1/organizations?type=ward_department'))).json();
    expect(official.items.map((o: { name: string }) => o.name)).toEqual(['さくら区 教育委員会 学務課', 'さくら区 子育て支援課', 'さくら区 保健センター']);
    expect(official.items.every((o: { isOfficial: boolean }) => o.isOfficial)).toBe(true);
    const bad = await listOrganizations(eventFor('/api/v1/organizations?type=cult'));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.code).toBe('api.invalid_query');
    expect(matches('Error', body)).toEqual([]);
    expect((await listFallback(eventFor('/api/v1/organizations', {}, municipality, 'POST'))).status).toBe(405);
  });
});

describe('GET /api/v1/organizations/{id}', () => {
  it('gives a public organization without any member’s data, and 404 for an unverified one', async () => {
    const response = await getOrganization(eventFor('/api/v1/organizations/demo-npo', { id: 'demo-npo' }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(matches('Organization', body)).toEqual([]);
    expect(body).toMatchObject({ id: 'demo-npo', name: 'さくら子育てネットワーク', type: 'npo' });
    expect(JSON.stringify(body)).not.toContain('npo@sakura.example');
    expect(JSON.stringify(body)).not.toContain('山田');

    const pending = await app.database.db.selectFrom('organization').select('id').where('name', '=', 'ひだまり子育てサークル').executeTakeFirstOrThrow();
    const hidden = await getOrganization(eventFor(`/api/v1/organizations/${pending.id}`, { id: pending.id }));
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).code).toBe('api.not_found');
  });

  it('another municipality’s host sees none of this ward’s organizations', async () => {
    const other = await seedOtherMunicipality(app);
    const elsewhere = { ...municipality, id: other.municipalityId };
    expect((await getOrganization(eventFor('/api/v1/organizations/demo-npo', { id: 'demo-npo' }, elsewhere))).status).toBe(404);
    const list = await (await listOrganizations(eventFor('/api/v1/organizations', {}, elsewhere))).json();
    expect(list).toEqual({ items: [], nextCursor: null });
  });
});
