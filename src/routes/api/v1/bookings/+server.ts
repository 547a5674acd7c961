import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { reserveSlot } from '#lib/server/bookings/index.ts';
import { apiErrorResponse, methodNotAllowed, requireApiViewer, runApi, type ApiErrorCode } from '#lib/server/api/index.ts';
import { personActor } from '#lib/server/people/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

/**
 * Books a slot for children of the caller's household. Send an `Idempotency-Key` header: a retry with
 * the same key returns the same booking (200 with `Idempotent-Replayed: true`) instead of a second one.
 */
export const POST: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    let body: Record<string, unknown>;
    try {
      const parsed = await event.request.json();
      body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return apiErrorResponse('bookings.invalid_input', locale, { fields: { body: 'bookings_error_body_json' } });
    }
    const input = {
      slotId: body.slotId,
      childIds: body.childIds,
      adults: body.adults === undefined ? undefined : String(body.adults),
      joinWaitlist: body.joinWaitlist === true,
      idempotencyKey: event.request.headers.get('idempotency-key') ?? '',
      noticeId: body.noticeId ?? event.url.searchParams.get('notice') ?? ''
    };
    const result = await reserveSlot(event.locals.app, personActor(event.locals), input, 'api');
    if (!result.ok) {
      if (result.error.status === 404) return apiErrorResponse('api.not_found', locale);
      return apiErrorResponse(result.error.code as ApiErrorCode, locale, { fields: result.error.fields });
    }
    const { bookingId, status, seats, replayed } = result.value;
    return json(
      { id: bookingId, status, seats, channel: 'api' },
      { status: replayed ? 200 : 201, headers: { 'cache-control': 'no-store', 'content-language': locale, ...(replayed ? { 'idempotent-replayed': 'true' } : {}), location: `/api/v1/bookings/${bookingId}` } }
    );
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'POST');
