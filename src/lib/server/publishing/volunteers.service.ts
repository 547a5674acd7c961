import type { App } from '../app.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { OrgActor } from '../organizations/index.ts';
import { pubErrors } from './publishing.errors.ts';
import { authoriseEditor, authoriseMember, isPostPublic } from './publishing-access.ts';
import { tellPublishingNotice } from './publishing-notices.ts';
import { findApplication, findPost, insertApplication, isBlocked, listApplicationsOfApplicant, listApplicationsOfOrganization, setApplicationDecision } from './publishing.queries.ts';
import { applicationSchema, decisionSchema, fieldErrors, uuidSchema } from './publishing.schemas.ts';

type Link = (path: string) => string;
export type ApplicationStatus = 'pending' | 'accepted' | 'declined';

export interface ApplicationView {
  id: string;
  postId: string;
  postTitle: string;
  organizationId: string;
  organizationName: string;
  message: string;
  status: ApplicationStatus;
  decisionMessage: string;
  decidedAt: Date | null;
  createdAt: Date;
}

type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

function view(row: ApplicationRow): ApplicationView {
  return {
    id: row.id,
    postId: row.post_id,
    postTitle: row.post_title,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    message: row.message,
    status: row.status as ApplicationStatus,
    decisionMessage: row.decision_message,
    decidedAt: row.decided_at,
    createdAt: row.created_at
  };
}

/** A signed-in resident applies to a public volunteer recruitment post with a message; once per post. */
export async function applyForVolunteering(app: App, actor: OrgActor, organizationId: string, postId: string, input: Record<string, unknown>, link: Link): Promise<Result<{ id: string }>> {
  if (!uuidSchema.safeParse(postId).success) return failure(pubErrors.notFound);
  const post = await findPost(app.database.db, actor.municipalityId, postId);
  if (!post || post.organization_id !== organizationId || !isPostPublic(post)) return failure(pubErrors.notFound);
  if (post.kind !== 'volunteer') return failure(pubErrors.notVolunteerPost);
  const parsed = applicationSchema.safeParse({ message: typeof input.message === 'string' ? input.message : '' });
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const row = await insertApplication(app.database.db, {
    municipality_id: actor.municipalityId,
    post_id: postId,
    organization_id: organizationId,
    applicant_user_id: actor.userId,
    message: parsed.data.message
  });
  if (!row) return failure(pubErrors.alreadyApplied);
  await tellPublishingNotice(app, { organizationId }, { kind: 'volunteer_applied', postTitle: post.title_ja, link: link(`/org/${organizationId}/volunteers`) });
  return ok({ id: row.id });
}

/** The resident's own applications and their outcome. */
export async function listMyApplications(app: App, actor: OrgActor): Promise<ApplicationView[]> {
  return (await listApplicationsOfApplicant(app.database.db, actor.municipalityId, actor.userId)).map(view);
}

/** Whether the resident already applied to this post (the post page then shows the state, not the form). */
export async function findMyApplication(app: App, actor: OrgActor, postId: string): Promise<ApplicationView | undefined> {
  return (await listMyApplications(app, actor)).find((a) => a.postId === postId);
}

/** Applications to the organization's posts, with the applicant's name; any member may read them. */
export async function listVolunteerApplications(app: App, actor: OrgActor, organizationId: string): Promise<Result<(ApplicationView & { applicantName: string })[]>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  const rows = await listApplicationsOfOrganization(app.database.db, organizationId);
  return ok(rows.map((r) => ({ ...view(r), applicantName: r.applicant_name })));
}

/**
 * Owners and editors accept or decline a pending application; the applicant is told. A resident who
 * blocked the organization is still told the outcome, but without the organization's message.
 */
export async function decideApplication(app: App, actor: OrgActor, organizationId: string, applicationId: string, input: Record<string, unknown>, link: Link): Promise<Result<void>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  if (!uuidSchema.safeParse(applicationId).success) return failure(pubErrors.notFound);
  const parsed = decisionSchema.safeParse({ decision: input.decision, message: typeof input.message === 'string' ? input.message : '' });
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const decided = await app.database.db.transaction().execute(async (trx) => {
    const row = await findApplication(trx, actor.municipalityId, applicationId, true);
    if (!row || row.organization_id !== organizationId) return failure<ApplicationRow>(pubErrors.notFound);
    if (row.status !== 'pending') return failure<ApplicationRow>(pubErrors.alreadyDecided);
    await setApplicationDecision(trx, row.id, { status: parsed.data.decision, decision_message: parsed.data.message, decided_at: now(), decided_by: actor.userId });
    return ok(row);
  });
  if (!decided.ok) return decided;
  const row = decided.value;
  const blocked = await isBlocked(app.database.db, row.applicant_user_id, organizationId);
  await tellPublishingNotice(
    app,
    { userId: row.applicant_user_id },
    {
      kind: 'volunteer_decided',
      postTitle: row.post_title,
      organizationName: row.organization_name,
      accepted: parsed.data.decision === 'accepted',
      message: blocked ? '' : parsed.data.message,
      link: link('/family/inquiries')
    }
  );
  return ok(undefined);
}
