import type { Db } from '../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../platform/timestamps.ts';
import { listBlocksBy, listInquiryMessagesOf, listInquiryThreadsOf, listReportsBy, listVolunteerApplicationsOf } from './personal-data.queries.ts';

export interface PublishingDataExport {
  inquiries: {
    id: string;
    organization: string;
    subject: string;
    eventId: string | null;
    status: string;
    startedAt: string;
    closedAt: string | null;
    messages: { from: string; body: string; at: string }[];
  }[];
  volunteerApplications: { id: string; organization: string; post: string; message: string; status: string; decisionMessage: string; appliedAt: string; decidedAt: string | null }[];
  reports: { postId: string; reason: string; status: string; at: string; resolvedAt: string | null }[];
  blockedOrganizations: { organization: string; since: string }[];
}

/** The publishing part of a person's data export: their inquiries with the whole conversation, volunteer applications, reports and blocks. */
export async function exportPublishingDataOf(db: Db, person: { userId: string; municipalityId: string }): Promise<PublishingDataExport> {
  const { userId, municipalityId } = person;
  const [threads, applications, reports, blocks] = await Promise.all([
    listInquiryThreadsOf(db, userId, municipalityId),
    listVolunteerApplicationsOf(db, userId, municipalityId),
    listReportsBy(db, userId, municipalityId),
    listBlocksBy(db, userId, municipalityId)
  ]);
  const messages = await listInquiryMessagesOf(db, threads.map((t) => t.id));
  return {
    inquiries: threads.map((t) => ({
      id: t.id,
      organization: t.organization_name,
      subject: t.subject,
      eventId: t.event_id,
      status: t.status,
      startedAt: isoTimestamp(t.created_at),
      closedAt: isoTimestampOrNull(t.closed_at),
      messages: messages.filter((m) => m.thread_id === t.id).map((m) => ({ from: m.author_side, body: m.body, at: isoTimestamp(m.created_at) }))
    })),
    volunteerApplications: applications.map((a) => ({
      id: a.id,
      organization: a.organization_name,
      post: a.post_title,
      message: a.message,
      status: a.status,
      decisionMessage: a.decision_message,
      appliedAt: isoTimestamp(a.created_at),
      decidedAt: isoTimestampOrNull(a.decided_at)
    })),
    reports: reports.map((r) => ({ postId: r.post_id, reason: r.reason, status: r.status, at: isoTimestamp(r.created_at), resolvedAt: isoTimestampOrNull(r.resolved_at) })),
    blockedOrganizations: blocks.map((b) => ({ organization: b.organization_name, since: isoTimestamp(b.created_at) }))
  };
}
