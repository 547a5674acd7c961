import type { RequestHandler } from './$types';
import { listMyProcedures } from '#lib/server/procedures/index.ts';
import { apiJson, methodNotAllowed, requireApiViewer, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const GET: RequestHandler = (event) =>
  runApi(event, async () => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    const { app, municipality, requestId, address } = event.locals;
    const actor = { userId: access.viewer.user.id, municipalityId: municipality.id, requestId, address };
    const items = (await listMyProcedures(app, actor)).map((p) => ({
      title: p.title,
      status: p.status,
      source: p.source,
      path: p.path,
      requestMessage: p.requestMessage,
      returnMessage: p.returnMessage,
      sentAt: p.sentAt?.toISOString() ?? null,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt?.toISOString() ?? null
    }));
    return apiJson({ items }, access.locale);
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
