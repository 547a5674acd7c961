import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { signedInViewer } from '../testing/viewers.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import type { Viewer } from '../auth/session.ts';
import { schemaErrors as matches } from '../api/openapi.testing.ts';
import { GET as getAvailability } from '../../../routes/api/v1/places/[id]/availability/+server.ts';
import { POST as postBooking } from '../../../routes/api/v1/bookings/+server.ts';
import { DELETE as deleteBooking } from '../../../routes/api/v1/bookings/[id]/+server.ts';
import { createHouseholds, createServiceWithSlot, slotState } from './bookings.testing.queries.ts';
import { reserveSlot } from './bookings.service.ts';

// The real endpoint handlers, called as SvelteKit calls them; bodies checked against the OpenAPI schemas.

let app: TestApp;
let municipality: MunicipalityContext;
let userIds: Record<string, string>;
let hanakoChild: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ userIds } = await seedWard(app));
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
  const household = await app.database.db.selectFrom('household_guardian').select('household_id').where('user_id', '=', userIds.guardian).executeTakeFirstOrThrow();
  hanakoChild = (await app.database.db.selectFrom('child').select('id').where('household_id', '=', household.household_id).executeTakeFirstOrThrow()).id;
});
afterAll(() => app.stop());

const viewerOf = (userId: string): Promise<Viewer> => signedInViewer(app, userId, municipality.id);

function eventFor(path: string, viewer: Viewer | undefined, init: { method?: string; headers?: Record<string, string>; body?: unknown; params?: Record<string, string> } = {}) {
  const url = new URL(`http://localhost${path}`);
  return {
    request: new Request(url, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...init.headers }, body: init.body === undefined ? undefined : JSON.stringify(init.body) }),
    url,
    locals: { app, municipality, viewer, requestId: 'req-1', address: '127.0.0.1' },
    params: init.params ?? {}
  } as never;
}

describe('the bookings API', () => {
  it('GET /places/{id}/availability is public and answers as documented; an unknown place is a JSON 404', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipality.id, { capacity: 3 });
    const response = await getAvailability(eventFor(`/api/v1/places/${slot.placeId}/availability`, undefined, { params: { id: slot.placeId } }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(matches('Availability', body)).toEqual([]);
    expect(body.services[0].slots[0]).toMatchObject({ id: slot.slotId, capacity: 3, seatsLeft: 3, bookable: 'open' });
    const missing = await getAvailability(eventFor('/api/v1/places/x/availability', undefined, { params: { id: '00000000-0000-4000-8000-000000000000' } }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('api.not_found');
  });

  it('POST /bookings books once per Idempotency-Key (201, then 200 replayed) and records the notice and the API channel', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipality.id, { capacity: 3 });
    const viewer = await viewerOf(userIds.guardian);
    const send = () =>
      postBooking(eventFor('/api/v1/bookings?notice=n-42', viewer, { method: 'POST', headers: { 'idempotency-key': 'abc-1' }, body: { slotId: slot.slotId, childIds: [hanakoChild] } }));
    const first = await send();
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(matches('Booking', body)).toEqual([]);
    expect(body).toMatchObject({ status: 'confirmed', seats: 1, channel: 'api' });
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await retry.json()).id).toBe(body.id);
    const state = await slotState(app.database.db, slot.slotId);
    expect(state.rows).toEqual([expect.objectContaining({ id: body.id, channel: 'api', notice_id: 'n-42' })]);
  });

  it('answers refusals with stable codes in the language asked for: 401, 400 with fields, 409 slot full', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipality.id, { capacity: 1 });
    const anonymous = await postBooking(eventFor('/api/v1/bookings', undefined, { method: 'POST', body: { slotId: slot.slotId } }));
    expect(anonymous.status).toBe(401);
    const viewer = await viewerOf(userIds.guardian);
    const invalid = await postBooking(eventFor('/api/v1/bookings', viewer, { method: 'POST', headers: { 'accept-language': 'en' }, body: { slotId: slot.slotId, childIds: [] } }));
    expect(invalid.status).toBe(400);
    const invalidBody = await invalid.json();
    expect(matches('Error', invalidBody)).toEqual([]);
    expect(invalidBody).toEqual({ code: 'bookings.invalid_input', message: 'There is a problem', fields: { childIds: 'Choose at least one child.' } });

    const [other] = await createHouseholds(app.database.db, municipality.id, 1, () => 1);
    expect((await reserveSlot(app, other.actor, { slotId: slot.slotId, childIds: other.childIds }, 'web')).ok).toBe(true);
    const full = await postBooking(eventFor('/api/v1/bookings', viewer, { method: 'POST', headers: { 'accept-language': 'en' }, body: { slotId: slot.slotId, childIds: [hanakoChild] } }));
    expect(full.status).toBe(409);
    const fullBody = await full.json();
    expect(matches('Error', fullBody)).toEqual([]);
    expect(fullBody).toEqual({ code: 'bookings.slot_full', message: 'The slot is full. You can join the waiting list.' });
    const japanese = await postBooking(eventFor('/api/v1/bookings', viewer, { method: 'POST', body: { slotId: slot.slotId, childIds: [hanakoChild] } }));
    expect((await japanese.json()).message).toBe('満席のため予約できませんでした。キャンセル待ちに登録できます。');
  });

  it("DELETE /bookings/{id} cancels the caller's own booking; another household's booking is not found", async () => {
    const slot = await createServiceWithSlot(app.database.db, municipality.id, { capacity: 2 });
    const viewer = await viewerOf(userIds.guardian);
    const created = await (await postBooking(eventFor('/api/v1/bookings', viewer, { method: 'POST', body: { slotId: slot.slotId, childIds: [hanakoChild] } }))).json();
    const stranger = await deleteBooking(eventFor(`/api/v1/bookings/${created.id}`, await viewerOf(userIds.otherGuardian), { method: 'DELETE', params: { id: created.id } }));
    expect(stranger.status).toBe(404);
    const mine = await deleteBooking(eventFor(`/api/v1/bookings/${created.id}`, viewer, { method: 'DELETE', params: { id: created.id } }));
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({ id: created.id, status: 'cancelled' });
    const again = await deleteBooking(eventFor(`/api/v1/bookings/${created.id}`, viewer, { method: 'DELETE', params: { id: created.id } }));
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('bookings.not_cancellable');
    expect((await slotState(app.database.db, slot.slotId)).seats_taken).toBe(0);
  });
});
