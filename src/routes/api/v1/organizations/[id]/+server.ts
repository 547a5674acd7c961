import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getPublicOrganization } from '#lib/server/organizations/index.ts';
import { listOrganizationUpcomingEvents } from '#lib/server/events/index.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; public organizations only). */
export const _audience = 'public';

/** GET /api/v1/organizations/{id}: one public organization with its coming events; anything else is `api.not_found`. */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const found = await getPublicOrganization(event.locals.app, event.locals.municipality.id, event.params.id);
    if (!found.ok) return apiErrorResponse('api.not_found', locale);
    const upcomingEvents = await listOrganizationUpcomingEvents(event.locals.app, event.locals.municipality.id, found.value.id);
    return json({ ...found.value, upcomingEvents }, { headers: { 'cache-control': 'public, max-age=60', 'content-language': locale } });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
