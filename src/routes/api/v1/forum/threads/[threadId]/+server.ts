import type { RequestHandler } from './$types';
import { apiErrorResponse, apiThread, methodNotAllowed, runApi } from '#lib/server/api/index.ts';
import { getThread } from '#lib/server/forum/index.ts';
import { json } from '@sveltejs/kit';

/** Who may call this endpoint (read by the authorization test; public threads are for anyone). */
export const _audience = 'public';

export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const { app, municipality } = event.locals;
    // Read as nobody: a held post is not in the public API even for its own writer.
    const thread = await getThread(app, undefined, municipality.id, event.params.threadId);
    if (!thread.ok) return apiErrorResponse('api.not_found', locale);
    return json(apiThread(thread.value, locale), { headers: { 'content-language': locale, 'cache-control': 'no-store' } });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
