import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard, TEST_PASSWORD, createPerson } from '../testing/fixtures.ts';
import { findPreferredLanguage } from '../people/index.ts';
import { findUserByEmail } from './auth.queries.ts';
import { resendVerification, signIn, signUp, verifyEmail } from './auth.service.ts';
import { browserRequest, expectError, expectOk, linkIn, TEST_HOST } from './auth.testing.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());
afterEach(() => {
  vi.useRealTimers();
});

const form = (email: string, extra: Record<string, string> = {}) => ({
  name: 'はぐくみ ママ',
  email,
  password: 'sakura-spring-2026',
  passwordConfirm: 'sakura-spring-2026',
  ...extra
});

function mailsTo(address: string) {
  return app.sentMail.filter((mail) => mail.to === address);
}

describe('signing up', () => {
  it('creates an unverified account with a profile in the municipality and sends one mail with a /verify-email link', async () => {
    const request = { ...browserRequest(municipalityId), language: 'en' };
    const result = await signUp(app, form('New.Parent@Example.JP'), request);
    expect(expectOk(result).email).toBe('new.parent@example.jp');

    const user = await findUserByEmail(app.database.db, 'new.parent@example.jp');
    expect(user).toMatchObject({ emailVerified: false });
    expect(await findPreferredLanguage(app, user!.id)).toBe('en');

    const mails = mailsTo('new.parent@example.jp');
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0], '/verify-email');
    expect(link.host).toBe(TEST_HOST);
    expect(link.pathname).toBe('/verify-email');
    expect(link.searchParams.get('token')).toBeTruthy();
  });

  it('answers a second sign-up with the same address exactly alike, creates nothing, and mails the owner instead', async () => {
    await createPerson(app, municipalityId, 'owner@example.jp');
    const before = app.sentMail.length;
    const result = await signUp(app, form('OWNER@example.jp', { name: '別の人' }), browserRequest(municipalityId));
    expect(expectOk(result)).toEqual({ email: 'owner@example.jp' });
    const user = await findUserByEmail(app.database.db, 'owner@example.jp');
    expect(user?.emailVerified).toBe(true);

    const mails = app.sentMail.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('登録済み');
    expect(mails[0].text).toContain(`http://${TEST_HOST}/forgot-password`);
    // Signing in still works with the owner's own password, not the one typed into the second sign-up.
    expectOk(await signIn(app, { email: 'owner@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
  });

  it('mails a fresh verification link when an unverified address signs up again', async () => {
    expectOk(await signUp(app, form('twice@example.jp'), browserRequest(municipalityId)));
    expectOk(await signUp(app, form('twice@example.jp'), browserRequest(municipalityId)));
    const mails = mailsTo('twice@example.jp');
    expect(mails).toHaveLength(2);
    const second = linkIn(mails[1], '/verify-email');
    expectOk(await verifyEmail(app, second.searchParams.get('token'), browserRequest(municipalityId)));
    expect((await findUserByEmail(app.database.db, 'twice@example.jp'))?.emailVerified).toBe(true);
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const before = app.sentMail.length;
    const result = await signUp(
      app,
      { name: '  ', email: 'not-an-address', password: 'short', passwordConfirm: 'different' },
      browserRequest(municipalityId)
    );
    const error = expectError(result, 'auth.invalid_input');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({
      name: 'auth_error_name_required',
      email: 'auth_error_email_invalid',
      password: 'auth_error_password_length',
      passwordConfirm: 'auth_error_password_mismatch'
    });
    expect(await findUserByEmail(app.database.db, 'not-an-address')).toBeUndefined();
    expect(app.sentMail.length).toBe(before);
  });

  it('refuses a name that looks like a マイナンバー and passwords over 128 characters', async () => {
    const result = await signUp(
      app,
      form('number@example.jp', { name: '１２３４ ５６７８ ９０１２', password: 'x'.repeat(129), passwordConfirm: 'x'.repeat(129) }),
      browserRequest(municipalityId)
    );
    expect(expectError(result, 'auth.invalid_input').fields).toEqual({
      name: 'auth_error_no_individual_number',
      password: 'auth_error_password_length'
    });
    expect(await findUserByEmail(app.database.db, 'number@example.jp')).toBeUndefined();
  });

  it('accepts a nickname and a password of exactly 10 and 128 characters', async () => {
    expectOk(await signUp(app, form('ten@example.jp', { name: 'ゆう', password: '0123456789', passwordConfirm: '0123456789' }), browserRequest(municipalityId)));
    const long = 'あ'.repeat(128);
    expectOk(await signUp(app, form('long@example.jp', { password: long, passwordConfirm: long }), browserRequest(municipalityId)));
  });
});

describe('verifying the address', () => {
  it('lets a person sign in only after opening the link', async () => {
    expectOk(await signUp(app, form('verify-me@example.jp'), browserRequest(municipalityId)));
    const credentials = { email: 'verify-me@example.jp', password: 'sakura-spring-2026' };

    expectError(await signIn(app, credentials, browserRequest(municipalityId)), 'auth.email_not_verified');

    const token = linkIn(mailsTo('verify-me@example.jp')[0], '/verify-email').searchParams.get('token');
    expectOk(await verifyEmail(app, token, browserRequest(municipalityId)));
    // Opening the link a second time is harmless.
    expectOk(await verifyEmail(app, token, browserRequest(municipalityId)));

    const outcome = expectOk(await signIn(app, credentials, browserRequest(municipalityId)));
    expect(outcome.kind).toBe('signed_in');
  });

  it('says a link has expired after 24 hours and that a damaged link is invalid', async () => {
    expectOk(await signUp(app, form('late@example.jp'), browserRequest(municipalityId)));
    const token = linkIn(mailsTo('late@example.jp')[0], '/verify-email').searchParams.get('token');

    expectError(await verifyEmail(app, `${token}x`, browserRequest(municipalityId)), 'auth.verification_link_invalid');
    expectError(await verifyEmail(app, 'garbage', browserRequest(municipalityId)), 'auth.verification_link_invalid');
    expectError(await verifyEmail(app, undefined, browserRequest(municipalityId)), 'auth.verification_link_invalid');

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000);
    expectError(await verifyEmail(app, token, browserRequest(municipalityId)), 'auth.verification_link_expired');
    vi.useRealTimers();
    expect((await findUserByEmail(app.database.db, 'late@example.jp'))?.emailVerified).toBe(false);
  });

  it('sends a new link on request only to an unverified account, with the same answer for any address', async () => {
    expectOk(await signUp(app, form('resend@example.jp'), browserRequest(municipalityId)));
    const before = app.sentMail.length;

    expectOk(await resendVerification(app, { email: 'resend@example.jp' }, browserRequest(municipalityId)));
    expectOk(await resendVerification(app, { email: 'nobody@example.jp' }, browserRequest(municipalityId)));
    expectOk(await resendVerification(app, { email: 'owner@example.jp' }, browserRequest(municipalityId)));

    const mails = app.sentMail.slice(before);
    expect(mails.map((mail) => mail.to)).toEqual(['resend@example.jp']);
    expect(linkIn(mails[0], '/verify-email').pathname).toBe('/verify-email');
    expectError(await resendVerification(app, { email: '' }, browserRequest(municipalityId)), 'auth.invalid_input');
  });
});
