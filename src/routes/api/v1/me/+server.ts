import type { RequestHandler } from './$types';
import { apiJson, buildMe, methodNotAllowed, requireApiViewer, runApi } from '#lib/server/api/index.ts';

export const GET: RequestHandler = (event) =>
  runApi(event, async () => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    // households: filled from the households domain at integration; an empty list until then.
    return apiJson(await buildMe(event.locals.app, access.viewer, event.locals.municipality), access.locale);
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
