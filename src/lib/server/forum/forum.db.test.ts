import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { setClock } from '../platform/clock.ts';
import { updatePreferences } from '../people/index.ts';
import type { RoleAssignment } from '../auth/roles.ts';
import {
  changeForumSettings,
  deletePost,
  editPost,
  flagPost,
  getConsultationRequest,
  getMyForum,
  getQueuedPost,
  getSafetyPage,
  getThread,
  listConsultationRequests,
  listModeration,
  listSupportQueue,
  listThreads,
  markQueuedPostHandled,
  moderatePost,
  readNotices,
  replyPrivately,
  replyToThread,
  requestConsultation,
  setFollowing,
  startThread,
  toggleWakaru,
  updateConsultationRequest,
  addWatchedWord,
  type ForumActor
} from './index.ts';

let app: TestApp;
let municipalityId: string;
let ids: Record<string, string>;
let counter = 0;
const realNow = Date.now();
const DAY = 86_400_000;

const role = (r: RoleAssignment['role'], scopeType: string | null = null, scopeId: string | null = null): RoleAssignment => ({
  id: `${r}-${scopeId}`,
  role: r,
  scopeType,
  scopeId,
  validFrom: '2026-01-01',
  validTo: null
});

const actorFor = (userId: string, roles: RoleAssignment[] = []): ForumActor => ({ userId, municipalityId, requestId: `req-${userId}`, address: '203.0.113.9', roles });
let hanako: ForumActor;
let miwa: ForumActor;
let nurse: ForumActor;
let staff: ForumActor;

const question = (extra: Record<string, string> = {}) => ({ title: '夜泣きが続いています', body: '生後10か月の子の夜泣きが続いています。皆さんどうしていますか。', ageTopic: 'age_0', themeTopic: 'sleep', ...extra });

async function newGuardian(): Promise<ForumActor> {
  counter += 1;
  return actorFor(await createPerson(app, municipalityId, `forum${counter}@example.jp`, `掲示板 利用者${counter}`));
}

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds: ids } = await seedWard(app));
  hanako = actorFor(ids.guardian);
  miwa = actorFor(ids.otherGuardian);
  nurse = actorFor(ids.coordinator, [role('coordinator'), role('health_professional', 'qualification', '保健師')]);
  staff = actorFor(ids.staff, [role('ward_staff', 'department', 'kosodate')]);
  // The demo guardians have used the forum for a while (their new-account limits are over).
  await app.database.db.updateTable('user').set({ createdAt: new Date(realNow - 60 * DAY) }).where('id', 'in', [ids.guardian, ids.otherGuardian]).execute();
  await changeForumSettings(app, staff, { newAccountDays: '7', newAccountPublicPosts: '0', newAccountDailyPosts: '3', editWindowMinutes: '60', flagHideThreshold: '3' });
});
afterAll(() => app.stop());
// Accounts are created "now"; the forum clock runs a day later unless a test needs otherwise.
beforeEach(() => setClock(new Date(realNow + DAY)));

