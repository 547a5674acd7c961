import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import type { PersonActor } from '../households/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { answerName, checkAnswers, readAnswers, type Answers, type FormField } from './procedure-fields.ts';
import { procedureErrors } from './procedures.errors.ts';
import {
  findForm,
  findFormVersion,
  findFormVersionById,
  findHouseholdOf,
  findHouseholdRequest,
  findHouseholdSubject,
  findItemNotice,
  findItemSubmission,
  findRequestSubmission,
  findRuleLink,
  findRuleSubject,
  insertSubmission,
  listHouseholdRequests,
  listHouseholdSubmissions,
  listRuleLinks,
  saveSubmissionAnswers
} from './procedures.queries.ts';
import { idSchema } from './procedures.schemas.ts';
import type { SubmissionStatus } from './procedures.table.ts';

/** What a guardian opens: a procedure staff sent to the household, or the procedure of a timeline item. */
export type ProcedureTarget = { kind: 'request'; requestId: string } | { kind: 'item'; subjectId: string; ruleKey: string };

/** Every built-in rule happens once; a recurring rule would number its occurrences (decision 0009). */
const OCCURRENCE = 1;

export function targetPath(target: ProcedureTarget): string {
  return target.kind === 'request' ? `/procedures/requests/${target.requestId}` : `/procedures/items/${target.subjectId}/${encodeURIComponent(target.ruleKey)}`;
}

export interface ProcedureView {
  path: string;
  title: string;
  purpose: string;
  version: number;
  fields: FormField[];
  /** null: nothing saved yet. */
  status: SubmissionStatus | null;
  answers: Answers;
  returnMessage: string | null;
  submittedAt: Date | null;
  /** A draft or a returned procedure can be changed; once sent it waits for the ward. */
  isEditable: boolean;
  /** The ward's note when it sent the procedure directly. */
  requestMessage: string | null;
}

interface Resolved {
  householdId: string;
  formId: string;
  requestMessage: string | null;
  subjectType: 'child' | 'pregnancy' | null;
}

/** Finds the target inside the viewer's household; anything else is not found, exactly like what does not exist. */
async function resolve(db: Db, actor: PersonActor, target: ProcedureTarget): Promise<Resolved | undefined> {
  const household = await findHouseholdOf(db, actor.userId, actor.municipalityId);
  if (!household) return undefined;
  if (target.kind === 'request') {
    if (!idSchema.safeParse(target.requestId).success) return undefined;
    const request = await findHouseholdRequest(db, household.id, target.requestId);
    return request ? { householdId: household.id, formId: request.form_id, requestMessage: request.message, subjectType: null } : undefined;
  }
  if (!idSchema.safeParse(target.subjectId).success || !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(target.ruleKey)) return undefined;
  const [subjectType, link, rule] = await Promise.all([
    findHouseholdSubject(db, household.id, target.subjectId),
    findRuleLink(db, actor.municipalityId, target.ruleKey),
    findRuleSubject(db, actor.municipalityId, target.ruleKey)
  ]);
  if (!subjectType || !link || rule?.subject !== subjectType) return undefined;
  return { householdId: household.id, formId: link.form_id, requestMessage: null, subjectType };
}

function findSubmission(db: Db, resolved: Resolved, target: ProcedureTarget, lock = false) {
  return target.kind === 'request' ? findRequestSubmission(db, target.requestId, lock) : findItemSubmission(db, resolved.householdId, target.subjectId, target.ruleKey, OCCURRENCE, lock);
}

/** The version a new draft starts on: the form's latest published one. */
async function currentVersion(db: Db, municipalityId: string, formId: string) {
  const form = await findForm(db, municipalityId, formId);
  if (!form || form.published_version === null) return undefined;
  return findFormVersion(db, formId, form.published_version);
}

const isEditable = (status: SubmissionStatus | null) => status === null || status === 'draft' || status === 'returned';

/** The procedure with what the household saved so far and its status, for the guardian's page. */
export async function openProcedure(app: App, actor: PersonActor, target: ProcedureTarget): Promise<Result<ProcedureView>> {
  const db = app.database.db;
  const resolved = await resolve(db, actor, target);
  if (!resolved) return failure(procedureErrors.notFound);
  const submission = await findSubmission(db, resolved, target);
  const version = submission ? await findFormVersionById(db, submission.form_version_id) : await currentVersion(db, actor.municipalityId, resolved.formId);
  if (!version) return failure(procedureErrors.notFound);
  return ok({
    path: targetPath(target),
    title: version.title,
    purpose: version.purpose,
    version: version.version,
    fields: version.fields,
    status: submission?.status ?? null,
    answers: submission?.answers ?? {},
    returnMessage: submission?.status === 'returned' ? submission.return_message : null,
    submittedAt: submission?.submitted_at ?? null,
    isEditable: isEditable(submission?.status ?? null),
    requestMessage: resolved.requestMessage
  });
}

/**
 * Saves the household's answers as a draft (each value checked for its type; required fields may still
 * be empty) or submits them (everything checked; the status becomes 受付済み). A returned procedure is
 * corrected and submitted the same way. Problems come back per field, keyed by the control's name.
 */
