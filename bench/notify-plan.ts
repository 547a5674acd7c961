// notify-plan: plan today's notices with the built-in rule sets for 10,000 and then 100,000 children plus
// 10,000 pregnancies (a seeded generator: same seed → same data), next to one plain SELECT over the same
// rows. On PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, in a
// database of its own, dropped at the end) and on PGlite beside it at 10k (BENCH_NOTIFY_PGLITE=full adds
// 100k, =0 skips PGlite).
// Not a test: it never fails on speed. Run with `node bench/notify-plan.ts` (no build needed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startApp, type App } from '../src/lib/server/app.ts';
import { readConfig, type AppConfig } from '../src/lib/server/platform/config.ts';
import { insertDistrict, insertMunicipality } from '../src/lib/server/municipalities/municipalities.queries.ts';
import { ensureRuleSet, planAllNotices } from '../src/lib/server/guidance/index.ts';
import { addDays, today } from '../src/lib/server/platform/clock.ts';
import { withBenchDatabase } from './bench-database.ts';

const SEED = Number(process.env.BENCH_SEED || 20261128);
const PREGNANCIES = 10_000;
const SIZES = [10_000, 100_000];
const BATCH = 10_000;

/** mulberry32: a small seeded PRNG, so the same seed gives the same households. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = '8';
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, uuid };
}

interface Rows {
  users: string[];
  households: { id: string; district: string }[];
  children: { household: string; birth: string }[];
  pregnancies: { household: string; due: string; fetus: number; outcome: string | null; outcomeDate: string | null }[];
}

/** Households of one guardian each, with 1–2 children (born 0–18 years ago) or one pregnancy (due −21…+280 days). */
function generate(rand: ReturnType<typeof generator>, districts: string[], children: number, pregnancies: number, onDate: string, prefix: string): Rows {
  const rows: Rows = { users: [], households: [], children: [], pregnancies: [] };
  const household = () => {
    const id = rand.uuid();
    rows.users.push(`${prefix}-${rows.users.length}`);
    rows.households.push({ id, district: districts[rand.int(0, districts.length - 1)] });
    return id;
  };
  while (rows.children.length < children) {
    const id = household();
    const count = Math.min(rand.int(1, 2), children - rows.children.length);
    for (let i = 0; i < count; i++) rows.children.push({ household: id, birth: addDays(onDate, -rand.int(0, 18 * 365)) });
  }
  for (let i = 0; i < pregnancies; i++) {
    const due = addDays(onDate, rand.int(-21, 280));
    const ended = rand.next() < 0.05;
    const outcome = ended ? (rand.next() < 0.8 ? 'birth' : 'loss') : null;
    rows.pregnancies.push({ household: household(), due, fetus: rand.next() < 0.02 ? 2 : 1, outcome, outcomeDate: ended ? addDays(onDate, -rand.int(0, 20)) : null });
  }
  return rows;
}

