export { signUp, verifyEmail, resendVerification, signIn, verifySignInCode, signOut, requestPasswordReset, isResetTokenUsable, resetPassword } from './auth.service.ts';
export type { SignInOutcome } from './auth.service.ts';
export { changeOwnPassword } from './password-change.service.ts';
export { checkOwnPassword, type PasswordCheck } from './password-check.ts';
export { listOwnSessions, revokeOwnSession, revokeOtherSessions, type SessionSummary } from './sessions.service.ts';
export {
  findTwoFactorStatus,
  startTotpEnrolment,
  confirmTotpEnrolment,
  cancelTotpEnrolment,
  disableTotp,
  type TwoFactorStatus,
  type PendingEnrolment
} from './two-factor.service.ts';
export { renderQrCodeDataUrl } from './totp-qr.ts';
export { messageText, fieldMessages, errorText, formatDateTime } from './auth.messages.ts';
export type { AuthRequest } from './auth-request.ts';
export { authRequestOf, formValues, rememberLanguage } from './route-helpers.ts';
export { describeUserAgent, type DeviceDescription } from './user-agent.ts';
