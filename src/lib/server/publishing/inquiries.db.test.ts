import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import {
  applyForVolunteering,
  blockOrganization,
  closeInquiryAsOrganization,
  closeInquiryAsResident,
  createPost,
  decideApplication,
  getMyInquiry,
  getOrganizationInquiry,
  listMyApplications,
  listMyInquiries,
  listOrganizationInquiries,
  listVolunteerApplications,
  publishPost,
  replyAsOrganization,
  replyAsResident,
  sendInquiry,
  unblockOrganization
} from './index.ts';
import { NEWS, linkFor, openWorld, type World } from './publishing.test-world.ts';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await openTestApp();
  world = await openWorld(app);
});
afterAll(() => app.stop());

const mailsTo = (email: string, from: number) => app.sentMail.slice(from).filter((m) => m.to === email);

describe('inquiries', () => {
  it('a resident asks, the organization replies, both see the thread and are told, and either side can close it', async () => {
    const org = await world.organization();
    const resident = await world.person('resident');
    let mark = app.sentMail.length;
    const sent = await sendInquiry(app, resident, org.id, { subject: '見学できますか', body: '来週の見学は可能でしょうか。', eventId: 'evt-2026-07' }, linkFor);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const ownerEmail = org.owner.email;
    expect(mailsTo(ownerEmail, mark)[0].text).toContain(`/org/${org.id}/inquiries/${sent.value.id}`);

    mark = app.sentMail.length;
    expect((await replyAsOrganization(app, org.editor, org.id, sent.value.id, { body: 'はい、火曜日にどうぞ。' }, linkFor)).ok).toBe(true);
    expect(mailsTo(resident.email, mark)[0].text).toContain(`/family/inquiries/${sent.value.id}`);
    const viewerReply = await replyAsOrganization(app, org.viewer, org.id, sent.value.id, { body: '閲覧者です' }, linkFor);
    expect(viewerReply.ok || viewerReply.error.code).toBe('publishing.editors_only');

    mark = app.sentMail.length;
    expect((await replyAsResident(app, resident, sent.value.id, { body: 'ありがとうございます。' }, linkFor)).ok).toBe(true);
    expect(mailsTo(ownerEmail, mark)).toHaveLength(1);

    const mine = await getMyInquiry(app, resident, sent.value.id);
    expect(mine.ok && mine.value.messages.map((m) => [m.side, m.body])).toEqual([
      ['resident', '来週の見学は可能でしょうか。'],
      ['organization', 'はい、火曜日にどうぞ。'],
      ['resident', 'ありがとうございます。']
    ]);
    expect(mine.ok && mine.value.eventId).toBe('evt-2026-07');
    const theirs = await getOrganizationInquiry(app, org.viewer, org.id, sent.value.id);
    expect(theirs.ok && theirs.value.messages).toHaveLength(3);

    expect((await closeInquiryAsOrganization(app, org.owner, org.id, sent.value.id, linkFor)).ok).toBe(true);
    const late = await replyAsResident(app, resident, sent.value.id, { body: 'もう一つ' }, linkFor);
    expect(late.ok || late.error.code).toBe('publishing.thread_closed');

    const second = await sendInquiry(app, resident, org.id, { subject: '別件', body: '持ち物は？' }, linkFor);
    if (!second.ok) throw new Error('not sent');
    expect((await closeInquiryAsResident(app, resident, second.value.id, linkFor)).ok).toBe(true);
    expect((await listMyInquiries(app, resident)).map((t) => t.status)).toEqual(['closed', 'closed']);
  });

  it('nobody else reads a thread: another resident, another organization', async () => {
    const org = await world.organization();
    const other = await world.organization();
    const resident = await world.person('resident');
    const stranger = await world.person('stranger');
    const sent = await sendInquiry(app, resident, org.id, { subject: '質問', body: '内容' }, linkFor);
    if (!sent.ok) throw new Error('not sent');
    expect((await getMyInquiry(app, stranger, sent.value.id)).ok).toBe(false);
    expect((await replyAsResident(app, stranger, sent.value.id, { body: '横から' }, linkFor)).ok).toBe(false);
    expect((await getOrganizationInquiry(app, other.owner, other.id, sent.value.id)).ok).toBe(false);
    expect((await getOrganizationInquiry(app, other.owner, org.id, sent.value.id)).ok).toBe(false);
    expect((await replyAsOrganization(app, other.owner, other.id, sent.value.id, { body: '横から' }, linkFor)).ok).toBe(false);
    const list = await listOrganizationInquiries(app, other.owner, other.id);
    expect(list.ok && list.value).toEqual([]);
  });

  it('an unverified organization cannot be asked, and empty input is refused beside the fields', async () => {
    const pending = await world.organization({ verified: false });
    const resident = await world.person('resident');
    expect((await sendInquiry(app, resident, pending.id, { subject: 'a', body: 'b' }, linkFor)).ok).toBe(false);
    const org = await world.organization();
    const empty = await sendInquiry(app, resident, org.id, { subject: '', body: ' ' }, linkFor);
    expect(!empty.ok && empty.error.fields).toEqual({ subject: 'pub_error_subject_required', body: 'pub_error_message_required' });
    expect(await listMyInquiries(app, resident)).toEqual([]);
  });

  it('a resident who blocks an organization gets no more replies from it until they unblock it', async () => {
    const org = await world.organization();
    const resident = await world.person('resident');
    const sent = await sendInquiry(app, resident, org.id, { subject: '質問', body: '内容' }, linkFor);
    if (!sent.ok) throw new Error('not sent');
    expect((await blockOrganization(app, resident, org.id)).ok).toBe(true);
    const mark = app.sentMail.length;
    const refused = await replyAsOrganization(app, org.owner, org.id, sent.value.id, { body: 'お返事です' }, linkFor);
    expect(refused.ok || refused.error.code).toBe('publishing.blocked_by_resident');
    expect(mailsTo(resident.email, mark)).toEqual([]);
    const thread = await getOrganizationInquiry(app, org.owner, org.id, sent.value.id);
    expect(thread.ok && [thread.value.isBlocked, thread.value.messages.length]).toEqual([true, 1]);
    expect((await unblockOrganization(app, resident, org.id)).ok).toBe(true);
    expect((await replyAsOrganization(app, org.owner, org.id, sent.value.id, { body: 'お返事です' }, linkFor)).ok).toBe(true);
  });
});

