import type { Db } from '../db/database.ts';
import type { Actor } from '../platform/audit.queries.ts';
import { hasRole, type RoleAssignment } from '../auth/roles.ts';
import { today } from '../platform/clock.ts';
import { findMembership, findOrganization, listDistrictsOfOrganizations, type OrganizationRow } from './organizations.queries.ts';
import { organizationIdSchema, type OrganizationStatus, type OrganizationType, type OrgRole } from './organizations.schemas.ts';

/** A signed-in person acting in one municipality. */
export interface OrgActor extends Actor {
  userId: string;
}

/** Ward staff (or a supervisor, or an admin) with the role assignments in force today. */
export interface StaffActor extends OrgActor {
  roles: RoleAssignment[];
}

export function isWardStaff(actor: StaffActor): boolean {
  return hasRole(actor.roles, 'ward_staff') || hasRole(actor.roles, 'supervisor') || hasRole(actor.roles, 'admin');
}

export interface OrganizationView {
  id: string;
  type: OrganizationType;
  isOfficial: boolean;
  departmentCode: string | null;
  name: string;
  nameKana: string;
  purpose: string;
  contactEmail: string;
  contactPhone: string;
  url: string;
  corporateNumber: string | null;
  status: OrganizationStatus;
  /** Staff's latest message: what to add (needs_info) or why it was refused. */
  statusMessage: string;
  submittedAt: Date;
  verifiedAt: Date | null;
  suspendedAt: Date | null;
  suspendedReason: string;
  createdAt: Date;
  districts: { id: string; name: string; nameEn: string }[];
}

export async function organizationViews(db: Db, rows: NonNullable<OrganizationRow>[]): Promise<OrganizationView[]> {
  const districts = await listDistrictsOfOrganizations(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type as OrganizationType,
    isOfficial: row.is_official,
    departmentCode: row.department_code,
    name: row.name,
    nameKana: row.name_kana,
    purpose: row.purpose,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    url: row.url,
    corporateNumber: row.corporate_number,
    status: row.status as OrganizationStatus,
    statusMessage: row.status_message,
    submittedAt: row.submitted_at,
    verifiedAt: row.verified_at,
    suspendedAt: row.suspended_at,
    suspendedReason: row.suspended_reason,
    createdAt: row.created_at,
    districts: districts.filter((d) => d.organization_id === row.id).map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en }))
  }));
}

export async function organizationView(db: Db, row: NonNullable<OrganizationRow>): Promise<OrganizationView> {
  return (await organizationViews(db, [row]))[0];
}

export interface MemberContext {
  organization: OrganizationView;
  orgRole: OrgRole;
}

/**
 * The organization as one of its members sees it, with their org role; anything else (another
 * municipality, an organization they are not in, an ended membership) is undefined, i.e. not found.
 */
export async function memberContext(db: Db, actor: OrgActor, organizationId: string): Promise<MemberContext | undefined> {
  if (!organizationIdSchema.safeParse(organizationId).success) return undefined;
  const membership = await findMembership(db, actor.municipalityId, organizationId, actor.userId, today());
  if (!membership) return undefined;
  const row = await findOrganization(db, actor.municipalityId, organizationId);
  if (!row) return undefined;
  return { organization: await organizationView(db, row), orgRole: membership.org_role as OrgRole };
}

/**
 * Whether members with this org role may publish for the organization now: it is verified (once, by
 * ward staff), not suspended, and the member is an owner or an editor. Viewers never publish.
 */
export function canPublish(context: { organization: { status: string; suspendedAt: Date | null }; orgRole: OrgRole }): boolean {
  return context.organization.status === 'verified' && context.organization.suspendedAt === null && (context.orgRole === 'owner' || context.orgRole === 'editor');
}

/** Whether the organization's profile is shown to everyone (directory, public page, API). */
export function isPublic(organization: { status: string; suspendedAt: Date | null }): boolean {
  return organization.status === 'verified' && organization.suspendedAt === null;
}
