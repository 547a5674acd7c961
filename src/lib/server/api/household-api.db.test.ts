import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { signedInViewer } from '../testing/viewers.ts';
import { addDays, addMonths, today } from '../platform/clock.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { getHousehold } from '../households/index.ts';
import type { Viewer } from '../auth/session.ts';
import { schemaErrors as matches } from './openapi.testing.ts';
import { GET as getHouseholdRoute, fallback as householdFallback } from '../../../routes/api/v1/me/household/+server.ts';
import { POST as postChildRoute } from '../../../routes/api/v1/me/household/children/+server.ts';
import { PATCH as patchChildRoute, DELETE as deleteChildRoute } from '../../../routes/api/v1/me/household/children/[id]/+server.ts';
import { POST as postPregnancyRoute } from '../../../routes/api/v1/me/household/pregnancies/+server.ts';
import { PATCH as patchPregnancyRoute, DELETE as deletePregnancyRoute } from '../../../routes/api/v1/me/household/pregnancies/[id]/+server.ts';

// The real endpoint handlers, called as SvelteKit calls them, bodies checked against the OpenAPI schemas.

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

/** A request event as SvelteKit passes it; typed by the handler it is given to. */
function eventFor<Event>(method: string, path: string, viewer: Viewer | undefined, options: { body?: unknown; rawBody?: string; language?: string; id?: string } = {}): Event {
  const url = new URL(`http://localhost/api/v1/me/household${path}`);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.language) headers['accept-language'] = options.language;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return {
    request: new Request(url, { method, headers, body }),
    url,
    locals: { app, municipality, viewer, requestId: 'req-1', address: '127.0.0.1' },
    params: options.id ? { id: options.id } : {}
  } as unknown as Event;
}

const actorOf = (userId: string) => ({ userId, municipalityId: municipality.id });
const childCount = async (userId: string) => (await getHousehold(app, actorOf(userId)))?.children.length ?? 0;

describe('GET /api/v1/me/household', () => {
  it('answers an anonymous caller 401 and other methods 405', async () => {
    const response = await getHouseholdRoute(eventFor('GET', '', undefined));
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('api.unauthenticated');
    expect((await householdFallback(eventFor('PUT', '', await viewerOf(userIds.guardian)))).status).toBe(405);
  });

  it('returns the guardian’s own household, as documented', async () => {
    const response = await getHouseholdRoute(eventFor('GET', '', await viewerOf(userIds.guardian)));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(matches('MyHouseholdResponse', body)).toEqual([]);
    expect(body.household.children.length).toBeGreaterThan(0);
    expect(body.household.guardians.some((g: { isYou: boolean }) => g.isYou)).toBe(true);
  });

  it('gives a person without a household `null`', async () => {
    const body = await (await getHouseholdRoute(eventFor('GET', '', await viewerOf(userIds.staff)))).json();
    expect(body).toEqual({ household: null });
    expect(matches('MyHouseholdResponse', body)).toEqual([]);
  });
});

