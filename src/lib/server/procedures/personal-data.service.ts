import type { Db } from '../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../platform/timestamps.ts';
import { listRequestsOfHouseholds, listSubmissionsOfHouseholds } from './personal-data.queries.ts';

export interface ProceduresDataExport {
  requests: { id: string; title: string; message: string | null; sentAt: string }[];
  submissions: {
    id: string;
    title: string;
    subjectType: string | null;
    subjectId: string | null;
    ruleKey: string | null;
    status: string;
    answers: unknown;
    returnMessage: string | null;
    submittedAt: string | null;
    completedAt: string | null;
    createdAt: string;
    updatedAt: string;
  }[];
}

/** The procedures part of a person's data export: what the ward asked their households, and every answer (drafts too). */
export async function exportProceduresDataOf(db: Db, householdIds: string[]): Promise<ProceduresDataExport> {
  const [requests, submissions] = await Promise.all([listRequestsOfHouseholds(db, householdIds), listSubmissionsOfHouseholds(db, householdIds)]);
  return {
    requests: requests.map((r) => ({ id: r.id, title: r.title, message: r.message, sentAt: isoTimestamp(r.created_at) })),
    submissions: submissions.map((s) => ({
      id: s.id,
      title: s.title,
      subjectType: s.subject_type,
      subjectId: s.subject_id,
      ruleKey: s.rule_key,
      status: s.status,
      answers: s.answers,
      returnMessage: s.return_message,
      submittedAt: isoTimestampOrNull(s.submitted_at),
      completedAt: isoTimestampOrNull(s.completed_at),
      createdAt: isoTimestamp(s.created_at),
      updatedAt: isoTimestamp(s.updated_at)
    }))
  };
}
