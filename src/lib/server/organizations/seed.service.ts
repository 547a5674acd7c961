import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { insertOrganization, insertReview, replaceOrganizationDistricts } from './organizations.queries.ts';
import type { OrganizationStatus, OrganizationType } from './organizations.schemas.ts';
import { addMembership } from './registration.service.ts';

export interface SeedOrganization {
  municipalityId: string;
  id?: string;
  type: OrganizationType;
  departmentCode?: string;
  name: string;
  nameKana: string;
  purpose: string;
  districtIds: string[];
  contactEmail?: string;
  contactPhone?: string;
  url?: string;
  corporateNumber?: string | null;
  status: OrganizationStatus;
  /** When it registered (and, for a verified one, when staff verified it). */
  submittedAt: Date;
  verifiedAt?: Date;
  /** The owner; demo organizations that stand for people outside the demo have none. */
  ownerUserId?: string;
}

/**
 * For demo and test data only: writes an organization as it would be after registration (and
 * verification), with past dates. No route calls this.
 */
export async function seedOrganization(app: App, row: SeedOrganization): Promise<string> {
  return app.database.db.transaction().execute(async (trx) => {
    const { id } = await insertOrganization(trx, {
      id: row.id,
      municipalityId: row.municipalityId,
      type: row.type,
      isOfficial: row.type === 'ward_department',
      departmentCode: row.departmentCode ?? null,
      name: row.name,
      nameKana: row.nameKana,
      purpose: row.purpose,
      contactEmail: row.contactEmail ?? '',
      contactPhone: row.contactPhone ?? '',
      url: row.url ?? '',
      corporateNumber: row.corporateNumber ?? null,
      status: row.status,
      registeredBy: row.ownerUserId ?? null,
      at: row.submittedAt,
      verifiedAt: row.status === 'verified' ? (row.verifiedAt ?? row.submittedAt) : null
    });
    await replaceOrganizationDistricts(trx, row.municipalityId, id, row.districtIds);
    const actor = { userId: row.ownerUserId ?? null, municipalityId: row.municipalityId };
    if (row.ownerUserId) await addMembership(trx, { ...actor, userId: row.ownerUserId }, id, row.ownerUserId, 'owner');
    await insertReview(trx, { municipalityId: row.municipalityId, organizationId: id, action: row.type === 'ward_department' ? 'created_official' : 'submitted', actorUserId: actor.userId, at: row.submittedAt });
    if (row.status === 'verified' && row.type !== 'ward_department') {
      await insertReview(trx, { municipalityId: row.municipalityId, organizationId: id, action: 'approved', actorUserId: null, at: row.verifiedAt ?? row.submittedAt });
    }
    await writeAudit(trx, actor, { action: 'organization.seed', recordType: 'organization', recordId: id });
    return id;
  });
}
