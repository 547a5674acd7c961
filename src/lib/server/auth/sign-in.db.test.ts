import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { setClock } from '../platform/clock.ts';
import { absoluteUrlFor, type App } from '../app.ts';
import { setPreferredLanguage } from '../people/index.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { createAuth } from './auth.ts';
import { isThrottledError } from './auth.errors.ts';
import { signIn, signOut } from './auth.service.ts';
import { applyCookies, browserRequest, expectError, expectOk, viewerFor } from './auth.testing.ts';

let app: TestApp;
let municipalityId: string;
const T0 = new Date('2026-11-27T01:00:00Z');

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function failTimes(target: App, email: string, times: number, address = '203.0.113.7') {
  for (let i = 0; i < times; i++) {
    expectError(await signIn(target, { email, password: 'wrong password!' }, browserRequest(municipalityId, { address })), 'auth.invalid_credentials');
  }
}

describe('signing in', () => {
  it('signs a verified person in, sets a session cookie, and hands back their saved language', async () => {
    const userId = await createPerson(app, municipalityId, 'mother@example.jp');
    await setPreferredLanguage(app, userId, 'ja-x-easy');
    const outcome = expectOk(await signIn(app, { email: ' Mother@Example.jp ', password: TEST_PASSWORD }, browserRequest(municipalityId)));
    if (outcome.kind !== 'signed_in') expect.fail('expected to be signed in');
    expect(outcome.userId).toBe(userId);
    expect(outcome.language).toBe('ja-x-easy');

    const cookie = applyCookies(undefined, outcome.responseHeaders);
    const viewer = await viewerFor(app, municipalityId, cookie);
    expect(viewer?.user.id).toBe(userId);

    await signOut(app, userId, browserRequest(municipalityId, { cookie }));
    expect(await viewerFor(app, municipalityId, cookie)).toBeUndefined();

    // The audit log holds ids and the address only, never the email address.
    const entries = await listAuditEntries(app.database.db, { recordType: 'user', recordId: userId });
    expect(entries.map((e) => e.action)).toEqual(['auth.sign_in', 'auth.sign_out']);
    expect(entries[0]).toMatchObject({ actor_user_id: userId, municipality_id: municipalityId, address: '203.0.113.7' });
    expect(JSON.stringify(entries)).not.toContain('mother@example.jp');
  });

  it('answers a wrong password and an unknown address with the same message beside the password', async () => {
    await createPerson(app, municipalityId, 'same-answer@example.jp');
    const wrong = expectError(await signIn(app, { email: 'same-answer@example.jp', password: 'not the password' }, browserRequest(municipalityId)), 'auth.invalid_credentials');
    const unknown = expectError(await signIn(app, { email: 'no-one@example.jp', password: 'not the password' }, browserRequest(municipalityId)), 'auth.invalid_credentials');
    expect(wrong).toEqual(unknown);
    expect(wrong.fields).toEqual({ password: 'auth_error_invalid_credentials' });
  });
});

