// booking-race: 1,000 concurrent booking attempts over HTTP on one 20-seat slot, each from its own
// household (1 child, 1 seat). Prints confirmed, oversold and attempts/s, on PostgreSQL (when a server
// answers at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and on PGlite
// beside it. Not a test: it never fails on speed. Needs a build (`npm run bench` builds first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serializeSignedCookie } from 'better-call';
import { startApp } from '../src/lib/server/app.ts';
import { readConfig, type AppConfig } from '../src/lib/server/platform/config.ts';
import { seedDemoWard } from '../src/lib/server/demo/demo-ward.ts';
import { resolveAuthSecret } from '../src/lib/server/auth/auth-secret.ts';
import { createHouseholds, createServiceWithSlot, slotState } from '../src/lib/server/bookings/bookings.testing.queries.ts';
import { withBenchDatabase } from './bench-database.ts';

const ATTEMPTS = Number(process.env.BENCH_BOOKING_ATTEMPTS || 1000);
const SEATS = 20;
const PORT = Number(process.env.BENCH_BOOKING_PORT || 3298);
const base = `http://127.0.0.1:${PORT}`;

async function seed(config: AppConfig) {
  const app = await startApp({ config, runWorkers: false, mailer: { send: async () => {} } });
  try {
    const municipalityId = await seedDemoWard(app);
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: SEATS });
    const households = await createHouseholds(app.database.db, municipalityId, ATTEMPTS, () => 1);
    const context = await app.auth.$context;
    const secret = resolveAuthSecret(config.authSecret, config.dataDir);
    const attempts = [];
    for (const household of households) {
      const session = await context.internalAdapter.createSession(household.actor.userId);
      const cookie = (await serializeSignedCookie('hagukumi.session_token', session.token, secret)).split(';')[0];
      attempts.push({ cookie, body: JSON.stringify({ slotId: slot.slotId, childIds: household.childIds }) });
    }
    return { slotId: slot.slotId, attempts };
  } finally {
    await app.stop();
  }
}

async function waitUntilHealthy() {
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function race(label: string, config: AppConfig, env: Record<string, string>) {
  const { slotId, attempts } = await seed(config);
  const server = spawn(process.execPath, [resolve('build', 'index.js')], {
    env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', HAGUKUMI_QUIET: '1' },
    stdio: 'ignore'
  });
  try {
    await waitUntilHealthy();
    const started = performance.now();
    const statuses = await Promise.all(
      attempts.map(async (a, i) => {
        const response = await fetch(`${base}/api/v1/bookings`, {
          method: 'POST',
          headers: { cookie: a.cookie, 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
          body: a.body
        });
        await response.arrayBuffer();
        return response.status;
      })
    );
    const seconds = (performance.now() - started) / 1000;
    const count = (status: number) => statuses.filter((s) => s === status).length;
    // Anchor: the same 1,000 signed-in callers asking for GET /api/v1/me at once (session + roles, no booking).
    const anchorStarted = performance.now();
    await Promise.all(attempts.map(async (a) => (await fetch(`${base}/api/v1/me`, { headers: { cookie: a.cookie } })).arrayBuffer()));
    const anchorRate = ATTEMPTS / ((performance.now() - anchorStarted) / 1000);
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    const app = await startApp({ config, runWorkers: false, migrate: false, mailer: { send: async () => {} } });
    const state = await slotState(app.database.db, slotId);
    await app.stop();
    const others = statuses.length - count(201) - count(409);
    console.log(
      `booking-race-${label}: ${(ATTEMPTS / seconds).toFixed(1)} attempts/s (anchor GET /api/v1/me: ${anchorRate.toFixed(1)}/s, ratio ${(ATTEMPTS / seconds / anchorRate).toFixed(2)}); ` +
        `${SEATS} seats: confirmed ${state.confirmedSeats}, oversold ${Math.max(state.confirmedSeats - SEATS, 0)}, 201 ${count(201)}, 409 ${count(409)}, other ${others}, counter ${state.seats_taken}`
    );
  } finally {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.on('exit', r));
    }
  }
}

const root = mkdtempSync(join(tmpdir(), 'hagukumi-booking-race-'));
try {
  await withBenchDatabase('booking-race', async (url) => {
    const dataDir = join(root, 'pg');
    await race('postgres', { ...readConfig({}), databaseUrl: url, dataDir }, { DATABASE_URL: url, HAGUKUMI_DATA_DIR: dataDir });
  });
  const dataDir = join(root, 'pglite', 'db');
  await race('pglite', { ...readConfig({}), databaseUrl: undefined, dataDir }, { DATABASE_URL: '', HAGUKUMI_DATA_DIR: dataDir });
} finally {
  rmSync(root, { recursive: true, force: true });
}
