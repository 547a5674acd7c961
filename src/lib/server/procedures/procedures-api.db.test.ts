import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { signedInViewer } from '../testing/viewers.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { today } from '../platform/clock.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import type { Viewer } from '../auth/session.ts';
import { schemaErrors as matches } from '../api/openapi.testing.ts';
import { GET, fallback } from '../../../routes/api/v1/me/procedures/+server.ts';
import { listFormsForStaff, saveProcedureAnswers, sendProcedure } from './index.ts';

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

function eventFor(viewer: Viewer | undefined, method = 'GET') {
  const url = new URL('http://localhost/api/v1/me/procedures');
  return {
    request: new Request(url, { method }),
    url,
    locals: { app, municipality, viewer, requestId: 'req-1', address: '127.0.0.1' },
    params: {}
  } as unknown as Parameters<typeof GET>[0];
}

describe('GET /api/v1/me/procedures', () => {
  it('answers an anonymous caller 401, and any other method 405', async () => {
    expect((await GET(eventFor(undefined))).status).toBe(401);
    expect((await fallback(eventFor(await viewerOf(userIds.guardian), 'POST'))).status).toBe(405);
  });

  it('lists the household’s procedures with their status, as documented, and nothing of another household', async () => {
    const staff = { userId: userIds.staff, municipalityId: municipality.id, requestId: 's', roles: await findActiveRoleAssignments(app.database.db, userIds.staff, municipality.id, today()) };
    const forms = await listFormsForStaff(app, staff);
    const form = forms.ok ? forms.value.find((f) => f.title === '妊娠後期面談アンケート') : undefined;
    const sent = await sendProcedure(app, staff, form!.id, { email: 'hanako@sakura.example', message: 'ご回答をお願いします。' });
    if (!sent.ok) throw new Error(sent.error.code);
    const actor = { userId: userIds.guardian, municipalityId: municipality.id };
    await saveProcedureAnswers(app, actor, { kind: 'request', requestId: sent.value.requestId }, { a_delivery_place: '未定' }, 'draft');

    const response = await GET(eventFor(await viewerOf(userIds.guardian)));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(matches('Procedures', body)).toEqual([]);
    const path = `/procedures/requests/${sent.value.requestId}`;
    expect(body.items).toContainEqual(expect.objectContaining({ title: '妊娠後期面談アンケート', status: 'draft', source: 'request', path, requestMessage: 'ご回答をお願いします。' }));
    // the demo ward's needs survey, sent to the household and not started
    expect(body.items).toContainEqual(expect.objectContaining({ title: '子育て支援サービスの利用希望アンケート', status: 'not_started' }));
    // the second guardian of the same household sees it; another household does not
    const paths = async (userId: string) => ((await (await GET(eventFor(await viewerOf(userId)))).json()).items as { path: string }[]).map((i) => i.path);
    expect(await paths(userIds.guardian2)).toContain(path);
    expect(await paths(userIds.otherGuardian)).not.toContain(path);
  });
});
