import type { RequestHandler } from './$types';
import { renderCalendarFeed } from '#lib/server/calendar/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test): no session, the secret URL is the key. */
export const _audience = 'public';

export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const { app, requestId, address } = event.locals;
    const body = await renderCalendarFeed(app, event.params.token, { origin: absoluteUrlFor(app.config)('', event.request), requestId, address });
    if (body === undefined) return apiErrorResponse('api.not_found', locale);
    return new Response(body, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="hagukumi.ics"',
        'cache-control': 'no-store',
        'x-robots-tag': 'noindex',
        'referrer-policy': 'no-referrer'
      }
    });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
