import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { logger } from '../platform/logger.ts';
import { findPersonByEmail } from '../municipalities/roles-admin.queries.ts';
import { orgErrors } from './organizations.errors.ts';
import { approvedMail, needsInfoMail, officialOwnerMail, refusedMail, suspendedMail, unsuspendedMail } from './organizations.mails.ts';
import {
  findDepartmentByCode,
  findOrganization,
  insertOrganization,
  insertReview,
  listMembers,
  listOrganizationsForStaff,
  listOwnerEmails,
  listReviews,
  lockOrganization,
  replaceOrganizationDistricts,
  setOrganizationStatus,
  setOrganizationSuspension
} from './organizations.queries.ts';
import { fieldErrors, officialSchema, profileColumns, organizationIdSchema, reasonSchema, ORGANIZATION_STATUSES, type OrganizationStatus, type OrganizationType, type OrgRole } from './organizations.schemas.ts';
import { isWardStaff, organizationView, type OrganizationView, type StaffActor } from './organization-access.ts';
import { addMembership, checkDistricts } from './registration.service.ts';

export interface StaffListItem {
  id: string;
  name: string;
  type: OrganizationType;
  isOfficial: boolean;
  status: OrganizationStatus;
  submittedAt: Date;
  verifiedAt: Date | null;
  suspended: boolean;
}

/** The verification queue and every organization: waiting ones first, oldest submission first. */
export async function listOrganizationsForReview(
  app: App,
  actor: StaffActor,
  filter: { status?: string; suspended?: boolean } = {}
): Promise<Result<StaffListItem[]>> {
  if (!isWardStaff(actor)) return failure(orgErrors.staffOnly);
  const status = (ORGANIZATION_STATUSES as readonly string[]).includes(filter.status ?? '') ? filter.status : undefined;
  const rows = await listOrganizationsForStaff(app.database.db, actor.municipalityId, { status, suspended: filter.suspended });
  return ok(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type as OrganizationType,
      isOfficial: r.is_official,
      status: r.status as OrganizationStatus,
      submittedAt: r.submitted_at,
      verifiedAt: r.verified_at,
      suspended: r.suspended_at !== null
    }))
  );
}

export interface StaffOrganizationView {
  organization: OrganizationView;
  members: { name: string; email: string; orgRole: OrgRole }[];
  reviews: { action: string; message: string; at: Date }[];
}

/** One organization for staff: the profile, who runs it (to contact them) and the review history. */
export async function getOrganizationForReview(app: App, actor: StaffActor, organizationId: string): Promise<Result<StaffOrganizationView>> {
  if (!isWardStaff(actor)) return failure(orgErrors.staffOnly);
  if (!organizationIdSchema.safeParse(organizationId).success) return failure(orgErrors.notFound);
  const db = app.database.db;
  const row = await findOrganization(db, actor.municipalityId, organizationId);
  if (!row) return failure(orgErrors.notFound);
  const members = await listMembers(db, actor.municipalityId, organizationId);
  const reviews = await listReviews(db, organizationId);
  return ok({
    organization: await organizationView(db, row),
    members: members.map((m) => ({ name: m.name, email: m.email, orgRole: m.org_role as OrgRole })),
    reviews: reviews.map((r) => ({ action: r.action, message: r.message, at: r.at }))
  });
}

type Decision = 'approve' | 'needs_info' | 'refuse';

const DECISIONS: Record<Decision, { from: OrganizationStatus[]; to: OrganizationStatus; review: string; needsReason: boolean }> = {
  approve: { from: ['pending'], to: 'verified', review: 'approved', needsReason: false },
  needs_info: { from: ['pending'], to: 'needs_info', review: 'needs_info', needsReason: true },
  refuse: { from: ['pending', 'needs_info'], to: 'refused', review: 'refused', needsReason: true }
};

async function tellOwners(app: App, organizationId: string, mail: (to: string) => MailMessage): Promise<void> {
  for (const owner of await listOwnerEmails(app.database.db, organizationId)) {
    try {
      await app.mailer.send(mail(owner.email));
    } catch (error) {
      // The decision stands; the owner also sees it on the console.
      logger.error({ err: error, organizationId }, 'could not mail an organization owner');
    }
  }
}

async function decide(
  app: App,
  actor: StaffActor,
  organizationId: string,
  decision: Decision,
  input: Record<string, unknown>,
  linkFor: (path: string) => string
): Promise<Result<{ status: OrganizationStatus }>> {
  if (!isWardStaff(actor)) return failure(orgErrors.staffOnly);
  if (!organizationIdSchema.safeParse(organizationId).success) return failure(orgErrors.notFound);
  const rule = DECISIONS[decision];
  let reason = '';
  if (rule.needsReason) {
    const parsed = reasonSchema.safeParse(input);
    if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
    reason = parsed.data.reason;
  }
  const db = app.database.db;
  const outcome = await db.transaction().execute(async (trx) => {
    const locked = await lockOrganization(trx, actor.municipalityId, organizationId);
    if (!locked) return failure(orgErrors.notFound);
    if (!(rule.from as string[]).includes(locked.status)) return failure(orgErrors.wrongState);
    await setOrganizationStatus(trx, actor.municipalityId, organizationId, { from: rule.from, to: rule.to, message: reason, at: now() });
    await insertReview(trx, { municipalityId: actor.municipalityId, organizationId, action: rule.review, message: reason, actorUserId: actor.userId, at: now() });
    await writeAudit(trx, actor, { action: `organization.${rule.review}`, recordType: 'organization', recordId: organizationId });
    return ok({ status: rule.to });
  });
  if (!outcome.ok) return outcome;
  const organization = await findOrganization(db, actor.municipalityId, organizationId);
  const name = organization?.name ?? '';
  const consoleUrl = linkFor(`/org/${organizationId}`);
  await tellOwners(app, organizationId, (to) =>
    decision === 'approve' ? approvedMail(to, name, consoleUrl) : decision === 'needs_info' ? needsInfoMail(to, name, reason, consoleUrl) : refusedMail(to, name, reason, consoleUrl)
  );
  return outcome;
}

