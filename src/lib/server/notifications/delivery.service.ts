import type { DatabaseHandle } from '../db/connection.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AppConfig } from '../platform/config.ts';
import { now } from '../platform/clock.ts';
import { logger } from '../platform/logger.ts';
import { createEmailSender, type ChannelSenders, type SendResult } from './channels.ts';
import { findOutgoing, leaseDelivery, lockDueDeliveries, markDeliveryFailed, markDeliverySent, postponeDelivery } from './notifications.queries.ts';
import type { DeliveryChannel } from './notifications.table.ts';
import { releaseTimeAfterQuietHours } from './quiet-hours.ts';

/** What the outbox needs from the app (the App itself, or a worker's own wiring). */
export interface NotificationDeps {
  database: DatabaseHandle;
  mailer: Mailer;
  config: AppConfig;
  /** The app's channel senders; without them, email through `mailer` only. */
  channels?: ChannelSenders;
}

export interface DeliveryPolicy {
  /** Deliveries taken per transaction. */
  batchSize: number;
  /** A delivery taken by a worker that died is taken again after this long (the send is then repeated). */
  leaseMs: number;
  /** After this many failed attempts a delivery is a dead letter. */
  maxAttempts: number;
  /** The first retry waits this long; each further one twice as long, at most `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_POLICY: DeliveryPolicy = { batchSize: 20, leaseMs: 5 * 60_000, maxAttempts: 6, backoffMs: 60_000, maxBackoffMs: 6 * 3_600_000 };

export interface DeliveryFilter {
  notificationIds?: readonly string[];
  userIds?: readonly string[];
  /** With userIds: only this sender's notices (a forum reply does not flush the person's other mail). */
  source?: string;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  dead: number;
  postponed: number;
}

/** The wait before attempt n + 1 after n failed attempts: backoff, 2×backoff, 4×backoff, … capped. */
export function retryDelayMs(failedAttempts: number, policy: Pick<DeliveryPolicy, 'backoffMs' | 'maxBackoffMs'> = DEFAULT_POLICY): number {
  return Math.min(policy.backoffMs * 2 ** Math.max(0, failedAttempts - 1), policy.maxBackoffMs);
}

export function sendersOf(deps: NotificationDeps): ChannelSenders {
  return deps.channels ?? { email: createEmailSender(deps.database.db, deps.mailer, deps.config) };
}

/**
 * The outbox worker: takes due deliveries with FOR UPDATE SKIP LOCKED (so workers never take the same
 * row), leases each for one attempt and commits before sending (no transaction stays open during a
 * send), then records the outcome. A worker that dies after sending leaves the lease to expire and the
 * send is repeated with the same stable id: at-least-once. A delivery inside the person's quiet hours
 * waits until they end; channels without a sender (push before it is configured) stay pending.
 */
export async function deliverDueNotifications(deps: NotificationDeps, filter: DeliveryFilter = {}, policy: DeliveryPolicy = DEFAULT_POLICY): Promise<DeliveryReport> {
  const db = deps.database.db;
  const senders = sendersOf(deps);
  const channels = (Object.keys(senders) as DeliveryChannel[]).filter((c) => senders[c]);
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0, postponed: 0 };
  for (;;) {
    const at = now();
    const { taken, seen } = await db.transaction().execute(async (trx) => {
      const rows = await lockDueDeliveries(trx, { now: at, channels, limit: policy.batchSize, ...filter });
      const ids: string[] = [];
      for (const row of rows) {
        const release = releaseTimeAfterQuietHours(at, { start: row.quiet_hours_start, end: row.quiet_hours_end });
        if (release > at) {
          await postponeDelivery(trx, row.id, release);
          report.postponed += 1;
        } else {
          await leaseDelivery(trx, row.id, new Date(at.getTime() + policy.leaseMs));
          ids.push(row.id);
        }
      }
      return { taken: ids, seen: rows.length };
    });
    for (const id of taken) await attempt(deps, senders, id, policy, report);
    if (seen < policy.batchSize) return report;
  }
}

async function attempt(deps: NotificationDeps, senders: ChannelSenders, deliveryId: string, policy: DeliveryPolicy, report: DeliveryReport): Promise<void> {
  const db = deps.database.db;
  const row = await findOutgoing(db, deliveryId);
  const sender = row && senders[row.channel];
  if (!row || !sender) return;
  let result: SendResult;
  try {
    result = await sender.send({
      deliveryId: row.id,
      stableId: row.stable_id,
      userId: row.user_id,
      municipalityId: row.municipality_id,
      locale: row.locale,
      title: row.title,
      body: row.body,
      // Through the inbox, so opening it from an email or a push counts as opened, then on to the notice's page.
      url: `${deps.config.publicOrigin ?? `http://localhost:${process.env.PORT || 3000}`}/inbox/${row.notification_id}`
    });
  } catch (error) {
    result = { ok: false, retry: true, error: error instanceof Error ? error.message.slice(0, 500) : 'send failed' };
  }
  if (result.ok) {
    await markDeliverySent(db, row.id, now());
    report.sent += 1;
    return;
  }
  const isDead = !result.retry || row.attempts >= policy.maxAttempts;
  await markDeliveryFailed(db, row.id, { error: result.error, retryAt: isDead ? null : new Date(now().getTime() + retryDelayMs(row.attempts, policy)) });
  if (isDead) report.dead += 1;
  else report.retrying += 1;
  logger.warn({ deliveryId: row.id, channel: row.channel, attempts: row.attempts, isDead, error: result.error }, 'notification delivery failed');
}

/**
 * Right after a sender's transaction commits: tries the new deliveries at once, so people hear without
 * waiting for the job. Never throws (the caller's change is committed; the job retries what is left).
 */
export async function kickDeliveries(deps: NotificationDeps, filter: DeliveryFilter): Promise<void> {
  try {
    await deliverDueNotifications(deps, filter);
  } catch (error) {
    logger.error({ err: error }, 'could not deliver notifications right away; the job will');
  }
}
