import type { Db } from '../db/database.ts';
import { writeAudit, type Actor } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { orgErrors } from './organizations.errors.ts';
import { insertReview, listOrganizationsOnlyOwnedBy, setOrganizationSuspension } from './organizations.queries.ts';

export interface OnlyOwnedOrganization {
  id: string;
  name: string;
  /** Other members exist: ownership must be handed to one of them before the account goes. */
  mustHandOver: boolean;
}

/** What deleting this person's account would mean for the organizations they alone own. */
export async function organizationsOnlyOwnedBy(db: Db, municipalityId: string, userId: string): Promise<OnlyOwnedOrganization[]> {
  const rows = await listOrganizationsOnlyOwnedBy(db, municipalityId, userId);
  return rows.map((r) => ({ id: r.id, name: r.name, mustHandOver: Number(r.other_members) > 0 }));
}

/** Why an organization is suspended when its only member deletes their account (shown to staff). */
export const OWNER_ACCOUNT_DELETED_REASON = '代表者のアカウントが削除されました（引き継ぐメンバーがいません）。';

/**
 * Inside the account deletion's transaction: no organization may be left without an owner. While the
 * person is the only owner of an organization that has other members, the deletion is refused (they
 * hand ownership over first); an organization they are the only member of is suspended, so it is no
 * longer public and ward staff see why.
 */
export async function releaseOrganizationsOf(trx: Db, actor: Actor & { municipalityId: string; userId: string }): Promise<Result<{ suspended: string[] }>> {
  const rows = await listOrganizationsOnlyOwnedBy(trx, actor.municipalityId, actor.userId);
  if (rows.some((r) => Number(r.other_members) > 0)) return failure(orgErrors.handOverBeforeDeletion);
  const suspended: string[] = [];
  for (const row of rows) {
    if (row.suspended_at === null) {
      await setOrganizationSuspension(trx, actor.municipalityId, row.id, { at: now(), reason: OWNER_ACCOUNT_DELETED_REASON });
      await insertReview(trx, { municipalityId: actor.municipalityId, organizationId: row.id, action: 'suspended', message: OWNER_ACCOUNT_DELETED_REASON, actorUserId: null, at: now() });
      await writeAudit(trx, actor, { action: 'organization.suspend', recordType: 'organization', recordId: row.id });
    }
    suspended.push(row.id);
  }
  return ok({ suspended });
}