describe('the limit on failed sign-ins', () => {
  it('lets no more than the account limit of wrong passwords be tried, even when they arrive at once', async () => {
    const email = 'parallel@example.jp';
    await createPerson(app, municipalityId, email);
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(app, { email, password: 'wrong password!' }, browserRequest(municipalityId, { address: `198.51.100.${i + 1}` })))
    );
    const tried = attempts.filter((a) => !a.ok && a.error.code === 'auth.invalid_credentials');
    const refused = attempts.filter((a) => !a.ok && isThrottledError(a.error));
    // However the attempts interleave, no more than the limit reach the password check, every other one
    // is refused, and only the tried ones stay counted.
    expect(tried.length).toBeLessThanOrEqual(app.config.signInFailuresPerAccount);
    expect(tried.length + refused.length).toBe(12);
    const counted = await sql<{ n: number }>`select count(*)::int as n from auth_throttle where key = ${'account:' + email}`.execute(app.database.db);
    expect(counted.rows[0].n).toBe(tried.length);
  });

  it('locks an account after 5 wrong passwords, even for the right password, until the window has passed', async () => {
    await createPerson(app, municipalityId, 'locked@example.jp');
    setClock(T0);
    await failTimes(app, 'locked@example.jp', 5);

    setClock(minutes(3));
    const refused = expectError(await signIn(app, { email: 'locked@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.too_many_failures');
    if (!isThrottledError(refused)) expect.fail('expected a throttled error');
    expect(refused.status).toBe(429);
    expect(refused.scope).toBe('account');
    expect(refused.retryAt.toISOString()).toBe(minutes(15).toISOString());
    // Another address does not help: the limit belongs to the account.
    expectError(await signIn(app, { email: 'LOCKED@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId, { address: '198.51.100.9' })), 'auth.too_many_failures');

    setClock(minutes(14));
    expectError(await signIn(app, { email: 'locked@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.too_many_failures');

    setClock(minutes(15));
    expect(expectOk(await signIn(app, { email: 'locked@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId))).kind).toBe('signed_in');
  });

  it('does not count refused attempts, and a success starts the account afresh', async () => {
    await createPerson(app, municipalityId, 'fresh@example.jp');
    setClock(T0);
    await failTimes(app, 'fresh@example.jp', 4);
    setClock(minutes(1));
    expectOk(await signIn(app, { email: 'fresh@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
    setClock(minutes(2));
    await failTimes(app, 'fresh@example.jp', 4);
    expectOk(await signIn(app, { email: 'fresh@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
  });

  it('limits one address to 30 failures across different accounts, leaving other addresses free', async () => {
    const attacker = '192.0.2.66';
    await createPerson(app, municipalityId, 'bystander@example.jp');
    setClock(T0);
    for (let i = 0; i < 30; i++) {
      expectError(await signIn(app, { email: `guess-${i}@example.jp`, password: 'wrong password!' }, browserRequest(municipalityId, { address: attacker })), 'auth.invalid_credentials');
    }
    setClock(minutes(5));
    const refused = expectError(await signIn(app, { email: 'bystander@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId, { address: attacker })), 'auth.too_many_failures');
    if (!isThrottledError(refused)) expect.fail('expected a throttled error');
    expect(refused.scope).toBe('address');
    expect(refused.retryAt.toISOString()).toBe(minutes(15).toISOString());

    expect(expectOk(await signIn(app, { email: 'bystander@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId, { address: '198.51.100.10' }))).kind).toBe('signed_in');
  });

  it('keeps its counters in the database, so a second app instance over the same database refuses too', async () => {
    await createPerson(app, municipalityId, 'shared@example.jp');
    setClock(T0);
    await failTimes(app, 'shared@example.jp', 5);
    const rows = await sql<{ n: number }>`select count(*)::int as n from auth_throttle where key = 'account:shared@example.jp'`.execute(app.database.db);
    expect(rows.rows[0].n).toBe(5);

    // Another instance: its own better-auth over the same pool (as after a restart or on a second server).
    const other: App = { ...app, auth: createAuth(app.database.pool, app.config, app.mailer, { absoluteUrl: absoluteUrlFor(app.config) }) };
    setClock(minutes(1));
    expectError(await signIn(other, { email: 'shared@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.too_many_failures');
  });

  it('counts failures made on one instance and another together', async () => {
    await createPerson(app, municipalityId, 'split@example.jp');
    const other: App = { ...app, auth: createAuth(app.database.pool, app.config, app.mailer, { absoluteUrl: absoluteUrlFor(app.config) }) };
    setClock(T0);
    await failTimes(app, 'split@example.jp', 3);
    await failTimes(other, 'split@example.jp', 2);
    expectError(await signIn(app, { email: 'split@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.too_many_failures');
  });

  it('follows the configured limits', async () => {
    const strict = await openTestApp({ signInFailuresPerAccount: 2, signInFailureWindowSeconds: 60 });
    try {
      const { municipalityId: strictMunicipality } = await seedWard(strict);
      await createPerson(strict, strictMunicipality, 'strict@example.jp');
      setClock(T0);
      for (let i = 0; i < 2; i++) {
        expectError(await signIn(strict, { email: 'strict@example.jp', password: 'wrong password!' }, browserRequest(strictMunicipality)), 'auth.invalid_credentials');
      }
      expectError(await signIn(strict, { email: 'strict@example.jp', password: TEST_PASSWORD }, browserRequest(strictMunicipality)), 'auth.too_many_failures');
      setClock(minutes(1));
      expectOk(await signIn(strict, { email: 'strict@example.jp', password: TEST_PASSWORD }, browserRequest(strictMunicipality)));
    } finally {
      await strict.stop();
    }
  });
});
