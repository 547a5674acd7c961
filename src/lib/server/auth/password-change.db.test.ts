import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { signIn } from './auth.service.ts';
import { changeOwnPassword } from './password-change.service.ts';
import { applyCookies, browserRequest, expectError, expectOk, viewerFor } from './auth.testing.ts';
import type { Viewer } from './session.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());

async function signedIn(email: string, password = TEST_PASSWORD, address = '198.51.100.10'): Promise<{ cookie: string; viewer: Viewer }> {
  const outcome = expectOk(await signIn(app, { email, password }, browserRequest(municipalityId, { address })));
  const cookie = applyCookies(undefined, outcome.responseHeaders);
  const viewer = await viewerFor(app, municipalityId, cookie);
  if (!viewer) throw new Error('not signed in');
  return { cookie, viewer };
}

const NEW = 'kawa-no-nagare-2027';

describe('changing the password while signed in', () => {
  it('needs the current password, then works, ends other sessions when asked, keeps this one, and mails the owner', async () => {
    await createPerson(app, municipalityId, 'changer@example.jp');
    const phone = await signedIn('changer@example.jp', TEST_PASSWORD, '198.51.100.11');
    const laptop = await signedIn('changer@example.jp', TEST_PASSWORD, '198.51.100.12');
    const request = browserRequest(municipalityId, { cookie: laptop.cookie, address: '198.51.100.12' });

    const wrong = expectError(await changeOwnPassword(app, laptop.viewer, { currentPassword: 'not it', password: NEW, passwordConfirm: NEW, signOutOthers: 'on' }, request), 'auth.wrong_password');
    expect(wrong.fields).toEqual({ currentPassword: 'auth_error_wrong_password' });

    const before = app.sentMail.length;
    const changed = expectOk(await changeOwnPassword(app, laptop.viewer, { currentPassword: TEST_PASSWORD, password: NEW, passwordConfirm: NEW, signOutOthers: 'on' }, request));
    expect(changed.signedOutOthers).toBe(true);
    expect(await viewerFor(app, municipalityId, phone.cookie)).toBeUndefined();
    expect(await viewerFor(app, municipalityId, applyCookies(laptop.cookie, changed.responseHeaders))).toBeDefined();
    expect(app.sentMail.slice(before).map((mail) => [mail.to, mail.subject])).toEqual([['changer@example.jp', '【育み】パスワードを変更しました / Your password was changed']]);

    expectError(await signIn(app, { email: 'changer@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.invalid_credentials');
    expectOk(await signIn(app, { email: 'changer@example.jp', password: NEW }, browserRequest(municipalityId)));
  });

  it('keeps other sessions when the person unticks the box', async () => {
    await createPerson(app, municipalityId, 'keeper@example.jp');
    const phone = await signedIn('keeper@example.jp');
    const laptop = await signedIn('keeper@example.jp');
    const request = browserRequest(municipalityId, { cookie: laptop.cookie });
    expectOk(await changeOwnPassword(app, laptop.viewer, { currentPassword: TEST_PASSWORD, password: NEW, passwordConfirm: NEW }, request));
    expect(await viewerFor(app, municipalityId, phone.cookie)).toBeDefined();
  });

  it('refuses a mismatch, a short password or the same password, beside the field, and changes nothing', async () => {
    await createPerson(app, municipalityId, 'typo@example.jp');
    const { cookie, viewer } = await signedIn('typo@example.jp');
    const request = browserRequest(municipalityId, { cookie });
    expect(expectError(await changeOwnPassword(app, viewer, { currentPassword: TEST_PASSWORD, password: NEW, passwordConfirm: 'other' }, request), 'auth.invalid_input').fields).toEqual({
      passwordConfirm: 'auth_error_password_mismatch'
    });
    expect(expectError(await changeOwnPassword(app, viewer, { currentPassword: TEST_PASSWORD, password: 'short', passwordConfirm: 'short' }, request), 'auth.invalid_input').fields).toEqual({
      password: 'auth_error_password_length'
    });
    expect(expectError(await changeOwnPassword(app, viewer, { currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, passwordConfirm: TEST_PASSWORD }, request), 'auth.invalid_input').fields).toEqual({
      password: 'auth_error_password_unchanged'
    });
    expectOk(await signIn(app, { email: 'typo@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
  });

  it('counts wrong current passwords towards the sign-in limit, so a borrowed session cannot guess the password', async () => {
    await createPerson(app, municipalityId, 'borrowed@example.jp');
    const { cookie, viewer } = await signedIn('borrowed@example.jp');
    const request = browserRequest(municipalityId, { cookie, address: '203.0.113.50' });
    for (let i = 0; i < app.config.signInFailuresPerAccount; i++) {
      expectError(await changeOwnPassword(app, viewer, { currentPassword: `guess ${i}`, password: NEW, passwordConfirm: NEW }, request), 'auth.wrong_password');
    }
    expectError(await changeOwnPassword(app, viewer, { currentPassword: TEST_PASSWORD, password: NEW, passwordConfirm: NEW }, request), 'auth.too_many_failures');
    expectError(await signIn(app, { email: 'borrowed@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)), 'auth.too_many_failures');
  });
});
