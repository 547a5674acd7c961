import type { Db } from '../db/database.ts';

// What publishing holds about a resident (their inquiries, applications, reports, blocks), for their data export.

export async function listInquiryThreadsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('inquiry_thread as t')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .select(['t.id', 'o.name as organization_name', 't.subject', 't.event_id', 't.status', 't.created_at', 't.closed_at'])
    .where('t.resident_user_id', '=', userId)
    .where('t.municipality_id', '=', municipalityId)
    .orderBy('t.created_at')
    .execute();
}

export async function listInquiryMessagesOf(db: Db, threadIds: string[]) {
  if (!threadIds.length) return [];
  return db.selectFrom('inquiry_message').select(['thread_id', 'author_side', 'body', 'created_at']).where('thread_id', 'in', threadIds).orderBy('created_at').execute();
}

export async function listVolunteerApplicationsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('volunteer_application as a')
    .innerJoin('post as p', 'p.id', 'a.post_id')
    .innerJoin('organization as o', 'o.id', 'a.organization_id')
    .select(['a.id', 'o.name as organization_name', 'p.title_ja as post_title', 'a.message', 'a.status', 'a.decision_message', 'a.created_at', 'a.decided_at'])
    .where('a.applicant_user_id', '=', userId)
    .where('a.municipality_id', '=', municipalityId)
    .orderBy('a.created_at')
    .execute();
}

export async function listReportsBy(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('content_report')
    .select(['post_id', 'reason', 'status', 'created_at', 'resolved_at'])
    .where('reporter_user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .execute();
}

export async function listBlocksBy(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('organization_block as b')
    .innerJoin('organization as o', 'o.id', 'b.organization_id')
    .select(['o.name as organization_name', 'b.created_at'])
    .where('b.resident_user_id', '=', userId)
    .where('b.municipality_id', '=', municipalityId)
    .execute();
}
