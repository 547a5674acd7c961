import type { RequestEvent } from '@sveltejs/kit';
import type { Viewer } from '../auth/session.ts';
import { logger } from '../platform/logger.ts';
import { apiErrorResponse } from './api-errors.ts';
import { negotiateApiLocale, type ApiLocale } from './api-locale.ts';

export type ApiHandlerContext = { event: RequestEvent; locale: ApiLocale };

/**
 * /api is outside the route groups, so no hook guards it: every endpoint asks here. Anonymous callers
 * get a 401 JSON error (never a redirect to the sign-in page).
 */
export function requireApiViewer(event: RequestEvent): { ok: true; viewer: Viewer; locale: ApiLocale } | { ok: false; response: Response } {
  const locale = negotiateApiLocale(event.request.headers.get('accept-language'));
  const viewer = event.locals.viewer;
  if (!viewer) return { ok: false, response: apiErrorResponse('api.unauthenticated', locale) };
  return { ok: true, viewer, locale };
}

/**
 * Runs an endpoint so that whatever happens the client gets JSON: an unexpected failure is logged and
 * answered with `api.unexpected` and the request id, never with an HTML error page.
 */
export async function runApi(event: RequestEvent, handler: (context: ApiHandlerContext) => Promise<Response> | Response): Promise<Response> {
  const locale = negotiateApiLocale(event.request.headers.get('accept-language'));
  try {
    return await handler({ event, locale });
  } catch (error) {
    logger.error({ err: error, requestId: event.locals.requestId, path: event.url.pathname }, 'API error');
    return apiErrorResponse('api.unexpected', locale, { requestId: event.locals.requestId });
  }
}

/** The answer for a method an endpoint does not have. */
export function methodNotAllowed(event: RequestEvent, allow: string): Response {
  return apiErrorResponse('api.method_not_allowed', negotiateApiLocale(event.request.headers.get('accept-language')), { allow });
}

/** The answer for a path under /api/v1 that does not exist. */
export function apiNotFound(event: RequestEvent): Response {
  return apiErrorResponse('api.not_found', negotiateApiLocale(event.request.headers.get('accept-language')));
}
