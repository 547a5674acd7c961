import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from '../app.ts';
import { openTestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import type { AppConfig } from '../platform/config.ts';
import { createHouseholds, createServiceWithSlot, slotState } from './bookings.testing.queries.ts';

// kill -9 during a booking load, in a real child process, then a restart on the same database.
// On PostgreSQL (TEST_DATABASE_URL) this is the crash the issue asks about; on PGlite the same test
// shows the embedded data folder recovers the same way.

const CAPACITY = 40;
let config: AppConfig;
let slotId: string;
let fixturePath: string;
let reopened: App | undefined;

beforeAll(async () => {
  const app = await openTestApp();
  const { municipalityId } = await seedWard(app);
  const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: CAPACITY });
  slotId = slot.slotId;
  const households = await createHouseholds(app.database.db, municipalityId, 160, (i) => (i % 3) + 1);
  config = app.config;
  fixturePath = join(config.dataDir + '-crash-fixture.json');
  writeFileSync(fixturePath, JSON.stringify({ slotId, concurrency: 8, households: households.map((h) => ({ actor: h.actor, childIds: h.childIds })) }));
  // The child process must own the database (PGlite has one owner).
  await app.stop();
});
afterAll(async () => {
  await reopened?.stop();
});

it('after kill -9 during a booking load and a restart, every confirmation the client got exists, nothing unasked exists, and capacity holds', async () => {
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATABASE_URL: '', HAGUKUMI_DATA_DIR: config.dataDir }) };
  const child = spawn(process.execPath, [join(import.meta.dirname, 'testing', 'booking-load.ts'), fixturePath], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Set<string>();
  const confirmed = new Map<string, { id: string; seats: number }>();
  let finished = false;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, key, status, id, seats] = line.split(' ');
      if (kind === 'START') started.add(key);
      if (kind === 'DONE' && status !== 'waitlisted') confirmed.set(key, { id, seats: Number(seats) });
      if (kind === 'FINISHED') finished = true;
      // Kill it in the middle of the load: some bookings answered, others in flight.
      if (kind === 'DONE' && confirmed.size === 12 && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => resolve());
  });
  expect(await exited).toBe('SIGKILL');
  expect(finished).toBe(false);
  expect(confirmed.size).toBeGreaterThanOrEqual(12);

  // Restart on the same database.
  reopened = await startApp({ config, runWorkers: false, skipLock: true, migrate: false, mailer: { send: async () => {} } });
  const state = await slotState(reopened.database.db, slotId);
  const byId = new Map(state.rows.map((r) => [r.id, r]));
  for (const [key, booking] of confirmed) {
    expect(byId.get(booking.id), `confirmed ${key} is missing after the crash`).toMatchObject({ status: 'confirmed', idempotency_key: key, seats: booking.seats });
  }
  // Every booking in the database was asked for; those not confirmed to the client were in flight.
  for (const row of state.rows) expect(started.has(row.idempotency_key ?? '')).toBe(true);
  const inFlight = state.rows.filter((r) => !confirmed.has(r.idempotency_key ?? ''));
  expect(inFlight.length).toBeLessThanOrEqual(8);
  expect(state.heldSeats).toBeLessThanOrEqual(CAPACITY);
  expect(state.seats_taken).toBe(state.heldSeats);
});
