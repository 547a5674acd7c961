import type { RequestHandler } from './$types';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';
import { getPlace } from '#lib/server/places/index.ts';
import { placeDetailJson } from '../place-json.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const result = await getPlace(event.locals.app, event.locals.municipality.id, event.params.id);
    if (!result.ok) return apiErrorResponse('api.not_found', locale);
    return new Response(JSON.stringify(placeDetailJson(result.value)), {
      headers: { 'content-type': 'application/json', 'content-language': locale, 'cache-control': 'public, max-age=60' }
    });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
