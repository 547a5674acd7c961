import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addDays, setClock, today } from '../platform/clock.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addPregnancy, createHousehold, type PersonActor } from '../households/index.ts';
import { planNotices } from '../guidance/index.ts';
import {
  addField,
  createForm,
  getFormForStaff,
  getProcedureKpi,
  getSubmissionForStaff,
  listFormsForStaff,
  listMyProcedures,
  listReviewQueue,
  listTimelineProcedures,
  moveField,
  openProcedure,
  publishForm,
  removeField,
  reviewSubmission,
  saveProcedureAnswers,
  sendProcedure,
  setRuleProcedure,
  updateField,
  type ProcedureTarget,
  type StaffCaller
} from './index.ts';

const RULE = 'interview.pregnancy.eighth-month';

let app: TestApp;
let municipalityId: string;
let userIds: Record<string, string>;
let districtId: string;
let staff: StaffCaller;
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds } = await seedWard(app));
  districtId = (await listDistricts(app.database.db, municipalityId))[0]!.id;
  staff = { userId: userIds.staff, municipalityId, requestId: 'staff', roles: await findActiveRoleAssignments(app.database.db, userIds.staff, municipalityId, today()) };
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

/** A fresh household with a pregnancy in week 30 (the 8th-month interview is due). */
async function pregnantFamily(): Promise<{ actor: PersonActor; email: string; target: ProcedureTarget }> {
  counter += 1;
  const email = `proc${counter}@example.jp`;
  const userId = await createPerson(app, municipalityId, email, `保護者 ${counter}`);
  const actor = { userId, municipalityId, requestId: `req-${counter}` };
  const created = await createHousehold(app, actor, { districtId });
  if (!created.ok) throw new Error(created.error.code);
  const pregnancy = await addPregnancy(app, actor, { basis: 'due_date', dueDate: addDays(today(), 70), weeks: '', days: '', fetusCount: '1' });
  if (!pregnancy.ok) throw new Error(pregnancy.error.code);
  return { actor, email, target: { kind: 'item', subjectId: pregnancy.value.id, ruleKey: RULE } };
}

const COMPLETE = {
  a_delivery_place: 'さくら総合病院',
  a_satogaeri: 'no',
  a_support_at_home: ['配偶者・パートナー', '自分の親'],
  a_worries: ['赤ちゃんのお世話・授乳'],
  a_wish_interview: 'yes',
  a_interview_date: '2026-07-01',
  a_free_text: ''
};

describe('the built-in 妊娠後期面談アンケート', () => {
  it('is offered on the 8th-month interview item of a pregnancy in week 30, with its purpose of use', async () => {
    const { actor, target } = await pregnantFamily();
    const timeline = await listTimelineProcedures(app, actor);
    expect(timeline.ruleKeys).toContain(RULE);
    const view = await openProcedure(app, actor, target);
    expect(view.ok && view.value).toMatchObject({ title: '妊娠後期面談アンケート', version: 1, status: null, isEditable: true });
    expect(view.ok && view.value.purpose).toContain('保健師・助産師が確認します');
  });
});

