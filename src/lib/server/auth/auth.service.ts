import { createEmailVerificationToken } from 'better-auth/api';
import type { App } from '../app.ts';
import { ensureProfile, findPreferredLanguage } from '../people/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type AppError, type Result } from '../platform/errors.ts';
import { now } from '../platform/clock.ts';
import { VERIFICATION_TOKEN_SECONDS } from './auth.ts';
import { authErrors, invalidInput } from './auth.errors.ts';
import { alreadyRegisteredMail, verificationMail } from './auth.mails.ts';
import { findUserByEmail, findUserById } from './auth.queries.ts';
import {
  backupCodeSchema,
  emailOnlySchema,
  fieldErrors,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  totpCodeSchema,
  verificationTokenSchema
} from './auth.schemas.ts';
import { actorOf, authHeaders, betterAuthCode, type AuthRequest } from './auth-request.ts';
import { claimSignInAttempt, clearAccountFailures, findSignInRefusal, forgetOldFailures, recordSignInFailure, releaseSignInAttempt } from './sign-in-throttle.ts';
import { claimAccountMail } from './mail-throttle.ts';

type FormInput = Record<string, unknown>;

/**
 * Creates an unverified account and mails a verification link. When the address is already registered
 * the answer is the same; the owner gets a mail instead (a new link if still unverified, else a note
 * with sign-in and reset links), so the form never tells anyone whether an account exists.
 */
export async function signUp(app: App, input: FormInput, request: AuthRequest): Promise<Result<{ email: string }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const { name, email, password } = parsed.data;
  const mailRefusal = await claimAccountMail(app, email, request.address);
  if (mailRefusal) return failure(mailRefusal);

  // better-auth hashes the password in both cases, so a duplicate takes as long as a new account.
  const answer = await app.auth.api.signUpEmail({
    body: { name, email, password },
    headers: authHeaders(request, { withCookies: false })
  });
  const stored = await findUserByEmail(app.database.db, email);
  if (stored && stored.id === answer.user.id) {
    await ensureProfile(app, stored.id, request.municipalityId, request.language);
    await writeAudit(app.database.db, actorOf(request, stored.id), { action: 'auth.sign_up', recordType: 'user', recordId: stored.id });
  } else if (stored) {
    await mailExistingOwner(app, stored, request);
  }
  return ok({ email });
}

async function mailExistingOwner(app: App, user: { id: string; email: string; emailVerified: boolean }, request: AuthRequest) {
  const origin = app.config.publicOrigin ?? request.origin;
  if (user.emailVerified) {
    await app.mailer.send(alreadyRegisteredMail(user.email, `${origin}/sign-in`, `${origin}/forgot-password`));
    return;
  }
  const context = await app.auth.$context;
  const token = await createEmailVerificationToken(context.secret, user.email, undefined, VERIFICATION_TOKEN_SECONDS, { userId: user.id });
  await app.mailer.send(verificationMail(user.email, `${origin}/verify-email?token=${encodeURIComponent(token)}`));
}

/** Marks the address of the link's account as verified. The link can be opened again harmlessly. */
export async function verifyEmail(app: App, token: unknown, request: AuthRequest): Promise<Result<{ userId: string | undefined }>> {
  const parsed = verificationTokenSchema.safeParse(token);
  if (!parsed.success) return failure(authErrors.verificationLinkInvalid);
  try {
    await app.auth.api.verifyEmail({ query: { token: parsed.data } });
  } catch (error) {
    const code = betterAuthCode(error);
    if (code === 'TOKEN_EXPIRED') return failure(authErrors.verificationLinkExpired);
    if (code) return failure(authErrors.verificationLinkInvalid);
    throw error;
  }
  const userId = userIdInToken(parsed.data);
  await writeAudit(app.database.db, actorOf(request, userId ?? null), { action: 'auth.email_verified', recordType: 'user', recordId: userId ?? null });
  return ok({ userId });
}

