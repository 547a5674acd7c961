import { appError } from '../../platform/errors.ts';

/** The push channel's errors; message keys live in messages/push. Codes are stable (the API returns them). */
export const pushErrors = {
  invalidSubscription: (fields: Record<string, string>) => appError('push.invalid_subscription', 400, 'push_error_invalid', fields),
  /** The endpoint is registered to another person: only that browser can free it (by unsubscribing). */
  endpointInUse: appError('push.endpoint_in_use', 409, 'push_error_endpoint_in_use'),
  notSubscribed: appError('push.not_subscribed', 404, 'push_error_not_subscribed')
};

/** The API's view of these errors, by stable code (merged into API_ERRORS). */
export const PUSH_API_ERRORS = {
  'push.invalid_subscription': { status: 400, messageKey: 'push_error_invalid' },
  'push.endpoint_in_use': { status: 409, messageKey: 'push_error_endpoint_in_use' },
  'push.not_subscribed': { status: 404, messageKey: 'push_error_not_subscribed' }
} as const;
