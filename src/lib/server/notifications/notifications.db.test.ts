import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { setClock, today } from '../platform/clock.ts';
import { updatePreferences } from '../people/index.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import type { ChannelSender, OutgoingMessage } from './channels.ts';
import {
  countUnread,
  deliverDueNotifications,
  DEFAULT_POLICY,
  listDeadLetters,
  listInbox,
  openNotification,
  retryDeadLetter,
  retryDelayMs,
  sendNotification,
  type OutboxStaffCaller
} from './index.ts';

let app: TestApp;
let municipalityId: string;
let staff: OutboxStaffCaller;
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  staff = { userId: ward.userIds.staff, municipalityId, roles: await findActiveRoleAssignments(app.database.db, ward.userIds.staff, municipalityId, today()) };
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function person(preferences: Record<string, string> = {}) {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `nf${counter}@example.jp`);
  const actor = { userId, municipalityId, requestId: `nf${counter}` };
  if (Object.keys(preferences).length) {
    const saved = await updatePreferences(app, actor, { language: 'ja', notifyEmail: 'on', quietHours: 'none', quietStart: '', quietEnd: '', ...preferences });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }
  return actor;
}

const texts = (locale: string) => ({ title: locale === 'en' ? 'Hello' : 'こんにちは', body: locale === 'en' ? 'Body' : '本文' });

function deliveriesOf(userId: string) {
  return app.database.db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.channel', 'd.status', 'd.attempts', 'd.stable_id', 'd.next_attempt_at', 'd.last_error', 'n.id as notification_id'])
    .where('n.user_id', '=', userId)
    .orderBy('d.channel')
    .execute();
}

/** A channel that records what it was given and fails the first `failures` sends. */
function recordingSender(failures = 0, retry = true): ChannelSender & { sent: OutgoingMessage[] } {
  let left = failures;
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      if (left > 0) {
        left -= 1;
        return { ok: false, retry, error: 'mailbox unavailable' };
      }
      return { ok: true };
    }
  };
}

describe('sending a notification', () => {
  it('puts one notice in the inbox in the person’s language, with one delivery per channel they allow; the same key twice adds nothing', async () => {
    const actor = await person({ language: 'en', notifyPush: 'on' });
    const input = { municipalityId, userId: actor.userId, source: 'bookings', sourceKey: 'b1:confirmed', link: '/bookings', render: texts };
    const id = await sendNotification(app.database.db, input);
    expect(id).not.toBeNull();
    expect(await sendNotification(app.database.db, input)).toBeNull();
    expect(await listInbox(app, actor)).toEqual([expect.objectContaining({ id, title: 'Hello', body: 'Body', link: '/bookings', isOpened: false })]);
    const deliveries = await deliveriesOf(actor.userId);
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([['email', 'pending'], ['push', 'pending']]);
    const push = deliveries.find((d) => d.channel === 'push')!;
    expect(push.stable_id).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(push.stable_id).toBe(id!.replaceAll('-', ''));
  });

  it('inside the caller’s transaction: a rolled-back change leaves no notice', async () => {
    const actor = await person();
    await expect(
      app.database.db.transaction().execute(async (trx) => {
        await sendNotification(trx, { municipalityId, userId: actor.userId, source: 'forum', sourceKey: 'x', link: '/forum', render: texts });
        throw new Error('the caller’s change failed');
      })
    ).rejects.toThrow();
    expect(await listInbox(app, actor)).toEqual([]);
  });

  it('creates no external delivery the person turned off, and none when the sender asks for the inbox only', async () => {
    const off = await person({ notifyEmail: '' });
    await sendNotification(app.database.db, { municipalityId, userId: off.userId, source: 'forum', sourceKey: 'a', link: '/forum', render: texts });
    expect(await deliveriesOf(off.userId)).toEqual([]);
    const on = await person();
    await sendNotification(app.database.db, { municipalityId, userId: on.userId, source: 'forum', sourceKey: 'b', link: '/forum', render: texts, channels: [] });
    expect(await deliveriesOf(on.userId)).toEqual([]);
    expect(await listInbox(app, on)).toHaveLength(1);
  });
});

