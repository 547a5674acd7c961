import type { RequestHandler } from './$types';
import { listTimelineItemsForApi } from '#lib/server/guidance/index.ts';
import { apiJson, methodNotAllowed, requireApiViewer, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const GET: RequestHandler = (event) =>
  runApi(event, async () => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    const { app, municipality, requestId, address } = event.locals;
    const actor = { userId: access.viewer.user.id, municipalityId: municipality.id, requestId, address };
    return apiJson(await listTimelineItemsForApi(app, actor, access.locale), access.locale);
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
