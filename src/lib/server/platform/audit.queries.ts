import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Db } from '../db/database.ts';

/** Who is acting and from where: passed from the request into services. */
export interface Actor {
  userId: string | null;
  municipalityId: string;
  requestId?: string | null;
  address?: string | null;
}

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string | null;
}

/** Appends to the audit log. Holds ids only, never personal data. */
export async function writeAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      municipality_id: actor.municipalityId,
      actor_user_id: actor.userId,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId ?? null,
      request_id: actor.requestId ?? null,
      address: actor.address ?? null
    })
    .execute();
}

/**
 * The retention purge: the only deletion the audit_log trigger lets through, and only for rows older
 * than the cutoff named in this same transaction.
 */
export async function purgeAuditOlderThan(db: Kysely<Database>, cutoff: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('hagukumi.audit_purge_before', ${cutoff.toISOString()}, true)`.execute(trx);
    const result = await trx.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

export async function listAuditEntries(db: Db, filter: { recordType?: string; recordId?: string; municipalityId?: string }) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc');
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.municipalityId) query = query.where('municipality_id', '=', filter.municipalityId);
  return query.execute();
}