describe('a guardian fills a procedure', () => {
  it('saves an incomplete draft, is told what is missing on submit, then submits; staff return it, the guardian corrects and resubmits, staff complete it', async () => {
    const { actor, target } = await pregnantFamily();
    const draft = await saveProcedureAnswers(app, actor, target, { a_delivery_place: 'さくら総合病院' }, 'draft');
    expect(draft.ok && draft.value.status).toBe('draft');
    expect((await listTimelineProcedures(app, actor)).statuses[`${target.kind === 'item' && target.subjectId}:${RULE}`]).toBe('draft');

    const incomplete = await saveProcedureAnswers(app, actor, target, { a_delivery_place: 'さくら総合病院', a_wish_interview: 'yes' }, 'submit');
    expect(!incomplete.ok && incomplete.error.fields).toEqual({ a_satogaeri: 'procedures_error_choose', a_support_at_home: 'procedures_error_choose' });
    const kept = await openProcedure(app, actor, target);
    expect(kept.ok && kept.value.answers).toEqual({ delivery_place: 'さくら総合病院', satogaeri: '', support_at_home: [], worries: [], postnatal_care: '', wish_interview: '', free_text: '' });

    const sent = await saveProcedureAnswers(app, actor, target, COMPLETE, 'submit');
    expect(sent.ok ? sent.value.status : sent.error).toBe('received');
    const afterSend = await saveProcedureAnswers(app, actor, target, COMPLETE, 'draft');
    expect(!afterSend.ok && afterSend.error.code).toBe('procedures.not_editable');

    const queue = await listReviewQueue(app, staff, 'received');
    const entry = queue.ok ? queue.value.entries.find((e) => e.title === '妊娠後期面談アンケート') : undefined;
    expect(entry).toBeDefined();
    const opened = await getSubmissionForStaff(app, staff, entry!.id);
    expect(opened.ok && opened.value.answers).toMatchObject({ delivery_place: 'さくら総合病院', wish_interview: 'yes', interview_date: '2026-07-01' });
    const audited = await app.database.db.selectFrom('audit_log').select('action').where('record_id', '=', entry!.id).where('actor_user_id', '=', staff.userId).execute();
    expect(audited.map((a) => a.action)).toContain('read');

    expect((await reviewSubmission(app, staff, entry!.id, 'in_review', {})).ok).toBe(true);
    const noMessage = await reviewSubmission(app, staff, entry!.id, 'return', { message: ' ' });
    expect(!noMessage.ok && noMessage.error.fields).toEqual({ message: 'procedures_error_message_required' });
    expect((await reviewSubmission(app, staff, entry!.id, 'return', { message: '出産予定の病院名を正式名称で書いてください。' })).ok).toBe(true);

    const returned = await openProcedure(app, actor, target);
    expect(returned.ok && returned.value).toMatchObject({ status: 'returned', returnMessage: '出産予定の病院名を正式名称で書いてください。', isEditable: true });
    const resent = await saveProcedureAnswers(app, actor, target, { ...COMPLETE, a_delivery_place: '医療法人さくら会 さくら総合病院' }, 'submit');
    expect(resent.ok && resent.value.status).toBe('received');
    expect((await reviewSubmission(app, staff, entry!.id, 'done', {})).ok).toBe(true);
    const done = await openProcedure(app, actor, target);
    expect(done.ok && done.value).toMatchObject({ status: 'done', isEditable: false, answers: { delivery_place: '医療法人さくら会 さくら総合病院' } });
    // completing twice is refused
    expect((await reviewSubmission(app, staff, entry!.id, 'done', {})).ok).toBe(false);
    expect((await listMyProcedures(app, actor)).map((p) => p.status)).toEqual(['done']);
  });
});

describe('who may see and act', () => {
  it('another household can neither read nor submit a household’s procedure, and its list stays empty', async () => {
    const { actor, target } = await pregnantFamily();
    await saveProcedureAnswers(app, actor, target, COMPLETE, 'submit');
    const other = await pregnantFamily();
    expect((await openProcedure(app, other.actor, target)).ok).toBe(false);
    const foreign = await saveProcedureAnswers(app, other.actor, target, COMPLETE, 'submit');
    expect(!foreign.ok && foreign.error.status).toBe(404);
    expect(await listMyProcedures(app, other.actor)).toEqual([]);
  });

  it('only ward staff may build, review or read answers', async () => {
    const guardian: StaffCaller = { userId: userIds.guardian, municipalityId, roles: [] };
    expect((await listFormsForStaff(app, guardian)).ok).toBe(false);
    expect((await createForm(app, guardian, { title: 't', purpose: 'p' })).ok).toBe(false);
    expect((await listReviewQueue(app, guardian, 'received')).ok).toBe(false);
    const coordinator: StaffCaller = { userId: userIds.coordinator, municipalityId, roles: await findActiveRoleAssignments(app.database.db, userIds.coordinator, municipalityId, today()) };
    expect((await getProcedureKpi(app, coordinator, 2026)).ok).toBe(false);
  });
});

