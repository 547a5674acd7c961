import type { App } from '../app.ts';
import type { Viewer } from './session.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { authErrors, invalidInput } from './auth.errors.ts';
import { passwordChangedMail } from './auth.mails.ts';
import { changePasswordSchema, fieldErrors } from './auth.schemas.ts';
import { actorOf, authHeaders, betterAuthCode, type AuthRequest } from './auth-request.ts';
import { clearAccountFailures, findSignInRefusal, recordSignInFailure } from './sign-in-throttle.ts';

/**
 * Changes the password of the signed-in person after checking the current one. A wrong current password
 * counts towards the sign-in limits (a borrowed session cannot be used to guess it). Other sessions end
 * when the person asks (the default); the owner is mailed either way.
 */
export async function changeOwnPassword(
  app: App,
  viewer: Viewer,
  input: Record<string, unknown>,
  request: AuthRequest
): Promise<Result<{ responseHeaders: Headers; signedOutOthers: boolean }>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const refusal = await findSignInRefusal(app, viewer.user.email, request.address);
  if (refusal) return failure(refusal);
  const { currentPassword, password, signOutOthers } = parsed.data;
  let responseHeaders: Headers;
  try {
    const answer = await app.auth.api.changePassword({
      body: { currentPassword, newPassword: password, revokeOtherSessions: signOutOthers },
      headers: authHeaders(request),
      returnHeaders: true
    });
    responseHeaders = answer.headers;
  } catch (error) {
    if (betterAuthCode(error) === 'INVALID_PASSWORD') {
      await recordSignInFailure(app, viewer.user.email, request.address);
      return failure(authErrors.wrongCurrentPassword);
    }
    throw error;
  }
  await clearAccountFailures(app, viewer.user.email);
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.password_changed', recordType: 'user', recordId: viewer.user.id });
  const origin = app.config.publicOrigin ?? request.origin;
  await app.mailer.send(passwordChangedMail(viewer.user.email, `${origin}/forgot-password`));
  return ok({ responseHeaders, signedOutOthers: signOutOthers });
}
