import type { App } from '../app.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { orgErrors } from './organizations.errors.ts';
import { memberContext, type MemberContext, type OrgActor } from './organization-access.ts';

/**
 * For the publishing domains: the organization as the actor's membership sees it — the org role, the
 * verification state and the suspension — or not found when the actor is not a member here (another
 * organization, another municipality, an ended membership). Pass the result to `canPublish`.
 */
export async function findOrganizationForMember(app: App, actor: OrgActor, organizationId: string): Promise<Result<MemberContext>> {
  const context = await memberContext(app.database.db, actor, organizationId);
  return context ? ok(context) : failure(orgErrors.notFound);
}
