import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedOtherMunicipality, createPerson } from '../../testing/fixtures.ts';
import { signedInViewer } from '../../testing/viewers.ts';
import { resolveMunicipality, type MunicipalityContext } from '../../municipalities/index.ts';
import { getPreferences } from '../../people/index.ts';
import type { Viewer } from '../../auth/session.ts';
import { schemaErrors as matches } from '../../api/openapi.testing.ts';
import { DELETE as unsubscribe, POST as subscribe, fallback } from '../../../../routes/api/v1/me/push-subscriptions/+server.ts';
import { GET as getVapidKey } from '../../../../routes/api/v1/push/vapid-public-key/+server.ts';
import { MAX_SUBSCRIPTIONS_PER_PERSON, resolveVapidKeys } from './index.ts';

// POST/DELETE /api/v1/me/push-subscriptions through the real handlers, with browser-shaped bodies.

let app: TestApp;
let municipality: MunicipalityContext;
let hanako: string;
let taro: string;

beforeAll(async () => {
  app = await openTestApp();
  await seedOtherMunicipality(app);
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
  hanako = await createPerson(app, municipality.id, 'hanako-push@example.jp');
  taro = await createPerson(app, municipality.id, 'taro-push@example.jp');
});
afterAll(() => app.stop());

type Handler = typeof subscribe;
let counter = 0;

function browserSubscription(endpoint = `https://fcm.googleapis.com/fcm/send/dev-${++counter}:APA91b${randomBytes(8).toString('hex')}`) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } };
}

