import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard, TEST_PASSWORD } from '../testing/fixtures.ts';
import { insertRoleAssignment } from './auth.queries.ts';
import { today } from '../platform/clock.ts';
import { signIn, verifySignInCode } from './auth.service.ts';
import { cancelTotpEnrolment, confirmTotpEnrolment, disableTotp, findTwoFactorStatus, startTotpEnrolment } from './two-factor.service.ts';
import { applyCookies, browserRequest, expectError, expectOk, viewerFor } from './auth.testing.ts';
import type { Viewer } from './session.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());

/** What an authenticator app shows for the QR code's secret right now. */
function codeFor(secret: string): Promise<string> {
  return createOTP(base32.decode(secret)).totp();
}

async function differentCode(secret: string): Promise<string> {
  const right = await codeFor(secret);
  return right === '000000' ? '111111' : '000000';
}

async function signedIn(target: TestApp, ward: string, email: string): Promise<{ cookie: string; viewer: Viewer }> {
  const outcome = expectOk(await signIn(target, { email, password: TEST_PASSWORD }, browserRequest(ward)));
  const cookie = applyCookies(undefined, outcome.responseHeaders);
  const viewer = await viewerFor(target, ward, cookie);
  if (!viewer) throw new Error('not signed in');
  return { cookie, viewer };
}

/** Enrols TOTP for a signed-in person; returns the secret and the backup codes. */
async function enrol(target: TestApp, ward: string, email: string) {
  const { cookie, viewer } = await signedIn(target, ward, email);
  const pending = expectOk(await startTotpEnrolment(target, viewer, { password: TEST_PASSWORD }, browserRequest(ward, { cookie })));
  const { backupCodes, responseHeaders } = expectOk(
    await confirmTotpEnrolment(target, viewer, { code: await codeFor(pending.secret) }, browserRequest(ward, { cookie }))
  );
  return { secret: pending.secret, backupCodes, cookie: applyCookies(cookie, responseHeaders) };
}

