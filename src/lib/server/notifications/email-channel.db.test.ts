import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { createMailer } from '../mail/mailer.ts';
import { setClock } from '../platform/clock.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';
import { createEmailSender, deliverDueNotifications, sendNotification } from './index.ts';

// A real SMTP conversation with a local server: what a mail system receives, headers and all.
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  setClock('2026-06-15T03:00:00Z');
});
afterAll(async () => {
  setClock(undefined);
  await app.stop();
  await smtp.close();
});

const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw)?.[1].trim();

it('an email notice reaches an SMTP server with a stable Message-ID, and a repeated send carries the same one', async () => {
  const userId = await createPerson(app, municipalityId, 'smtp-reader@example.jp');
  const mailer = createMailer({ smtpUrl: smtp.url, mailDir: app.config.mailDir, mailFrom: 'Hagukumi <no-reply@sakura.example>' });
  const channels = { email: createEmailSender(app.database.db, mailer, { mailFrom: 'Hagukumi <no-reply@sakura.example>' }) };
  const id = await sendNotification(app.database.db, {
    municipalityId,
    userId,
    source: 'bookings',
    sourceKey: 'smtp-test',
    link: '/bookings',
    render: () => ({ title: '予約が確定しました', body: '当日は受付で QR コードをお見せください。' })
  });
  expect(await deliverDueNotifications({ ...app, channels }, { notificationIds: [id!] })).toMatchObject({ sent: 1 });
  // As after a worker died between the send and recording it: the lease ran out and the row is due again.
  await sql`update notification_delivery set status = 'pending', next_attempt_at = ${new Date('2026-06-15T03:00:00Z')} where notification_id = ${id}`.execute(app.database.db);
  expect(await deliverDueNotifications({ ...app, channels }, { notificationIds: [id!] })).toMatchObject({ sent: 1 });

  const mine = smtp.received.filter((r) => r.to.includes('smtp-reader@example.jp'));
  expect(mine).toHaveLength(2);
  const ids = mine.map((r) => header(r.raw, 'Message-ID'));
  expect(ids).toEqual([`<${id}.email@sakura.example>`, `<${id}.email@sakura.example>`]);
  const [head, ...rest] = mine[0].raw.split(/\r?\n\r?\n/);
  expect(header(head, 'Content-Transfer-Encoding')).toBe('base64');
  const text = Buffer.from(rest.join('\n').replace(/\s+/g, ''), 'base64').toString('utf8');
  expect(text).toContain('当日は受付で QR コードをお見せください。');
  expect(text).toContain(`/inbox/${id}`);
});
