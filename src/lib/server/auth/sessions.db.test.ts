import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { setClock } from '../platform/clock.ts';
import { signIn } from './auth.service.ts';
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from './sessions.service.ts';
import { applyCookies, browserRequest, expectError, expectOk, viewerFor } from './auth.testing.ts';
import type { Viewer } from './session.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());
afterEach(() => {
  setClock(undefined);
  vi.useRealTimers();
});

async function signInFrom(target: TestApp, email: string, options: { address?: string; userAgent?: string } = {}): Promise<string> {
  const outcome = expectOk(await signIn(target, { email, password: TEST_PASSWORD }, browserRequest(municipalityId, options)));
  return applyCookies(undefined, outcome.responseHeaders);
}

async function viewerOf(target: TestApp, cookie: string): Promise<Viewer> {
  const viewer = await viewerFor(target, municipalityId, cookie);
  if (!viewer) throw new Error('expected a signed-in viewer');
  return viewer;
}

describe('a person’s own sessions', () => {
  it('are listed with device, address and times, this browser marked as current, and no one else’s', async () => {
    await createPerson(app, municipalityId, 'two-devices@example.jp');
    await createPerson(app, municipalityId, 'neighbour@example.jp');
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
    const phone = await signInFrom(app, 'two-devices@example.jp', { address: '198.51.100.21', userAgent: iphone });
    const laptop = await signInFrom(app, 'two-devices@example.jp', { address: '198.51.100.22' });
    await signInFrom(app, 'neighbour@example.jp');

    const sessions = await listOwnSessions(app, await viewerOf(app, laptop));
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ isCurrent: true, address: '198.51.100.22', device: { browser: 'Chrome', system: 'Linux' } });
    expect(sessions[1]).toMatchObject({ isCurrent: false, address: '198.51.100.21', device: { browser: 'Safari', system: 'iPhone' } });
    expect(sessions[1].startedAt).toBeInstanceOf(Date);
    expect((await viewerOf(app, phone)).session.id).toBe(sessions[1].id);
  });

  it('can be ended one by one from another device', async () => {
    await createPerson(app, municipalityId, 'lost-phone@example.jp');
    const phone = await signInFrom(app, 'lost-phone@example.jp');
    const laptop = await signInFrom(app, 'lost-phone@example.jp');
    const phoneSessionId = (await viewerOf(app, phone)).session.id;

    const laptopViewer = await viewerOf(app, laptop);
    expectOk(await revokeOwnSession(app, laptopViewer, { sessionId: phoneSessionId }, browserRequest(municipalityId, { cookie: laptop })));
    expect(await viewerFor(app, municipalityId, phone)).toBeUndefined();
    expect(await viewerFor(app, municipalityId, laptop)).toBeDefined();
    expectError(await revokeOwnSession(app, laptopViewer, { sessionId: phoneSessionId }, browserRequest(municipalityId)), 'auth.session_not_found');
  });

  it('cannot reach another person’s session: it is answered as not found and keeps working', async () => {
    await createPerson(app, municipalityId, 'curious@example.jp');
    await createPerson(app, municipalityId, 'victim@example.jp');
    const curious = await signInFrom(app, 'curious@example.jp');
    const victim = await signInFrom(app, 'victim@example.jp');
    const victimSessionId = (await viewerOf(app, victim)).session.id;

    const error = expectError(
      await revokeOwnSession(app, await viewerOf(app, curious), { sessionId: victimSessionId }, browserRequest(municipalityId, { cookie: curious })),
      'auth.session_not_found'
    );
    expect(error.status).toBe(404);
    expect(await viewerFor(app, municipalityId, victim)).toBeDefined();
    expectError(await revokeOwnSession(app, await viewerOf(app, curious), {}, browserRequest(municipalityId)), 'auth.invalid_input');
  });

  it('can all be ended except the current one, leaving other people alone', async () => {
    await createPerson(app, municipalityId, 'many@example.jp');
    await createPerson(app, municipalityId, 'other-person@example.jp');
    const a = await signInFrom(app, 'many@example.jp');
    const b = await signInFrom(app, 'many@example.jp');
    const current = await signInFrom(app, 'many@example.jp');
    const stranger = await signInFrom(app, 'other-person@example.jp');

    const result = expectOk(await revokeOtherSessions(app, await viewerOf(app, current), browserRequest(municipalityId, { cookie: current })));
    expect(result.count).toBe(2);
    expect(await viewerFor(app, municipalityId, a)).toBeUndefined();
    expect(await viewerFor(app, municipalityId, b)).toBeUndefined();
    expect(await viewerFor(app, municipalityId, current)).toBeDefined();
    expect(await viewerFor(app, municipalityId, stranger)).toBeDefined();
  });
});

describe('how long a session lasts', () => {
  it('ends after the inactivity limit when unused', async () => {
    await createPerson(app, municipalityId, 'idle@example.jp');
    const cookie = await signInFrom(app, 'idle@example.jp');
    setClock(new Date(Date.now() + app.config.sessionInactivitySeconds * 1000 - HOUR));
    expect(await viewerFor(app, municipalityId, cookie)).toBeDefined();
    setClock(new Date(Date.now() + app.config.sessionInactivitySeconds * 1000 + HOUR));
    expect(await viewerFor(app, municipalityId, cookie)).toBeUndefined();
    setClock(undefined);
    // Ended for good: the session is gone from the database, not just hidden.
    expect(await viewerFor(app, municipalityId, cookie)).toBeUndefined();
  });

  it('ends at the absolute maximum age even while in use', async () => {
    const short = await openTestApp({ sessionInactivitySeconds: 2 * 24 * 60 * 60, sessionMaxAgeSeconds: 5 * 24 * 60 * 60 });
    try {
      const { municipalityId: ward } = await seedWard(short);
      await createPerson(short, ward, 'busy@example.jp');
      const start = Date.now();
      // Every clock (ours and better-auth's) moves, so each daily visit really slides the inactivity limit.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(start);
      const outcome = expectOk(await signIn(short, { email: 'busy@example.jp', password: TEST_PASSWORD }, browserRequest(ward)));
      let cookie = applyCookies(undefined, outcome.responseHeaders);
      for (let day = 1; day <= 4; day++) {
        vi.setSystemTime(start + day * DAY);
        const viewer = await loadAndKeep(short, ward, cookie);
        expect(viewer, `still signed in on day ${day}`).toBeDefined();
        cookie = viewer!.cookie;
      }
      vi.setSystemTime(start + 5 * DAY + HOUR);
      expect(await viewerFor(short, ward, cookie)).toBeUndefined();
    } finally {
      await short.stop();
    }
  });

  it('ends at the maximum age as counted by our clock', async () => {
    await createPerson(app, municipalityId, 'old@example.jp');
    const cookie = await signInFrom(app, 'old@example.jp');
    setClock(new Date(Date.now() + app.config.sessionMaxAgeSeconds * 1000 + 1000));
    expect(await viewerFor(app, municipalityId, cookie)).toBeUndefined();
  });
});

/** Loads the viewer the way a page request does, keeping any refreshed cookie. */
async function loadAndKeep(target: TestApp, ward: string, cookie: string) {
  const viewer = await viewerFor(target, ward, cookie);
  return viewer ? { ...viewer, cookie } : undefined;
}
