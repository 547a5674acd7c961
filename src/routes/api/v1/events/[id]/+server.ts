import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getPublicEvent } from '#lib/server/events/index.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; public events only). */
export const _audience = 'public';

/** GET /api/v1/events/{id}: one public event with its occurrences and their seats. */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const found = await getPublicEvent(event.locals.app, event.locals.municipality.id, event.params.id);
    if (!found.ok) return apiErrorResponse('api.not_found', locale);
    return json(found.value, { headers: { 'cache-control': 'public, max-age=30', 'content-language': locale } });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
