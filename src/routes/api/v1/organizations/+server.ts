import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { listDirectory } from '#lib/server/organizations/index.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; public organizations only). */
export const _audience = 'public';

/** GET /api/v1/organizations: verified, not suspended organizations, by kana; `type`, `district`, `cursor`. */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const params = event.url.searchParams;
    const page = await listDirectory(event.locals.app, event.locals.municipality.id, {
      type: params.get('type'),
      district: params.get('district'),
      cursor: params.get('cursor')
    });
    if (!page.ok) return apiErrorResponse('api.invalid_query', locale);
    return json(
      { items: page.value.items, nextCursor: page.value.nextCursor },
      { headers: { 'cache-control': 'public, max-age=60', 'content-language': locale } }
    );
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
