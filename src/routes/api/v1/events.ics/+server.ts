import type { RequestHandler } from './$types';
import { buildEventsFeed } from '#lib/server/events/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; public events only). */
export const _audience = 'public';

/** GET /api/v1/events.ics: the public events as an iCalendar feed (RFC 5545), with the list's filters. */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const p = event.url.searchParams;
    const absolute = absoluteUrlFor(event.locals.app.config);
    const feed = await buildEventsFeed(
      event.locals.app,
      event.locals.municipality,
      { from: p.get('from') ?? '', to: p.get('to') ?? '', age: p.get('age') ?? '', district: p.get('district') ?? '', free: p.get('free') ?? '', hasSeats: p.get('has_seats') ?? '' },
      (path) => absolute(path, event.request)
    );
    if (!feed.ok) return apiErrorResponse('api.invalid_query', locale);
    return new Response(feed.value, {
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="events.ics"', 'cache-control': 'public, max-age=300' }
    });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
