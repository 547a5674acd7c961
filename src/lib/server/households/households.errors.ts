import { appError, notFound } from '../platform/errors.ts';

/** The households domain's errors; message keys live in messages/households. */
export const householdErrors = {
  /** Anything outside the viewer's household looks exactly like something that does not exist. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('households.invalid_input', 400, 'hh_error_summary_title', fields),
  noHousehold: appError('households.no_household', 404, 'hh_error_no_household'),
  alreadyInHousehold: appError('households.already_in_household', 409, 'hh_error_already_in_household'),
  invitationNotFound: appError('households.invitation_not_found', 404, 'hh_error_invitation_not_found'),
  invitationExpired: appError('households.invitation_expired', 410, 'hh_error_invitation_expired'),
  invitationUsed: appError('households.invitation_used', 410, 'hh_error_invitation_used'),
  invitationRevoked: appError('households.invitation_revoked', 410, 'hh_error_invitation_revoked'),
  invitationForSomeoneElse: appError('households.invitation_other_email', 403, 'hh_error_invitation_other_email'),
  alreadyGuardian: appError('households.already_guardian', 409, 'hh_error_already_guardian'),
  cannotRemoveSelf: appError('households.cannot_remove_self', 400, 'hh_error_cannot_remove_self')
};

/**
 * The API's view of these errors, by stable code (merged into API_ERRORS). A child or pregnancy that is
 * not the caller's answers with the API's own `api.not_found`.
 */
export const HOUSEHOLD_API_ERRORS = {
  'households.invalid_input': { status: 400, messageKey: 'hh_error_summary_title' },
  'households.no_household': { status: 409, messageKey: 'hh_error_no_household' }
} as const;
