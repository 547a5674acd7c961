import { json } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import type { ApiLocale } from './api-locale.ts';
import { BOOKING_API_ERRORS } from '../bookings/index.ts';
import { PUSH_API_ERRORS } from '../notifications/index.ts';
import { HOUSEHOLD_API_ERRORS } from '../households/index.ts';

/** The stable error codes of /api/v1: clients branch on `code`; `message` is for people. */
export const API_ERRORS = {
  'api.unauthenticated': { status: 401, messageKey: 'admin_api_unauthenticated' },
  'api.invalid_query': { status: 400, messageKey: 'forum_api_invalid_query' },
  'api.forbidden': { status: 403, messageKey: 'admin_api_forbidden' },
  'api.not_found': { status: 404, messageKey: 'admin_api_not_found' },
  'api.method_not_allowed': { status: 405, messageKey: 'admin_api_method_not_allowed' },
  'places.invalid_query': { status: 400, messageKey: 'places_error_invalid_query' },
  'api.unexpected': { status: 500, messageKey: 'admin_api_unexpected' },
  ...BOOKING_API_ERRORS,
  ...PUSH_API_ERRORS,
  ...HOUSEHOLD_API_ERRORS
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

type Message = (inputs?: Record<string, never>, options?: { locale?: ApiLocale }) => string;

export function apiMessage(messageKey: string, locale: ApiLocale): string {
  const message = (m as unknown as Record<string, Message | undefined>)[messageKey];
  return message ? message({}, { locale }) : messageKey;
}

const NO_STORE = { 'cache-control': 'no-store' };

/** A JSON error `{ code, message }` with the message in the requested language. */
export function apiErrorResponse(
  code: ApiErrorCode,
  locale: ApiLocale,
  extra: { requestId?: string; allow?: string; fields?: Record<string, string> } = {}
): Response {
  const { status, messageKey } = API_ERRORS[code];
  const headers: Record<string, string> = { ...NO_STORE, 'content-language': locale };
  if (extra.allow) headers.allow = extra.allow;
  const body: Record<string, unknown> = { code, message: apiMessage(messageKey, locale) };
  if (extra.requestId) body.requestId = extra.requestId;
  // Field problems: field name → message, in the same language.
  if (extra.fields) body.fields = Object.fromEntries(Object.entries(extra.fields).map(([field, key]) => [field, apiMessage(key, locale)]));
  return json(body, { status, headers });
}

/** A JSON success body that no shared cache keeps (it is about the signed-in person). */
export function apiJson(body: unknown, locale: ApiLocale): Response {
  return json(body, { headers: { ...NO_STORE, 'content-language': locale } });
}
