import { appError, notFound } from '../platform/errors.ts';

/** The calendar domain's errors; message keys live in messages/calendar. */
export const calendarErrors = {
  /** An unknown, malformed or revoked token: all look the same. */
  notFound,
  noHousehold: appError('calendar.no_household', 409, 'calendar_error_no_household'),
  nothingToRevoke: appError('calendar.nothing_to_revoke', 409, 'calendar_error_nothing_to_revoke')
};
