import { appError, notFound } from '../platform/errors.ts';

/** The publishing domain's errors; message keys live in messages/publishing. */
export const pubErrors = {
  /** Another organization's post, thread or photo looks exactly like one that does not exist. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('publishing.invalid_input', 400, 'pub_error_summary_title', fields),
  editorsOnly: appError('publishing.editors_only', 403, 'pub_error_editors_only'),
  cannotPublish: appError('publishing.cannot_publish', 403, 'pub_error_cannot_publish'),
  staffOnly: appError('publishing.staff_only', 403, 'pub_error_staff_only'),
  wrongState: appError('publishing.wrong_state', 409, 'pub_error_wrong_state'),
  lockedByStaff: appError('publishing.unpublished_by_staff', 409, 'pub_error_locked_by_staff'),
  tooManyPhotos: appError('publishing.too_many_photos', 409, 'pub_error_too_many_photos'),
  notVolunteerPost: appError('publishing.not_volunteer_post', 409, 'pub_error_not_volunteer'),
  alreadyApplied: appError('publishing.already_applied', 409, 'pub_error_already_applied'),
  alreadyDecided: appError('publishing.already_decided', 409, 'pub_error_already_decided'),
  threadClosed: appError('publishing.thread_closed', 409, 'pub_error_thread_closed'),
  blockedByResident: appError('publishing.blocked_by_resident', 403, 'pub_error_blocked')
};
