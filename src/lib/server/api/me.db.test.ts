import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { signedInViewer } from '../testing/viewers.ts';
import { today } from '../platform/clock.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { setPreferredLanguage } from '../people/index.ts';
import type { Viewer } from '../auth/session.ts';
import { schemaErrors as matches } from './openapi.testing.ts';
import { GET as getMe, fallback as meFallback } from '../../../routes/api/v1/me/+server.ts';
import { fallback as unknownPath } from '../../../routes/api/v1/[...rest]/+server.ts';

// The real endpoint handlers, called as SvelteKit calls them, and their bodies checked against the
// schemas the OpenAPI document promises.

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

function eventFor(path: string, viewer: Viewer | undefined, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL(`http://localhost${path}`);
  return {
    request: new Request(url, { method, headers }),
    url,
    locals: { app, municipality, viewer, requestId: 'req-1', address: '127.0.0.1' },
    params: {}
  } as unknown as Parameters<typeof getMe>[0];
}

describe('GET /api/v1/me', () => {
  it('answers an anonymous caller 401 with a JSON error in the language asked for', async () => {
    const english = await getMe(eventFor('/api/v1/me', undefined, { 'accept-language': 'en-US,en;q=0.9' }));
    expect(english.status).toBe(401);
    const body = await english.json();
    expect(body).toEqual({ code: 'api.unauthenticated', message: 'Please sign in to use this API.' });
    expect(matches('Error', body)).toEqual([]);
    const japanese = await (await getMe(eventFor('/api/v1/me', undefined))).json();
    expect(japanese.message).toBe('この API を使うにはログインしてください。');
    const easy = await (await getMe(eventFor('/api/v1/me', undefined, { 'accept-language': 'ja-x-easy' }))).json();
    expect(easy.code).toBe('api.unauthenticated');
    expect(easy.message).not.toBe(japanese.message);
  });

  it('returns the signed-in guardian, as documented, with no roles and their household', async () => {
    await setPreferredLanguage(app, userIds.guardian, 'ja-x-easy');
    const response = await getMe(eventFor('/api/v1/me', await viewerOf(userIds.guardian)));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(matches('Me', body)).toEqual([]);
    expect(body).toMatchObject({
      id: userIds.guardian,
      email: 'hanako@sakura.example',
      name: '佐藤 花子',
      language: 'ja-x-easy',
      emailVerified: true,
      twoFactorEnabled: false,
      municipality: { id: municipality.id, code: '139998', name: 'さくら区' },
      roleAssignments: [],
      households: [{ districtName: '桜ヶ丘', children: 1, pregnancies: 1 }]
    });
    expect(body.households).toHaveLength(1);
  });

  it('lists the role assignments in force, with their scope and period', async () => {
    const body = await (await getMe(eventFor('/api/v1/me', await viewerOf(userIds.coordinator)))).json();
    expect(matches('Me', body)).toEqual([]);
    expect(body.roleAssignments).toEqual([
      { role: 'coordinator', scopeType: null, scopeId: null, validFrom: today(), validTo: null },
      { role: 'health_professional', scopeType: 'qualification', scopeId: '保健師', validFrom: today(), validTo: null }
    ]);
  });

  it('a schema that does not match is caught (the check is not vacuous)', () => {
    expect(matches('Me', { id: 'x' })).not.toEqual([]);
    expect(matches('Error', { code: 'api.unknown', message: 'x' })).not.toEqual([]);
  });

  it('answers other methods with 405 and other paths with 404, both as JSON errors', async () => {
    const post = await meFallback(eventFor('/api/v1/me', undefined, { 'accept-language': 'en' }, 'POST'));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(matches('Error', await post.json())).toEqual([]);
    const missing = await unknownPath(eventFor('/api/v1/households/123', undefined, { 'accept-language': 'en' }) as never);
    expect(missing.status).toBe(404);
    const body = await missing.json();
    expect(body).toEqual({ code: 'api.not_found', message: 'There is nothing at this address in the API.' });
    expect(missing.headers.get('content-language')).toBe('en');
  });
});
