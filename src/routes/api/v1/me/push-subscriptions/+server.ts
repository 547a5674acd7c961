import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { subscribeToPush, unsubscribeFromPush } from '#lib/server/notifications/index.ts';
import { apiErrorResponse, apiJson, methodNotAllowed, requireApiViewer, runApi, type ApiErrorCode, type ApiLocale } from '#lib/server/api/index.ts';
import { personActor } from '#lib/server/people/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

/**
 * The JSON body, or undefined when it is not a JSON object. Only `application/json` is read, so a
 * cross-site "simple" request (text/plain) never counts.
 */
async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return undefined;
  try {
    const parsed: unknown = await request.json();
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const badBody = (locale: ApiLocale) => apiErrorResponse('push.invalid_subscription', locale, { fields: { body: 'push_error_body_json' } });

/** Registers this browser's PushSubscription (`subscription.toJSON()`) for the signed-in person. */
export const POST: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    const body = await jsonBody(event.request);
    if (!body) return badBody(locale);
    const result = await subscribeToPush(event.locals.app, personActor(event.locals), body, event.request.headers.get('user-agent'));
    if (!result.ok) return apiErrorResponse(result.error.code as ApiErrorCode, locale, { fields: result.error.fields });
    return json({ id: result.value.id }, { status: result.value.isNew ? 201 : 200, headers: { 'cache-control': 'no-store', 'content-language': locale } });
  });

/** Removes this browser (by its endpoint) from the signed-in person's push subscriptions. */
export const DELETE: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const access = requireApiViewer(event);
    if (!access.ok) return access.response;
    const body = await jsonBody(event.request);
    if (!body) return badBody(locale);
    const result = await unsubscribeFromPush(event.locals.app, personActor(event.locals), body);
    if (!result.ok) return apiErrorResponse(result.error.code as ApiErrorCode, locale, { fields: result.error.fields });
    return apiJson({ remaining: result.value.remaining }, locale);
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'POST, DELETE');
