import { appError, forbidden, notFound } from '../platform/errors.ts';

/** The notifications domain's errors; message keys live in messages/notifications. */
export const notificationErrors = {
  /** Another person's notice looks exactly like one that does not exist. */
  notFound,
  forbidden,
  staffOnly: appError('notifications.staff_only', 403, 'error_forbidden')
};
