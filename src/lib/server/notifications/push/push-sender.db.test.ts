import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedOtherMunicipality, createPerson } from '../../testing/fixtures.ts';
import { signedInViewer } from '../../testing/viewers.ts';
import { resolveMunicipality, type MunicipalityContext } from '../../municipalities/index.ts';
import type { PersonActor } from '../../households/index.ts';
import { POST as subscribeRoute } from '../../../../routes/api/v1/me/push-subscriptions/+server.ts';
import { createPushSender, resolveVapidKeys, subscribeToPush, MAX_PAYLOAD_BYTES, type OutgoingMessage } from './index.ts';
import { decryptPush, fakeBrowser, startLocalPushService, verifyVapid, type FakeBrowser, type LocalPushService } from './local-push-service.testing.ts';

// The sender against a real HTTP push service on 127.0.0.1: the request it receives is checked the
// way a push service and a browser would check it (VAPID token, RFC 8291 decryption, headers).

let app: TestApp;
let service: LocalPushService;
let municipality: MunicipalityContext;
let person: PersonActor;
let pathCounter = 0;

beforeAll(async () => {
  app = await openTestApp({ pushAllowLocalEndpoints: true });
  const { municipalityId } = await seedOtherMunicipality(app);
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
  expect(municipality.id).toBe(municipalityId);
  service = await startLocalPushService();
});
afterAll(async () => {
  await service.close();
  await app.stop();
});

beforeEach(async () => {
  const userId = await createPerson(app, municipality.id, `push-${++pathCounter}@example.jp`);
  person = { userId, municipalityId: municipality.id, requestId: 'req-push', address: '127.0.0.1' };
  service.received.length = 0;
});

/** A fake browser subscribed for `person` through the service, at a path of its own. */
async function subscribedBrowser(): Promise<FakeBrowser> {
  const browser = fakeBrowser(`${service.origin}/push/${++pathCounter}`);
  const result = await subscribeToPush(app, person, browser.subscription, 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0');
  expect(result.ok).toBe(true);
  return browser;
}

const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  deliveryId: 'delivery-1',
  stableId: 'n_7f3a9c2e4b1d',
  userId: person.userId,
  municipalityId: municipality.id,
  locale: 'ja',
  title: '4か月児健診のお知らせ',
  body: '来週から受けられます。会場はさくら区保健センターです。',
  url: 'https://sakura.example.jp/inbox/7f3a9c2e',
  ...overrides
});

const sender = () => createPushSender({ db: app.database.db, vapid: resolveVapidKeys(app.config), ttlSeconds: 3600 });

