import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_EMAILS, DEMO_PASSWORD } from './fixtures.ts';
import { expectSignedIn, signInWith, totpCode } from './pages/auth-pages.ts';

// A server as production runs it: staff accounts must have a second factor.
const PORT = Number(process.env.E2E_PORT || 3124) + 60;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hagukumi-2fa-'));
  server = spawn(process.execPath, [resolve(process.env.HAGUKUMI_BUILD_DIR || 'build', 'index.js')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', HAGUKUMI_DATA_DIR: join(root, 'db'), NODE_ENV: 'production', LOG_LEVEL: 'warn', HAGUKUMI_REQUIRE_STAFF_2FA: 'true' },
    stdio: 'ignore'
  });
  await expect(async () => expect((await fetch(`${BASE}/healthz`)).status).toBe(200)).toPass({ timeout: 60_000 });
});

test.afterAll(async () => {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(root, { recursive: true, force: true });
});

test('a ward official without a second factor is sent to set one up before the ward console opens', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signInWith(page, DEMO_EMAILS.staff, DEMO_PASSWORD);
  await expectSignedIn(page);

  await page.goto('/staff');
  await expect(page).toHaveURL(/\/account\/security\?required=1$/);
  await expect(page.getByRole('alert')).toContainText('2段階認証を設定するまで業務用の画面を使えません');
  // Their own resident pages stay open: the rule guards the consoles that show other people's data.
  const family = await page.goto('/family');
  expect(family?.status()).toBe(200);

  await page.goto('/account/security?required=1');
  await page.getByLabel('いまのパスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '設定をはじめる' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  await page.getByLabel('確認コード（6桁）').fill(await totpCode(secret));
  await page.getByRole('button', { name: '2段階認証を有効にする' }).click();
  await expect(page.getByRole('status')).toContainText('2段階認証を有効にしました');

  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('区職員コンソール');
  await context.close();
});
