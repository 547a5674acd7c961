import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { Database } from '../../db/database.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { logger } from '../../platform/logger.ts';
import { deleteSubscriptionById, listSubscriptionsOf, markSubscriptionSucceeded, type SubscriptionRow } from './push.queries.ts';
import { encodePushPayload } from './push-payload.ts';
import type { ChannelSender, OutgoingMessage, SendResult } from './push.types.ts';
import type { VapidKeys } from './vapid.ts';

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

export interface PushSenderDeps {
  db: Kysely<Database>;
  /** `resolveVapidKeys(app.config)`. */
  vapid: VapidKeys;
  /** How long the push service keeps an undelivered notice (`app.config.pushTtlSeconds`). */
  ttlSeconds: number;
  /** Default 'normal': notices are useful today, not an emergency. */
  urgency?: PushUrgency;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Tests may pass their own; default the global fetch. */
  fetch?: typeof fetch;
}

const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

type Attempt = { kind: 'delivered' } | { kind: 'gone' } | { kind: 'retry'; error: string } | { kind: 'failed'; error: string };

/**
 * The Web Push channel: sends a notice to every browser of the person, each request carrying the
 * notice's stable id as Topic (a repeat replaces a still-undelivered copy at the push service) and as
 * the notification tag (a repeat replaces the shown one). A push service answering 404/410 has
 * forgotten the subscription, so it is deleted; 429, 5xx and network failures are worth a retry.
 * The send counts as delivered when at least one browser accepted it; the inbox holds it anyway.
 */
export function createPushSender(deps: PushSenderDeps): ChannelSender {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const urgency = deps.urgency ?? 'normal';

  async function sendTo(subscription: SubscriptionRow, payload: string, message: OutgoingMessage): Promise<Attempt> {
    let response: Response;
    try {
      const details = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
        vapidDetails: deps.vapid,
        TTL: deps.ttlSeconds,
        urgency,
        topic: message.stableId
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(details.headers)) if (name.toLowerCase() !== 'content-length') headers.set(name, String(value));
      response = await doFetch(details.endpoint, { method: 'POST', headers, body: details.body ? new Uint8Array(details.body) : null, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { kind: 'retry', error: `network: ${error instanceof Error ? error.message : String(error)}` };
    }
    await response.body?.cancel();
    const status = response.status;
    if (status >= 200 && status < 300) {
      await markSubscriptionSucceeded(deps.db, subscription.id, clockNow());
      return { kind: 'delivered' };
    }
    if (status === 404 || status === 410) {
      await deleteSubscriptionById(deps.db, subscription.id);
      logger.info({ deliveryId: message.deliveryId, subscriptionId: subscription.id, status }, 'push subscription gone; removed');
      return { kind: 'gone' };
    }
    if (status === 429 || status >= 500) return { kind: 'retry', error: `push service answered ${status}` };
    return { kind: 'failed', error: `push service refused with ${status}` };
  }

  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (!TOPIC.test(message.stableId)) return { ok: false, retry: false, error: 'push: stableId must be 1–32 URL-safe characters (it is the Topic)' };
      const payload = encodePushPayload({ title: message.title, body: message.body, url: message.url, id: message.stableId });
      if (payload === undefined) return { ok: false, retry: false, error: 'push: the URL alone is over the payload limit' };
      const subscriptions = await listSubscriptionsOf(deps.db, message.userId, message.municipalityId);
      if (!subscriptions.length) return { ok: false, retry: false, error: 'push: the person has no push subscription' };
      const attempts = await Promise.all(subscriptions.map((s) => sendTo(s, payload, message)));
      if (attempts.some((a) => a.kind === 'delivered')) return { ok: true };
      const problems = attempts.filter((a) => a.kind === 'retry' || a.kind === 'failed');
      if (!problems.length) return { ok: false, retry: false, error: 'push: every subscription of the person has expired (removed)' };
      logger.warn({ deliveryId: message.deliveryId, errors: problems.map((p) => p.error) }, 'push not delivered');
      return { ok: false, retry: problems.some((p) => p.kind === 'retry'), error: `push: ${problems.map((p) => p.error).join('; ')}` };
    }
  };
}