describe('notices', () => {
  it('a person who turned mail off in their profile is not mailed; the reply is still in the thread', async () => {
    const org = await world.organization();
    const resident = await world.person('quiet');
    await app.database.db
      .insertInto('person_profile')
      .values({ user_id: resident.userId, municipality_id: world.municipalityId, notify_email: false })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ notify_email: false }))
      .execute();
    const sent = await sendInquiry(app, resident, org.id, { subject: '質問', body: '内容' }, linkFor);
    if (!sent.ok) throw new Error('not sent');
    const mark = app.sentMail.length;
    expect((await replyAsOrganization(app, org.owner, org.id, sent.value.id, { body: 'お返事です' }, linkFor)).ok).toBe(true);
    expect(mailsTo(resident.email, mark)).toEqual([]);
    const thread = await getMyInquiry(app, resident, sent.value.id);
    expect(thread.ok && thread.value.messages.at(-1)?.body).toBe('お返事です');
  });
});

describe('volunteer recruitment', () => {
  async function recruitment(org: Awaited<ReturnType<World['organization']>>) {
    const created = await createPost(app, org.owner, org.id, { kind: 'volunteer', titleJa: '夏祭りのボランティア募集', bodyJa: '受付を手伝ってください。', volunteerRoles: '受付、誘導', volunteerDates: '7月20日 9時〜12時', volunteerRequirements: '高校生以上' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    await publishPost(app, org.owner, org.id, created.value.id);
    return created.value.id;
  }

  it('a resident applies once with a message; the organization accepts or declines and the applicant is told', async () => {
    const org = await world.organization();
    const postId = await recruitment(org);
    const resident = await world.person('volunteer');
    const empty = await applyForVolunteering(app, resident, org.id, postId, { message: '' }, linkFor);
    expect(!empty.ok && empty.error.fields).toEqual({ message: 'pub_error_message_required' });
    const applied = await applyForVolunteering(app, resident, org.id, postId, { message: '受付を手伝えます。' }, linkFor);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const twice = await applyForVolunteering(app, resident, org.id, postId, { message: 'もう一度' }, linkFor);
    expect(twice.ok || twice.error.code).toBe('publishing.already_applied');

    const list = await listVolunteerApplications(app, org.viewer, org.id);
    expect(list.ok && list.value.map((a) => [a.applicantName, a.message, a.status])).toEqual([[expect.stringContaining('volunteer'), '受付を手伝えます。', 'pending']]);
    const byViewer = await decideApplication(app, org.viewer, org.id, applied.value.id, { decision: 'accepted' }, linkFor);
    expect(byViewer.ok || byViewer.error.code).toBe('publishing.editors_only');
    const other = await world.organization();
    expect((await decideApplication(app, other.owner, other.id, applied.value.id, { decision: 'accepted' }, linkFor)).ok).toBe(false);

    const mark = app.sentMail.length;
    expect((await decideApplication(app, org.editor, org.id, applied.value.id, { decision: 'accepted', message: '当日は8時半に集合です。' }, linkFor)).ok).toBe(true);
    const told = mailsTo(resident.email, mark);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('受け入れられました');
    expect(told[0].text).toContain('当日は8時半に集合です。');
    expect((await listMyApplications(app, resident)).map((a) => a.status)).toEqual(['accepted']);
    const again = await decideApplication(app, org.editor, org.id, applied.value.id, { decision: 'declined' }, linkFor);
    expect(again.ok || again.error.code).toBe('publishing.already_decided');
  });

  it('only public volunteer posts take applications', async () => {
    const org = await world.organization();
    const news = await createPost(app, org.owner, org.id, NEWS);
    if (!news.ok) throw new Error('no post');
    const resident = await world.person('volunteer');
    expect((await applyForVolunteering(app, resident, org.id, news.value.id, { message: 'x' }, linkFor)).ok).toBe(false);
    await publishPost(app, org.owner, org.id, news.value.id);
    const notVolunteer = await applyForVolunteering(app, resident, org.id, news.value.id, { message: 'x' }, linkFor);
    expect(notVolunteer.ok || notVolunteer.error.code).toBe('publishing.not_volunteer_post');
  });
});