describe('children through the API', () => {
  it('adds, corrects and removes a child of the caller’s household', async () => {
    const viewer = await viewerOf(userIds.guardian);
    const birthDate = addMonths(today(), -2);
    const created = await postChildRoute(eventFor('POST', '/children', viewer, { body: { name: 'API 太郎', birthDate } }));
    expect(created.status).toBe(201);
    const { child } = await created.json();
    expect(matches('ChildResponse', { child })).toEqual([]);
    expect(child).toMatchObject({ name: 'API 太郎', birthDate, sex: null, age: { years: 0, months: 2 } });
    expect(created.headers.get('location')).toBe(`/api/v1/me/household/children/${child.id}`);

    const patched = await patchChildRoute(eventFor('PATCH', `/children/${child.id}`, viewer, { id: child.id, body: { sex: 'male' } }));
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(matches('ChildResponse', after)).toEqual([]);
    expect(after.child).toMatchObject({ name: 'API 太郎', birthDate, sex: 'male' });
    const cleared = await (await patchChildRoute(eventFor('PATCH', `/children/${child.id}`, viewer, { id: child.id, body: { sex: null } }))).json();
    expect(cleared.child.sex).toBeNull();

    const audit = await app.database.db.selectFrom('audit_log').select(['action']).where('record_id', '=', child.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update', 'update']);

    const removed = await deleteChildRoute(eventFor('DELETE', `/children/${child.id}`, viewer, { id: child.id }));
    expect(removed.status).toBe(204);
    expect((await deleteChildRoute(eventFor('DELETE', `/children/${child.id}`, viewer, { id: child.id }))).status).toBe(404);
  });

  it('refuses bad input field by field in the language asked for, and saves nothing', async () => {
    const viewer = await viewerOf(userIds.guardian);
    const before = await childCount(userIds.guardian);
    const response = await postChildRoute(eventFor('POST', '/children', viewer, { body: { name: '', birthDate: addDays(today(), 3) }, language: 'en' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(matches('Error', body)).toEqual([]);
    expect(body.code).toBe('households.invalid_input');
    expect(response.headers.get('content-language')).toBe('en');
    expect(Object.keys(body.fields).sort()).toEqual(['birthDate', 'name']);
    expect(body.message).toBe('Please check what you entered');

    const wrongType = await (await postChildRoute(eventFor('POST', '/children', viewer, { body: { name: { first: 'x' }, birthDate: 20250101 } }))).json();
    expect(wrongType.code).toBe('households.invalid_input');
    expect(Object.keys(wrongType.fields).sort()).toEqual(['birthDate', 'name']);

    const notJson = await postChildRoute(eventFor('POST', '/children', viewer, { rawBody: '{"name": ' }));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).fields).toHaveProperty('body');
    const array = await postChildRoute(eventFor('POST', '/children', viewer, { body: [1, 2] }));
    expect(array.status).toBe(400);
    expect(await childCount(userIds.guardian)).toBe(before);
  });

  it('treats another household’s child exactly like one that does not exist (404), and changes nothing', async () => {
    const other = await getHousehold(app, actorOf(userIds.otherGuardian));
    const theirs = other!.children[0];
    const viewer = await viewerOf(userIds.guardian);
    for (const response of [
      await patchChildRoute(eventFor('PATCH', `/children/${theirs.id}`, viewer, { id: theirs.id, body: { name: '乗っ取り' } })),
      await deleteChildRoute(eventFor('DELETE', `/children/${theirs.id}`, viewer, { id: theirs.id })),
      await patchChildRoute(eventFor('PATCH', '/children/not-a-uuid', viewer, { id: 'not-a-uuid', body: { name: 'x' } }))
    ]) {
      expect(response.status).toBe(404);
      const body = await response.json();
      expect(body.code).toBe('api.not_found');
      expect(matches('Error', body)).toEqual([]);
    }
    const still = await getHousehold(app, actorOf(userIds.otherGuardian));
    expect(still!.children.find((c) => c.id === theirs.id)?.name).toBe(theirs.name);
  });

  it('tells a person without a household to create one first (409)', async () => {
    const response = await postChildRoute(eventFor('POST', '/children', await viewerOf(userIds.staff), { body: { name: 'x', birthDate: today() } }));
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe('households.no_household');
  });
});

describe('pregnancies through the API', () => {
  it('adds a pregnancy by week, corrects its due date, records a birth, takes it back and removes it', async () => {
    const viewer = await viewerOf(userIds.guardian);
    const created = await postPregnancyRoute(eventFor('POST', '/pregnancies', viewer, { body: { weeks: 20, days: 0, fetusCount: 1 } }));
    expect(created.status).toBe(201);
    const { pregnancy } = await created.json();
    expect(matches('PregnancyResponse', { pregnancy })).toEqual([]);
    expect(pregnancy).toMatchObject({ dueDate: addDays(today(), 140), gestation: { weeks: 20, days: 0 }, outcome: null });

    const corrected = await (await patchPregnancyRoute(eventFor('PATCH', `/pregnancies/${pregnancy.id}`, viewer, { id: pregnancy.id, body: { dueDate: addDays(today(), 133) } }))).json();
    expect(corrected.pregnancy).toMatchObject({ dueDate: addDays(today(), 133), fetusCount: 1 });

    const mixed = await patchPregnancyRoute(eventFor('PATCH', `/pregnancies/${pregnancy.id}`, viewer, { id: pregnancy.id, body: { fetusCount: 2, outcome: 'birth', outcomeDate: today() } }));
    expect(mixed.status).toBe(400);
    expect((await mixed.json()).fields).toHaveProperty('outcome');

    const born = await (await patchPregnancyRoute(eventFor('PATCH', `/pregnancies/${pregnancy.id}`, viewer, { id: pregnancy.id, body: { outcome: 'birth', outcomeDate: today() } }))).json();
    expect(matches('PregnancyResponse', born)).toEqual([]);
    expect(born.pregnancy).toMatchObject({ outcome: 'birth', outcomeDate: today(), gestation: null, fetusCount: 1 });
    const undone = await (await patchPregnancyRoute(eventFor('PATCH', `/pregnancies/${pregnancy.id}`, viewer, { id: pregnancy.id, body: { outcome: null } }))).json();
    expect(undone.pregnancy.outcome).toBeNull();

    expect((await deletePregnancyRoute(eventFor('DELETE', `/pregnancies/${pregnancy.id}`, viewer, { id: pregnancy.id }))).status).toBe(204);
  });

  it('refuses a due date out of range and an outcome in the future, saving nothing', async () => {
    const viewer = await viewerOf(userIds.guardian);
    const farAway = await postPregnancyRoute(eventFor('POST', '/pregnancies', viewer, { body: { dueDate: addMonths(today(), 11), fetusCount: 1 } }));
    expect(farAway.status).toBe(400);
    expect((await farAway.json()).fields).toHaveProperty('dueDate');
    const household = await getHousehold(app, actorOf(userIds.guardian));
    const ongoing = household!.pregnancies.find((p) => p.outcome === null) ?? household!.pregnancies[0];
    const future = await patchPregnancyRoute(eventFor('PATCH', `/pregnancies/${ongoing.id}`, viewer, { id: ongoing.id, body: { outcome: 'loss', outcomeDate: addDays(today(), 1) } }));
    expect(future.status).toBe(400);
    expect((await future.json()).fields).toHaveProperty('outcomeDate');
    const again = await getHousehold(app, actorOf(userIds.guardian));
    expect(again!.pregnancies.find((p) => p.id === ongoing.id)?.outcome).toBe(ongoing.outcome);
  });

  it('treats another household’s pregnancy as not found', async () => {
    const other = await getHousehold(app, actorOf(userIds.otherGuardian));
    const viewer = await viewerOf(userIds.guardian);
    const theirs = other!.pregnancies[0];
    if (!theirs) throw new Error('the demo ward gives the other family a pregnancy');
    const response = await patchPregnancyRoute(eventFor('PATCH', `/pregnancies/${theirs.id}`, viewer, { id: theirs.id, body: { outcome: 'loss', outcomeDate: today() } }));
    expect(response.status).toBe(404);
    expect((await deletePregnancyRoute(eventFor('DELETE', `/pregnancies/${theirs.id}`, viewer, { id: theirs.id }))).status).toBe(404);
  });
});