describe('staff build a form', () => {
  it('refuses a マイナンバー field with a message beside the label, and a choice without choices', async () => {
    const form = await createForm(app, staff, { title: '転入時アンケート', purpose: '転入後の案内に使います。' });
    if (!form.ok) throw new Error(form.error.code);
    const myNumber = await addField(app, staff, form.value.id, { label: 'マイナンバー（個人番号）', type: 'text' });
    expect(!myNumber.ok && myNumber.error.fields).toEqual({ label: 'procedures_error_my_number_field' });
    const noOptions = await addField(app, staff, form.value.id, { label: '希望', type: 'single_choice', options: 'ひとつ' });
    expect(!noOptions.ok && noOptions.error.fields).toEqual({ options: 'procedures_error_options_count' });
    expect((await publishForm(app, staff, form.value.id)).ok).toBe(false);
  });

  it('keeps what a household already sent on the version it answered when a published form is edited', async () => {
    const form = await createForm(app, staff, { title: '子育て世帯アンケート', purpose: '区の事業の改善に使います。' });
    if (!form.ok) throw new Error(form.error.code);
    const formId = form.value.id;
    await addField(app, staff, formId, { label: '困っていること', type: 'text', required: 'on' });
    await addField(app, staff, formId, { label: '相談したい', type: 'yes_no' });
    let detail = await getFormForStaff(app, staff, formId);
    const [first, second] = detail.ok ? detail.value.fields : [];
    await addField(app, staff, formId, { label: '相談の方法', type: 'single_choice', options: '電話\n面談', showIfField: second!.id, showIfValue: 'yes' });
    expect((await publishForm(app, staff, formId)).ok && true).toBe(true);

    const { actor, email } = await pregnantFamily();
    const sent = await sendProcedure(app, staff, formId, { email, message: '来月までにご回答ください。' });
    if (!sent.ok) throw new Error(sent.error.code);
    expect(app.sentMail.at(-1)).toMatchObject({ to: email });
    // The mail opens the notice through the inbox, which leads on to the request.
    expect(app.sentMail.at(-1)?.text).toContain('/inbox/');
    const notice = await app.database.db.selectFrom('notification').select(['link', 'source']).where('user_id', '=', actor.userId).where('source', '=', 'procedures').executeTakeFirstOrThrow();
    expect(notice.link).toBe(`/procedures/requests/${sent.value.requestId}`);
    const target: ProcedureTarget = { kind: 'request', requestId: sent.value.requestId };
    expect((await listMyProcedures(app, actor))[0]).toMatchObject({ status: 'not_started', requestMessage: '来月までにご回答ください。', title: '子育て世帯アンケート' });
    const answered = await saveProcedureAnswers(app, actor, target, { [`a_${first!.id}`]: '保育園', [`a_${second!.id}`]: 'no' }, 'submit');
    expect(answered.ok).toBe(true);

    // staff change the form: a field renamed, one moved, one removed, and publish version 2
    await updateField(app, staff, formId, first!.id, { label: '困っていること（自由に）', type: 'long_text' });
    await moveField(app, staff, formId, second!.id, 'up');
    detail = await getFormForStaff(app, staff, formId);
    expect(detail.ok && detail.value.fields.map((f) => f.label)).toEqual(['相談したい', '困っていること（自由に）', '相談の方法']);
    await removeField(app, staff, formId, second!.id);
    detail = await getFormForStaff(app, staff, formId);
    // the condition on the removed field goes with it
    expect(detail.ok && detail.value.fields.map((f) => [f.label, f.showIf])).toEqual([
      ['困っていること（自由に）', null],
      ['相談の方法', null]
    ]);
    expect((await publishForm(app, staff, formId)).ok && true).toBe(true);

    const view = await openProcedure(app, actor, target);
    expect(view.ok && view.value).toMatchObject({ version: 1, answers: { [first!.id]: '保育園', [second!.id]: 'no' } });
    expect(view.ok && view.value.fields.map((f) => f.label)).toEqual(['困っていること', '相談したい', '相談の方法']);
  });

  it('attaches only a published form of the ward to a rule', async () => {
    const form = await createForm(app, staff, { title: '未公開', purpose: '目的' });
    if (!form.ok) throw new Error(form.error.code);
    const refused = await setRuleProcedure(app, staff, 'checkup.infant.1m', form.value.id);
    expect(!refused.ok && refused.error.fields).toEqual({ procedureId: 'procedures_error_not_published' });
    expect((await setRuleProcedure(app, staff, 'no.such.rule', '')).ok).toBe(false);
  });
});

