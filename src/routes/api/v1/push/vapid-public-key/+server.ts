import type { RequestHandler } from './$types';
import { vapidPublicKey } from '#lib/server/notifications/index.ts';
import { methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

/** The server's VAPID public key: the `applicationServerKey` a client subscribes with. */
export const GET: RequestHandler = (event) =>
  runApi(event, () =>
    Response.json({ publicKey: vapidPublicKey(event.locals.app) }, { headers: { 'cache-control': 'public, max-age=3600' } })
  );

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
