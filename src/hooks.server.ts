import { randomUUID } from 'node:crypto';
import { error, json, redirect } from '@sveltejs/kit';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { m } from '#lib/paraglide/messages.js';
import { startServer } from '#lib/server/server-start.ts';
import { findRunningApp } from '#lib/server/runtime.ts';
import { resolveMunicipality } from '#lib/server/municipalities/index.ts';
import { loadViewer } from '#lib/server/auth/session.ts';
import { audienceOfRoute, canEnter, needsSecondFactor } from '#lib/server/auth/roles.ts';
import { isFormSubmission, isSameOriginRequest } from '#lib/server/platform/request-origin.ts';
import { AppErrorException } from '#lib/server/platform/errors.ts';
import { logger } from '#lib/server/platform/logger.ts';
import { securityHeaders } from '#lib/server/platform/security-headers.ts';

export const init: ServerInit = async () => {
  await startServer({ authPlugins: [sveltekitCookies(getRequestEvent)] });
};

const handleLocale: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    (event as { request: Request }).request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
    });
  });

const handleRequest: Handle = async ({ event, resolve }) => {
  const started = performance.now();
  const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  event.locals.requestId = requestId;
  event.locals.address = event.getClientAddress();
  const isApi = event.url.pathname.startsWith('/api/');

  let response: Response;
  if (isFormSubmission(event.request) && !isSameOriginRequest(event.request, findRunningApp()?.config.trustedOrigins ?? [])) {
    response = isApi
      ? json({ code: 'platform.cross_site_form', message: m.error_cross_site_form() }, { status: 403 })
      : new Response(m.error_cross_site_form(), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  } else {
    response = await resolve(event);
  }
  for (const [name, value] of Object.entries(securityHeaders(event.request.headers, findRunningApp()?.config.publicOrigin))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  response.headers.set('x-request-id', requestId);
  logger.info(
    { requestId, method: event.request.method, path: event.url.pathname, status: response.status, ms: Math.round(performance.now() - started) },
    'request'
  );
  return response;
};

const handleViewer: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/healthz') return resolve(event);
  const app = findRunningApp();
  if (!app) error(503, { message: m.error_starting() });
  event.locals.app = app;
  const municipality = await resolveMunicipality(app.database.db, event.request.headers.get('host'));
  if (!municipality) error(503, { message: m.error_no_municipality() });
  event.locals.municipality = municipality;
  event.locals.viewer = await loadViewer(app, event.request.headers, municipality.id);

  const audience = audienceOfRoute(event.route.id);
  if (audience && audience !== 'public') {
    const viewer = event.locals.viewer;
    if (!viewer) {
      if (event.request.method === 'GET') redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
      error(401, { message: m.error_sign_in_required() });
    }
    if (!canEnter(audience, true, viewer.roles)) error(403, { message: m.error_forbidden() });
    if (
      audience !== 'guardian' &&
      app.config.requireStaffSecondFactor &&
      needsSecondFactor(viewer.roles) &&
      !viewer.user.twoFactorEnabled
    ) {
      redirect(303, '/account/security?required=1');
    }
  }
  return resolve(event);
};

export const handle = sequence(handleRequest, handleLocale, handleViewer);

export const handleError: HandleServerError = (input) => {
  const requestId = input.event.locals.requestId;
  if (input.kind === 'unknown') {
    if (input.error instanceof AppErrorException) {
      return { message: translate(input.error.appError.messageKey), code: input.error.appError.code, requestId };
    }
    logger.error({ err: input.error, requestId, path: input.event.url.pathname }, 'unexpected error');
    return { message: m.error_unexpected(), requestId };
  }
  if (input.kind === 'framework') {
    return { message: input.error.status === 404 ? m.error_not_found() : input.error.message, requestId };
  }
  return undefined;
};

function translate(key: string): string {
  const message = (m as unknown as Record<string, (() => string) | undefined>)[key];
  return message ? message() : key;
}