describe('the KPI per rule and fiscal year', () => {
  it('counts notices sent and opened, procedures completed and bookings made from them, by the fiscal year the notice was sent', async () => {
    const db = app.database.db;
    // Three households get the 8th-month notice today (FY2026); one opens it and completes the procedure.
    const families = [await pregnantFamily(), await pregnantFamily(), await pregnantFamily()];
    await sql`delete from guidance_notice where rule_key = ${RULE}`.execute(db);
    await planNotices(db, municipalityId, today());
    // Households of the other tests are pregnant too: keep only these three families' notices.
    await db.deleteFrom('guidance_notice').where('rule_key', '=', RULE).where('user_id', 'not in', families.map((f) => f.actor.userId)).execute();
    const notices = await db.selectFrom('guidance_notice').select(['id', 'user_id']).where('rule_key', '=', RULE).execute();
    expect(notices).toHaveLength(3);
    const [first, second] = families;
    const noticeOf = (userId: string) => notices.find((n) => n.user_id === userId)!.id;
    await db.updateTable('guidance_notice').set({ read_at: new Date() }).where('id', 'in', [noticeOf(first!.actor.userId), noticeOf(second!.actor.userId)]).execute();
    await saveProcedureAnswers(app, first!.actor, first!.target, COMPLETE, 'submit');
    await saveProcedureAnswers(app, second!.actor, second!.target, COMPLETE, 'submit');
    const queue = await listReviewQueue(app, staff, 'received');
    const ids = queue.ok ? queue.value.entries.map((e) => e.id) : [];
    const firstSubmission = await db.selectFrom('procedure_submission').select('id').where('notice_id', '=', noticeOf(first!.actor.userId)).executeTakeFirstOrThrow();
    expect(ids).toContain(firstSubmission.id);
    await reviewSubmission(app, staff, firstSubmission.id, 'done', {});
    // the second stays received: not completed. A booking made from the third notice counts as an application.
    const slot = await db.selectFrom('booking_slot').select(['id', 'service_id']).executeTakeFirstOrThrow();
    const household = await db.selectFrom('household_guardian').select('household_id').where('user_id', '=', families[2]!.actor.userId).executeTakeFirstOrThrow();
    await db
      .insertInto('booking')
      .values({ municipality_id: municipalityId, slot_id: slot.id, service_id: slot.service_id, household_id: household.household_id, booked_by: families[2]!.actor.userId, seats: 1, status: 'confirmed', channel: 'web', notice_id: noticeOf(families[2]!.actor.userId) })
      .execute();
    // A notice sent on 31 March belongs to the fiscal year before.
    await db
      .insertInto('guidance_notice')
      .values({ municipality_id: municipalityId, user_id: userIds.guardian, household_id: household.household_id, subject_type: 'pregnancy', subject_id: families[2]!.target.kind === 'item' ? families[2]!.target.subjectId : '', rule_key: RULE, occurrence: 2, rule_version: 1, window_start: '2026-03-01', planned_on: '2026-03-31' })
      .execute();

    const kpi = await getProcedureKpi(app, staff, 2026);
    if (!kpi.ok) throw new Error(kpi.error.code);
    expect(kpi.value.rules.find((r) => r.ruleKey === RULE)).toEqual({
      ruleKey: RULE,
      title: '妊娠8か月ごろのアンケート・面談',
      sent: 3,
      opened: 2,
      proceduresCompleted: 1,
      bookings: 1,
      completedPerNotice: 0.667
    });
    const before = await getProcedureKpi(app, staff, 2025);
    expect(before.ok && before.value.rules.find((r) => r.ruleKey === RULE)).toMatchObject({ sent: 1, opened: 0, proceduresCompleted: 0, bookings: 0, completedPerNotice: 0 });
  });
});
