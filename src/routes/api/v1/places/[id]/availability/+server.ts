import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getPlaceAvailability } from '#lib/server/bookings/index.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

/** The place's bookable services and their slots with the seats left (public, like the page). */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const result = await getPlaceAvailability(event.locals.app, event.locals.municipality.id, event.params.id);
    if (!result.ok) return apiErrorResponse('api.not_found', locale);
    const { place, services } = result.value;
    return json({ place, services }, { headers: { 'cache-control': 'no-store', 'content-language': locale } });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