export async function saveProcedureAnswers(app: App, actor: PersonActor, target: ProcedureTarget, input: Record<string, unknown>, mode: 'draft' | 'submit'): Promise<Result<{ status: SubmissionStatus; path: string }>> {
  const db = app.database.db;
  const resolved = await resolve(db, actor, target);
  if (!resolved) return failure(procedureErrors.notFound);
  const version = await currentVersion(db, actor.municipalityId, resolved.formId);
  return db.transaction().execute(async (trx) => {
    let submission = await findSubmission(trx, resolved, target, true);
    if (!submission) {
      if (!version) return failure(procedureErrors.notFound);
      await insertSubmission(trx, {
        municipalityId: actor.municipalityId,
        formId: resolved.formId,
        formVersionId: version.id,
        householdId: resolved.householdId,
        requestId: target.kind === 'request' ? target.requestId : null,
        subjectType: resolved.subjectType,
        subjectId: target.kind === 'item' ? target.subjectId : null,
        ruleKey: target.kind === 'item' ? target.ruleKey : null,
        occurrence: OCCURRENCE,
        createdBy: actor.userId
      });
      submission = await findSubmission(trx, resolved, target, true);
      if (!submission) return failure(procedureErrors.notFound);
    }
    if (!isEditable(submission.status)) return failure(procedureErrors.notEditable);
    const fields = (await findFormVersionById(trx, submission.form_version_id)).fields;
    const checked = checkAnswers(fields, readAnswers(fields, input), mode);
    if (Object.keys(checked.errors).length) {
      return failure(procedureErrors.invalidInput(Object.fromEntries(Object.entries(checked.errors).map(([id, key]) => [answerName(id), key]))));
    }
    if (mode === 'draft') {
      await saveSubmissionAnswers(trx, submission.id, { answers: checked.answers, status: submission.status === 'returned' ? 'returned' : 'draft' });
      return ok({ status: submission.status === 'returned' ? ('returned' as const) : ('draft' as const), path: targetPath(target) });
    }
    const noticeId = target.kind === 'item' ? await findItemNotice(trx, resolved.householdId, actor.userId, target.subjectId, target.ruleKey, OCCURRENCE) : null;
    await saveSubmissionAnswers(trx, submission.id, { answers: checked.answers, status: 'received', submittedBy: actor.userId, noticeId });
    await writeAudit(trx, actor, { action: 'submit', recordType: 'procedure_submission', recordId: submission.id });
    return ok({ status: 'received' as const, path: targetPath(target) });
  });
}

export interface MyProcedure {
  path: string;
  title: string;
  /** 'not_started': sent by the ward, nothing saved yet. */
  status: SubmissionStatus | 'not_started';
  source: 'request' | 'timeline';
  requestMessage: string | null;
  returnMessage: string | null;
  sentAt: Date | null;
  updatedAt: Date | null;
  submittedAt: Date | null;
}

/**
 * The household's procedures: everything the ward sent directly (started or not) and every procedure
 * started from the timeline, newest first. Only the household's guardians see them.
 */
export async function listMyProcedures(app: App, actor: PersonActor): Promise<MyProcedure[]> {
  const db = app.database.db;
  const household = await findHouseholdOf(db, actor.userId, actor.municipalityId);
  if (!household) return [];
  const [requests, submissions] = await Promise.all([listHouseholdRequests(db, household.id), listHouseholdSubmissions(db, household.id)]);
  const byRequest = new Map(submissions.filter((s) => s.request_id).map((s) => [s.request_id!, s]));
  const list: MyProcedure[] = requests.map((r) => {
    const s = byRequest.get(r.id);
    return {
      path: targetPath({ kind: 'request', requestId: r.id }),
      title: s?.title ?? r.title ?? '',
      status: s?.status ?? 'not_started',
      source: 'request',
      requestMessage: r.message,
      returnMessage: s?.status === 'returned' ? s.return_message : null,
      sentAt: r.created_at,
      updatedAt: s?.updated_at ?? null,
      submittedAt: s?.submitted_at ?? null
    };
  });
  for (const s of submissions) {
    if (!s.rule_key || !s.subject_id) continue;
    list.push({
      path: targetPath({ kind: 'item', subjectId: s.subject_id, ruleKey: s.rule_key }),
      title: s.title,
      status: s.status,
      source: 'timeline',
      requestMessage: null,
      returnMessage: s.status === 'returned' ? s.return_message : null,
      sentAt: null,
      updatedAt: s.updated_at,
      submittedAt: s.submitted_at
    });
  }
  return list;
}

export interface TimelineProcedures {
  /** Rule keys whose items offer a procedure (published forms only). */
  ruleKeys: string[];
  /** `${subjectId}:${ruleKey}` → status of what the household saved. */
  statuses: Record<string, SubmissionStatus>;
  /** Procedures the ward sent directly that are not complete yet. */
  open: MyProcedure[];
}

/** What the timeline shows about procedures: which items offer one, their status, and open requests. */
export async function listTimelineProcedures(app: App, actor: PersonActor): Promise<TimelineProcedures> {
  const db = app.database.db;
  const household = await findHouseholdOf(db, actor.userId, actor.municipalityId);
  if (!household) return { ruleKeys: [], statuses: {}, open: [] };
  const [links, submissions, mine] = await Promise.all([listRuleLinks(db, actor.municipalityId), listHouseholdSubmissions(db, household.id), listMyProcedures(app, actor)]);
  const statuses: Record<string, SubmissionStatus> = {};
  for (const s of submissions) if (s.rule_key && s.subject_id) statuses[`${s.subject_id}:${s.rule_key}`] = s.status;
  return {
    ruleKeys: links.filter((l) => l.published_version !== null).map((l) => l.rule_key),
    statuses,
    open: mine.filter((p) => p.source === 'request' && p.status !== 'done')
  };
}
