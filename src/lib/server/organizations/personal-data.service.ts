import type { Db } from '../db/database.ts';
import { isoTimestamp } from '../platform/timestamps.ts';
import { listMembershipsOf } from './personal-data.queries.ts';

export interface OrganizationsDataExport {
  memberships: { organizationId: string; organizationName: string; role: string; since: string }[];
}

/** The organizations part of a person's data export: which organizations they belong to, in which role. */
export async function exportOrganizationsDataOf(db: Db, person: { userId: string; municipalityId: string }): Promise<OrganizationsDataExport> {
  const rows = await listMembershipsOf(db, person.userId, person.municipalityId);
  return { memberships: rows.map((r) => ({ organizationId: r.id, organizationName: r.name, role: r.org_role, since: isoTimestamp(r.added_at) })) };
}
