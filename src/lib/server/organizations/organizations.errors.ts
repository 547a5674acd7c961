import { appError, notFound } from '../platform/errors.ts';

/** The organizations domain's errors; message keys live in messages/orgs. */
export const orgErrors = {
  /** An organization the person is not a member of looks exactly like one that does not exist. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('organizations.invalid_input', 400, 'org_error_summary_title', fields),
  ownerOnly: appError('organizations.owner_only', 403, 'org_error_owner_only'),
  staffOnly: appError('organizations.staff_only', 403, 'org_error_staff_only'),
  notEditable: appError('organizations.not_editable', 409, 'org_error_not_editable'),
  wrongState: appError('organizations.wrong_state', 409, 'org_error_wrong_state'),
  lastOwner: appError('organizations.last_owner', 409, 'org_error_last_owner'),
  handOverBeforeDeletion: appError('organizations.hand_over_before_deletion', 409, 'org_error_hand_over_before_deletion'),
  alreadyMember: appError('organizations.already_member', 409, 'org_error_already_member'),
  invitationNotFound: appError('organizations.invitation_not_found', 404, 'org_error_invitation_not_found'),
  invitationExpired: appError('organizations.invitation_expired', 410, 'org_error_invitation_expired'),
  invitationUsed: appError('organizations.invitation_used', 410, 'org_error_invitation_used'),
  invitationRevoked: appError('organizations.invitation_revoked', 410, 'org_error_invitation_revoked'),
  invitationForSomeoneElse: appError('organizations.invitation_other_email', 403, 'org_error_invitation_other_email')
};
