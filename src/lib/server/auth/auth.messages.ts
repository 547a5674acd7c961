import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { BUSINESS_TIME_ZONE, now } from '../platform/clock.ts';
import type { AppError } from '../platform/errors.ts';
import { isThrottledError } from './auth.errors.ts';

type MessageFunction = (params?: Record<string, unknown>) => string;

/**
 * Catalogue text for a message key, in the request's language. Routes translate on the server, so
 * pages receive plain strings and the client bundle does not carry the whole catalogue.
 */
export function messageText(key: string, params?: Record<string, unknown>): string {
  const message = (m as unknown as Record<string, MessageFunction | undefined>)[key];
  return message ? message(params) : key;
}

/** field → text, for the messages beside each field and the error summary. */
export function fieldMessages(fields: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([field, key]) => [field, messageText(key)]));
}

/** A date and time in Tokyo, in the request's language (e.g. 2026/11/27 14:05). */
export function formatDateTime(at: Date): string {
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: BUSINESS_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  }).format(at);
}

/** The text for an error, with the retry time for a sign-in refused after repeated failures. */
export function errorText(error: AppError): string {
  if (isThrottledError(error)) {
    const minutes = Math.max(1, Math.ceil((error.retryAt.getTime() - now().getTime()) / 60_000));
    const time = new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone: BUSINESS_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit'
    }).format(error.retryAt);
    return messageText(error.messageKey, { minutes, time });
  }
  return messageText(error.messageKey);
}
