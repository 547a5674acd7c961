import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { authoriseProcedureStaff, type StaffCaller } from './procedure-access.ts';
import type { Answers, FormField } from './procedure-fields.ts';
import { tellPersonAboutProcedure } from './procedure-notices.ts';
import { procedureErrors } from './procedures.errors.ts';
import { countQueue, findSubmissionForStaff, listQueue, setSubmissionStatus } from './procedures.queries.ts';
import { fieldErrors, idSchema, messageSchema } from './procedures.schemas.ts';
import type { SubmissionStatus } from './procedures.table.ts';
import { targetPath } from './submissions.service.ts';

export const QUEUE_STATUSES = ['received', 'in_review', 'returned', 'done'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueEntry {
  id: string;
  title: string;
  version: number;
  status: SubmissionStatus;
  submittedAt: Date | null;
  updatedAt: Date;
  source: 'request' | 'timeline';
}

export interface ReviewQueue {
  status: QueueStatus;
  counts: Record<QueueStatus, number>;
  entries: QueueEntry[];
}

/** The review queue for one status (sent procedures only: drafts stay the household's). */
export async function listReviewQueue(app: App, caller: StaffCaller, status: string): Promise<Result<ReviewQueue>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const chosen: QueueStatus = (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as QueueStatus) : 'received';
  const db = app.database.db;
  const [rows, counted] = await Promise.all([listQueue(db, caller.municipalityId, [chosen]), countQueue(db, caller.municipalityId)]);
  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, counted.find((c) => c.status === s)?.count ?? 0])) as Record<QueueStatus, number>;
  return ok({
    status: chosen,
    counts,
    entries: rows.map((r) => ({ id: r.id, title: r.title, version: r.version, status: r.status, submittedAt: r.submitted_at, updatedAt: r.updated_at, source: r.request_id ? 'request' : 'timeline' }))
  });
}

export interface SubmissionForStaff {
  id: string;
  title: string;
  version: number;
  status: SubmissionStatus;
  fields: FormField[];
  answers: Answers;
  returnMessage: string | null;
  submittedAt: Date | null;
  source: 'request' | 'timeline';
}

/** One sent procedure with its answers. Answers are sensitive: every staff read is audited. */
export async function getSubmissionForStaff(app: App, caller: StaffCaller, submissionId: string): Promise<Result<SubmissionForStaff>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(submissionId).success) return failure(procedureErrors.notFound);
  const db = app.database.db;
  const row = await findSubmissionForStaff(db, caller.municipalityId, submissionId);
  if (!row) return failure(procedureErrors.notFound);
  await writeAudit(db, caller, { action: 'read', recordType: 'procedure_submission', recordId: row.id });
  return ok({
    id: row.id,
    title: row.title,
    version: row.version,
    status: row.status,
    fields: row.fields,
    answers: row.answers,
    returnMessage: row.return_message,
    submittedAt: row.submitted_at,
    source: row.request_id ? 'request' : 'timeline'
  });
}

const NEXT: Record<string, { from: SubmissionStatus[]; to: SubmissionStatus }> = {
  in_review: { from: ['received'], to: 'in_review' },
  done: { from: ['received', 'in_review'], to: 'done' },
  return: { from: ['received', 'in_review'], to: 'returned' }
};

/**
 * Moves a sent procedure on: 受付済み → 確認中 → 完了, or back to the household as 差し戻し with a
 * message (required) that they see beside the form. The person who sent it is told of a return or completion.
 */
export async function reviewSubmission(app: App, caller: StaffCaller, submissionId: string, action: string, input: Record<string, unknown>): Promise<Result<{ status: SubmissionStatus }>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(submissionId).success) return failure(procedureErrors.notFound);
  const step = NEXT[action];
  if (!step) return failure(procedureErrors.wrongStatus);
  let message: string | null = null;
  if (step.to === 'returned') {
    const parsed = messageSchema(true).safeParse(input.message);
    if (!parsed.success) return failure(procedureErrors.invalidInput(fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: ['message'] })))));
    message = parsed.data;
  }
  const result = await app.database.db.transaction().execute(async (trx) => {
    const row = await findSubmissionForStaff(trx, caller.municipalityId, submissionId, true);
    if (!row) return failure(procedureErrors.notFound);
    if (!step.from.includes(row.status)) return failure(procedureErrors.wrongStatus);
    await setSubmissionStatus(trx, row.id, { status: step.to, reviewedBy: caller.userId, ...(step.to === 'returned' ? { returnMessage: message } : {}) });
    await writeAudit(trx, caller, { action: `review_${step.to}`, recordType: 'procedure_submission', recordId: row.id });
    return ok({ row });
  });
  if (!result.ok) return result;
  const { row } = result.value;
  if ((step.to === 'returned' || step.to === 'done') && row.submitted_by) {
    const path = row.request_id ? targetPath({ kind: 'request', requestId: row.request_id }) : targetPath({ kind: 'item', subjectId: row.subject_id!, ruleKey: row.rule_key! });
    await tellPersonAboutProcedure(app, { kind: step.to, userId: row.submitted_by, municipalityId: caller.municipalityId, title: row.title, path });
  }
  return ok({ status: step.to });
}
