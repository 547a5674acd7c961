import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { now, setClock } from '../platform/clock.ts';
import { requestPasswordReset, resendVerification, signUp } from './auth.service.ts';
import { browserRequest, expectError, expectOk } from './auth.testing.ts';
import { isThrottledError } from './auth.errors.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

function mailsTo(email: string): number {
  return app.sentMail.filter((mail) => mail.to === email).length;
}

describe('account mails', () => {
  it('stop after three to one address within the window, say when to try again, and resume after it', async () => {
    await createPerson(app, municipalityId, 'flooded@example.jp');
    const start = now();
    setClock(start);
    for (let i = 0; i < 3; i++) expectOk(await requestPasswordReset(app, { email: 'flooded@example.jp' }, browserRequest(municipalityId, { address: `203.0.113.${i}` })));
    expect(mailsTo('flooded@example.jp')).toBe(3);

    const refused = await requestPasswordReset(app, { email: 'Flooded@example.jp' }, browserRequest(municipalityId, { address: '203.0.113.9' }));
    const error = expectError(refused, 'auth.too_many_mails');
    expect(error.status).toBe(429);
    if (!isThrottledError(error)) throw new Error('not a throttled error');
    expect(error.retryAt.getTime()).toBe(start.getTime() + app.config.signInFailureWindowSeconds * 1000);
    expect(mailsTo('flooded@example.jp')).toBe(3);

    setClock(new Date(start.getTime() + app.config.signInFailureWindowSeconds * 1000));
    expectOk(await requestPasswordReset(app, { email: 'flooded@example.jp' }, browserRequest(municipalityId)));
    expect(mailsTo('flooded@example.jp')).toBe(4);
  });

  it('are counted alike for addresses without an account, so a refusal tells nothing about who is registered', async () => {
    for (let i = 0; i < 3; i++) expectOk(await requestPasswordReset(app, { email: 'nobody-here@example.jp' }, browserRequest(municipalityId)));
    expectError(await requestPasswordReset(app, { email: 'nobody-here@example.jp' }, browserRequest(municipalityId)), 'auth.too_many_mails');
  });

  it('count sign-up, resend and reset together for one address', async () => {
    const request = browserRequest(municipalityId, { address: '198.51.100.77' });
    expectOk(await signUp(app, { name: '試験 花子', email: 'together@example.jp', password: 'a long enough secret', passwordConfirm: 'a long enough secret' }, request));
    expectOk(await resendVerification(app, { email: 'together@example.jp' }, request));
    expectOk(await requestPasswordReset(app, { email: 'together@example.jp' }, request));
    expectError(await resendVerification(app, { email: 'together@example.jp' }, request), 'auth.too_many_mails');
  });

  it('stop from one connection that asks for mails to many addresses', async () => {
    const limit = app.config.mailsPerAddress;
    const request = browserRequest(municipalityId, { address: '192.0.2.200' });
    for (let i = 0; i < limit; i++) expectOk(await requestPasswordReset(app, { email: `spray-${i}@example.jp` }, request));
    expectError(await requestPasswordReset(app, { email: 'spray-last@example.jp' }, request), 'auth.too_many_mails');
    expectOk(await requestPasswordReset(app, { email: 'spray-last@example.jp' }, browserRequest(municipalityId, { address: '192.0.2.201' })));
  });

  it('are not counted for input that is refused before anything is sent', async () => {
    for (let i = 0; i < 5; i++) expectError(await requestPasswordReset(app, { email: 'not an address' }, browserRequest(municipalityId)), 'auth.invalid_input');
    expectOk(await requestPasswordReset(app, { email: 'typo-fixed@example.jp' }, browserRequest(municipalityId)));
  });
});
