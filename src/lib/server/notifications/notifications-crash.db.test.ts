import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from '../app.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';
import { openTestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addChild, createHousehold } from '../households/index.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addDays, addMonths, today } from '../platform/clock.ts';
import type { AppConfig } from '../platform/config.ts';

// kill -9 of the planner + outbox worker in the middle of a batch, in a real child process, then a
// restart on the same database (PGlite data folder, or PostgreSQL with TEST_DATABASE_URL). The mail
// goes over real SMTP to a local server, which records every Message-ID it is given.

const KILL_AT = 5;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let config: AppConfig;
let onDate: string;
let reopened: App | undefined;
let killNow: (() => void) | undefined;

beforeAll(async () => {
  smtp = await startSmtpReceiver((received) => {
    // Kill the worker while it waits for this answer: the mail was received, its delivery not yet marked sent.
    if (received.length !== KILL_AT || !killNow) return true;
    killNow();
    return false;
  });
  const app = await openTestApp();
  const { municipalityId } = await seedWard(app);
  const districts = await listDistricts(app.database.db, municipalityId);
  onDate = today();
  for (let i = 0; i < 12; i += 1) {
    const userId = await createPerson(app, municipalityId, `crash${i}@example.jp`);
    const actor = { userId, municipalityId, requestId: `crash${i}` };
    const created = await createHousehold(app, actor, { districtId: districts[i % districts.length].id });
    if (!created.ok) throw new Error(created.error.code);
    await addChild(app, actor, { name: `子${i}`, birthDate: i % 2 ? addDays(onDate, -3 - i) : addMonths(onDate, -1 - (i % 4)), sex: '' });
  }
  config = app.config;
  // The child process must own the database (PGlite has one owner).
  await app.stop();
}, 120_000);
afterAll(async () => {
  await reopened?.stop();
  await smtp.close();
});

function runWorker(args: string[], killAfterMail: boolean) {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Hagukumi <no-reply@sakura.example>',
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATABASE_URL: '', HAGUKUMI_DATA_DIR: config.dataDir })
  };
  const child = spawn(process.execPath, [join(import.meta.dirname, 'testing', 'outbox-worker.ts'), ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  killNow = killAfterMail ? () => child.kill('SIGKILL') : undefined;
  return new Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
}

it('after kill -9 mid-batch and a restart, every planned notice is in the inbox exactly once and every repeated mail carries the same Message-ID', async () => {
  const crashed = await runWorker([onDate], true);
  expect(crashed.signal).toBe('SIGKILL');
  expect(crashed.output).toContain('PLANNED');
  expect(crashed.output).not.toContain('FINISHED');
  expect(smtp.received).toHaveLength(KILL_AT);

  // The restart runs once the dead worker's leases have run out (its clock 10 minutes on).
  const restarted = await runWorker([onDate, '10'], false);
  expect(restarted.code).toBe(0);
  expect(restarted.output).toContain('FINISHED');

  reopened = await startApp({ config, runWorkers: false, skipLock: true, migrate: false, mailer: { send: async () => {} } });
  const db = reopened.database.db;
  const notices = await db.selectFrom('guidance_notice').select(['id', 'user_id']).execute();
  const notifications = await db.selectFrom('notification').select(['id', 'user_id', 'source_key']).where('source', '=', 'guidance').execute();
  expect(notices.length).toBeGreaterThan(KILL_AT * 2);
  // Exactly once: one notification per notice, none without a notice.
  expect(notifications.map((n) => `${n.user_id}:${n.source_key}`).sort()).toEqual(notices.map((n) => `${n.user_id}:${n.id}`).sort());

  const deliveries = await db.selectFrom('notification_delivery as d').innerJoin('notification as n', 'n.id', 'd.notification_id').select(['d.status', 'd.stable_id', 'd.attempts']).where('d.channel', '=', 'email').where('n.source', '=', 'guidance').execute();
  expect(deliveries.length).toBeGreaterThan(KILL_AT);
  expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
  // Every delivery reached the mail server, under its own stable Message-ID, and nothing else did (the demo
  // seed's booking mails went out before, through the test mailer).
  const expected = new Set(deliveries.map((d) => `<${d.stable_id}@sakura.example>`));
  expect(new Set(smtp.received.map((r) => r.messageId))).toEqual(expected);
  // The mail the worker was killed waiting on was sent again, with the same Message-ID.
  const repeated = smtp.received.filter((r, i) => smtp.received.findIndex((o) => o.messageId === r.messageId) !== i);
  expect(repeated.length).toBeGreaterThanOrEqual(1);
  expect(repeated.map((r) => r.messageId)).toContain(smtp.received[KILL_AT - 1].messageId);
  expect(deliveries.find((d) => `<${d.stable_id}@sakura.example>` === smtp.received[KILL_AT - 1].messageId)?.attempts).toBe(2);
}, 180_000);
