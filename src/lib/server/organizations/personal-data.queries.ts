import type { Db } from '../db/database.ts';

// The organizations a person belongs to, for their data export.

export async function listMembershipsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('organization_member as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'm.org_role', 'm.added_at'])
    .where('m.user_id', '=', userId)
    .where('m.municipality_id', '=', municipalityId)
    .orderBy('m.added_at')
    .execute();
}
