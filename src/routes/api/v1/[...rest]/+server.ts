import type { RequestHandler } from './$types';
import { apiNotFound } from '#lib/server/api/index.ts';

/** Any other path under /api/v1: a JSON 404, never the HTML error page. */
export const fallback: RequestHandler = (event) => apiNotFound(event);
