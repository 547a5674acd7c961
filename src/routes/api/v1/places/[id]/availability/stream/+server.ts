import { building } from '$app/env';
import type { RequestHandler } from './$types';
import { availabilityBus, getAvailabilitySnapshot } from '#lib/server/bookings/index.ts';
import { apiErrorResponse, methodNotAllowed, runApi } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

const HEARTBEAT_MS = 25_000;

// The server waits for open responses before it stops; an event stream never ends by itself, so on
// SIGTERM every stream is ended (browsers reconnect after `retry`, to whichever instance is up).
const openStreams = new Set<() => void>();
const endAll = () => {
  for (const end of openStreams) end();
};
if (!building) process.once('SIGTERM', endAll);
/** Bursts of bookings are sent as one update at most this often. */
const COALESCE_MS = 150;

/**
 * Server-sent events: an `availability` event with the seats left of every slot of the place, at once
 * and after every change (from this instance or, on PostgreSQL, any other).
 */
export const GET: RequestHandler = (event) =>
  runApi(event, async ({ locale }) => {
    const { app, municipality } = event.locals;
    const placeId = event.params.id;
    const first = await getAvailabilitySnapshot(app, municipality.id, placeId);
    if (!first.ok) return apiErrorResponse('api.not_found', locale);
    const bus = availabilityBus(app.database, app.config.databaseUrl);
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        let pending: NodeJS.Timeout | undefined;
        const send = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const sendSnapshot = async () => {
          pending = undefined;
          const snapshot = await getAvailabilitySnapshot(app, municipality.id, placeId).catch(() => undefined);
          if (snapshot?.ok) send(`event: availability\ndata: ${JSON.stringify(snapshot.value)}\n\n`);
        };
        const unsubscribe = bus.subscribe(placeId, () => {
          pending ??= setTimeout(() => void sendSnapshot(), COALESCE_MS);
        });
        const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
        cleanup = () => {
          if (closed) return;
          closed = true;
          openStreams.delete(end);
          clearInterval(heartbeat);
          if (pending) clearTimeout(pending);
          unsubscribe();
        };
        const end = () => {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        openStreams.add(end);
        event.request.signal.addEventListener('abort', end);
        send(`retry: 3000\nevent: availability\ndata: ${JSON.stringify(first.value)}\n\n`);
      },
      cancel() {
        cleanup();
      }
    });
    return new Response(stream, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' }
    });
  });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