/** Staff verify a waiting registration once; its members may then publish. The owners are told. */
export function approveOrganization(app: App, actor: StaffActor, organizationId: string, linkFor: (path: string) => string) {
  return decide(app, actor, organizationId, 'approve', {}, linkFor);
}

/** Staff ask the owner for more information (the message is required); the owner edits and resubmits. */
export function requestMoreInformation(app: App, actor: StaffActor, organizationId: string, input: Record<string, unknown>, linkFor: (path: string) => string) {
  return decide(app, actor, organizationId, 'needs_info', input, linkFor);
}

/** Staff refuse a registration with a reason, which the owner is told and sees on the console. */
export function refuseOrganization(app: App, actor: StaffActor, organizationId: string, input: Record<string, unknown>, linkFor: (path: string) => string) {
  return decide(app, actor, organizationId, 'refuse', input, linkFor);
}

/**
 * Suspends or lifts the suspension of an organization, with a reason (audit-logged, told to the
 * owners). A suspended organization is not public and cannot publish.
 */
export async function setSuspension(
  app: App,
  actor: StaffActor,
  organizationId: string,
  suspend: boolean,
  input: Record<string, unknown>,
  linkFor: (path: string) => string
): Promise<Result<{ suspended: boolean }>> {
  if (!isWardStaff(actor)) return failure(orgErrors.staffOnly);
  if (!organizationIdSchema.safeParse(organizationId).success) return failure(orgErrors.notFound);
  const parsed = reasonSchema.safeParse(input);
  if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const reason = parsed.data.reason;
  const db = app.database.db;
  const outcome = await db.transaction().execute(async (trx) => {
    const locked = await lockOrganization(trx, actor.municipalityId, organizationId);
    if (!locked) return failure(orgErrors.notFound);
    if ((locked.suspended_at !== null) === suspend) return failure(orgErrors.wrongState);
    await setOrganizationSuspension(trx, actor.municipalityId, organizationId, suspend ? { at: now(), reason } : { at: null, reason: '' });
    const action = suspend ? 'suspended' : 'unsuspended';
    await insertReview(trx, { municipalityId: actor.municipalityId, organizationId, action, message: reason, actorUserId: actor.userId, at: now() });
    await writeAudit(trx, actor, { action: `organization.${suspend ? 'suspend' : 'unsuspend'}`, recordType: 'organization', recordId: organizationId });
    return ok({ suspended: suspend });
  });
  if (!outcome.ok) return outcome;
  const name = (await findOrganization(db, actor.municipalityId, organizationId))?.name ?? '';
  const consoleUrl = linkFor(`/org/${organizationId}`);
  await tellOwners(app, organizationId, (to) => (suspend ? suspendedMail(to, name, reason, consoleUrl) : unsuspendedMail(to, name, reason, consoleUrl)));
  return outcome;
}

/**
 * Staff create a ward department's organization ("official"), verified from the start, owned by a
 * person of this municipality whom they name by address.
 */
export async function createOfficialOrganization(
  app: App,
  actor: StaffActor,
  input: Record<string, unknown>,
  linkFor: (path: string) => string
): Promise<Result<{ id: string }>> {
  if (!isWardStaff(actor)) return failure(orgErrors.staffOnly);
  const parsed = officialSchema.safeParse(input);
  if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const data = parsed.data;
  const db = app.database.db;
  if (!(await findDepartmentByCode(db, actor.municipalityId, data.departmentCode))) return failure(orgErrors.invalidInput({ departmentCode: 'org_error_department_required' }));
  const owner = await findPersonByEmail(db, actor.municipalityId, data.ownerEmail);
  if (!owner) return failure(orgErrors.invalidInput({ ownerEmail: 'org_error_owner_not_found' }));
  const districtProblem = await checkDistricts(db, actor.municipalityId, data.districtIds);
  if (districtProblem) return failure(orgErrors.invalidInput({ districtIds: districtProblem }));
  const at = now();
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertOrganization(trx, {
      municipalityId: actor.municipalityId,
      type: 'ward_department',
      isOfficial: true,
      departmentCode: data.departmentCode,
      ...profileColumns(data),
      status: 'verified',
      registeredBy: actor.userId,
      at,
      verifiedAt: at
    });
    await replaceOrganizationDistricts(trx, actor.municipalityId, id, [...new Set(data.districtIds)]);
    await addMembership(trx, actor, id, owner.id, 'owner');
    await insertReview(trx, { municipalityId: actor.municipalityId, organizationId: id, action: 'created_official', actorUserId: actor.userId, at });
    await writeAudit(trx, actor, { action: 'organization.create_official', recordType: 'organization', recordId: id });
    return id;
  });
  await app.mailer.send(officialOwnerMail(owner.email, data.name, linkFor(`/org/${id}`)));
  return ok({ id });
}
