import { z } from 'zod';
import type { App } from '../app.ts';
import { hasRole, type RoleAssignment } from '../auth/roles.ts';
import { writeAudit, type Actor } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { notificationErrors } from './notifications.errors.ts';
import { listDeadDeliveries, requeueDeadDelivery } from './notifications.queries.ts';
import type { DeliveryChannel } from './notifications.table.ts';

/** Ward staff asking about the outbox. */
export interface OutboxStaffCaller extends Actor {
  userId: string;
  roles: RoleAssignment[];
}

const WARD_ROLES = ['ward_staff', 'supervisor', 'admin'] as const;

function authoriseStaff(caller: OutboxStaffCaller) {
  return WARD_ROLES.some((role) => hasRole(caller.roles, role)) ? undefined : notificationErrors.staffOnly;
}

export interface DeadLetter {
  id: string;
  source: string;
  title: string;
  channel: DeliveryChannel;
  attempts: number;
  error: string;
  createdAt: Date;
}

/** The municipality's deliveries that failed for good, newest first, with the reason and the attempts. */
export async function listDeadLetters(app: App, caller: OutboxStaffCaller): Promise<Result<DeadLetter[]>> {
  const denied = authoriseStaff(caller);
  if (denied) return failure(denied);
  const rows = await listDeadDeliveries(app.database.db, caller.municipalityId, 200);
  return ok(
    rows.map((r) => ({
      id: r.id,
      source: r.source,
      title: r.title,
      channel: r.channel,
      attempts: r.attempts,
      error: r.last_error ?? '',
      createdAt: r.created_at
    }))
  );
}

const idSchema = z.uuid();

/**
 * Puts a dead letter back in the queue with a fresh count of attempts (audit-logged); the next worker
 * run sends it with the same stable id. Another municipality's delivery is not found.
 */
export async function retryDeadLetter(app: App, caller: OutboxStaffCaller, deliveryId: string): Promise<Result<{ id: string }>> {
  const denied = authoriseStaff(caller);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(deliveryId).success) return failure(notificationErrors.notFound);
  const requeued = await app.database.db.transaction().execute(async (trx) => {
    const row = await requeueDeadDelivery(trx, caller.municipalityId, deliveryId, now());
    if (row) await writeAudit(trx, caller, { action: 'retry', recordType: 'notification_delivery', recordId: row.id });
    return row;
  });
  return requeued ? ok({ id: requeued.id }) : failure(notificationErrors.notFound);
}
