import type { RequestHandler } from './$types';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';
import { searchParamsInput, searchPlaces } from '#lib/server/places/index.ts';
import { placeJson } from './place-json.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const { locals, url } = event;
    const result = await searchPlaces(locals.app, locals.municipality.id, searchParamsInput(url.searchParams));
    if (!result.ok) return apiErrorResponse('places.invalid_query', locale);
    const { items, nextCursor, total, origin, unmappedLeftOut } = result.value;
    return new Response(
      JSON.stringify({
        items: items.map(placeJson),
        next_cursor: nextCursor,
        total,
        origin: origin ? { lat: origin.lat, lng: origin.lng } : null,
        unmapped_left_out: unmappedLeftOut
      }),
      { headers: { 'content-type': 'application/json', 'content-language': locale, 'cache-control': 'public, max-age=60' } }
    );
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