describe('asking and answering', () => {
  it('an ordinary question goes public at once under a pseudonym made from the household, never the name', async () => {
    const result = await startThread(app, hanako, question());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ status: 'public', heldForSafety: false });
    const list = await listThreads(app, municipalityId, { q: '夜泣' });
    expect(list.ok && list.value.items.map((t) => t.id)).toContain(result.value.threadId);
    const view = await getThread(app, undefined, municipalityId, result.value.threadId);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.posts[0].author).toEqual({ kind: 'guardian', pseudonym: { ageKey: 'age_0', persona: 'guardian', letter: 'A' } });
    const serialised = JSON.stringify(view.value) + JSON.stringify(list);
    for (const secret of [ids.guardian, '佐藤', 'hanako@sakura.example']) expect(serialised).not.toContain(secret);
  });

  it('within a thread a writer keeps one pseudonym; another writer gets the next letter; a professional answers with a badge', async () => {
    const started = await startThread(app, hanako, question({ title: '離乳食を食べてくれません', themeTopic: 'food' }));
    if (!started.ok) throw new Error(started.error.code);
    const threadId = started.value.threadId;
    expect((await replyToThread(app, miwa, threadId, { body: 'うちも同じでした。', persona: 'mama' })).ok).toBe(true);
    expect((await replyToThread(app, hanako, threadId, { body: 'ありがとうございます。', persona: 'papa' })).ok).toBe(true);
    expect((await replyToThread(app, nurse, threadId, { body: '保健センターでも相談できます。', asProfessional: 'on' })).ok).toBe(true);
    const view = await getThread(app, undefined, municipalityId, threadId);
    if (!view.ok) throw new Error(view.error.code);
    expect(view.value.posts.map((p) => p.author)).toEqual([
      { kind: 'guardian', pseudonym: { ageKey: 'age_0', persona: 'guardian', letter: 'A' } },
      { kind: 'guardian', pseudonym: { ageKey: 'age_3', persona: 'mama', letter: 'B' } },
      { kind: 'guardian', pseudonym: { ageKey: 'age_0', persona: 'guardian', letter: 'A' } },
      { kind: 'professional', role: 'health_professional', label: '保健師' }
    ]);
    expect(JSON.stringify(view.value)).not.toContain(ids.coordinator);
    expect(JSON.stringify(view.value)).not.toContain('高橋');
  });

  it('followers are told of a new answer in the forum, and by e-mail when they turned e-mail on', async () => {
    await updatePreferences(app, hanako, { language: 'ja', notifyEmail: 'on', quietHours: 'none' });
    const started = await startThread(app, hanako, question({ title: 'フォローのテスト' }));
    if (!started.ok) throw new Error(started.error.code);
    const before = app.sentMail.length;
    expect((await replyToThread(app, miwa, started.value.threadId, { body: 'うちもです' })).ok).toBe(true);
    const notices = await readNotices(app, hanako);
    expect(notices[0]).toMatchObject({ kind: 'reply', threadId: started.value.threadId, isNew: true });
    expect(app.sentMail.slice(before).map((m) => m.to)).toEqual(['hanako@sakura.example']);
    expect(app.sentMail.at(-1)?.text).not.toContain('うちもです');
    expect((await setFollowing(app, hanako, started.value.threadId, false)).ok).toBe(true);
    await replyToThread(app, miwa, started.value.threadId, { body: 'もう一つ' });
    expect(app.sentMail.length).toBe(before + 1);
  });

  it('わかる is one per person and can be taken back', async () => {
    const started = await startThread(app, hanako, question({ title: 'わかるのテスト' }));
    if (!started.ok) throw new Error(started.error.code);
    expect(await toggleWakaru(app, miwa, started.value.postId)).toMatchObject({ ok: true, value: { marked: true } });
    const view = await getThread(app, miwa, municipalityId, started.value.threadId);
    expect(view.ok && view.value.posts[0]).toMatchObject({ wakaru: 1, markedWakaru: true });
    expect(await toggleWakaru(app, miwa, started.value.postId)).toMatchObject({ ok: true, value: { marked: false } });
  });
});

