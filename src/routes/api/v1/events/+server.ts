import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { listPublicEvents } from '#lib/server/events/index.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; public events only). */
export const _audience = 'public';

/** GET /api/v1/events: public events by next date; `from`, `to`, `age`, `district`, `free`, `has_seats`, `cursor`. */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const p = event.url.searchParams;
    const page = await listPublicEvents(event.locals.app, event.locals.municipality.id, {
      from: p.get('from') ?? '',
      to: p.get('to') ?? '',
      age: p.get('age') ?? '',
      district: p.get('district') ?? '',
      free: p.get('free') ?? '',
      hasSeats: p.get('has_seats') ?? '',
      cursor: p.get('cursor') ?? ''
    });
    if (!page.ok) return apiErrorResponse('api.invalid_query', locale);
    return json({ items: page.value.items, nextCursor: page.value.nextCursor }, { headers: { 'cache-control': 'public, max-age=60', 'content-language': locale } });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