const subscriptionCount = async (userId = person.userId) =>
  Number((await app.database.db.selectFrom('push_subscription').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

describe('the Web Push sender', () => {
  it('delivers a notice signed with VAPID, readable only with the subscription keys, with TTL, Topic and Urgency', async () => {
    const browser = await subscribedBrowser();
    const before = Math.floor(Date.now() / 1000);

    expect(await sender().send(message())).toEqual({ ok: true });

    expect(service.received).toHaveLength(1);
    const [push] = service.received;
    expect(push.path).toBe(new URL(browser.subscription.endpoint).pathname);
    expect(push.headers['ttl']).toBe('3600');
    expect(push.headers['topic']).toBe('n_7f3a9c2e4b1d');
    expect(push.headers['urgency']).toBe('normal');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    const vapid = resolveVapidKeys(app.config);
    const claims = verifyVapid(push.headers['authorization'], vapid.publicKey);
    expect(claims.aud).toBe(service.origin);
    expect(claims.sub).toBe(vapid.subject);
    expect(claims.sub).toMatch(/^(mailto:|https:)/);
    expect(claims.exp).toBeGreaterThan(before);
    expect(claims.exp).toBeLessThanOrEqual(before + 24 * 60 * 60 + 60);
    expect(JSON.parse(decryptPush(browser, push.body))).toEqual({
      title: '4か月児健診のお知らせ',
      body: '来週から受けられます。会場はさくら区保健センターです。',
      url: 'https://sakura.example.jp/inbox/7f3a9c2e',
      id: 'n_7f3a9c2e4b1d'
    });
    // Another browser's keys cannot read it.
    expect(() => decryptPush(fakeBrowser(browser.subscription.endpoint), push.body)).toThrow();
    const row = await app.database.db.selectFrom('push_subscription').select(['last_success_at', 'user_agent']).where('endpoint', '=', browser.subscription.endpoint).executeTakeFirstOrThrow();
    expect(row.last_success_at).not.toBeNull();
    expect(row.user_agent).toBe('Chrome (Android)');
  });

  it('delivers to a subscription registered through the API, as a browser would register it', async () => {
    const browser = fakeBrowser(`${service.origin}/push/api-${++pathCounter}`);
    const viewer = await signedInViewer(app, person.userId, municipality.id);
    const url = new URL('http://localhost/api/v1/me/push-subscriptions');
    const response = await subscribeRoute({
      request: new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(browser.subscription) }),
      url,
      locals: { app, municipality, viewer, requestId: 'req-api', address: '127.0.0.1' },
      params: {}
    } as unknown as Parameters<typeof subscribeRoute>[0]);
    expect(response.status).toBe(201);

    expect(await sender().send(message({ title: 'Check-up', body: 'Next week', locale: 'en' }))).toEqual({ ok: true });
    expect(service.received).toHaveLength(1);
    verifyVapid(service.received[0].headers['authorization'], resolveVapidKeys(app.config).publicKey);
    expect(JSON.parse(decryptPush(browser, service.received[0].body))).toMatchObject({ title: 'Check-up', body: 'Next week' });
  });

  it('repeats a send with the same Topic and id, so the push service and the browser replace the first copy', async () => {
    const browser = await subscribedBrowser();
    await sender().send(message());
    await sender().send(message({ deliveryId: 'delivery-1-retry' }));
    expect(service.received.map((r) => r.headers['topic'])).toEqual(['n_7f3a9c2e4b1d', 'n_7f3a9c2e4b1d']);
    expect(service.received.map((r) => JSON.parse(decryptPush(browser, r.body)).id)).toEqual(['n_7f3a9c2e4b1d', 'n_7f3a9c2e4b1d']);
  });

  it('sends to every browser of the person', async () => {
    const phone = await subscribedBrowser();
    const laptop = await subscribedBrowser();
    expect(await sender().send(message())).toEqual({ ok: true });
    expect(service.received.map((r) => r.path).sort()).toEqual([new URL(phone.subscription.endpoint).pathname, new URL(laptop.subscription.endpoint).pathname].sort());
  });

  it('removes a subscription the push service answers 410 Gone or 404 for, and does not retry', async () => {
    const gone = await subscribedBrowser();
    service.answer(new URL(gone.subscription.endpoint).pathname, 410);
    const result = await sender().send(message());
    expect(result).toMatchObject({ ok: false, retry: false });
    expect(await subscriptionCount()).toBe(0);

    const unknown = await subscribedBrowser();
    service.answer(new URL(unknown.subscription.endpoint).pathname, 404);
    expect(await sender().send(message())).toMatchObject({ ok: false, retry: false });
    expect(await subscriptionCount()).toBe(0);
  });

  it('still counts as delivered when one browser is gone and another accepts, and drops only the gone one', async () => {
    const gone = await subscribedBrowser();
    const alive = await subscribedBrowser();
    service.answer(new URL(gone.subscription.endpoint).pathname, 410);
    expect(await sender().send(message())).toEqual({ ok: true });
    const left = await app.database.db.selectFrom('push_subscription').select('endpoint').where('user_id', '=', person.userId).execute();
    expect(left.map((r) => r.endpoint)).toEqual([alive.subscription.endpoint]);
  });

  it('asks for a retry when the push service fails (500) or throttles (429), and keeps the subscription', async () => {
    const browser = await subscribedBrowser();
    const path = new URL(browser.subscription.endpoint).pathname;
    service.answer(path, 500);
    const failed = await sender().send(message());
    expect(failed).toMatchObject({ ok: false, retry: true });
    expect(failed.ok === false && failed.error).toContain('500');
    service.answer(path, 429);
    expect(await sender().send(message())).toMatchObject({ ok: false, retry: true });
    expect(await subscriptionCount()).toBe(1);
  });

  it('asks for a retry when the push service cannot be reached', async () => {
    const closed = await startLocalPushService();
    const endpoint = `${closed.origin}/push/closed`;
    await closed.close();
    const browser = fakeBrowser(endpoint);
    expect((await subscribeToPush(app, person, browser.subscription, null)).ok).toBe(true);
    const result = await sender().send(message());
    expect(result).toMatchObject({ ok: false, retry: true });
    expect(result.ok === false && result.error).toMatch(/^push: network/);
  });

  it('does not retry a refusal such as 403 (a subscription made with another VAPID key)', async () => {
    const browser = await subscribedBrowser();
    service.answer(new URL(browser.subscription.endpoint).pathname, 403);
    expect(await sender().send(message())).toMatchObject({ ok: false, retry: false });
    expect(await subscriptionCount()).toBe(1);
  });

  it('says clearly that a person without a subscription cannot be reached, without a retry', async () => {
    const result = await sender().send(message());
    expect(result).toEqual({ ok: false, retry: false, error: 'push: the person has no push subscription' });
    expect(service.received).toHaveLength(0);
  });

  it('refuses a stable id that cannot be a Topic, before sending anything', async () => {
    await subscribedBrowser();
    expect(await sender().send(message({ stableId: 'not a topic!' }))).toMatchObject({ ok: false, retry: false });
    expect(await sender().send(message({ stableId: 'a'.repeat(33) }))).toMatchObject({ ok: false, retry: false });
    expect(service.received).toHaveLength(0);
  });

  it('cuts an oversized body under the 4 KB record limit at a character boundary', async () => {
    const browser = await subscribedBrowser();
    const long = '予防接種の記録をご確認ください👨‍👩‍👧。'.repeat(400);
    expect(await sender().send(message({ body: long }))).toEqual({ ok: true });
    const [push] = service.received;
    expect(push.body.length).toBeLessThanOrEqual(4096);
    const plaintext = decryptPush(browser, push.body);
    expect(Buffer.byteLength(plaintext)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const payload = JSON.parse(plaintext) as { body: string; title: string };
    expect(payload.title).toBe('4か月児健診のお知らせ');
    expect(payload.body.endsWith('…')).toBe(true);
    const kept = payload.body.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(500);
    // Never half an emoji sequence: the cut falls on a whole repetition of graphemes.
    expect(kept).not.toMatch(/\u200d$/);
    expect(kept.endsWith('\ud83d')).toBe(false);
  });
});
