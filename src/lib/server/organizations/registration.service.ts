import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { insertRoleAssignment } from '../auth/auth.queries.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now, today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { orgErrors } from './organizations.errors.ts';
import { registrationReceivedMail } from './organizations.mails.ts';
import {
  findActiveDistricts,
  findActiveOrgAssignment,
  findUserEmail,
  insertOrganization,
  insertReview,
  listMembershipsOf,
  listReviews,
  lockOrganization,
  replaceOrganizationDistricts,
  setOrganizationStatus,
  updateOrganizationProfile,
  upsertMember
} from './organizations.queries.ts';
import { fieldErrors, profileColumns, profileSchema, registrationSchema, type OrganizationStatus, type OrganizationType, type OrgRole } from './organizations.schemas.ts';
import { memberContext, type MemberContext, type OrgActor } from './organization-access.ts';

/**
 * Makes a person a member with an org role and gives them the org_member role assignment scoped to
 * the organization, in the caller's transaction: the two never disagree (docs/decisions/0010).
 */
export async function addMembership(trx: Db, actor: OrgActor, organizationId: string, userId: string, orgRole: OrgRole): Promise<void> {
  await upsertMember(trx, { organizationId, userId, municipalityId: actor.municipalityId, orgRole });
  const onDate = today();
  if (!(await findActiveOrgAssignment(trx, actor.municipalityId, organizationId, userId, onDate))) {
    const { id } = await insertRoleAssignment(trx, {
      municipalityId: actor.municipalityId,
      userId,
      role: 'org_member',
      scopeType: 'organization',
      scopeId: organizationId,
      validFrom: onDate,
      grantedBy: actor.userId
    });
    await writeAudit(trx, actor, { action: 'role.grant', recordType: 'role_assignment', recordId: id });
  }
}

/** Only districts of this municipality that are in use; otherwise the field's message key. */
export async function checkDistricts(db: Db, municipalityId: string, districtIds: string[]): Promise<string | undefined> {
  const unique = [...new Set(districtIds)];
  const found = await findActiveDistricts(db, municipalityId, unique);
  return found.length === unique.length ? undefined : 'org_error_districts_unknown';
}

/**
 * An organization registers itself: the registrant becomes its owner (and may enter the console at
 * once to follow the review), and the registration waits for ward staff to verify it.
 */
export async function registerOrganization(
  app: App,
  actor: OrgActor,
  input: Record<string, unknown>,
  linkFor: (path: string) => string
): Promise<Result<{ id: string }>> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const data = parsed.data;
  const db = app.database.db;
  const districtProblem = await checkDistricts(db, actor.municipalityId, data.districtIds);
  if (districtProblem) return failure(orgErrors.invalidInput({ districtIds: districtProblem }));
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertOrganization(trx, {
      municipalityId: actor.municipalityId,
      type: data.type,
      isOfficial: false,
      departmentCode: null,
      ...profileColumns(data),
      status: 'pending',
      registeredBy: actor.userId,
      at: now()
    });
    await replaceOrganizationDistricts(trx, actor.municipalityId, id, [...new Set(data.districtIds)]);
    await addMembership(trx, actor, id, actor.userId, 'owner');
    await insertReview(trx, { municipalityId: actor.municipalityId, organizationId: id, action: 'submitted', actorUserId: actor.userId, at: now() });
    await writeAudit(trx, actor, { action: 'organization.register', recordType: 'organization', recordId: id });
    return id;
  });
  const me = await findUserEmail(db, actor.userId);
  if (me) await app.mailer.send(registrationReceivedMail(me.email, data.name, linkFor(`/org/${id}`)));
  return ok({ id });
}

export interface ConsoleView extends MemberContext {
  reviews: { action: string; message: string; at: Date }[];
}

/** The console's view of one organization: its profile, state, the review history and your role. */
export async function getOrganizationConsole(app: App, actor: OrgActor, organizationId: string): Promise<Result<ConsoleView>> {
  const db = app.database.db;
  const context = await memberContext(db, actor, organizationId);
  if (!context) return failure(orgErrors.notFound);
  const reviews = await listReviews(db, organizationId);
  return ok({ ...context, reviews: reviews.map((r) => ({ action: r.action, message: r.message, at: r.at })) });
}

export interface MyOrganization {
  id: string;
  name: string;
  type: OrganizationType;
  status: OrganizationStatus;
  suspended: boolean;
  orgRole: OrgRole;
}

/** The organizations the person belongs to in this municipality, for switching between them. */
export async function listMyOrganizations(app: App, actor: OrgActor): Promise<MyOrganization[]> {
  const rows = await listMembershipsOf(app.database.db, actor.municipalityId, actor.userId, today());
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as OrganizationType,
    status: r.status as OrganizationStatus,
    suspended: r.suspended_at !== null,
    orgRole: r.org_role as OrgRole
  }));
}

/**
 * The owner edits the profile. While staff wait for more information, saving sends the registration
 * back to them (resubmitted). A refused registration stays as it was decided.
 */
export async function updateOrganization(
  app: App,
  actor: OrgActor,
  organizationId: string,
  input: Record<string, unknown>
): Promise<Result<{ resubmitted: boolean }>> {
  const db = app.database.db;
  const context = await memberContext(db, actor, organizationId);
  if (!context) return failure(orgErrors.notFound);
  if (context.orgRole !== 'owner') return failure(orgErrors.ownerOnly);
  if (context.organization.status === 'refused') return failure(orgErrors.notEditable);
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const data = parsed.data;
  const districtProblem = await checkDistricts(db, actor.municipalityId, data.districtIds);
  if (districtProblem) return failure(orgErrors.invalidInput({ districtIds: districtProblem }));
  const resubmitted = await db.transaction().execute(async (trx) => {
    const locked = await lockOrganization(trx, actor.municipalityId, organizationId);
    if (!locked) return undefined;
    if (locked.status === 'refused') return 'refused' as const;
    await updateOrganizationProfile(trx, actor.municipalityId, organizationId, data);
    await replaceOrganizationDistricts(trx, actor.municipalityId, organizationId, [...new Set(data.districtIds)]);
    await writeAudit(trx, actor, { action: 'organization.update', recordType: 'organization', recordId: organizationId });
    if (locked.status !== 'needs_info') return false;
    await setOrganizationStatus(trx, actor.municipalityId, organizationId, { from: ['needs_info'], to: 'pending', message: '', at: now() });
    await insertReview(trx, { municipalityId: actor.municipalityId, organizationId, action: 'resubmitted', actorUserId: actor.userId, at: now() });
    await writeAudit(trx, actor, { action: 'organization.resubmit', recordType: 'organization', recordId: organizationId });
    return true;
  });
  if (resubmitted === undefined) return failure(orgErrors.notFound);
  if (resubmitted === 'refused') return failure(orgErrors.notEditable);
  return ok({ resubmitted });
}