/** The account id inside a verification token that better-auth has just accepted. */
function userIdInToken(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { userId?: unknown };
    return typeof payload.userId === 'string' ? payload.userId : undefined;
  } catch {
    return undefined;
  }
}

/** Sends a new verification link if the address has an unverified account; the answer is the same either way. */
export async function resendVerification(app: App, input: FormInput, request: AuthRequest): Promise<Result<{ email: string }>> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const mailRefusal = await claimAccountMail(app, parsed.data.email, request.address);
  if (mailRefusal) return failure(mailRefusal);
  await app.auth.api.sendVerificationEmail({ body: { email: parsed.data.email }, headers: authHeaders(request, { withCookies: false }) });
  return ok({ email: parsed.data.email });
}

export type SignInOutcome =
  | { kind: 'signed_in'; userId: string; language: string | undefined; responseHeaders: Headers }
  | { kind: 'second_factor'; responseHeaders: Headers };

/**
 * Email + password sign-in behind our own limits: refused without looking at the password when the
 * account or the address has had too many failures in the window. A wrong password counts for both;
 * success clears the account's count. Accounts with a second factor continue at the code step.
 */
export async function signIn(app: App, input: FormInput, request: AuthRequest): Promise<Result<SignInOutcome>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const { email, password } = parsed.data;

  const attempt = await claimSignInAttempt(app, email, request.address);
  if (attempt.refusal) {
    await writeAudit(app.database.db, actorOf(request, null), { action: 'auth.sign_in_refused', recordType: 'user', recordId: null });
    return failure(attempt.refusal);
  }

  let answer: Awaited<ReturnType<typeof callSignIn>>;
  try {
    answer = await callSignIn(app, email, password, request);
  } catch (error) {
    const code = betterAuthCode(error);
    if (code === 'INVALID_EMAIL_OR_PASSWORD' || code === 'INVALID_EMAIL' || code === 'PASSWORD_TOO_LONG') {
      // The claimed attempt stays: it is this failure.
      await forgetOldFailures(app);
      return failure(authErrors.invalidCredentials);
    }
    await releaseSignInAttempt(app, attempt.claim);
    if (code === 'EMAIL_NOT_VERIFIED') return failure(authErrors.emailNotVerified);
    throw error;
  }
  await releaseSignInAttempt(app, attempt.claim);
  const body = answer.response as { twoFactorRedirect?: boolean; user?: { id: string } };
  if (body.twoFactorRedirect) return ok({ kind: 'second_factor', responseHeaders: answer.headers });
  const userId = body.user?.id;
  if (!userId) throw new Error('better-auth signed in without a user');
  return ok(await completeSignIn(app, userId, email, request, answer.headers));
}

function callSignIn(app: App, email: string, password: string, request: AuthRequest) {
  return app.auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers: authHeaders(request), returnHeaders: true });
}

async function completeSignIn(app: App, userId: string, email: string, request: AuthRequest, responseHeaders: Headers) {
  await clearAccountFailures(app, email);
  await writeAudit(app.database.db, actorOf(request, userId), { action: 'auth.sign_in', recordType: 'user', recordId: userId });
  const language = await findPreferredLanguage(app, userId);
  return { kind: 'signed_in' as const, userId, language, responseHeaders };
}

/**
 * The second step of a sign-in: an authenticator code or a one-time backup code. better-auth limits
 * tries per challenge (5) and per account (10 in 15 minutes); wrong codes also count for the address.
 */
