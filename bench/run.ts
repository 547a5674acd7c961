// `npm run bench`: measures what the issues so far can measure; prints `name: value unit (anchor: value, ratio)`.
// Never fails on speed. `npm run bench` builds first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runPlacesNear } from './places-near.ts';

const PORT = Number(process.env.BENCH_PORT || 3299);
const base = `http://127.0.0.1:${PORT}`;

function report(name: string, value: number, unit: string, anchorName: string, anchor: number) {
  console.log(`${name}: ${value.toFixed(1)} ${unit} (${anchorName}: ${anchor.toFixed(1)}, ratio ${(value / anchor).toFixed(2)})`);
}

async function waitUntilHealthy(started: number): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const root = mkdtempSync(join(tmpdir(), 'hagukumi-bench-'));
const started = performance.now();
const server = spawn(process.execPath, [resolve('build', 'index.js')], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', HAGUKUMI_DATA_DIR: join(root, 'db'), NODE_ENV: 'production', LOG_LEVEL: 'warn', HAGUKUMI_QUIET: '1' },
  stdio: 'ignore'
});
try {
  const readyMs = await waitUntilHealthy(started);
  report('startup-empty-embedded', readyMs / 1000, 's', 'budget', 15);

  // page-weight: JavaScript (gzip) the resident home page loads first.
  const html = await (await fetch(`${base}/`)).text();
  const scripts = [...html.matchAll(/(?:href|src)="\.?\/?(_app\/immutable\/[^"]+\.js)"/g)].map((m) => m[1]);
  let jsGzip = 0;
  for (const path of new Set(scripts)) jsGzip += gzipSync(Buffer.from(await (await fetch(`${base}/${path}`)).arrayBuffer())).length;
  report('page-weight-home-js', jsGzip / 1024, 'KB gzip', 'budget', 60);
  report('page-weight-home-html', gzipSync(Buffer.from(html)).length / 1024, 'KB gzip', 'budget', 60);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(root, { recursive: true, force: true });
}

await runPlacesNear(PORT + 1);
// booking-race runs its own servers (PostgreSQL and PGlite) after the figures above.
await import('./booking-race.ts');
// notify-plan: the set-based planner over 10k and 100k children + 10k pregnancies (PostgreSQL, PGlite at 10k).
await import('./notify-plan.ts');
