import sharp from 'sharp';
import type { App } from '../app.ts';
import { listMyOrganizations } from '../organizations/index.ts';
import { addPhoto } from './photos.service.ts';
import { createPost, publishPost } from './posts.service.ts';
import { applyForVolunteering } from './volunteers.service.ts';
import { replyAsOrganization, sendInquiry } from './inquiries.service.ts';

const noLink = (path: string) => `http://localhost:3000${path}`;

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }, what: string): T {
  if (!result.ok) throw new Error(`demo publishing: ${what}: ${result.error.code}`);
  return result.value;
}

/**
 * The demo's posts and messages: さくら子育てネットワーク ('demo-npo') has a published activity post
 * with a photo, a volunteer recruitment and a draft; a ward department has an official notice;
 * miwa@ has asked the NPO a question and got an answer, and applied as a volunteer; hanako@ has asked too.
 */
export async function seedDemoPublishing(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  const npo = { userId: userIds.org, municipalityId };
  const activity = must(
    await createPost(app, npo, 'demo-npo', {
      kind: 'activity',
      titleJa: '親子ひろば「さくらんぼ」のようす',
      bodyJa: '毎週水曜日の午前、本町コミュニティセンターで親子ひろばを開いています。\n今月は手形アートを楽しみました。初めての方もお気軽にどうぞ。',
      titleEn: 'Our parent-and-child drop-in "Sakuranbo"',
      bodyEn: 'Every Wednesday morning at the Honcho community centre. This month we made handprint art. Newcomers welcome.',
      titleEasy: 'おやこの ひろば「さくらんぼ」',
      bodyEasy: 'まいしゅう すいようびの あさ、ほんちょうの センターで ひらいて います。だれでも きて ください。'
    }),
    'activity post'
  );
  const picture = await sharp({ create: { width: 800, height: 520, channels: 3, background: { r: 250, g: 200, b: 210 } } })
    .composite([{ input: Buffer.from('<svg width="800" height="520"><circle cx="400" cy="260" r="180" fill="#f08ca0"/></svg>'), top: 0, left: 0 }])
    .jpeg()
    .toBuffer();
  must(await addPhoto(app, npo, 'demo-npo', activity.id, { altText: 'ピンク色の丸い模様の飾り（手形アートの作品展示）', file: new Blob([new Uint8Array(picture)], { type: 'image/jpeg' }) }), 'photo');
  must(await publishPost(app, npo, 'demo-npo', activity.id), 'publish activity');

  const volunteer = must(
    await createPost(app, npo, 'demo-npo', {
      kind: 'volunteer',
      titleJa: '夏まつりのボランティアを募集します',
      bodyJa: '8月の親子夏まつりで、受付と遊びコーナーを手伝ってくださる方を募集しています。',
      volunteerRoles: '受付、遊びコーナーの見守り',
      volunteerDates: '8月23日（土）9時〜13時',
      volunteerRequirements: '高校生以上。事前説明会（オンライン30分）に参加できる方'
    }),
    'volunteer post'
  );
  must(await publishPost(app, npo, 'demo-npo', volunteer.id), 'publish volunteer');
  must(await createPost(app, npo, 'demo-npo', { kind: 'news', titleJa: '秋の子育て講座（下書き）', bodyJa: '日程を調整中です。' }), 'draft');

  // An official notice from the first department the ward's publisher owns.
  const publisher = { userId: userIds.wardPublisher, municipalityId };
  const department = (await listMyOrganizations(app, publisher)).find((o) => o.type === 'ward_department' && o.status === 'verified');
  if (!department) throw new Error('demo publishing: the ward publisher owns no official organization');
  const notice = must(
    await createPost(app, publisher, department.id, {
      kind: 'news',
      titleJa: '乳幼児健診の会場が変わります',
      bodyJa: '来月から、乳幼児健診の会場をさくら区保健センター2階に移します。',
      titleEasy: 'けんしんの ばしょが かわります',
      bodyEasy: 'らいげつから、あかちゃんの けんしんは ほけんセンターの 2かいです。'
    }),
    'official notice'
  );
  must(await publishPost(app, publisher, department.id, notice.id), 'publish notice');

  const miwa = { userId: userIds.otherGuardian, municipalityId };
  const thread = must(await sendInquiry(app, miwa, 'demo-npo', { subject: '親子ひろばの持ち物', body: '初めて参加します。持ち物はありますか？' }, noLink), 'inquiry');
  must(await replyAsOrganization(app, npo, 'demo-npo', thread.id, { body: '飲み物とタオルをお持ちください。お待ちしています。' }, noLink), 'reply');
  const hanako = { userId: userIds.guardian, municipalityId };
  must(await sendInquiry(app, hanako, 'demo-npo', { subject: '一時預かりについて', body: '1歳の子の一時預かりはできますか？' }, noLink), 'second inquiry');
  must(await applyForVolunteering(app, miwa, 'demo-npo', volunteer.id, { message: '受付をお手伝いできます。' }, noLink), 'application');
}
