import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Answers, FormField } from './procedure-fields.ts';
import type { SubmissionStatus } from './procedures.table.ts';

// ── forms ────────────────────────────────────────────────────────────────────────────────────────

const formColumns = ['f.id', 'f.builtin_key', 'f.title', 'f.purpose', 'f.fields', 'f.published_version', 'f.updated_at'] as const;

export async function insertForm(db: Db, municipalityId: string, form: { title: string; purpose: string; fields: FormField[]; builtinKey?: string; createdBy: string | null }) {
  return db
    .insertInto('procedure_form')
    .values({ municipality_id: municipalityId, title: form.title, purpose: form.purpose, fields: JSON.stringify(form.fields), builtin_key: form.builtinKey ?? null, created_by: form.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findForm(db: Db, municipalityId: string, formId: string) {
  return db.selectFrom('procedure_form as f').select(formColumns).where('f.municipality_id', '=', municipalityId).where('f.id', '=', formId).executeTakeFirst();
}

export async function lockForm(db: Db, municipalityId: string, formId: string) {
  return db.selectFrom('procedure_form as f').select(formColumns).where('f.municipality_id', '=', municipalityId).where('f.id', '=', formId).forUpdate().executeTakeFirst();
}

export async function findBuiltInForm(db: Db, municipalityId: string, builtinKey: string) {
  return db.selectFrom('procedure_form as f').select(formColumns).where('f.municipality_id', '=', municipalityId).where('f.builtin_key', '=', builtinKey).executeTakeFirst();
}

export async function listForms(db: Db, municipalityId: string) {
  return db.selectFrom('procedure_form as f').select(formColumns).where('f.municipality_id', '=', municipalityId).orderBy('f.created_at').orderBy('f.id').execute();
}

export async function updateFormDraft(db: Db, municipalityId: string, formId: string, draft: { title?: string; purpose?: string; fields?: FormField[] }) {
  await db
    .updateTable('procedure_form')
    .set({
      ...(draft.title !== undefined ? { title: draft.title } : {}),
      ...(draft.purpose !== undefined ? { purpose: draft.purpose } : {}),
      ...(draft.fields !== undefined ? { fields: JSON.stringify(draft.fields) } : {}),
      updated_at: sql`now()`
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', formId)
    .execute();
}

export async function insertFormVersion(db: Db, formId: string, version: { version: number; title: string; purpose: string; fields: FormField[]; publishedBy: string | null }) {
  await db
    .insertInto('procedure_form_version')
    .values({ form_id: formId, version: version.version, title: version.title, purpose: version.purpose, fields: JSON.stringify(version.fields), published_by: version.publishedBy })
    .execute();
  await db.updateTable('procedure_form').set({ published_version: version.version }).where('id', '=', formId).execute();
}

const versionColumns = ['v.id', 'v.form_id', 'v.version', 'v.title', 'v.purpose', 'v.fields'] as const;

export async function findFormVersion(db: Db, formId: string, version: number) {
  return db.selectFrom('procedure_form_version as v').select(versionColumns).where('v.form_id', '=', formId).where('v.version', '=', version).executeTakeFirst();
}

export async function findFormVersionById(db: Db, versionId: string) {
  return db.selectFrom('procedure_form_version as v').select(versionColumns).where('v.id', '=', versionId).executeTakeFirstOrThrow();
}

// ── rule links ───────────────────────────────────────────────────────────────────────────────────

export async function upsertRuleLink(db: Db, municipalityId: string, ruleKey: string, formId: string, linkedBy: string | null) {
  await db
    .insertInto('procedure_rule_link')
    .values({ municipality_id: municipalityId, rule_key: ruleKey, form_id: formId, linked_by: linkedBy })
    .onConflict((oc) => oc.columns(['municipality_id', 'rule_key']).doUpdateSet({ form_id: formId, linked_by: linkedBy, linked_at: sql`now()` }))
    .execute();
}

export async function deleteRuleLink(db: Db, municipalityId: string, ruleKey: string) {
  await db.deleteFrom('procedure_rule_link').where('municipality_id', '=', municipalityId).where('rule_key', '=', ruleKey).execute();
}

export async function listRuleLinks(db: Db, municipalityId: string) {
  return db
    .selectFrom('procedure_rule_link as l')
    .innerJoin('procedure_form as f', 'f.id', 'l.form_id')
    .select(['l.rule_key', 'l.form_id', 'f.title', 'f.published_version'])
    .where('l.municipality_id', '=', municipalityId)
    .execute();
}

export async function findRuleLink(db: Db, municipalityId: string, ruleKey: string) {
  return db.selectFrom('procedure_rule_link').select(['form_id']).where('municipality_id', '=', municipalityId).where('rule_key', '=', ruleKey).executeTakeFirst();
}

/** The subject of a guidance rule (child or pregnancy), to check an item's subject type. */
export async function findRuleSubject(db: Db, municipalityId: string, ruleKey: string) {
  return db.selectFrom('guidance_rule').select(['subject', 'content']).where('municipality_id', '=', municipalityId).where('rule_key', '=', ruleKey).executeTakeFirst();
}

// ── people and households ────────────────────────────────────────────────────────────────────────

export async function findHouseholdOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('household_guardian as g')
    .innerJoin('household as h', 'h.id', 'g.household_id')
    .select(['h.id'])
    .where('g.user_id', '=', userId)
    .where('g.removed_at', 'is', null)
    .where('h.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function findPersonByEmail(db: Db, municipalityId: string, email: string) {
  return db
    .selectFrom('user as u')
    .innerJoin('household_guardian as g', (j) => j.onRef('g.user_id', '=', 'u.id').on('g.removed_at', 'is', null))
    .innerJoin('household as h', 'h.id', 'g.household_id')
    .select(['u.id as user_id', 'h.id as household_id'])
    .where(sql<string>`lower(u.email)`, '=', email)
    .where('h.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Where to tell a person: their address, name and whether they accept email. */
export async function listActiveGuardians(db: Db, householdId: string) {
  return db.selectFrom('household_guardian').select('user_id').where('household_id', '=', householdId).where('removed_at', 'is', null).execute();
}

export async function findHouseholdSubject(db: Db, householdId: string, subjectId: string): Promise<'child' | 'pregnancy' | undefined> {
  const child = await db.selectFrom('child').select('id').where('household_id', '=', householdId).where('id', '=', subjectId).executeTakeFirst();
  if (child) return 'child';
  const pregnancy = await db.selectFrom('pregnancy').select('id').where('household_id', '=', householdId).where('id', '=', subjectId).executeTakeFirst();
  return pregnancy ? 'pregnancy' : undefined;
}

/** The notice that told this household about this item: the submitter's own first, else another guardian's. */
export async function findItemNotice(db: Db, householdId: string, userId: string, subjectId: string, ruleKey: string, occurrence: number) {
  const row = await db
    .selectFrom('guidance_notice')
    .select('id')
    .where('household_id', '=', householdId)
    .where('subject_id', '=', subjectId)
    .where('rule_key', '=', ruleKey)
    .where('occurrence', '=', occurrence)
    .orderBy(sql`case when user_id = ${userId} then 0 else 1 end`)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export async function insertRequest(db: Db, request: { municipalityId: string; formId: string; householdId: string; userId: string; message: string | null; sentBy: string }) {
  return db
    .insertInto('procedure_request')
    .values({ municipality_id: request.municipalityId, form_id: request.formId, household_id: request.householdId, user_id: request.userId, message: request.message, sent_by: request.sentBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findHouseholdRequest(db: Db, householdId: string, requestId: string) {
  return db.selectFrom('procedure_request').select(['id', 'form_id', 'message', 'created_at']).where('household_id', '=', householdId).where('id', '=', requestId).executeTakeFirst();
}

export async function listHouseholdRequests(db: Db, householdId: string) {
  return db
    .selectFrom('procedure_request as r')
    .innerJoin('procedure_form as f', 'f.id', 'r.form_id')
    .leftJoin('procedure_form_version as v', (j) => j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.published_version'))
    .select(['r.id', 'r.form_id', 'r.message', 'r.created_at', 'v.title'])
    .where('r.household_id', '=', householdId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

// ── submissions ──────────────────────────────────────────────────────────────────────────────────

const submissionColumns = [
  's.id',
  's.form_id',
  's.form_version_id',
  's.household_id',
  's.request_id',
  's.subject_type',
  's.subject_id',
  's.rule_key',
  's.occurrence',
  's.status',
  's.answers',
  's.return_message',
  's.submitted_at',
  's.updated_at',
  's.completed_at'
] as const;

export async function findRequestSubmission(db: Db, requestId: string, lock = false) {
  const query = db.selectFrom('procedure_submission as s').select(submissionColumns).where('s.request_id', '=', requestId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function findItemSubmission(db: Db, householdId: string, subjectId: string, ruleKey: string, occurrence: number, lock = false) {
  const query = db
    .selectFrom('procedure_submission as s')
    .select(submissionColumns)
    .where('s.household_id', '=', householdId)
    .where('s.subject_id', '=', subjectId)
    .where('s.rule_key', '=', ruleKey)
    .where('s.occurrence', '=', occurrence);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertSubmission(
  db: Db,
  row: {
    municipalityId: string;
    formId: string;
    formVersionId: string;
    householdId: string;
    requestId: string | null;
    subjectType: 'child' | 'pregnancy' | null;
    subjectId: string | null;
    ruleKey: string | null;
    occurrence: number;
    createdBy: string;
  }
) {
  // A concurrent first save of the same item by the other guardian: the unique index keeps one row.
  await db
    .insertInto('procedure_submission')
    .values({
      municipality_id: row.municipalityId,
      form_id: row.formId,
      form_version_id: row.formVersionId,
      household_id: row.householdId,
      request_id: row.requestId,
      subject_type: row.subjectType,
      subject_id: row.subjectId,
      rule_key: row.ruleKey,
      occurrence: row.occurrence,
      status: 'draft',
      answers: JSON.stringify({}),
      created_by: row.createdBy
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function saveSubmissionAnswers(db: Db, submissionId: string, change: { answers: Answers; status: SubmissionStatus; submittedBy?: string; noticeId?: string | null }) {
  await db
    .updateTable('procedure_submission')
    .set({
      answers: JSON.stringify(change.answers),
      status: change.status,
      updated_at: sql`now()`,
      ...(change.submittedBy ? { submitted_by: change.submittedBy, submitted_at: sql`now()` } : {}),
      ...(change.noticeId !== undefined ? { notice_id: change.noticeId } : {})
    })
    .where('id', '=', submissionId)
    .execute();
}

export async function listHouseholdSubmissions(db: Db, householdId: string) {
  return db
    .selectFrom('procedure_submission as s')
    .innerJoin('procedure_form_version as v', 'v.id', 's.form_version_id')
    .select([...submissionColumns, 'v.title'])
    .where('s.household_id', '=', householdId)
    .orderBy('s.updated_at', 'desc')
    .execute();
}

export async function listQueue(db: Db, municipalityId: string, statuses: SubmissionStatus[]) {
  return db
    .selectFrom('procedure_submission as s')
    .innerJoin('procedure_form_version as v', 'v.id', 's.form_version_id')
    .select(['s.id', 's.status', 's.submitted_at', 's.updated_at', 's.rule_key', 's.request_id', 'v.title', 'v.version'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.status', 'in', statuses)
    .orderBy('s.submitted_at')
    .orderBy('s.id')
    .execute();
}

export async function countQueue(db: Db, municipalityId: string) {
  return db
    .selectFrom('procedure_submission')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .where('municipality_id', '=', municipalityId)
    .where('status', '<>', 'draft')
    .groupBy('status')
    .execute();
}

export async function findSubmissionForStaff(db: Db, municipalityId: string, submissionId: string, lock = false) {
  const query = db
    .selectFrom('procedure_submission as s')
    .innerJoin('procedure_form_version as v', 'v.id', 's.form_version_id')
    .select([...submissionColumns, 's.submitted_by', 'v.title', 'v.version', 'v.fields'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.id', '=', submissionId)
    .where('s.status', '<>', 'draft');
  return (lock ? query.forUpdate(['s']) : query).executeTakeFirst();
}

export async function setSubmissionStatus(db: Db, submissionId: string, change: { status: SubmissionStatus; reviewedBy: string; returnMessage?: string | null }) {
  await db
    .updateTable('procedure_submission')
    .set({
      status: change.status,
      reviewed_by: change.reviewedBy,
      reviewed_at: sql`now()`,
      updated_at: sql`now()`,
      ...(change.returnMessage !== undefined ? { return_message: change.returnMessage } : {}),
      ...(change.status === 'done' ? { completed_at: sql`now()` } : {})
    })
    .where('id', '=', submissionId)
    .execute();
}

// ── KPI ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Per rule, for the notices planned in [from, to): sent, opened, procedures completed from them (a done
 * submission recording the notice) and bookings made from them (booking.notice_id is the notice id).
 */
export async function countRuleOutcomes(db: Db, municipalityId: string, from: string, to: string) {
  const result = await sql<{ rule_key: string; sent: number; opened: number; completed: number; booked: number }>`
    select n.rule_key,
      count(*)::int as sent,
      count(n.read_at)::int as opened,
      count(*) filter (where exists (
        select 1 from procedure_submission s where s.notice_id = n.id and s.status = 'done'))::int as completed,
      coalesce(sum((select count(*) from booking b where b.notice_id = n.id::text)), 0)::int as booked
    from guidance_notice n
    where n.municipality_id = ${municipalityId} and n.planned_on >= ${from} and n.planned_on < ${to}
    group by n.rule_key`.execute(db);
  return result.rows;
}
