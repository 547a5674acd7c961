import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { symmetricDecrypt } from 'better-auth/crypto';
import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { authErrors, invalidInput } from './auth.errors.ts';
import { deleteUnconfirmedTwoFactor, findUnconfirmedTwoFactor } from './auth.queries.ts';
import { fieldErrors, passwordOnlySchema, totpCodeSchema } from './auth.schemas.ts';
import { actorOf, authHeaders, betterAuthCode, type AuthRequest } from './auth-request.ts';
import { needsSecondFactor } from './roles.ts';
import type { Viewer } from './session.ts';
import { findSignInRefusal, recordSignInFailure } from './sign-in-throttle.ts';

export const TOTP_ISSUER = 'Hagukumi';

export interface PendingEnrolment {
  /** otpauth:// URI for the QR code. */
  uri: string;
  /** The Base32 secret, for typing into an authenticator app by hand. */
  secret: string;
}

export interface TwoFactorStatus {
  isEnabled: boolean;
  /** Staff, coordinator and admin accounts must keep a second factor where the deployment requires it. */
  isRequired: boolean;
  pending: PendingEnrolment | undefined;
}

function isSecondFactorRequired(app: App, viewer: Viewer): boolean {
  return app.config.requireStaffSecondFactor && needsSecondFactor(viewer.roles);
}

/** The person's second-factor state, with the QR data while an enrolment waits for its first code. */
export async function findTwoFactorStatus(app: App, viewer: Viewer): Promise<TwoFactorStatus> {
  const isEnabled = viewer.user.twoFactorEnabled;
  const pending = isEnabled ? undefined : await findPendingEnrolment(app, viewer);
  return { isEnabled, isRequired: isSecondFactorRequired(app, viewer), pending };
}

async function findPendingEnrolment(app: App, viewer: Viewer): Promise<PendingEnrolment | undefined> {
  const row = await findUnconfirmedTwoFactor(app.database.db, viewer.user.id);
  if (!row) return undefined;
  const context = await app.auth.$context;
  const stored = await symmetricDecrypt({ key: context.secretConfig, data: row.secret });
  // better-auth keeps either the raw secret or "base32:<secret>"; the app must see the same bytes.
  const secretBytes = stored.startsWith('base32:') ? base32.decode(stored.slice(7).toUpperCase()) : stored;
  const uri = createOTP(secretBytes).url(TOTP_ISSUER, viewer.user.email);
  const secret = new URL(uri).searchParams.get('secret') ?? '';
  return { uri, secret };
}

/** Step 1 of enrolment: the password again, then a new secret waits for its first code. */
export async function startTotpEnrolment(app: App, viewer: Viewer, input: Record<string, unknown>, request: AuthRequest): Promise<Result<PendingEnrolment>> {
  if (viewer.user.twoFactorEnabled) return failure(authErrors.twoFactorAlreadyOn);
  const checked = await checkPassword(app, viewer, input, request);
  if (!checked.ok) return checked;
  try {
    await app.auth.api.enableTwoFactor({ body: { password: checked.value }, headers: authHeaders(request) });
  } catch (error) {
    const code = betterAuthCode(error);
    if (code === 'INVALID_PASSWORD') {
      await recordSignInFailure(app, viewer.user.email, request.address);
      return failure(authErrors.wrongPassword);
    }
    if (code === 'TOTP_ALREADY_ENABLED') return failure(authErrors.twoFactorAlreadyOn);
    throw error;
  }
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.two_factor_enrolment_started', recordType: 'user', recordId: viewer.user.id });
  const pending = await findPendingEnrolment(app, viewer);
  if (!pending) throw new Error('two-factor enrolment did not store a secret');
  return ok(pending);
}

/**
 * Step 2: the first code from the app turns the second factor on. Returns the backup codes, which are
 * shown this once. better-auth replaces the session (a new cookie), as after any sign-in change.
 */
export async function confirmTotpEnrolment(
  app: App,
  viewer: Viewer,
  input: Record<string, unknown>,
  request: AuthRequest
): Promise<Result<{ backupCodes: string[]; responseHeaders: Headers }>> {
  const parsed = totpCodeSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  if (viewer.user.twoFactorEnabled) return failure(authErrors.twoFactorAlreadyOn);
  if (!(await findUnconfirmedTwoFactor(app.database.db, viewer.user.id))) return failure(authErrors.noEnrolmentPending);
  let responseHeaders: Headers;
  try {
    const answer = await app.auth.api.verifyTOTP({ body: { code: parsed.data.code }, headers: authHeaders(request), returnHeaders: true });
    responseHeaders = answer.headers;
  } catch (error) {
    if (betterAuthCode(error) === 'INVALID_CODE') return failure(authErrors.invalidCode);
    throw error;
  }
  const codes = await app.auth.api.viewBackupCodes({ body: { userId: viewer.user.id } });
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.two_factor_enabled', recordType: 'user', recordId: viewer.user.id });
  return ok({ backupCodes: codes.backupCodes, responseHeaders });
}

/** Abandons an enrolment that was started but never confirmed. */
export async function cancelTotpEnrolment(app: App, viewer: Viewer, request: AuthRequest): Promise<Result<null>> {
  await deleteUnconfirmedTwoFactor(app.database.db, viewer.user.id);
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.two_factor_enrolment_cancelled', recordType: 'user', recordId: viewer.user.id });
  return ok(null);
}

/** Turns the second factor off with the password; refused for accounts that must keep it. */
export async function disableTotp(
  app: App,
  viewer: Viewer,
  input: Record<string, unknown>,
  request: AuthRequest
): Promise<Result<{ responseHeaders: Headers }>> {
  if (isSecondFactorRequired(app, viewer)) return failure(authErrors.secondFactorRequired);
  const checked = await checkPassword(app, viewer, input, request);
  if (!checked.ok) return checked;
  let responseHeaders: Headers;
  try {
    const answer = await app.auth.api.disableTwoFactor({ body: { password: checked.value }, headers: authHeaders(request), returnHeaders: true });
    responseHeaders = answer.headers;
  } catch (error) {
    if (betterAuthCode(error) === 'INVALID_PASSWORD') {
      await recordSignInFailure(app, viewer.user.email, request.address);
      return failure(authErrors.wrongPassword);
    }
    throw error;
  }
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.two_factor_disabled', recordType: 'user', recordId: viewer.user.id });
  return ok({ responseHeaders });
}

/**
 * Password forms on the security page count towards the same limits as sign-in, so a borrowed session
 * cannot be used to guess the password.
 */
async function checkPassword(app: App, viewer: Viewer, input: Record<string, unknown>, request: AuthRequest): Promise<Result<string>> {
  const parsed = passwordOnlySchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const refusal = await findSignInRefusal(app, viewer.user.email, request.address);
  if (refusal) return failure(refusal);
  return ok(parsed.data.password);
}
