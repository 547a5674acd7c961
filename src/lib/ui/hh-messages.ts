import { m } from '#lib/paraglide/messages.js';

/**
 * Error messages that services return as catalogue keys, listed statically so that the bundler keeps
 * only these (a dynamic m[key] would pull in every message of every page).
 */
const MESSAGES: Record<string, () => string> = {
  hh_error_summary_title: m.hh_error_summary_title,
  hh_error_district_required: m.hh_error_district_required,
  hh_error_district_unknown: m.hh_error_district_unknown,
  hh_error_name_required: m.hh_error_name_required,
  hh_error_name_too_long: m.hh_error_name_too_long,
  hh_error_my_number: m.hh_error_my_number,
  hh_error_birth_date_required: m.hh_error_birth_date_required,
  hh_error_birth_date_invalid: m.hh_error_birth_date_invalid,
  hh_error_birth_date_future: m.hh_error_birth_date_future,
  hh_error_birth_date_too_old: m.hh_error_birth_date_too_old,
  hh_error_sex_invalid: m.hh_error_sex_invalid,
  hh_error_basis_required: m.hh_error_basis_required,
  hh_error_due_date_required: m.hh_error_due_date_required,
  hh_error_due_date_invalid: m.hh_error_due_date_invalid,
  hh_error_due_date_past: m.hh_error_due_date_past,
  hh_error_due_date_too_far: m.hh_error_due_date_too_far,
  hh_error_week_required: m.hh_error_week_required,
  hh_error_week_range: m.hh_error_week_range,
  hh_error_days_range: m.hh_error_days_range,
  hh_error_fetus_count: m.hh_error_fetus_count,
  hh_error_outcome_required: m.hh_error_outcome_required,
  hh_error_outcome_date_required: m.hh_error_outcome_date_required,
  hh_error_outcome_date_invalid: m.hh_error_outcome_date_invalid,
  hh_error_outcome_date_future: m.hh_error_outcome_date_future,
  hh_error_outcome_date_too_old: m.hh_error_outcome_date_too_old,
  hh_error_email_required: m.hh_error_email_required,
  hh_error_email_invalid: m.hh_error_email_invalid,
  hh_error_invite_existing_guardian: m.hh_error_invite_existing_guardian,
  hh_error_no_household: m.hh_error_no_household,
  hh_error_already_in_household: m.hh_error_already_in_household,
  hh_error_invitation_not_found: m.hh_error_invitation_not_found,
  hh_error_invitation_expired: m.hh_error_invitation_expired,
  hh_error_invitation_used: m.hh_error_invitation_used,
  hh_error_invitation_revoked: m.hh_error_invitation_revoked,
  hh_error_invitation_other_email: m.hh_error_invitation_other_email,
  hh_error_already_guardian: m.hh_error_already_guardian,
  hh_error_cannot_remove_self: m.hh_error_cannot_remove_self,
  people_error_summary_title: m.people_error_summary_title,
  people_error_language: m.people_error_language,
  people_error_quiet_hours_choice: m.people_error_quiet_hours_choice,
  people_error_time_required: m.people_error_time_required,
  people_error_time_invalid: m.people_error_time_invalid,
  people_error_quiet_same: m.people_error_quiet_same,
  people_error_purpose: m.people_error_purpose,
  people_error_decision: m.people_error_decision,
  people_error_password_required: m.people_error_password_required,
  people_error_password_wrong: m.people_error_password_wrong,
  people_error_no_password: m.people_error_no_password,
  org_error_hand_over_before_deletion: m.org_error_hand_over_before_deletion
};

/** The text for a message key from a service; an unknown key is shown as is (never blank); no key, no text. */
export function hhMessage(key: string | null | undefined): string {
  if (!key) return '';
  const message = MESSAGES[key];
  return message ? message() : key;
}

/** Field errors from a service (field → message key) as the reader reads them (field → text). */
export function hhMessages(errors: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, hhMessage(key)]));
}