describe('safety', () => {
  it('a high-risk post is held: not public, the writer gets fitting contacts, and it tops the urgent queue', async () => {
    const result = await startThread(app, hanako, question({ title: 'もう限界です', body: '毎晩、もう死にたいと思ってしまいます。' }));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({ status: 'held', heldForSafety: true, riskCategories: ['self_harm'] });
    const list = await listThreads(app, municipalityId, {});
    expect(list.ok && list.value.items.map((t) => t.id)).not.toContain(result.value.threadId);
    expect((await getThread(app, undefined, municipalityId, result.value.threadId)).ok).toBe(false);
    expect((await getThread(app, miwa, municipalityId, result.value.threadId)).ok).toBe(false);
    expect((await getThread(app, hanako, municipalityId, result.value.threadId)).ok).toBe(true);
    const safety = await getSafetyPage(app, hanako, result.value.postId);
    const phones = safety.contacts.map((c) => c.phone);
    expect(phones).toEqual(expect.arrayContaining(['0570-064-556', '0120-279-338', '110 / 119']));
    expect(phones).not.toContain('189');
    // Another person asking with the post id learns nothing.
    expect((await getSafetyPage(app, miwa, result.value.postId)).categories).toEqual([]);

    const queue = await listSupportQueue(app, nurse);
    if (!queue.ok) throw new Error(queue.error.code);
    expect(queue.value.urgent[0]).toMatchObject({ postId: result.value.postId, categories: ['self_harm'], urgent: true });
    expect((await listSupportQueue(app, miwa)).ok).toBe(false);

    // The writer deletes it: it stays in the queue, marked.
    expect((await deletePost(app, hanako, result.value.postId)).ok).toBe(true);
    const after = await listSupportQueue(app, nurse);
    expect(after.ok && after.value.urgent.find((i) => i.postId === result.value.postId)).toMatchObject({ deletedByWriter: true });
  });

  it('「死ぬほど眠い」 goes public; an edit that adds risk is held again and kept in the history', async () => {
    const started = await startThread(app, hanako, question({ title: '眠い', body: '毎日死ぬほど眠いです' }));
    if (!started.ok) throw new Error(started.error.code);
    expect(started.value.status).toBe('public');
    const edited = await editPost(app, hanako, started.value.postId, { body: '本当は消えたいです' });
    expect(edited).toMatchObject({ ok: true, value: { status: 'held', heldForSafety: true } });
    const mine = await getThread(app, hanako, municipalityId, started.value.threadId);
    expect(mine.ok && mine.value.posts[0].history.map((h) => h.body)).toEqual(['毎日死ぬほど眠いです']);
    expect((await getThread(app, undefined, municipalityId, started.value.threadId)).ok).toBe(false);
    const queue = await listSupportQueue(app, nurse);
    expect(queue.ok && queue.value.urgent.some((i) => i.postId === started.value.postId)).toBe(true);
  });

  it('a professional replies privately and offers a consultation; the writer consents; the request is worked new → contacted → closed, every read audited', async () => {
    const held = await startThread(app, hanako, question({ title: 'つらい', body: '子どもを叩いてしまう。自分が怖いです。' }));
    if (!held.ok) throw new Error(held.error.code);
    expect(held.value.riskCategories).toEqual(['child_harm']);
    const detail = await getQueuedPost(app, nurse, held.value.postId);
    expect(detail.ok && detail.value.writer).toEqual({ ageKey: 'age_0', persona: 'guardian', letter: 'A' });
    const reply = await replyPrivately(app, nurse, held.value.postId, { body: '書いてくださってありがとうございます。お話ししませんか。', offerConsultation: 'on' });
    expect(reply.ok).toBe(true);
    const own = await getThread(app, hanako, municipalityId, held.value.threadId);
    expect(own.ok && own.value.posts[0].privateReplies.map((r) => r.author)).toEqual([{ kind: 'professional', role: 'health_professional', label: '保健師' }]);
    const others = await getThread(app, miwa, municipalityId, held.value.threadId);
    expect(others.ok).toBe(false);
    expect((await readNotices(app, hanako)).map((n) => n.kind)).toEqual(expect.arrayContaining(['private_reply', 'consultation_offer']));

    const refused = await requestConsultation(app, hanako, held.value.postId, { contactMethod: 'phone', contactDetail: '090-0000-0000', preferredTime: '平日の午前' }, '同意します');
    expect(refused).toMatchObject({ ok: false, error: { fields: { consent: 'forum_error_consent_required' } } });
    expect((await requestConsultation(app, miwa, held.value.postId, { contactMethod: 'phone', contactDetail: '090', preferredTime: '午前', consent: 'on' }, '同意')).ok).toBe(false);
    const created = await requestConsultation(app, hanako, held.value.postId, { contactMethod: 'phone', contactDetail: '090-0000-0000', preferredTime: '平日の午前', consent: 'on' }, '同意します');
    if (!created.ok) throw new Error(created.error.code);
    const listed = await listConsultationRequests(app, nurse);
    expect(listed.ok && listed.value.find((c) => c.id === created.value.id)).toMatchObject({ status: 'new', contactMethod: 'phone' });
    const request = await getConsultationRequest(app, nurse, created.value.id);
    expect(request.ok && request.value).toMatchObject({ contactDetail: '090-0000-0000', preferredTime: '平日の午前', threadId: held.value.threadId });
    expect(request.ok && request.value.consentText).toContain('同意します');
    expect(await updateConsultationRequest(app, nurse, created.value.id, { status: 'contacted', note: '電話でお話ししました' })).toMatchObject({ ok: true });
    expect(await updateConsultationRequest(app, nurse, created.value.id, { status: 'new', note: '' })).toMatchObject({ ok: false });
    expect(await updateConsultationRequest(app, nurse, created.value.id, { status: 'closed', note: '訪問につなぎました' })).toMatchObject({ ok: true });
    expect((await getConsultationRequest(app, miwa, created.value.id)).ok).toBe(false);
    const audits = await listAuditEntries(app.database.db, { recordType: 'forum_consultation', recordId: created.value.id });
    expect(audits.map((a) => a.action)).toEqual(['consent', 'list', 'read', 'update', 'update']);

    expect((await markQueuedPostHandled(app, nurse, held.value.postId, false)).ok).toBe(true);
    const queue = await listSupportQueue(app, nurse);
    expect(queue.ok && queue.value.urgent.some((i) => i.postId === held.value.postId)).toBe(false);
  });
});