describe('the inbox', () => {
  it('a reader sees only their own notices and cannot open anyone else’s', async () => {
    const reader = await person();
    const other = await person();
    const theirs = await sendNotification(app.database.db, { municipalityId, userId: other.userId, source: 'forum', sourceKey: 'private', link: '/forum/notices', render: () => ({ title: '専門職からのメッセージ' }) });
    await sendNotification(app.database.db, { municipalityId, userId: reader.userId, source: 'forum', sourceKey: 'mine', link: '/forum/notices', render: texts });
    expect((await listInbox(app, reader)).map((n) => n.title)).toEqual(['こんにちは']);
    expect(await openNotification(app, reader, theirs!)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await openNotification(app, reader, 'not-an-id')).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await countUnread(app, other)).toBe(1);
  });

  it('opening a notice records the first opening and leads to its page', async () => {
    const reader = await person();
    const id = await sendNotification(app.database.db, { municipalityId, userId: reader.userId, source: 'bookings', sourceKey: 'k', link: '/bookings', render: texts });
    expect(await countUnread(app, reader)).toBe(1);
    expect(await openNotification(app, reader, id!)).toEqual({ ok: true, value: { link: '/bookings' } });
    const first = await app.database.db.selectFrom('notification').select('opened_at').where('id', '=', id!).executeTakeFirstOrThrow();
    setClock('2026-06-16T03:00:00Z');
    await openNotification(app, reader, id!);
    const again = await app.database.db.selectFrom('notification').select('opened_at').where('id', '=', id!).executeTakeFirstOrThrow();
    expect(again.opened_at).toEqual(first.opened_at);
    expect(await countUnread(app, reader)).toBe(0);
  });
});

