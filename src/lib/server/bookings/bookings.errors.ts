import { appError, notFound } from '../platform/errors.ts';

/** The bookings domain's errors; message keys live in messages/bookings. Codes are stable (the API returns them). */
export const bookingErrors = {
  /** Anything outside the viewer's reach looks exactly like something that does not exist. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('bookings.invalid_input', 400, 'bookings_error_summary_title', fields),
  forbidden: appError('bookings.forbidden', 403, 'bookings_error_forbidden'),
  noHousehold: appError('bookings.no_household', 409, 'bookings_error_no_household'),
  slotFull: appError('bookings.slot_full', 409, 'bookings_error_slot_full'),
  slotClosed: appError('bookings.slot_closed', 409, 'bookings_error_slot_closed'),
  notOpenYet: appError('bookings.not_open_yet', 409, 'bookings_error_not_open_yet'),
  slotPast: appError('bookings.slot_past', 409, 'bookings_error_slot_past'),
  alreadyBooked: appError('bookings.already_booked', 409, 'bookings_error_already_booked'),
  monthlyCap: appError('bookings.monthly_cap_reached', 409, 'bookings_error_monthly_cap'),
  registrationRequired: appError('bookings.registration_required', 409, 'bookings_error_registration_required'),
  childNotEligible: appError('bookings.child_not_eligible', 409, 'bookings_error_child_not_eligible'),
  cancelDeadlinePassed: appError('bookings.cancel_deadline_passed', 409, 'bookings_error_cancel_deadline'),
  notCancellable: appError('bookings.not_cancellable', 409, 'bookings_error_not_cancellable'),
  idempotencyConflict: appError('bookings.idempotency_key_reused', 422, 'bookings_error_idempotency_conflict'),
  offerExpired: appError('bookings.offer_expired', 409, 'bookings_error_offer_expired'),
  notPending: appError('bookings.not_pending', 409, 'bookings_error_not_pending'),
  invalidCheckIn: appError('bookings.invalid_check_in', 400, 'bookings_error_invalid_check_in')
};

/**
 * The API's view of these errors, by stable code (merged into API_ERRORS). A slot or booking that is
 * not found answers with the API's own `api.not_found`.
 */
export const BOOKING_API_ERRORS = {
  'bookings.invalid_input': { status: 400, messageKey: 'bookings_error_summary_title' },
  'bookings.forbidden': { status: 403, messageKey: 'bookings_error_forbidden' },
  'bookings.no_household': { status: 409, messageKey: 'bookings_error_no_household' },
  'bookings.slot_full': { status: 409, messageKey: 'bookings_error_slot_full' },
  'bookings.slot_closed': { status: 409, messageKey: 'bookings_error_slot_closed' },
  'bookings.not_open_yet': { status: 409, messageKey: 'bookings_error_not_open_yet' },
  'bookings.slot_past': { status: 409, messageKey: 'bookings_error_slot_past' },
  'bookings.already_booked': { status: 409, messageKey: 'bookings_error_already_booked' },
  'bookings.monthly_cap_reached': { status: 409, messageKey: 'bookings_error_monthly_cap' },
  'bookings.registration_required': { status: 409, messageKey: 'bookings_error_registration_required' },
  'bookings.child_not_eligible': { status: 409, messageKey: 'bookings_error_child_not_eligible' },
  'bookings.cancel_deadline_passed': { status: 409, messageKey: 'bookings_error_cancel_deadline' },
  'bookings.not_cancellable': { status: 409, messageKey: 'bookings_error_not_cancellable' },
  'bookings.idempotency_key_reused': { status: 422, messageKey: 'bookings_error_idempotency_conflict' },
  'bookings.offer_expired': { status: 409, messageKey: 'bookings_error_offer_expired' },
  'bookings.not_pending': { status: 409, messageKey: 'bookings_error_not_pending' },
  'bookings.invalid_check_in': { status: 400, messageKey: 'bookings_error_invalid_check_in' }
} as const;
