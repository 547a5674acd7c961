import { appError, notFound } from '../platform/errors.ts';

/** The events domain's errors; message keys live in messages/events. */
export const eventErrors = {
  /** Another organization's event, or one that does not exist, looks the same: not found. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('events.invalid_input', 400, 'events_error_summary_title', fields),
  /** Viewers, unverified or suspended organizations. */
  cannotPublish: appError('events.cannot_publish', 403, 'events_error_cannot_publish'),
  staffOnly: appError('events.staff_only', 403, 'events_error_staff_only'),
  invalidQuery: appError('events.invalid_query', 400, 'events_error_invalid_query'),
  importNotReady: appError('events.import_not_ready', 409, 'events_error_import_not_ready')
};
