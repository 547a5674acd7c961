import type { RequestHandler } from './$types';
import { exportEventOpenData } from '#lib/server/events/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

/** GET /api/v1/opendata/event.csv — the ward's public events, イベント一覧 current layout (CC BY 4.0). */
export const GET: RequestHandler = (event) =>
  runApi(event, async () => {
    const absolute = absoluteUrlFor(event.locals.app.config);
    const file = await exportEventOpenData(event.locals.app, event.locals.municipality, (path) => absolute(path, event.request));
    return new Response(file.body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'public, max-age=300'
      }
    });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
