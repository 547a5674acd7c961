import type { App } from '../app.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { today } from '../platform/clock.ts';
import { addField, createForm, ensureBuiltInProcedures, openProcedure, publishForm, saveProcedureAnswers, sendProcedure, type StaffCaller } from '../procedures/index.ts';

/**
 * The demo ward's procedures: the built-in 妊娠後期面談アンケート on the 8th-month interview rule, and a
 * needs survey (子ども・子育て支援事業計画のニーズ調査) the ward sent to both demo families; 鈴木 美和 has
 * answered it, so the review queue is not empty.
 */
export async function seedDemoProcedures(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  await ensureBuiltInProcedures(app, municipalityId);
  if (!userIds.staff || !userIds.guardian || !userIds.otherGuardian) return;
  const staff: StaffCaller = { userId: userIds.staff, municipalityId, requestId: 'demo-seed', roles: await findActiveRoleAssignments(app.database.db, userIds.staff, municipalityId, today()) };
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
    if (!result.ok) throw new Error(`demo procedures: ${result.error.code}`);
    return result.value;
  };
  const { id: formId } = must(
    await createForm(app, staff, {
      title: '子育て支援サービスの利用希望アンケート',
      purpose: '区の子ども・子育て支援事業計画で、保育や一時預かりなどを必要な量だけ用意するために使います。集計した数だけを公表し、個人が分かる形では使いません。'
    })
  );
  must(await addField(app, staff, formId, { label: '今後利用したいサービス（あてはまるものすべて）', type: 'multiple_choice', options: '保育所・認定こども園\n一時預かり\nファミリー・サポート\n病児保育\n子育てひろば', required: 'on' }));
  must(await addField(app, staff, formId, { label: '保育の利用を始めたい時期', type: 'date', help: '予定がなければ空欄のままで構いません。' }));
  must(await addField(app, staff, formId, { label: 'ご意見・ご要望', type: 'long_text' }));
  must(await publishForm(app, staff, formId));
  const message = '区の計画づくりのため、ご協力をお願いします。';
  must(await sendProcedure(app, staff, formId, { email: 'hanako@sakura.example', message }));
  const { requestId } = must(await sendProcedure(app, staff, formId, { email: 'miwa@sakura.example', message }));
  const miwa = { userId: userIds.otherGuardian, municipalityId, requestId: 'demo-seed' };
  const { fields } = must(await openProcedure(app, miwa, { kind: 'request', requestId }));
  must(
    await saveProcedureAnswers(app, miwa, { kind: 'request', requestId }, { [`a_${fields[0]!.id}`]: ['一時預かり', '子育てひろば'], [`a_${fields[2]!.id}`]: '土曜日にも開いているひろばがあると助かります。' }, 'submit')
  );
}