describe('turning on a second factor (TOTP)', () => {
  it('asks for the password, shows a QR secret, turns on with the first code and shows 10 backup codes', async () => {
    await createPerson(app, municipalityId, 'enrol@example.jp');
    const { cookie, viewer } = await signedIn(app, municipalityId, 'enrol@example.jp');

    const wrong = expectError(await startTotpEnrolment(app, viewer, { password: 'not my password' }, browserRequest(municipalityId, { cookie })), 'auth.wrong_password');
    expect(wrong.fields).toEqual({ password: 'auth_error_wrong_password' });
    expect((await findTwoFactorStatus(app, viewer)).pending).toBeUndefined();

    const pending = expectOk(await startTotpEnrolment(app, viewer, { password: TEST_PASSWORD }, browserRequest(municipalityId, { cookie })));
    expect(pending.uri).toMatch(/^otpauth:\/\/totp\/Hagukumi:enrol%40example\.jp\?/);
    expect(pending.secret).toMatch(/^[A-Z2-7]+=*$/);
    // A reload shows the same secret until it is confirmed.
    const status = await findTwoFactorStatus(app, viewer);
    expect(status).toMatchObject({ isEnabled: false, pending: { secret: pending.secret } });

    expectError(await confirmTotpEnrolment(app, viewer, { code: await differentCode(pending.secret) }, browserRequest(municipalityId, { cookie })), 'auth.invalid_code');
    expectError(await confirmTotpEnrolment(app, viewer, { code: '12ab' }, browserRequest(municipalityId, { cookie })), 'auth.invalid_input');

    const confirmed = expectOk(await confirmTotpEnrolment(app, viewer, { code: await codeFor(pending.secret) }, browserRequest(municipalityId, { cookie })));
    expect(confirmed.backupCodes).toHaveLength(10);
    expect(confirmed.backupCodes[0]).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);

    const after = await viewerFor(app, municipalityId, applyCookies(cookie, confirmed.responseHeaders));
    expect(after?.user.twoFactorEnabled).toBe(true);
    expect((await findTwoFactorStatus(app, after!)).pending).toBeUndefined();
  });

  it('can be abandoned before the first code', async () => {
    await createPerson(app, municipalityId, 'changed-mind@example.jp');
    const { cookie, viewer } = await signedIn(app, municipalityId, 'changed-mind@example.jp');
    expectOk(await startTotpEnrolment(app, viewer, { password: TEST_PASSWORD }, browserRequest(municipalityId, { cookie })));
    expectOk(await cancelTotpEnrolment(app, viewer, browserRequest(municipalityId, { cookie })));
    expect(await findTwoFactorStatus(app, viewer)).toMatchObject({ isEnabled: false, pending: undefined });
    expectError(await confirmTotpEnrolment(app, viewer, { code: '123456' }, browserRequest(municipalityId, { cookie })), 'auth.no_enrolment_pending');
    // Without a second factor the next sign-in needs only the password.
    expect(expectOk(await signIn(app, { email: 'changed-mind@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId))).kind).toBe('signed_in');
  });
});

describe('signing in with a second factor', () => {
  it('needs the code after the password; a wrong code is refused and the right one signs in', async () => {
    await createPerson(app, municipalityId, 'totp-user@example.jp');
    const { secret } = await enrol(app, municipalityId, 'totp-user@example.jp');

    const first = expectOk(await signIn(app, { email: 'totp-user@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
    expect(first.kind).toBe('second_factor');
    const challenge = applyCookies(undefined, first.responseHeaders);
    // The password alone gives no session.
    expect(await viewerFor(app, municipalityId, challenge)).toBeUndefined();

    expectError(await verifySignInCode(app, 'totp', { code: await differentCode(secret) }, browserRequest(municipalityId, { cookie: challenge })), 'auth.invalid_code');
    const done = expectOk(await verifySignInCode(app, 'totp', { code: await codeFor(secret) }, browserRequest(municipalityId, { cookie: challenge })));
    const viewer = await viewerFor(app, municipalityId, applyCookies(challenge, done.responseHeaders));
    expect(viewer?.user.email).toBe('totp-user@example.jp');
  });

  it('accepts each backup code once, typed with or without the hyphen', async () => {
    await createPerson(app, municipalityId, 'backup-user@example.jp');
    const { backupCodes } = await enrol(app, municipalityId, 'backup-user@example.jp');

    const challengeFor = async () => {
      const first = expectOk(await signIn(app, { email: 'backup-user@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
      return applyCookies(undefined, first.responseHeaders);
    };
    let challenge = await challengeFor();
    expectOk(await verifySignInCode(app, 'backup', { backupCode: ` ${backupCodes[0].replace('-', '')} ` }, browserRequest(municipalityId, { cookie: challenge })));

    challenge = await challengeFor();
    expectError(await verifySignInCode(app, 'backup', { backupCode: backupCodes[0] }, browserRequest(municipalityId, { cookie: challenge })), 'auth.invalid_backup_code');
    expectOk(await verifySignInCode(app, 'backup', { backupCode: backupCodes[1] }, browserRequest(municipalityId, { cookie: challenge })));
  });

  it('sends the person back to the start without a pending sign-in or after 5 wrong codes', async () => {
    await createPerson(app, municipalityId, 'guesser@example.jp');
    const { secret } = await enrol(app, municipalityId, 'guesser@example.jp');
    expectError(await verifySignInCode(app, 'totp', { code: '123456' }, browserRequest(municipalityId)), 'auth.two_factor_challenge_expired');

    const first = expectOk(await signIn(app, { email: 'guesser@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId)));
    const challenge = applyCookies(undefined, first.responseHeaders);
    const wrong = await differentCode(secret);
    for (let i = 0; i < 5; i++) {
      expectError(await verifySignInCode(app, 'totp', { code: wrong }, browserRequest(municipalityId, { cookie: challenge })), 'auth.invalid_code');
    }
    expectError(await verifySignInCode(app, 'totp', { code: await codeFor(secret) }, browserRequest(municipalityId, { cookie: challenge })), 'auth.two_factor_challenge_expired');
  });
});

describe('turning the second factor off', () => {
  it('needs the password, after which sign-in needs only the password again', async () => {
    await createPerson(app, municipalityId, 'turn-off@example.jp');
    const { cookie } = await enrol(app, municipalityId, 'turn-off@example.jp');
    const viewer = await viewerFor(app, municipalityId, cookie);
    if (!viewer) throw new Error('enrolment should keep the person signed in');

    expectError(await disableTotp(app, viewer, { password: 'not my password' }, browserRequest(municipalityId, { cookie })), 'auth.wrong_password');
    expectOk(await disableTotp(app, viewer, { password: TEST_PASSWORD }, browserRequest(municipalityId, { cookie })));
    expect(expectOk(await signIn(app, { email: 'turn-off@example.jp', password: TEST_PASSWORD }, browserRequest(municipalityId))).kind).toBe('signed_in');
  });

  it('is refused for staff where the deployment requires a second factor', async () => {
    const strict = await openTestApp({ requireStaffSecondFactor: true });
    try {
      const { municipalityId: ward } = await seedWard(strict);
      const userId = await createPerson(strict, ward, 'officer@example.jp');
      await insertRoleAssignment(strict.database.db, { municipalityId: ward, userId, role: 'ward_staff', validFrom: today(), grantedBy: null });
      const { cookie } = await enrol(strict, ward, 'officer@example.jp');
      const viewer = await viewerFor(strict, ward, cookie);
      expect(viewer && (await findTwoFactorStatus(strict, viewer)).isRequired).toBe(true);
      expectError(await disableTotp(strict, viewer!, { password: TEST_PASSWORD }, browserRequest(ward, { cookie })), 'auth.second_factor_required');
    } finally {
      await strict.stop();
    }
  });
});