describe('the outbox worker', () => {
  it('sends a due delivery once and marks it sent; a channel without a sender leaves its deliveries pending', async () => {
    const actor = await person({ notifyPush: 'on' });
    const email = recordingSender();
    const id = await sendNotification(app.database.db, { municipalityId, userId: actor.userId, source: 'bookings', sourceKey: 'once', link: '/bookings', render: texts });
    const report = await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] });
    expect(report.sent).toBe(1);
    expect(email.sent).toEqual([expect.objectContaining({ title: 'こんにちは', body: '本文', userId: actor.userId })]);
    expect(email.sent[0].url).toMatch(new RegExp(`^https?://[^/]+/inbox/${id}$`));
    expect((await deliveriesOf(actor.userId)).map((d) => [d.channel, d.status])).toEqual([['email', 'sent'], ['push', 'pending']]);
    await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] });
    expect(email.sent).toHaveLength(1);
  });

  it('a failing send is retried with exponential back-off, with the same stable id, and becomes a dead letter after the last attempt', async () => {
    const actor = await person();
    const email = recordingSender(100);
    const policy = { ...DEFAULT_POLICY, maxAttempts: 3 };
    await sendNotification(app.database.db, { municipalityId, userId: actor.userId, source: 'bookings', sourceKey: 'failing', link: '/bookings', render: texts });
    const started = new Date('2026-06-15T03:00:00Z').getTime();
    await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] }, policy);
    let [delivery] = await deliveriesOf(actor.userId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_error: 'mailbox unavailable' });
    expect(delivery.next_attempt_at.getTime() - started).toBe(retryDelayMs(1));
    // Not due yet: nothing is sent before the back-off has passed.
    await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] }, policy);
    expect(email.sent).toHaveLength(1);
    setClock(delivery.next_attempt_at);
    await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] }, policy);
    [delivery] = await deliveriesOf(actor.userId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2 });
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    setClock(delivery.next_attempt_at);
    const report = await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] }, policy);
    expect(report.dead).toBe(1);
    [delivery] = await deliveriesOf(actor.userId);
    expect(delivery).toMatchObject({ status: 'dead', attempts: 3, last_error: 'mailbox unavailable' });
    expect(new Set(email.sent.map((m) => m.stableId))).toEqual(new Set([delivery.stable_id]));
  });

  it('a send refused for good (no retry) is a dead letter at once', async () => {
    const actor = await person();
    await sendNotification(app.database.db, { municipalityId, userId: actor.userId, source: 'bookings', sourceKey: 'refused', link: '/bookings', render: texts });
    await deliverDueNotifications({ ...app, channels: { email: recordingSender(1, false) } }, { userIds: [actor.userId] });
    expect((await deliveriesOf(actor.userId))[0]).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('a delivery due inside the person’s quiet hours waits until they end (Asia/Tokyo)', async () => {
    const actor = await person({ quietHours: 'set', quietStart: '21:00', quietEnd: '07:30' });
    setClock('2026-06-15T13:00:00Z'); // 22:00 in Tokyo
    const email = recordingSender();
    await sendNotification(app.database.db, { municipalityId, userId: actor.userId, source: 'forum', sourceKey: 'night', link: '/forum', render: texts });
    const report = await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] });
    expect(report).toMatchObject({ sent: 0, postponed: 1 });
    expect((await deliveriesOf(actor.userId))[0]).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: new Date('2026-06-15T22:30:00Z') });
    setClock('2026-06-15T22:30:00Z');
    expect((await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] })).sent).toBe(1);
  });

  it('a delivery taken by a worker that died is taken again only after its lease ends, and resent with the same stable id', async () => {
    const actor = await person();
    const id = await sendNotification(app.database.db, { municipalityId, userId: actor.userId, source: 'bookings', sourceKey: 'lease', link: '/bookings', render: texts });
    // What a worker leaves behind when it is killed after taking the row (attempt counted, leased for 5 minutes).
    await sql`update notification_delivery set attempts = 1, next_attempt_at = ${new Date('2026-06-15T03:05:00Z')} where notification_id = ${id}`.execute(app.database.db);
    const email = recordingSender();
    expect((await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] })).sent).toBe(0);
    setClock('2026-06-15T03:05:00Z');
    expect((await deliverDueNotifications({ ...app, channels: { email } }, { userIds: [actor.userId] })).sent).toBe(1);
    expect(email.sent.map((m) => m.stableId)).toEqual([`${id}.email`]);
    expect((await deliveriesOf(actor.userId))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('dead letters (staff)', () => {
  it('staff see the dead letters of their ward with reason and attempts, and a retry (audit-logged) sends it again with the same stable id', async () => {
    const actor = await person();
    const id = await sendNotification(app.database.db, { municipalityId, userId: actor.userId, source: 'bookings', sourceKey: 'dead', link: '/bookings', render: texts });
    await deliverDueNotifications({ ...app, channels: { email: recordingSender(1, false) } }, { userIds: [actor.userId] });
    const list = await listDeadLetters(app, staff);
    if (!list.ok) throw new Error(list.error.code);
    // Other tests in this file leave dead letters too: this one is the delivery of this person's notice.
    const [mine] = await deliveriesOf(actor.userId);
    const dead = list.value.find((d) => d.id === mine.id);
    expect(dead).toMatchObject({ title: 'こんにちは', source: 'bookings', error: 'mailbox unavailable' });
    expect(dead).toMatchObject({ channel: 'email', attempts: 1 });
    expect(await retryDeadLetter(app, staff, dead!.id)).toEqual({ ok: true, value: { id: dead!.id } });
    expect(await retryDeadLetter(app, staff, dead!.id)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await listAuditEntries(app.database.db, { recordType: 'notification_delivery', recordId: dead!.id })).toEqual([expect.objectContaining({ action: 'retry', actor_user_id: staff.userId })]);
    const email = recordingSender();
    await deliverDueNotifications({ ...app, channels: { email } }, { notificationIds: [id!] });
    expect(email.sent.map((m) => m.stableId)).toEqual([`${id}.email`]);
    expect((await deliveriesOf(actor.userId))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a resident cannot list or retry dead letters', async () => {
    const resident = await person();
    expect(await listDeadLetters(app, { ...resident, roles: [] })).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await retryDeadLetter(app, { ...resident, roles: [] }, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { status: 403 } });
  });
});
