// places-near: nearest 20 places of a category among 20,000, in-process (p50/p95) and over HTTP
// (autocannon requests/s, beside the /healthz route of the same server), on PostgreSQL when
// a PostgreSQL server answers at BENCH_DATABASE_URL (default the local one) and always on PGlite. Synthetic data from a seeded generator. Not a test.
// Run alone: `npm run build && node bench/places-near.ts`; `npm run bench` runs it too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { startApp, type App } from '../src/lib/server/app.ts';
import { readConfig } from '../src/lib/server/platform/config.ts';
import { seedDemoWard } from '../src/lib/server/demo/demo-ward.ts';
import { searchPlaces, PLACE_CATEGORIES } from '../src/lib/server/places/index.ts';

const PLACES = 20_000;
const CENTRE = { lat: 35.735, lng: 139.645 };
const SPREAD = 0.06; // about ±6.7 km north–south
const SEED = 20261127;

/** mulberry32: the same seed gives the same places and the same query points. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedPlaces(app: App, municipalityId: string) {
  const random = generator(SEED);
  const batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await sql`
      insert into place (municipality_id, category, name, address, lat, lng, opening_hours, search_text, source_dataset, source_key)
      select ${municipalityId}::uuid, x.category, x.name, x.address, x.lat, x.lng, x.hours, x.search, 'bench', x.key
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as x(category text, name text, address text, lat float8, lng float8, hours jsonb, search text, key text)`.execute(app.database.db);
    batch.length = 0;
  };
  for (let i = 0; i < PLACES; i++) {
    const category = PLACE_CATEGORIES[Math.floor(random() * PLACE_CATEGORIES.length)];
    const mapped = random() > 0.05;
    const name = `ベンチ施設${i}`;
    batch.push({
      category,
      name,
      address: `東京都さくら区${(i % 50) + 1}-${(i % 7) + 1}`,
      lat: mapped ? CENTRE.lat + (random() - 0.5) * 2 * SPREAD : null,
      lng: mapped ? CENTRE.lng + (random() - 0.5) * 2 * SPREAD * 1.23 : null,
      hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
      search: name,
      key: `bench-${i}`
    });
    if (batch.length === 2000) await flush();
  }
  await flush();
  // As autovacuum leaves a settled table: statistics, and the visibility map that index-only counts need.
  await sql`vacuum analyze place`.execute(app.database.db);
}

function queryPoints(count: number) {
  const random = generator(SEED + 1);
  return Array.from({ length: count }, () => ({
    near: `${(CENTRE.lat + (random() - 0.5) * SPREAD).toFixed(5)},${(CENTRE.lng + (random() - 0.5) * SPREAD).toFixed(5)}`,
    category: ['nursery', 'hiroba', 'park', 'medical', 'library'][Math.floor(random() * 5)]
  }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function inProcess(app: App, municipalityId: string) {
  const points = queryPoints(600);
  const times: number[] = [];
  for (const [i, point] of points.entries()) {
    const started = performance.now();
    const result = await searchPlaces(app, municipalityId, { near: point.near, category: [point.category], limit: '20' });
    const elapsed = performance.now() - started;
    if (!result.ok || result.value.items.length !== 20) throw new Error('places-near: the search did not return 20 places');
    if (i >= 100) times.push(elapsed); // the first 100 warm up
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function waitUntilHealthy(base: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function requestsPerSecond(url: string | string[], seconds: number): Promise<{ rps: number; errors: number }> {
  const urls = Array.isArray(url) ? url : [url];
  const first = new URL(urls[0]);
  let next = 0;
  const result = await autocannon({
    url: first.origin,
    connections: 10,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: (() => { const u = new URL(urls[next++ % urls.length]); return u.pathname + u.search; })() }) }]
  });
  return { rps: result.requests.average, errors: result.errors + result.non2xx };
}

async function overHttp(env: Record<string, string>, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [resolve('build', 'index.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', HAGUKUMI_QUIET: '1' },
    stdio: 'ignore'
  });
  try {
    await waitUntilHealthy(base);
    const urls = queryPoints(200).map((p) => `${base}/api/v1/places?category=${p.category}&near=${encodeURIComponent(p.near)}&limit=20`);
    const check = await (await fetch(urls[0])).json();
    if (check.items?.length !== 20 || typeof check.items[0].distance_m !== 'number') throw new Error('places-near: the API did not answer 20 places with distance_m');
    await requestsPerSecond(urls, 2); // warm up
    const empty = await requestsPerSecond(`${base}/healthz`, 8);
    // /healthz skips the per-request hooks (municipality, session); a JSON 404 under /api/v1 runs them.
    const hooked = await requestsPerSecond(`${base}/api/v1/no-such-path`, 8);
    const near = await requestsPerSecond(urls, 8);
    return { empty, hooked, near };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
}

function report(name: string, value: number, unit: string, anchorName: string, anchor: number) {
  console.log(`${name}: ${value.toFixed(1)} ${unit} (${anchorName}: ${anchor.toFixed(1)}, ratio ${(value / anchor).toFixed(2)})`);
}

async function runOn(kind: 'postgres' | 'pglite', port: number) {
  const root = mkdtempSync(join(tmpdir(), 'hagukumi-places-near-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const server = new URL(BENCH_DATABASE_URL);
    const name = `hagukumi_bench_places_${process.pid}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    server.pathname = `/${name}`;
    databaseUrl = server.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const dataDir = join(root, 'db');
  try {
    const app = await startApp({ config: { ...readConfig({}), databaseUrl, dataDir, mailDir: join(root, 'mail') }, runWorkers: false });
    const municipalityId = await seedDemoWard(app);
    await seedPlaces(app, municipalityId);
    const local = await inProcess(app, municipalityId);
    await app.stop();
    const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : { HAGUKUMI_DATA_DIR: dataDir };
    if (!databaseUrl) env.DATABASE_URL = '';
    const http = await overHttp(env, port);
    const label = kind === 'postgres' ? 'postgres' : 'pglite';
    report(`places-near-p50[${label}]`, local.p50, 'ms in-process', 'budget p95', 10);
    report(`places-near-p95[${label}]`, local.p95, 'ms in-process', 'budget', 10);
    report(`places-near-http[${label}]`, http.near.rps, 'req/s', 'empty route /healthz', http.empty.rps);
    report(`places-near-http[${label}]`, http.near.rps, 'req/s', 'JSON 404 through the same hooks', http.hooked.rps);
    if (http.near.errors || http.empty.errors) console.log(`places-near-http[${label}]: ${http.near.errors} errors, /healthz ${http.empty.errors} errors`);
  } finally {
    await dropDatabase?.();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The PostgreSQL server the benchmark creates its database on (as booking-race does). */
const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs the benchmark on PostgreSQL (when BENCH_DATABASE_URL, default the local server, answers) and on PGlite. */
export async function runPlacesNear(port = Number(process.env.BENCH_PORT || 3299) + 1) {
  if (await isReachable(BENCH_DATABASE_URL)) await runOn('postgres', port);
  else console.log(`places-near[postgres]: skipped (no PostgreSQL answers at ${BENCH_DATABASE_URL}; set BENCH_DATABASE_URL)`);
  await runOn('pglite', port);
}

if (import.meta.url === `file://${process.argv[1]}`) await runPlacesNear();
