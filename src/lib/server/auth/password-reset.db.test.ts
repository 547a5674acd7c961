import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { setClock } from '../platform/clock.ts';
import { isResetTokenUsable, requestPasswordReset, resetPassword, signIn } from './auth.service.ts';
import { applyCookies, browserRequest, expectError, expectOk, linkIn, TEST_HOST, viewerFor } from './auth.testing.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

async function signedInCookie(email: string, password = TEST_PASSWORD, address?: string): Promise<string> {
  const outcome = expectOk(await signIn(app, { email, password }, browserRequest(municipalityId, { address })));
  return applyCookies(undefined, outcome.responseHeaders);
}

async function resetTokenFor(email: string): Promise<string> {
  expectOk(await requestPasswordReset(app, { email }, browserRequest(municipalityId)));
  const mail = app.sentMail.filter((m) => m.to === email).at(-1);
  if (!mail) throw new Error(`no reset mail to ${email}`);
  const link = linkIn(mail, '/reset-password');
  expect(link.host).toBe(TEST_HOST);
  return link.searchParams.get('token') ?? '';
}

describe('a forgotten password', () => {
  it('is answered alike for any address, and mails a /reset-password link only to an existing account', async () => {
    await createPerson(app, municipalityId, 'forgetful@example.jp');
    const before = app.sentMail.length;
    const known = await requestPasswordReset(app, { email: 'Forgetful@example.jp' }, browserRequest(municipalityId));
    const unknown = await requestPasswordReset(app, { email: 'stranger@example.jp' }, browserRequest(municipalityId));
    expect(known.ok && unknown.ok).toBe(true);
    const mails = app.sentMail.slice(before);
    expect(mails.map((m) => m.to)).toEqual(['forgetful@example.jp']);
    expect(linkIn(mails[0], '/reset-password').pathname).toBe('/reset-password');
    expectError(await requestPasswordReset(app, { email: 'nonsense' }, browserRequest(municipalityId)), 'auth.invalid_input');
  });

  it('is reset from the link, which ends every session of the account and works only once', async () => {
    await createPerson(app, municipalityId, 'reset-me@example.jp');
    const phone = await signedInCookie('reset-me@example.jp', TEST_PASSWORD, '198.51.100.1');
    const laptop = await signedInCookie('reset-me@example.jp', TEST_PASSWORD, '198.51.100.2');
    expect(await viewerFor(app, municipalityId, phone)).toBeDefined();

    const token = await resetTokenFor('reset-me@example.jp');
    expect(await isResetTokenUsable(app, token)).toBe(true);
    expectOk(await resetPassword(app, { token, password: 'a brand new secret', passwordConfirm: 'a brand new secret' }, browserRequest(municipalityId)));

    expect(await viewerFor(app, municipalityId, phone)).toBeUndefined();
    expect(await viewerFor(app, municipalityId, laptop)).toBeUndefined();
    expectError(await signIn(app, { email: 'reset-me@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.invalid_credentials');
    expectOk(await signIn(app, { email: 'reset-me@example.jp', password: 'a brand new secret' }, browserRequest(municipalityId)));

    expect(await isResetTokenUsable(app, token)).toBe(false);
    expectError(
      await resetPassword(app, { token, password: 'yet another secret', passwordConfirm: 'yet another secret' }, browserRequest(municipalityId)),
      'auth.reset_link_invalid'
    );
  });

  it('refuses mismatched or short new passwords without using up the link', async () => {
    await createPerson(app, municipalityId, 'careful@example.jp');
    const token = await resetTokenFor('careful@example.jp');
    const mismatch = expectError(
      await resetPassword(app, { token, password: 'first version!', passwordConfirm: 'second version' }, browserRequest(municipalityId)),
      'auth.invalid_input'
    );
    expect(mismatch.fields).toEqual({ passwordConfirm: 'auth_error_password_mismatch' });
    expect(expectError(await resetPassword(app, { token, password: 'short', passwordConfirm: 'short' }, browserRequest(municipalityId)), 'auth.invalid_input').fields).toEqual({
      password: 'auth_error_password_length'
    });
    expect(await isResetTokenUsable(app, token)).toBe(true);
  });

  it('refuses an unknown token and a link older than one hour', async () => {
    await createPerson(app, municipalityId, 'slow@example.jp');
    expectError(await resetPassword(app, { token: 'made-up', password: 'a brand new secret', passwordConfirm: 'a brand new secret' }, browserRequest(municipalityId)), 'auth.reset_link_invalid');
    expectError(await resetPassword(app, { password: 'a brand new secret', passwordConfirm: 'a brand new secret' }, browserRequest(municipalityId)), 'auth.reset_link_invalid');
    const token = await resetTokenFor('slow@example.jp');
    setClock(new Date(Date.now() + 61 * 60 * 1000));
    expect(await isResetTokenUsable(app, token)).toBe(false);
    expectError(await resetPassword(app, { token, password: 'a brand new secret', passwordConfirm: 'a brand new secret' }, browserRequest(municipalityId)), 'auth.reset_link_invalid');
  });

  it('lifts a lock on the account, since the reset proves it is the owner', async () => {
    await createPerson(app, municipalityId, 'locked-out@example.jp');
    for (let i = 0; i < 5; i++) {
      expectError(await signIn(app, { email: 'locked-out@example.jp', password: 'wrong password!' }, browserRequest(municipalityId)), 'auth.invalid_credentials');
    }
    expectError(await signIn(app, { email: 'locked-out@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.too_many_failures');
    const token = await resetTokenFor('locked-out@example.jp');
    expectOk(await resetPassword(app, { token, password: 'a brand new secret', passwordConfirm: 'a brand new secret' }, browserRequest(municipalityId)));
    expectOk(await signIn(app, { email: 'locked-out@example.jp', password: 'a brand new secret' }, browserRequest(municipalityId)));
  });
});
