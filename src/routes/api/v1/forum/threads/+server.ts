import type { RequestHandler } from './$types';
import { apiErrorResponse, apiThreadSummary, methodNotAllowed, runApi } from '#lib/server/api/index.ts';
import { listThreads } from '#lib/server/forum/index.ts';
import { json } from '@sveltejs/kit';

/** Who may call this endpoint (read by the authorization test; public threads are for anyone). */
export const _audience = 'public';

export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const { app, municipality } = event.locals;
    const params = event.url.searchParams;
    // Anonymous: the same answer for everyone, so no viewer is passed.
    const page = await listThreads(app, municipality.id, { topic: params.get('topic'), q: params.get('q'), cursor: params.get('cursor') });
    if (!page.ok) return apiErrorResponse('api.invalid_query', locale);
    return json(
      { items: page.value.items.map((t) => apiThreadSummary(t, locale)), nextCursor: page.value.nextCursor },
      { headers: { 'content-language': locale, 'cache-control': 'no-store' } }
    );
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
