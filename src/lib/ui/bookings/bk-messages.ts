import { m } from '#lib/paraglide/messages.js';

/**
 * Catalogue keys the bookings services return (errors, statuses), listed statically so the bundler
 * keeps only these.
 */
const MESSAGES: Record<string, () => string> = {
  bookings_error_summary_title: m.bookings_error_summary_title,
  bookings_error_forbidden: m.bookings_error_forbidden,
  bookings_error_no_household: m.bookings_error_no_household,
  bookings_error_slot_full: m.bookings_error_slot_full,
  bookings_error_slot_closed: m.bookings_error_slot_closed,
  bookings_error_not_open_yet: m.bookings_error_not_open_yet,
  bookings_error_slot_past: m.bookings_error_slot_past,
  bookings_error_already_booked: m.bookings_error_already_booked,
  bookings_error_monthly_cap: m.bookings_error_monthly_cap,
  bookings_error_registration_required: m.bookings_error_registration_required,
  bookings_error_child_not_eligible: m.bookings_error_child_not_eligible,
  bookings_error_cancel_deadline: m.bookings_error_cancel_deadline,
  bookings_error_not_cancellable: m.bookings_error_not_cancellable,
  bookings_error_idempotency_conflict: m.bookings_error_idempotency_conflict,
  bookings_error_offer_expired: m.bookings_error_offer_expired,
  bookings_error_not_pending: m.bookings_error_not_pending,
  bookings_error_invalid_check_in: m.bookings_error_invalid_check_in,
  bookings_error_slot_unknown: m.bookings_error_slot_unknown,
  bookings_error_children_unknown: m.bookings_error_children_unknown,
  bookings_error_children_too_many: m.bookings_error_children_too_many,
  bookings_error_children_required: m.bookings_error_children_required,
  bookings_error_people_required: m.bookings_error_people_required,
  bookings_error_adults_invalid: m.bookings_error_adults_invalid,
  bookings_error_key_invalid: m.bookings_error_key_invalid,
  bookings_error_notice_invalid: m.bookings_error_notice_invalid,
  bookings_error_my_number: m.bookings_error_my_number,
  bookings_error_kind_invalid: m.bookings_error_kind_invalid,
  bookings_error_name_required: m.bookings_error_name_required,
  bookings_error_name_too_long: m.bookings_error_name_too_long,
  bookings_error_description_too_long: m.bookings_error_description_too_long,
  bookings_error_unit_invalid: m.bookings_error_unit_invalid,
  bookings_error_age_invalid: m.bookings_error_age_invalid,
  bookings_error_age_order: m.bookings_error_age_order,
  bookings_error_days_invalid: m.bookings_error_days_invalid,
  bookings_error_time_invalid: m.bookings_error_time_invalid,
  bookings_error_time_order: m.bookings_error_time_order,
  bookings_error_hours_invalid: m.bookings_error_hours_invalid,
  bookings_error_cap_invalid: m.bookings_error_cap_invalid,
  bookings_error_offer_hours_invalid: m.bookings_error_offer_hours_invalid,
  bookings_error_weekday_invalid: m.bookings_error_weekday_invalid,
  bookings_error_capacity_invalid: m.bookings_error_capacity_invalid,
  bookings_error_date_invalid: m.bookings_error_date_invalid,
  bookings_error_date_order: m.bookings_error_date_order,
  bookings_error_date_past: m.bookings_error_date_past,
  bookings_error_reason_required: m.bookings_error_reason_required,
  bookings_error_reason_too_long: m.bookings_error_reason_too_long,
  bookings_error_subject_required: m.bookings_error_subject_required,
  bookings_error_subject_too_long: m.bookings_error_subject_too_long,
  bookings_error_body_required: m.bookings_error_body_required,
  bookings_error_body_too_long: m.bookings_error_body_too_long,
  bookings_registration_requested: m.bookings_registration_requested,
  bookings_registration_approved: m.bookings_registration_approved,
  bookings_registration_declined: m.bookings_registration_declined,
  error_not_found: m.error_not_found
};

export function bkMessage(key: string | null | undefined): string | null {
  if (!key) return null;
  return MESSAGES[key]?.() ?? key;
}

export function bkMessages(errors: Record<string, string> | null | undefined): Record<string, string> | null {
  if (!errors) return null;
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, bkMessage(key) ?? key]));
}

const KINDS: Record<string, () => string> = {
  temporary_care: m.bookings_kind_temporary_care,
  sick_child_care: m.bookings_kind_sick_child_care,
  session: m.bookings_kind_session,
  consultation: m.bookings_kind_consultation
};
export const kindLabel = (kind: string) => KINDS[kind]?.() ?? kind;

const UNITS: Record<string, () => string> = {
  children: m.bookings_unit_children,
  people: m.bookings_unit_people,
  households: m.bookings_unit_households
};
export const unitLabel = (unit: string) => UNITS[unit]?.() ?? unit;

const STATUSES: Record<string, () => string> = {
  confirmed: m.bookings_status_confirmed,
  pending: m.bookings_status_pending,
  offered: m.bookings_status_offered,
  waitlisted: m.bookings_status_waitlisted,
  cancelled: m.bookings_status_cancelled,
  declined: m.bookings_status_declined,
  expired: m.bookings_status_expired
};
export const statusLabel = (status: string) => STATUSES[status]?.() ?? status;

const WEEKDAYS = [m.bookings_weekday_0, m.bookings_weekday_1, m.bookings_weekday_2, m.bookings_weekday_3, m.bookings_weekday_4, m.bookings_weekday_5, m.bookings_weekday_6];
export const weekdayLabel = (day: number) => WEEKDAYS[day]?.() ?? String(day);

const DONE: Record<string, () => string> = {
  confirmed: m.bookings_done_confirmed,
  pending: m.bookings_done_pending,
  waitlisted: m.bookings_done_waitlisted,
  cancelled: m.bookings_done_cancelled,
  accepted: m.bookings_done_accepted,
  alert_on: m.bookings_done_alert_on,
  alert_off: m.bookings_done_alert_off,
  registration: m.bookings_done_registration,
  service_created: m.bookings_done_service_created,
  service_updated: m.bookings_done_service_updated,
  pattern_added: m.bookings_done_pattern_added,
  closure_added: m.bookings_done_closure_added,
  checked_in: m.bookings_done_checked_in,
  no_show: m.bookings_done_no_show,
  attendance_cleared: m.bookings_done_attendance_cleared,
  approved: m.bookings_done_approved,
  declined: m.bookings_done_declined,
  message_sent: m.bookings_done_message_sent,
  slot_closed: m.bookings_done_slot_closed,
  registration_approved: m.bookings_done_registration_approved,
  registration_declined: m.bookings_done_registration_declined
};
export const doneMessage = (done: string) => DONE[done]?.() ?? '';
