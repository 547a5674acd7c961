import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { addDays, today } from '../platform/clock.ts';
import { reserveSlot } from '../bookings/index.ts';
import { startThread, flagPost, setFollowing } from '../forum/index.ts';
import { recordDose } from '../guidance/index.ts';
import { createHouseholds, createServiceWithSlot } from '../bookings/bookings.testing.queries.ts';
import { sendInquiry } from '../publishing/index.ts';
import { exportEverythingAbout } from './index.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());

const forumActor = (actor: { userId: string; municipalityId: string }) => ({ ...actor, requestId: 'export-test', address: '203.0.113.9', roles: [] });

describe('a person downloads all data held about them and their children', () => {
  it('the download holds their bookings, doses, forum posts, follows and flags, and nothing of another family', async () => {
    const [mine, theirs] = await createHouseholds(app.database.db, municipalityId, 2, () => 1, addDays(today(), -90));
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 5 });
    expect((await reserveSlot(app, mine.actor, { slotId: slot.slotId, childIds: mine.childIds, noticeId: 'notice-x' }, 'web')).ok).toBe(true);
    expect((await reserveSlot(app, theirs.actor, { slotId: slot.slotId, childIds: theirs.childIds }, 'web')).ok).toBe(true);
    expect((await recordDose(app, mine.actor, { childId: mine.childIds[0], vaccine: 'hbv', dose: '1', givenOn: addDays(today(), -30), brand: '' })).ok).toBe(true);

    const myThread = await startThread(app, forumActor(mine.actor), { title: '寝かしつけのこつ', body: '夜になかなか寝てくれません。', ageTopic: 'age_0', themeTopic: 'sleep' });
    const theirThread = await startThread(app, forumActor(theirs.actor), { title: 'ほかの家族の質問', body: 'ほかの家族だけが書いた本文です。', ageTopic: 'age_0', themeTopic: 'sleep' });
    if (!myThread.ok || !theirThread.ok) throw new Error('threads were not started');
    expect((await setFollowing(app, forumActor(mine.actor), theirThread.value.threadId, true)).ok).toBe(true);
    expect((await flagPost(app, forumActor(mine.actor), theirThread.value.postId, { reason: 'spam', note: '宣伝のようです' })).ok).toBe(true);

    const link = (path: string) => `http://localhost${path}`;
    expect((await sendInquiry(app, mine.actor, 'demo-npo', { subject: '見学について', body: '見学はできますか。' }, link)).ok).toBe(true);
    expect((await sendInquiry(app, theirs.actor, 'demo-npo', { subject: 'ほかの家族の問い合わせ', body: 'ほかの家族だけの問い合わせ本文' }, link)).ok).toBe(true);

    const data = await exportEverythingAbout(app, mine.actor);
    const text = JSON.stringify(data);

    expect(data.bookings.bookings).toHaveLength(1);
    expect(data.bookings.bookings[0]).toMatchObject({ childIds: mine.childIds, status: 'confirmed', channel: 'web', fromNoticeId: 'notice-x' });
    expect(data.timeline.vaccinationDoses).toEqual([expect.objectContaining({ childId: mine.childIds[0], vaccine: 'hbv', dose: 1 })]);
    expect(data.forum.posts.map((p) => p.body)).toEqual(['夜になかなか寝てくれません。']);
    expect(data.forum.pseudonyms).toEqual([expect.objectContaining({ threadTitle: '寝かしつけのこつ', letter: 'A' })]);
    expect(data.forum.follows.map((f) => f.threadId)).toContain(theirThread.value.threadId);
    expect(data.forum.flags).toEqual([expect.objectContaining({ postId: theirThread.value.postId, reason: 'spam', note: '宣伝のようです' })]);

    expect(data.inquiriesAndVolunteering.inquiries).toEqual([
      expect.objectContaining({ subject: '見学について', messages: [expect.objectContaining({ from: 'resident', body: '見学はできますか。' })] })
    ]);
    expect(data.procedures.submissions).toEqual([]);
    expect(data.calendar.feeds).toEqual([]);

    expect(text).not.toContain('ほかの家族だけが書いた本文です。');
    expect(text).not.toContain('ほかの家族だけの問い合わせ本文');
    expect(text).not.toContain(theirs.childIds[0]);
    expect(text).not.toContain(theirs.actor.userId);
  });
});
