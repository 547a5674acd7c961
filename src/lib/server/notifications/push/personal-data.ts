import type { Db } from '../../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../../platform/timestamps.ts';
import { listSubscriptionsOf } from './personal-data.queries.ts';

export interface PushDataExport {
  /** Devices that receive push notices: the push service's host and the device label, not the secret endpoint or keys. */
  devices: { pushService: string; device: string; since: string; lastDeliveredAt: string | null }[];
}

export async function exportPushDataOf(db: Db, person: { userId: string; municipalityId: string }): Promise<PushDataExport> {
  const rows = await listSubscriptionsOf(db, person.userId, person.municipalityId);
  return {
    devices: rows.map((r) => ({ pushService: new URL(r.endpoint).host, device: r.user_agent, since: isoTimestamp(r.created_at), lastDeliveredAt: isoTimestampOrNull(r.last_success_at) }))
  };
}
