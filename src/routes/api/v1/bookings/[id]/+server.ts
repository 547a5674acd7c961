import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { cancelBooking } from '#lib/server/bookings/index.ts';
import { apiErrorResponse, methodNotAllowed, requireApiViewer, runApi, type ApiErrorCode } from '#lib/server/api/index.ts';
import { personActor } from '#lib/server/people/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

/** Cancels a booking of the caller's household (before the service's deadline). */
export const DELETE: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    const result = await cancelBooking(event.locals.app, personActor(event.locals), event.params.id);
    if (!result.ok) {
      if (result.error.status === 404) return apiErrorResponse('api.not_found', locale);
      return apiErrorResponse(result.error.code as ApiErrorCode, locale);
    }
    return json({ id: result.value.id, status: 'cancelled' }, { headers: { 'cache-control': 'no-store', 'content-language': locale } });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'DELETE');
