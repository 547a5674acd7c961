import type { RequestHandler } from './$types';
import { listHouseholdSummariesForPerson } from '#lib/server/households/index.ts';
import { apiJson, buildMe, methodNotAllowed, requireApiViewer, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const GET: RequestHandler = (event) =>
  runApi(event, async () => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    const { app, municipality } = event.locals;
    const households = await listHouseholdSummariesForPerson(app, access.viewer.user.id, municipality.id);
    return apiJson(await buildMe(app, access.viewer, municipality, households), access.locale);
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
