import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { signedInViewer } from '../testing/viewers.ts';
import { today } from '../platform/clock.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { getHousehold } from '../households/index.ts';
import type { Viewer } from '../auth/session.ts';
import { schemaErrors as matches } from '../api/openapi.testing.ts';
import { GET, fallback } from '../../../routes/api/v1/me/timeline/+server.ts';

// The real endpoint, called as SvelteKit calls it, its body checked against the OpenAPI schema.

let app: TestApp;
let municipality: MunicipalityContext;
let userIds: Record<string, string>;

beforeAll(async () => {
  app = await openTestApp();
  ({ userIds } = await seedWard(app));
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
});
afterAll(() => app.stop());

const viewerOf = (userId: string): Promise<Viewer> => signedInViewer(app, userId, municipality.id);

function eventFor(viewer: Viewer | undefined, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL('http://localhost/api/v1/me/timeline');
  return {
    request: new Request(url, { method, headers }),
    url,
    locals: { app, municipality, viewer, requestId: 'req-1', address: '127.0.0.1' },
    params: {}
  } as unknown as Parameters<typeof GET>[0];
}

describe('GET /api/v1/me/timeline', () => {
  it('answers an anonymous caller 401, and any other method 405', async () => {
    const response = await GET(eventFor(undefined));
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('api.unauthenticated');
    const post = await fallback(eventFor(await viewerOf(userIds.guardian), {}, 'POST'));
    expect(post.status).toBe(405);
  });

  it('returns the guardian’s own items, as documented, with titles in the language asked for', async () => {
    const viewer = await viewerOf(userIds.guardian);
    const response = await GET(eventFor(viewer, { 'accept-language': 'en' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(matches('Timeline', body)).toEqual([]);
    const household = await getHousehold(app, { userId: userIds.guardian, municipalityId: municipality.id });
    const ownIds = new Set([...(household?.children ?? []).map((c) => c.id), ...(household?.pregnancies ?? []).map((p) => p.id)]);
    expect(body.items.length).toBeGreaterThan(5);
    for (const item of body.items) expect(ownIds.has(item.childId ?? item.pregnancyId)).toBe(true);
    expect(body.items.find((i: { ruleId: string }) => i.ruleId === 'immunisation.bcg.1')).toMatchObject({ kind: 'immunisation', status: 'done', title: 'BCG' });
    expect(body.items.some((i: { status: string }) => i.status === 'closed')).toBe(false);
    const japanese = await (await GET(eventFor(viewer))).json();
    expect(japanese.items.find((i: { ruleId: string }) => i.ruleId === 'immunisation.hbv.1').title).toBe('B型肝炎 1回目');
  });

  it('gives a person without a household an empty list', async () => {
    const body = await (await GET(eventFor(await viewerOf(userIds.staff)))).json();
    expect(body).toEqual({ today: today(), items: [] });
  });
});