describe('edits and the watch list', () => {
  it('a post can be edited only within the edit window, and only by its writer', async () => {
    const started = await startThread(app, hanako, question({ title: '編集時間のテスト' }));
    if (!started.ok) throw new Error(started.error.code);
    expect((await editPost(app, miwa, started.value.postId, { body: '書き換え' })).ok).toBe(false);
    setClock(new Date(realNow + DAY + 59 * 60_000));
    expect((await editPost(app, hanako, started.value.postId, { body: '少し直しました' })).ok).toBe(true);
    setClock(new Date(realNow + DAY + 61 * 60_000));
    expect(await editPost(app, hanako, started.value.postId, { body: 'もう一度' })).toMatchObject({ ok: false, error: { code: 'forum.edit_window_over' } });
  });

  it('a post of concern is shown at once and put on the professionals\' watch list, not the urgent queue', async () => {
    const started = await startThread(app, hanako, question({ title: '見守りのテスト', body: '寝不足でもう限界です' }));
    if (!started.ok) throw new Error(started.error.code);
    expect(started.value).toMatchObject({ status: 'public', heldForSafety: false });
    const queue = await listSupportQueue(app, nurse);
    if (!queue.ok) throw new Error(queue.error.code);
    expect(queue.value.watch.map((i) => i.postId)).toContain(started.value.postId);
    expect(queue.value.urgent.map((i) => i.postId)).not.toContain(started.value.postId);
  });
});

