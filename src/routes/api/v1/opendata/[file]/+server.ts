import type { RequestHandler } from './$types';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';
import { exportOpenData } from '#lib/server/places/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

/** GET /api/v1/opendata/{dataset}.csv|.geojson — the ward's places as open data (CC BY 4.0). */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const match = /^([a-z_]+)\.(csv|geojson)$/.exec(event.params.file);
    if (!match) return apiErrorResponse('api.not_found', locale);
    const result = await exportOpenData(event.locals.app, event.locals.municipality, match[1], match[2]);
    if (!result.ok) return apiErrorResponse('api.not_found', locale);
    return new Response(result.value.body, {
      headers: {
        'content-type': result.value.contentType,
        'content-disposition': `attachment; filename="${result.value.fileName}"`,
        'cache-control': 'public, max-age=300'
      }
    });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
