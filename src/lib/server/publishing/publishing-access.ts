import type { App } from '../app.ts';
import { hasRole } from '../auth/roles.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { canPublish, findOrganizationForMember, isPublic, type MemberContext, type OrgActor, type StaffActor } from '../organizations/index.ts';
import { pubErrors } from './publishing.errors.ts';

/** Any member of the organization (viewers too): may read its console pages. */
export async function authoriseMember(app: App, actor: OrgActor, organizationId: string): Promise<Result<MemberContext>> {
  const context = await findOrganizationForMember(app, actor, organizationId);
  return context.ok ? context : failure(pubErrors.notFound);
}

/** Owners and editors write drafts, reply to inquiries and decide on applications; viewers only read. */
export async function authoriseEditor(app: App, actor: OrgActor, organizationId: string): Promise<Result<MemberContext>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  if (context.value.orgRole === 'viewer') return failure(pubErrors.editorsOnly);
  return context;
}

/** Publishing needs an editor or owner of a verified, non-suspended organization (organizations' `canPublish`). */
export async function authorisePublisher(app: App, actor: OrgActor, organizationId: string): Promise<Result<MemberContext>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  return canPublish(context.value) ? context : failure(pubErrors.cannotPublish);
}

export function isWardStaff(actor: StaffActor): boolean {
  return hasRole(actor.roles, 'ward_staff') || hasRole(actor.roles, 'supervisor') || hasRole(actor.roles, 'admin');
}

export function authoriseStaff(actor: StaffActor): Result<StaffActor> {
  return isWardStaff(actor) ? ok(actor) : failure(pubErrors.staffOnly);
}

/** What everyone may see: a published post of a verified organization that is not suspended. */
export function isPostPublic(row: { status: string; organization_status: string; suspended_at: Date | null }): boolean {
  return row.status === 'published' && isPublic({ status: row.organization_status, suspendedAt: row.suspended_at });
}
