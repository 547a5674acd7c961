import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BUILD = resolve(process.env.HAGUKUMI_BUILD_DIR || 'build', 'index.js');
const PORT = Number(process.env.E2E_PORT || 3124) + 50;

function startServer(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [BUILD], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', HAGUKUMI_DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' }
  });
  child.stdout?.on('data', (c) => (output += String(c)));
  child.stderr?.on('data', (c) => (output += String(c)));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth() {
  await expect(async () => {
    const response = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    expect(response.status).toBe(200);
  }).toPass({ timeout: 60_000 });
}

test('the server keeps its data across a restart, refuses a second process on the same folder, and stops on SIGTERM', async () => {
  const root = mkdtempSync(join(tmpdir(), 'hagukumi-life-'));
  const dataDir = join(root, 'db');
  try {
    const first = startServer(dataDir);
    await waitForHealth();
    expect(first.output()).toContain('Loaded the demo ward');
    expect(first.output()).toContain('hanako@sakura.example');
    expect(first.output()).toMatch(/ready in \d+\.\d s/);

    const second = startServer(dataDir);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('already in use by another Hagukumi process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(root, '.db.lock'))).toBe(false);

    const again = startServer(dataDir);
    await waitForHealth();
    // Restarting keeps the data: the demo ward is not loaded a second time, and its accounts still sign in.
    expect(again.output()).toContain('hanako@sakura.example');
    expect(again.output()).not.toContain('Loaded the demo ward');
    const home = await (await fetch(`http://127.0.0.1:${PORT}/`)).text();
    expect(home).toContain('さくら区');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