async function call(handler: Handler, viewer: Viewer | undefined, body: unknown, { contentType = 'application/json', method = 'POST', raw }: { contentType?: string; method?: string; raw?: string } = {}) {
  const url = new URL('http://localhost/api/v1/me/push-subscriptions');
  const request = new Request(url, {
    method,
    headers: { 'content-type': contentType, 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile/15E148 Safari/604.1' },
    body: raw ?? JSON.stringify(body)
  });
  const response = await handler({ request, url, locals: { app, municipality, viewer, requestId: 'req-1', address: '127.0.0.1' }, params: {} } as unknown as Parameters<Handler>[0]);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const as = (userId: string) => signedInViewer(app, userId, municipality.id);
const actor = (userId: string) => ({ userId, municipalityId: municipality.id });
const rowsOf = (userId: string) => app.database.db.selectFrom('push_subscription').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

describe('POST /api/v1/me/push-subscriptions', () => {
  it('answers an anonymous caller 401 and stores nothing', async () => {
    const response = await call(subscribe, undefined, browserSubscription());
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('api.unauthenticated');
    expect(await app.database.db.selectFrom('push_subscription').selectAll().execute()).toEqual([]);
  });

  it("registers the signed-in person's browser, turns their push channel on, and is idempotent", async () => {
    const subscription = browserSubscription();
    const first = await call(subscribe, await as(hanako), subscription);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(matches('PushSubscriptionCreated', first.body)).toEqual([]);
    expect((await getPreferences(app, actor(hanako))).notifyPush).toBe(true);
    const [row] = await rowsOf(hanako);
    expect(row).toMatchObject({ id: first.body.id, endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, user_agent: 'Safari (iPhone)', municipality_id: municipality.id });

    // The browser renewed its keys: same endpoint, same row, new keys.
    const renewed = { ...browserSubscription(subscription.endpoint) };
    const again = await call(subscribe, await as(hanako), renewed);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const rows = await rowsOf(hanako);
    expect(rows).toHaveLength(1);
    expect(rows[0].p256dh).toBe(renewed.keys.p256dh);
    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'record_id']).where('record_type', '=', 'push_subscription').execute();
    expect(audit).toEqual([{ action: 'create', record_id: first.body.id }]);
  });

  it('refuses bad input with a stable code and the field concerned, and writes nothing', async () => {
    const viewer = await as(taro);
    const good = browserSubscription();
    const cases: [string, unknown, { contentType?: string; raw?: string }, string][] = [
      ['not JSON', undefined, { raw: '{"endpoint":' }, 'body'],
      ['a JSON array', [good], {}, 'body'],
      ['text/plain (a cross-site simple request)', good, { contentType: 'text/plain' }, 'body'],
      ['no endpoint', { keys: good.keys }, {}, 'endpoint'],
      ['an http endpoint', { ...good, endpoint: 'http://fcm.googleapis.com/fcm/send/x' }, {}, 'endpoint'],
      ['a host that is no push service', { ...good, endpoint: 'https://attacker.example/collect' }, {}, 'endpoint'],
      ['an address literal', { ...good, endpoint: 'https://10.0.0.8/fcm/send/x' }, {}, 'endpoint'],
      ['localhost without the test flag', { ...good, endpoint: 'http://127.0.0.1:9/push' }, {}, 'endpoint'],
      ['credentials in the URL', { ...good, endpoint: 'https://user:pw@fcm.googleapis.com/fcm/send/x' }, {}, 'endpoint'],
      ['an endpoint too long', { ...good, endpoint: `https://fcm.googleapis.com/${'x'.repeat(2100)}` }, {}, 'endpoint'],
      ['no keys', { endpoint: good.endpoint }, {}, 'keys'],
      ['a p256dh of the wrong length', { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } }, {}, 'keys'],
      ['a p256dh that is not on the curve', { ...good, keys: { ...good.keys, p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url') } }, {}, 'keys'],
      ['an auth secret of 8 bytes', { ...good, keys: { ...good.keys, auth: randomBytes(8).toString('base64url') } }, {}, 'keys'],
      ['keys that are not base64url', { ...good, keys: { p256dh: '!'.repeat(87), auth: '?'.repeat(22) } }, {}, 'keys'],
      ['keys of the wrong type', { ...good, keys: { p256dh: 42, auth: null } }, {}, 'keys']
    ];
    for (const [label, body, options, field] of cases) {
      const response = await call(subscribe, viewer, body, options);
      expect(response.status, label).toBe(400);
      expect(response.body.code, label).toBe('push.invalid_subscription');
      expect(Object.keys(response.body.fields ?? {}), label).toEqual([field]);
      expect(matches('Error', response.body), label).toEqual([]);
    }
    expect(await rowsOf(taro)).toEqual([]);
    expect((await getPreferences(app, actor(taro))).notifyPush).toBe(false);
  });

  it('accepts keys with base64 padding and stores them canonically', async () => {
    const subscription = browserSubscription();
    const padded = { ...subscription, keys: { p256dh: `${subscription.keys.p256dh}=`, auth: `${subscription.keys.auth}==` } };
    expect((await call(subscribe, await as(taro), padded)).status).toBe(201);
    const row = (await rowsOf(taro)).find((r) => r.endpoint === subscription.endpoint)!;
    expect(row.p256dh).toBe(subscription.keys.p256dh);
    expect(row.auth).toBe(subscription.keys.auth);
    expect((await call(unsubscribe, await as(taro), { endpoint: subscription.endpoint }, { method: 'DELETE' })).status).toBe(200);
  });

  it("refuses someone else's endpoint and leaves their subscription as it was", async () => {
    const subscription = browserSubscription();
    expect((await call(subscribe, await as(hanako), subscription)).status).toBe(201);
    const before = (await rowsOf(hanako)).find((r) => r.endpoint === subscription.endpoint)!;

    const hijack = { ...browserSubscription(subscription.endpoint) };
    const response = await call(subscribe, await as(taro), hijack, {});
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('push.endpoint_in_use');
    expect(matches('Error', response.body)).toEqual([]);
    expect((await rowsOf(hanako)).find((r) => r.endpoint === subscription.endpoint)).toEqual(before);
    expect(await rowsOf(taro)).toEqual([]);

    // Nor can Taro remove it: it looks like an endpoint that does not exist.
    const removal = await call(unsubscribe, await as(taro), { endpoint: subscription.endpoint }, { method: 'DELETE' });
    expect(removal.status).toBe(404);
    expect(removal.body.code).toBe('push.not_subscribed');
    expect((await rowsOf(hanako)).some((r) => r.endpoint === subscription.endpoint)).toBe(true);
  });

  it(`keeps at most ${MAX_SUBSCRIPTIONS_PER_PERSON} browsers per person, replacing the one unused the longest`, async () => {
    const person = await createPerson(app, municipality.id, 'many-devices@example.jp');
    const viewer = await as(person);
    const endpoints: string[] = [];
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_PERSON + 2; i += 1) {
      const subscription = browserSubscription();
      endpoints.push(subscription.endpoint);
      expect((await call(subscribe, viewer, subscription)).status).toBe(201);
      // The first browser keeps delivering, so it is not the one replaced.
      if (i === 0) await app.database.db.updateTable('push_subscription').set({ last_success_at: new Date(Date.now() + 60_000) }).where('endpoint', '=', subscription.endpoint).execute();
    }
    const kept = (await rowsOf(person)).map((r) => r.endpoint);
    expect(kept).toHaveLength(MAX_SUBSCRIPTIONS_PER_PERSON);
    expect(kept).toContain(endpoints[0]);
    expect(kept).not.toContain(endpoints[1]);
    expect(kept).not.toContain(endpoints[2]);
    expect(kept).toContain(endpoints.at(-1));
  });
});

describe('DELETE /api/v1/me/push-subscriptions', () => {
  it('removes one browser, and turns the push channel off when none is left', async () => {
    const person = await createPerson(app, municipality.id, 'two-devices@example.jp');
    const viewer = await as(person);
    const phone = browserSubscription();
    const tablet = browserSubscription();
    await call(subscribe, viewer, phone);
    await call(subscribe, viewer, tablet);

    const first = await call(unsubscribe, viewer, { endpoint: phone.endpoint }, { method: 'DELETE' });
    expect(first).toMatchObject({ status: 200, body: { remaining: 1 } });
    expect((await getPreferences(app, actor(person))).notifyPush).toBe(true);

    const last = await call(unsubscribe, viewer, { endpoint: tablet.endpoint }, { method: 'DELETE' });
    expect(last).toMatchObject({ status: 200, body: { remaining: 0 } });
    expect(await rowsOf(person)).toEqual([]);
    expect((await getPreferences(app, actor(person))).notifyPush).toBe(false);

    const again = await call(unsubscribe, viewer, { endpoint: tablet.endpoint }, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('push.not_subscribed');
  });

  it('answers 401 to an anonymous caller and 400 to a body without an endpoint', async () => {
    expect((await call(unsubscribe, undefined, { endpoint: 'https://fcm.googleapis.com/x' }, { method: 'DELETE' })).status).toBe(401);
    const empty = await call(unsubscribe, await as(taro), {}, { method: 'DELETE' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'push.invalid_subscription', fields: { endpoint: expect.any(String) } });
    const notJson = await call(unsubscribe, await as(taro), undefined, { method: 'DELETE', raw: 'endpoint=x', contentType: 'application/x-www-form-urlencoded' });
    expect(notJson.status).toBe(400);
  });

  it('answers other methods 405 with the allowed ones', async () => {
    const url = new URL('http://localhost/api/v1/me/push-subscriptions');
    const response = await fallback({ request: new Request(url, { method: 'PUT' }), url, locals: { app, municipality, viewer: undefined }, params: {} } as unknown as Parameters<typeof fallback>[0]);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, DELETE');
  });
});

describe('GET /api/v1/push/vapid-public-key', () => {
  it('gives anyone the VAPID public key, the same on every call', async () => {
    const url = new URL('http://localhost/api/v1/push/vapid-public-key');
    const event = { request: new Request(url), url, locals: { app, municipality, viewer: undefined, requestId: 'r' }, params: {} } as unknown as Parameters<typeof getVapidKey>[0];
    const body = await (await getVapidKey(event)).json();
    expect(matches('VapidPublicKey', body)).toEqual([]);
    expect(body.publicKey).toBe(resolveVapidKeys(app.config).publicKey);
    expect(Buffer.from(body.publicKey, 'base64url')).toHaveLength(65);
    expect((await (await getVapidKey(event)).json()).publicKey).toBe(body.publicKey);
  });
});