async function insert(app: App, municipalityId: string, rows: Rows) {
  const db = app.database.db;
  for (let i = 0; i < rows.users.length; i += BATCH) {
    const users = rows.users.slice(i, i + BATCH);
    const households = rows.households.slice(i, i + BATCH);
    await sql`insert into "user" (id, name, email, "emailVerified", image, "createdAt", "updatedAt", "twoFactorEnabled")
      select u, '利用者', u || '@bench.test', true, null, now(), now(), false from unnest(${users}::text[]) as u`.execute(db);
    await sql`insert into household (id, municipality_id, district_id)
      select h, ${municipalityId}, d from unnest(${households.map((h) => h.id)}::uuid[], ${households.map((h) => h.district)}::uuid[]) as t(h, d)`.execute(db);
    await sql`insert into household_guardian (household_id, user_id, municipality_id)
      select h, u, ${municipalityId} from unnest(${households.map((h) => h.id)}::uuid[], ${users}::text[]) as t(h, u)`.execute(db);
  }
  for (let i = 0; i < rows.children.length; i += BATCH) {
    const part = rows.children.slice(i, i + BATCH);
    await sql`insert into child (municipality_id, household_id, name, birth_date)
      select ${municipalityId}, h, '子', b from unnest(${part.map((c) => c.household)}::uuid[], ${part.map((c) => c.birth)}::date[]) as t(h, b)`.execute(db);
  }
  for (let i = 0; i < rows.pregnancies.length; i += BATCH) {
    const part = rows.pregnancies.slice(i, i + BATCH);
    await sql`insert into pregnancy (municipality_id, household_id, due_date, fetus_count, outcome, outcome_date)
      select ${municipalityId}, h, d, f, o, od from unnest(${part.map((p) => p.household)}::uuid[], ${part.map((p) => p.due)}::date[], ${part.map((p) => p.fetus)}::int[],
        ${part.map((p) => p.outcome)}::text[], ${part.map((p) => p.outcomeDate)}::date[]) as t(h, d, f, o, od)`.execute(db);
  }
  await sql`analyze`.execute(db);
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

/** The anchor: one plain SELECT over the rows the planner reads (every child and pregnancy with its guardian). */
function plainSelect(app: App, municipalityId: string) {
  return sql`select count(*), max(x.d) from (
      select c.birth_date as d, g.user_id from child c join household h on h.id = c.household_id join district di on di.id = h.district_id
        join household_guardian g on g.household_id = h.id and g.removed_at is null where c.municipality_id = ${municipalityId}
      union all
      select p.due_date, g.user_id from pregnancy p join household h on h.id = p.household_id join district di on di.id = h.district_id
        join household_guardian g on g.household_id = h.id and g.removed_at is null where p.municipality_id = ${municipalityId}) x`.execute(app.database.db);
}

async function measure(label: string, config: AppConfig, sizes: number[]) {
  const app = await startApp({ config, runWorkers: false, mailer: { send: async () => {} } });
  try {
    const { id: municipalityId } = await insertMunicipality(app.database.db, { code: '139998', name: 'ベンチ区', nameEn: 'Bench City', prefecture: '東京都' });
    const districts: string[] = [];
    for (const [i, name] of ['本町', '東町', '西町', '南町', '北町'].entries()) districts.push((await insertDistrict(app.database.db, municipalityId, { code: `0${i + 1}`, name })).id);
    await ensureRuleSet(app, municipalityId);
    const onDate = today();
    const rand = generator(SEED);
    const figures: { size: number; plan: number; notices: number }[] = [];
    let made = 0;
    for (const size of sizes) {
      await insert(app, municipalityId, generate(rand, districts, size - made, made === 0 ? PREGNANCIES : 0, onDate, `nb${size}`));
      made = size;
      let best = Infinity;
      let notices = 0;
      // Best of two runs, each from an empty notice table (the first plan of the day).
      for (let run = 0; run < 2; run++) {
        await sql`truncate guidance_notice`.execute(app.database.db);
        best = Math.min(best, await seconds(async () => (notices = await planAllNotices(app.database.db, onDate))));
      }
      // The daily pass after the first: the same rules over the same rows, everything already planned.
      const again = await seconds(() => planAllNotices(app.database.db, onDate));
      let anchor = Infinity;
      for (let run = 0; run < 2; run++) anchor = Math.min(anchor, await seconds(() => plainSelect(app, municipalityId)));
      figures.push({ size, plan: best, notices });
      console.log(
        `notify-plan-${label}-${size / 1000}k: ${best.toFixed(2)} s for ${size.toLocaleString('en')} children + ${PREGNANCIES.toLocaleString('en')} pregnancies, ` +
          `${notices.toLocaleString('en')} notices, re-plan with all planned ${again.toFixed(2)} s (anchor plain SELECT: ${anchor.toFixed(3)} s, ratio ${(best / anchor).toFixed(1)})`
      );
    }
    const [small, large] = figures;
    if (large) console.log(`notify-plan-${label}-growth: ${(large.plan / small.plan).toFixed(1)}× time for ${(large.size / small.size).toFixed(0)}× children (target ≤ 3 s at 100k)`);
  } finally {
    await app.stop();
  }
}

const root = mkdtempSync(join(tmpdir(), 'hagukumi-notify-plan-'));
try {
  await withBenchDatabase('notify-plan', (url) => measure('postgres', { ...readConfig({}), databaseUrl: url, dataDir: join(root, 'pg') }, SIZES));
  const pglite = process.env.BENCH_NOTIFY_PGLITE;
  if (pglite !== '0') await measure('pglite', { ...readConfig({}), databaseUrl: undefined, dataDir: join(root, 'pglite', 'db') }, pglite === 'full' ? SIZES : SIZES.slice(0, 1));
} finally {
  rmSync(root, { recursive: true, force: true });
}
