import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { OrgActor, StaffActor } from '../organizations/index.ts';
import { pubErrors } from './publishing.errors.ts';
import { authoriseStaff, isPostPublic } from './publishing-access.ts';
import { findPost, insertReport, listOpenReports, resolveReports } from './publishing.queries.ts';
import { fieldErrors, reasonSchema, uuidSchema } from './publishing.schemas.ts';

export interface ReportItem {
  id: string;
  postId: string;
  postTitle: string;
  postStatus: string;
  organizationId: string;
  organizationName: string;
  reason: string;
  createdAt: Date;
}

/** A signed-in resident reports a public post; the report waits in the staff queue. */
export async function reportPost(app: App, actor: OrgActor, organizationId: string, postId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  if (!uuidSchema.safeParse(postId).success) return failure(pubErrors.notFound);
  const post = await findPost(app.database.db, actor.municipalityId, postId);
  if (!post || post.organization_id !== organizationId || !isPostPublic(post)) return failure(pubErrors.notFound);
  const parsed = reasonSchema.safeParse({ reason: typeof input.reason === 'string' ? input.reason : '' });
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const row = await insertReport(app.database.db, { municipality_id: actor.municipalityId, post_id: postId, reporter_user_id: actor.userId, reason: parsed.data.reason });
  await writeAudit(app.database.db, actor, { action: 'publishing.post_reported', recordType: 'post', recordId: postId });
  return ok({ id: row.id });
}

/** Open reports, oldest first (the reporter is not shown: staff judge the content). */
export async function listOpenReportsForStaff(app: App, actor: StaffActor): Promise<Result<ReportItem[]>> {
  const staff = authoriseStaff(actor);
  if (!staff.ok) return staff;
  const rows = await listOpenReports(app.database.db, actor.municipalityId);
  return ok(
    rows.map((r) => ({
      id: r.id,
      postId: r.post_id,
      postTitle: r.post_title,
      postStatus: r.post_status,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      reason: r.reason,
      createdAt: r.created_at
    }))
  );
}

/** Staff close a report without taking the post down. */
export async function dismissReport(app: App, actor: StaffActor, reportId: string): Promise<Result<void>> {
  const staff = authoriseStaff(actor);
  if (!staff.ok) return staff;
  if (!uuidSchema.safeParse(reportId).success) return failure(pubErrors.notFound);
  const changed = await resolveReports(app.database.db, actor.municipalityId, { reportId }, { resolution: 'dismissed', resolved_at: now(), resolved_by: actor.userId });
  if (changed === 0) return failure(pubErrors.notFound);
  await writeAudit(app.database.db, actor, { action: 'publishing.report_dismissed', recordType: 'content_report', recordId: reportId });
  return ok(undefined);
}