describe('abuse', () => {
  it('a new account may post 3 times a day and no links; after 7 days and 3 public posts the limits end; staff change the numbers', async () => {
    const person = await newGuardian();
    expect(await startThread(app, person, question({ body: '詳しくは https://example.com を見て' }))).toMatchObject({ ok: false, error: { code: 'forum.links_not_allowed' } });
    for (let i = 0; i < 3; i++) expect((await startThread(app, person, question({ title: `質問${i}` }))).ok).toBe(true);
    expect(await startThread(app, person, question())).toMatchObject({ ok: false, error: { code: 'forum.daily_limit' } });
    setClock(new Date(realNow + 9 * DAY));
    expect((await startThread(app, person, question({ body: '参考: https://example.com' }))).ok).toBe(true);
    const another = await newGuardian();
    expect((await changeForumSettings(app, miwa, { newAccountDays: '0', newAccountPublicPosts: '0', newAccountDailyPosts: '3', editWindowMinutes: '60', flagHideThreshold: '3' })).ok).toBe(false);
    expect((await changeForumSettings(app, staff, { newAccountDays: '7', newAccountPublicPosts: '3', newAccountDailyPosts: '1', editWindowMinutes: '60', flagHideThreshold: '2' })).ok).toBe(true);
    expect((await startThread(app, another, question())).ok).toBe(true);
    expect(await startThread(app, another, question())).toMatchObject({ ok: false, error: { code: 'forum.daily_limit' } });
  });

  it('watched words block with the staff message, hold for review, flag after posting, or replace', async () => {
    expect(await startThread(app, hanako, question({ body: 'お前なんか死ね' }))).toMatchObject({ ok: false, error: { code: 'forum.blocked_word', fields: { body: expect.stringContaining('言い方を変えて') } } });
    const held = await startThread(app, hanako, question({ body: 'LINE IDを交換しませんか' }));
    expect(held).toMatchObject({ ok: true, value: { status: 'held', heldForReview: true } });
    const flagged = await startThread(app, hanako, question({ body: '副業の話です' }));
    expect(flagged).toMatchObject({ ok: true, value: { status: 'public' } });
    const queue = await listModeration(app, staff);
    const queued = queue.ok ? queue.value.map((q) => q.postId) : [];
    expect(held.ok && queued).toContain(held.ok ? held.value.postId : '');
    expect(flagged.ok && queued).toContain(flagged.ok ? flagged.value.postId : '');
    expect((await addWatchedWord(app, staff, { pattern: 'ぽんこつ', action: 'replace', replacement: '〇〇' })).ok).toBe(true);
    const replaced = await startThread(app, hanako, question({ body: 'うちのポンコツな家電' }));
    if (!replaced.ok) throw new Error(replaced.error.code);
    const view = await getThread(app, undefined, municipalityId, replaced.value.threadId);
    expect(view.ok && view.value.posts[0].body).toBe('うちの〇〇な家電');
  });

  it('flags from trusted people hide a post pending review; the writer is told; a moderator decides; a suspended writer cannot post', async () => {
    setClock(new Date(realNow + 30 * DAY));
    await changeForumSettings(app, staff, { newAccountDays: '7', newAccountPublicPosts: '0', newAccountDailyPosts: '3', editWindowMinutes: '60', flagHideThreshold: '2' });
    const writer = await newGuardian();
    const started = await startThread(app, writer, question({ title: '通報のテスト', body: 'ふつうの投稿です' }));
    if (!started.ok) throw new Error(started.error.code);
    const newcomer = await newGuardian();
    // Joined "today" by the forum's clock.
    await app.database.db.updateTable('user').set({ createdAt: new Date(realNow + 30 * DAY) }).where('id', '=', newcomer.userId).execute();
    expect(await flagPost(app, newcomer, started.value.postId, { reason: 'spam' })).toMatchObject({ ok: true, value: { hidden: false } });
    expect(await flagPost(app, writer, started.value.postId, { reason: 'spam' })).toMatchObject({ ok: false, error: { code: 'forum.own_post' } });
    expect(await flagPost(app, hanako, started.value.postId, { reason: 'harassment' })).toMatchObject({ ok: true, value: { hidden: false } });
    // The newcomer's flag does not count; a second trusted flag reaches the threshold.
    expect(await flagPost(app, miwa, started.value.postId, { reason: 'harassment', note: 'きつい言い方' })).toMatchObject({ ok: true, value: { hidden: true } });
    expect((await getThread(app, undefined, municipalityId, started.value.threadId)).ok).toBe(false);
    expect((await readNotices(app, writer)).map((n) => n.kind)).toContain('held_for_review');

    expect((await moderatePost(app, hanako, started.value.postId, { action: 'approve' })).ok).toBe(false);
    expect(await moderatePost(app, staff, started.value.postId, { action: 'hide', reason: '' })).toMatchObject({ ok: false, error: { fields: { reason: 'forum_error_reason_required' } } });
    expect((await moderatePost(app, staff, started.value.postId, { action: 'hide', reason: '他の方を傷つける表現があったため' })).ok).toBe(true);
    const notices = await readNotices(app, writer);
    expect(notices[0]).toMatchObject({ kind: 'hidden', reason: '他の方を傷つける表現があったため' });
    expect((await moderatePost(app, staff, started.value.postId, { action: 'suspend', reason: '繰り返しのため', days: '3' })).ok).toBe(true);
    expect(await startThread(app, writer, question())).toMatchObject({ ok: false, error: { code: 'forum.suspended' } });
    setClock(new Date(realNow + 34 * DAY));
    expect((await startThread(app, writer, question())).ok).toBe(true);
    const audits = await listAuditEntries(app.database.db, { recordType: 'forum_post', recordId: started.value.postId });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'flag', 'moderate_hide', 'moderate_suspend']));
  });

  it('a moderator edit keeps the old text and shows a note; approving clears the flags', async () => {
    const started = await startThread(app, hanako, question({ title: '編集のテスト', body: '電話番号は 090-1234-5678 です' }));
    if (!started.ok) throw new Error(started.error.code);
    expect((await moderatePost(app, staff, started.value.postId, { action: 'edit', reason: '個人の連絡先を削除しました', body: '電話番号は（削除）です' })).ok).toBe(true);
    const view = await getThread(app, undefined, municipalityId, started.value.threadId);
    expect(view.ok && view.value.posts[0]).toMatchObject({ body: '電話番号は（削除）です', moderatorNote: '個人の連絡先を削除しました', edited: true });
  });

  it('a script in a post is kept as text, exactly as written', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const started = await startThread(app, hanako, question({ title: payload, body: payload }));
    if (!started.ok) throw new Error(started.error.code);
    const view = await getThread(app, undefined, municipalityId, started.value.threadId);
    expect(view.ok && [view.value.title, view.value.posts[0].body]).toEqual([payload, payload]);
  });
});

describe('tenancy and privacy', () => {
  it('a thread of one municipality does not exist in another', async () => {
    const other = await seedOtherMunicipality(app);
    const started = await startThread(app, hanako, question({ title: 'さくら区だけ' }));
    if (!started.ok) throw new Error(started.error.code);
    expect((await getThread(app, undefined, other.municipalityId, started.value.threadId)).ok).toBe(false);
    const list = await listThreads(app, other.municipalityId, {});
    expect(list.ok && list.value.items).toEqual([]);
  });

  it('my page lists my own posts with their state', async () => {
    const mine = await getMyForum(app, hanako);
    expect(mine.posts.some((p) => p.status === 'held')).toBe(true);
    expect(mine.posts.some((p) => p.status === 'deleted')).toBe(true);
  });
});