export async function verifySignInCode(
  app: App,
  method: 'totp' | 'backup',
  input: FormInput,
  request: AuthRequest
): Promise<Result<Extract<SignInOutcome, { kind: 'signed_in' }>>> {
  let code: string;
  if (method === 'totp') {
    const parsed = totpCodeSchema.safeParse(input);
    if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
    code = parsed.data.code;
  } else {
    const parsed = backupCodeSchema.safeParse(input);
    if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
    code = parsed.data.backupCode;
  }
  const refusal = await findSignInRefusal(app, undefined, request.address);
  if (refusal) return failure(refusal);

  try {
    const answer =
      method === 'totp'
        ? await app.auth.api.verifyTOTP({ body: { code }, headers: authHeaders(request), returnHeaders: true })
        : await app.auth.api.verifyBackupCode({ body: { code }, headers: authHeaders(request), returnHeaders: true });
    const user = (answer.response as { user: { id: string; email: string } }).user;
    return ok(await completeSignIn(app, user.id, user.email, request, answer.headers));
  } catch (error) {
    const mapped = secondFactorError(betterAuthCode(error));
    if (!mapped) throw error;
    if (mapped === authErrors.invalidCode || mapped === authErrors.invalidBackupCode) await recordSignInFailure(app, undefined, request.address);
    return failure(mapped);
  }
}

function secondFactorError(code: string | undefined): AppError | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case 'INVALID_CODE':
      return authErrors.invalidCode;
    case 'INVALID_BACKUP_CODE':
    case 'BACKUP_CODES_NOT_ENABLED':
      return authErrors.invalidBackupCode;
    case 'ACCOUNT_TEMPORARILY_LOCKED':
      return authErrors.secondFactorLocked;
    default:
      // INVALID_TWO_FACTOR_COOKIE, TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE, …: start the sign-in again.
      return authErrors.challengeExpired;
  }
}

/** Ends the session of this browser. */
export async function signOut(app: App, userId: string | undefined, request: AuthRequest): Promise<{ responseHeaders: Headers }> {
  const answer = await app.auth.api.signOut({ headers: authHeaders(request), returnHeaders: true });
  if (userId) await writeAudit(app.database.db, actorOf(request, userId), { action: 'auth.sign_out', recordType: 'user', recordId: userId });
  return { responseHeaders: answer.headers };
}

/** Mails a reset link if the address has an account; the answer is the same either way. */
export async function requestPasswordReset(app: App, input: FormInput, request: AuthRequest): Promise<Result<{ email: string }>> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const mailRefusal = await claimAccountMail(app, parsed.data.email, request.address);
  if (mailRefusal) return failure(mailRefusal);
  await app.auth.api.requestPasswordReset({ body: { email: parsed.data.email }, headers: authHeaders(request, { withCookies: false }) });
  return ok({ email: parsed.data.email });
}

/** Whether a reset link can still be used (for the page that asks for the new password). */
export async function isResetTokenUsable(app: App, token: unknown): Promise<boolean> {
  return (await findResetTokenOwner(app, token)) !== undefined;
}

async function findResetTokenOwner(app: App, token: unknown): Promise<{ id: string; email: string } | undefined> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return undefined;
  const context = await app.auth.$context;
  const verification = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!verification || new Date(verification.expiresAt).getTime() <= now().getTime()) return undefined;
  return findUserById(app.database.db, verification.value);
}

/**
 * Sets a new password from a mailed link. Every session of the account ends (better-auth's
 * revokeSessionsOnPasswordReset) and the account's failure count is cleared.
 */
export async function resetPassword(app: App, input: FormInput, request: AuthRequest): Promise<Result<{ userId: string }>> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    if (fields.token) return failure(authErrors.resetLinkInvalid);
    return failure(invalidInput(fields));
  }
  const owner = await findResetTokenOwner(app, parsed.data.token);
  if (!owner) return failure(authErrors.resetLinkInvalid);
  try {
    await app.auth.api.resetPassword({ body: { token: parsed.data.token, newPassword: parsed.data.password } });
  } catch (error) {
    if (betterAuthCode(error)) return failure(authErrors.resetLinkInvalid);
    throw error;
  }
  await clearAccountFailures(app, owner.email);
  await writeAudit(app.database.db, actorOf(request, owner.id), { action: 'auth.password_reset', recordType: 'user', recordId: owner.id });
  return ok({ userId: owner.id });
}
