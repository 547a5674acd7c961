import type { App } from '../app.ts';
import type { RoleAssignment } from '../auth/roles.ts';
import { today } from '../platform/clock.ts';
import {
  listForumContacts,
  markQueuedPostHandled,
  replyPrivately,
  replyToThread,
  requestConsultation,
  saveContact,
  startThread,
  toggleWakaru,
  updateConsultationRequest,
  type ForumActor
} from '../forum/index.ts';

const role = (r: RoleAssignment['role'], scopeType: string | null = null, scopeId: string | null = null): RoleAssignment => ({
  id: `demo-${r}`,
  role: r,
  scopeType,
  scopeId,
  validFrom: today(),
  validTo: null
});

/**
 * さくら区's forum: the ward's own desk among the helplines, and a few public threads with answers
 * from other parents and from the ward's 保健師. Written by accounts the browser journeys do not post
 * with, so their new-account daily limits stay untouched.
 */
export async function seedDemoForum(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  const actor = (key: string, roles: RoleAssignment[] = []): ForumActor | undefined =>
    userIds[key] ? { userId: userIds[key], municipalityId, requestId: 'demo-seed', roles } : undefined;
  const staff = actor('staff', [role('ward_staff', 'department', 'kosodate')]);
  const nurse = actor('coordinator', [role('coordinator'), role('health_professional', 'qualification', '保健師')]);
  const miwa = actor('otherGuardian');
  const daisuke = actor('otherGuardian2');
  const yumi = actor('resident_a');
  const ken = actor('resident_b');
  if (!staff || !nurse || !miwa || !daisuke || !yumi || !ken) return;

  const ward = (await listForumContacts(app, municipalityId)).find((c) => c.categories.includes('ward'));
  if (ward) {
    const saved = await saveContact(
      app,
      staff,
      {
        name: 'さくら区 こども家庭センター（子育て支援課・保健センター）',
        phone: '03-0000-0000',
        hours: '平日 8時30分〜17時15分（夜間・休日は上の窓口へ）',
        description: '保健師・子育てコーディネーターがお話をうかがいます。来所・電話・訪問のどれでも大丈夫です。',
        categories: ward.categories
      },
      ward.id
    );
    if (!saved.ok) throw new Error(`demo forum contact: ${saved.error.code}`);
  }

  const post = async (writer: ForumActor, input: Record<string, string>) => {
    const result = await startThread(app, writer, input);
    if (!result.ok) throw new Error(`demo forum thread: ${result.error.code}`);
    return result.value;
  };
  const reply = async (writer: ForumActor, threadId: string, input: Record<string, string>) => {
    const result = await replyToThread(app, writer, threadId, input);
    if (!result.ok) throw new Error(`demo forum reply: ${result.error.code}`);
    return result.value;
  };

  const sleep = await post(miwa, {
    title: '3歳の寝かしつけに1時間以上かかります',
    body: '3歳の息子が、布団に入ってもなかなか寝ません。毎晩1時間以上かかり、私も疲れてしまいます。みなさんはどんなふうに寝かしつけていますか？',
    ageTopic: 'age_3_5',
    themeTopic: 'sleep',
    persona: 'mama'
  });
  const tip = await reply(yumi, sleep.threadId, { body: 'うちは寝る30分前にテレビを消して、絵本を2冊だけ読むと決めたら、少しずつ早くなりました。' });
  await reply(nurse, sleep.threadId, {
    body: '保健師です。3歳ごろは寝つくまでに時間がかかるお子さんも多いです。朝は決まった時間に起こして日光を浴びる、夕方以降の長いお昼寝を避ける、といった「朝から整える」工夫が役立つことがあります。お母さんが休めているかも大切なので、つらいときは保健センターにもご相談くださいね。',
    asProfessional: 'on'
  });
  await toggleWakaru(app, daisuke, sleep.postId);
  await toggleWakaru(app, ken, tip.postId);

  const food = await post(ken, {
    title: '離乳食を食べてくれないときは？',
    body: '生後9か月です。最近、離乳食を口に入れるとべーっと出してしまいます。無理に食べさせなくてもよいのでしょうか。',
    ageTopic: 'age_0',
    themeTopic: 'food',
    persona: 'papa'
  });
  await reply(daisuke, food.threadId, { body: 'うちもその時期がありました。手づかみで食べられるものにしたら、自分で食べたがるようになりましたよ。' });
  await reply(nurse, food.threadId, {
    body: '保健師です。食べムラはこの時期によくあることです。体重が順調に増えていれば、無理に食べさせなくて大丈夫です。食べる量が心配なときは、毎月の離乳食教室や乳児相談で一緒に確認しましょう。',
    asProfessional: 'on'
  });

  const work = await post(daisuke, {
    title: '復職後の保育園のお迎えに間に合いません',
    body: '4月から時短で復職します。お迎えに間に合わない日が出そうで不安です。区の制度で使えるものはありますか？',
    ageTopic: 'age_1_2',
    themeTopic: 'work',
    persona: 'papa'
  });
  await reply(nurse, work.threadId, {
    body: 'コーディネーターです。さくら区では、ファミリー・サポート・センターのお迎え支援や、延長保育が利用できます。申し込み方法は子育て支援課の窓口でご案内しますので、お気軽にお問い合わせください。',
    asProfessional: 'on'
  });
  await toggleWakaru(app, miwa, work.postId);

  await post(yumi, {
    title: '妊娠中の体重管理、どうしていますか',
    body: '妊娠6か月です。健診で体重が増えすぎと言われました。おやつをがまんするのがつらいです。',
    ageTopic: 'pregnancy',
    themeTopic: 'body',
    persona: 'mama'
  });

  // For the consoles: a post that was held for risk, answered privately, turned into a consultation
  // request (already contacted) and taken off the urgent queue; and a post a watched word holds for
  // the moderators.
  const held = await post(daisuke, {
    title: 'ひとりで育児をしていて限界です',
    body: '夫の帰りが毎日遅く、ひとりで育児をしています。もう限界で、消えたいと思うことがあります。',
    ageTopic: 'age_1_2',
    themeTopic: 'mind',
    persona: 'papa'
  });
  const offered = await replyPrivately(app, nurse, held.postId, {
    body: '保健師です。書いてくださってありがとうございます。よろしければ、お電話でゆっくりお話を聞かせてください。',
    offerConsultation: 'on'
  });
  if (!offered.ok) throw new Error(`demo forum private reply: ${offered.error.code}`);
  const request = await requestConsultation(
    app,
    daisuke,
    held.postId,
    { contactMethod: 'phone', contactDetail: '090-0000-0000', preferredTime: '平日の18時以降', consent: 'on' },
    '上の内容に同意して、個別の相談を申し込みます'
  );
  if (!request.ok) throw new Error(`demo forum consultation: ${request.error.code}`);
  const contacted = await updateConsultationRequest(app, nurse, request.value.id, { status: 'contacted', note: 'お電話でお話ししました。来週、ご自宅に伺います。' });
  if (!contacted.ok) throw new Error(`demo forum consultation update: ${contacted.error.code}`);
  const handled = await markQueuedPostHandled(app, nurse, held.postId, false);
  if (!handled.ok) throw new Error(`demo forum handled: ${handled.error.code}`);

  await post(ken, {
    title: '同じ月齢の子のパパ友がほしいです',
    body: '近所で同じくらいの子がいる方と知り合いたいです。よければLINE IDを交換しませんか。',
    ageTopic: 'age_0',
    themeTopic: 'other',
    persona: 'papa'
  });
}
