import type { App } from '../../app.ts';
import type { PersonActor } from '../../households/index.ts';
import { setPushPreference } from '../../people/index.ts';
import { describeUserAgent } from '../../auth/index.ts';
import { writeAudit } from '../../platform/audit.queries.ts';
import { failure, ok, type Result } from '../../platform/errors.ts';
import { pushErrors } from './push.errors.ts';
import {
  countSubscriptionsOf,
  deleteOldestSubscriptionsBeyond,
  deleteSubscriptionOf,
  findSubscriptionByEndpoint,
  insertSubscription,
  listSubscriptionsOf,
  lockPersonSubscriptions,
  updateSubscriptionKeys
} from './push.queries.ts';
import { fieldErrors, subscriptionSchema, unsubscribeSchema, type EndpointPolicy } from './push.schemas.ts';
import { resolveVapidKeys } from './vapid.ts';

/**
 * Browsers per person. A new one beyond this replaces the one that has gone longest without a
 * delivery (an old phone, a reset browser), so nobody is stuck without a way to remove it.
 */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 10;

function endpointPolicy(app: App): EndpointPolicy {
  return { serviceHosts: app.config.pushServiceHosts, allowLocal: app.config.pushAllowLocalEndpoints };
}

function deviceLabel(userAgent: string | null | undefined): string {
  const { browser, system } = describeUserAgent(userAgent);
  if (browser && system) return `${browser} (${system})`;
  return (browser ?? system ?? '').slice(0, 100);
}

export interface SubscribeOutcome {
  id: string;
  /** False when this browser was already subscribed for this person (its keys are refreshed). */
  isNew: boolean;
}

/**
 * Registers the signed-in person's browser for Web Push and turns their push channel on. Only for
 * oneself: an endpoint already registered to someone else is refused (only that browser can free it,
 * by unsubscribing, which gives it a new endpoint).
 */
export async function subscribeToPush(app: App, actor: PersonActor, input: unknown, userAgent: string | null): Promise<Result<SubscribeOutcome>> {
  const parsed = subscriptionSchema(endpointPolicy(app)).safeParse(input);
  if (!parsed.success) return failure(pushErrors.invalidSubscription(fieldErrors(parsed.error.issues)));
  const { endpoint, keys } = parsed.data;
  const label = deviceLabel(userAgent);
  const outcome = await app.database.db.transaction().execute(async (trx): Promise<Result<SubscribeOutcome>> => {
    await lockPersonSubscriptions(trx, actor.userId);
    const existing = await findSubscriptionByEndpoint(trx, endpoint);
    if (existing && (existing.user_id !== actor.userId || existing.municipality_id !== actor.municipalityId)) return failure(pushErrors.endpointInUse);
    if (existing) {
      await updateSubscriptionKeys(trx, existing.id, { p256dh: keys.p256dh, auth: keys.auth, userAgent: label });
      return ok({ id: existing.id, isNew: false });
    }
    const id = await insertSubscription(trx, { municipalityId: actor.municipalityId, userId: actor.userId, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent: label });
    await deleteOldestSubscriptionsBeyond(trx, actor.userId, actor.municipalityId, MAX_SUBSCRIPTIONS_PER_PERSON);
    await writeAudit(trx, actor, { action: 'create', recordType: 'push_subscription', recordId: id });
    return ok({ id, isNew: true });
  });
  if (outcome.ok) await setPushPreference(app, actor, true);
  return outcome;
}

/**
 * Removes one of the signed-in person's browsers by its endpoint; when none is left, their push
 * channel is turned off. Someone else's endpoint looks exactly like an unknown one.
 */
export async function unsubscribeFromPush(app: App, actor: PersonActor, input: unknown): Promise<Result<{ remaining: number }>> {
  const parsed = unsubscribeSchema.safeParse(input);
  if (!parsed.success) return failure(pushErrors.invalidSubscription(fieldErrors(parsed.error.issues)));
  const remaining = await app.database.db.transaction().execute(async (trx) => {
    await lockPersonSubscriptions(trx, actor.userId);
    const id = await deleteSubscriptionOf(trx, actor.userId, actor.municipalityId, parsed.data.endpoint);
    if (!id) return undefined;
    await writeAudit(trx, actor, { action: 'delete', recordType: 'push_subscription', recordId: id });
    return countSubscriptionsOf(trx, actor.userId, actor.municipalityId);
  });
  if (remaining === undefined) return failure(pushErrors.notSubscribed);
  if (remaining === 0) await setPushPreference(app, actor, false);
  return ok({ remaining });
}

export interface PushSettings {
  /** The browser's `applicationServerKey`. */
  vapidPublicKey: string;
  devices: { id: string; label: string; createdAt: Date; lastSuccessAt: Date | null }[];
}

/** What the settings page shows about push: the key to subscribe with and the person's browsers. */
export async function getPushSettings(app: App, actor: PersonActor): Promise<PushSettings> {
  const rows = await listSubscriptionsOf(app.database.db, actor.userId, actor.municipalityId);
  return {
    vapidPublicKey: resolveVapidKeys(app.config).publicKey,
    devices: rows.map((r) => ({ id: r.id, label: r.user_agent, createdAt: r.created_at, lastSuccessAt: r.last_success_at }))
  };
}

/** The public key alone (GET /api/v1/push/vapid-public-key). */
export function vapidPublicKey(app: App): string {
  return resolveVapidKeys(app.config).publicKey;
}
