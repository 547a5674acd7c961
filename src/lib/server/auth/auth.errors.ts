import { appError, type AppError } from '../platform/errors.ts';

/** A refusal because of repeated failures: says whose limit it is and from when a new try is accepted. */
export interface ThrottledError extends AppError {
  code: 'auth.too_many_failures' | 'auth.too_many_mails';
  retryAt: Date;
  scope: 'account' | 'address' | 'mail';
}

export function throttledError(scope: 'account' | 'address', retryAt: Date): ThrottledError {
  return {
    code: 'auth.too_many_failures',
    status: 429,
    messageKey: scope === 'account' ? 'auth_error_account_locked' : 'auth_error_address_locked',
    retryAt,
    scope
  };
}

/** Too many account mails (verification, reset) asked for one address or from one connection. */
export function tooManyMailsError(retryAt: Date): ThrottledError {
  return { code: 'auth.too_many_mails', status: 429, messageKey: 'auth_error_too_many_mails', retryAt, scope: 'mail' };
}

export function isThrottledError(error: AppError): error is ThrottledError {
  return error.code === 'auth.too_many_failures' || error.code === 'auth.too_many_mails';
}

export function invalidInput(fields: Record<string, string>): AppError {
  return appError('auth.invalid_input', 400, 'auth_error_summary', fields);
}

export const authErrors = {
  invalidCredentials: appError('auth.invalid_credentials', 401, 'auth_error_invalid_credentials', {
    password: 'auth_error_invalid_credentials'
  }),
  emailNotVerified: appError('auth.email_not_verified', 403, 'auth_error_email_not_verified'),
  verificationLinkExpired: appError('auth.verification_link_expired', 400, 'auth_error_verification_expired'),
  verificationLinkInvalid: appError('auth.verification_link_invalid', 400, 'auth_error_verification_invalid'),
  resetLinkInvalid: appError('auth.reset_link_invalid', 400, 'auth_error_reset_link_invalid'),
  wrongPassword: appError('auth.wrong_password', 400, 'auth_error_wrong_password', { password: 'auth_error_wrong_password' }),
  wrongCurrentPassword: appError('auth.wrong_password', 400, 'auth_error_wrong_password', { currentPassword: 'auth_error_wrong_password' }),
  invalidCode: appError('auth.invalid_code', 400, 'auth_error_invalid_code', { code: 'auth_error_invalid_code' }),
  invalidBackupCode: appError('auth.invalid_backup_code', 400, 'auth_error_invalid_backup_code', {
    backupCode: 'auth_error_invalid_backup_code'
  }),
  challengeExpired: appError('auth.two_factor_challenge_expired', 400, 'auth_error_challenge_expired'),
  secondFactorLocked: appError('auth.second_factor_locked', 429, 'auth_error_second_factor_locked'),
  twoFactorAlreadyOn: appError('auth.two_factor_already_on', 409, 'auth_error_two_factor_already_on'),
  noEnrolmentPending: appError('auth.no_enrolment_pending', 409, 'auth_error_no_enrolment_pending'),
  secondFactorRequired: appError('auth.second_factor_required', 403, 'auth_error_second_factor_required'),
  sessionNotFound: appError('auth.session_not_found', 404, 'auth_error_session_not_found')
} as const;
