import type { RequestHandler } from './$types';
import { apiNotFound } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

/** Any other path under /api/v1: a JSON 404, never the HTML error page. */
export const fallback: RequestHandler = (event) => apiNotFound(event);
