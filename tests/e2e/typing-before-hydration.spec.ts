import type { Page } from '@playwright/test';
import { test, expect, loginAs } from './fixtures.ts';

/**
 * On a slow phone the form is on screen (server-rendered) well before its JavaScript has loaded.
 * Whatever a person types in that time must still be in the fields once the page has hydrated.
 * The page's scripts are held back until the typing is done, then let through.
 */
async function openWithScriptsHeld(page: Page, path: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Promise<void>[] = [];
  // Only scripts: holding the stylesheet would hold the first paint, and nobody could type.
  await page.route('**/_app/immutable/**/*.js', (route) => {
    const done = released.then(() => route.continue());
    held.push(done);
    return done;
  });
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  return async () => {
    // The typing happened before hydration: scripts were asked for and none has run yet.
    expect(held.length).toBeGreaterThan(0);
    await expect(page.locator('[data-hydrated]')).toHaveCount(0);
    release();
    await Promise.all(held);
    await page.unroute('**/_app/immutable/**/*.js');
    // Field marks itself once it is live, which is when hydration has set every control.
    await expect(page.locator('[data-hydrated]').first()).toBeAttached();
  };
}

test('what a person types into the sign-in form before the page has loaded is kept', async ({ page }) => {
  const hydrate = await openWithScriptsHeld(page, '/sign-in');
  await page.getByLabel('メールアドレス').fill('hanako@sakura.example');
  await page.getByLabel('パスワード', { exact: true }).fill('typed-before-js');
  await hydrate();

  await expect(page.getByLabel('メールアドレス')).toHaveValue('hanako@sakura.example');
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('typed-before-js');
});

test('a guardian adding a child keeps the name, date of birth and choice made before the page has loaded', async ({ page }) => {
  await loginAs(page, 'guardian');
  const hydrate = await openWithScriptsHeld(page, '/family/children/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('お子さんを追加する');
  await page.getByLabel('名前またはニックネーム').fill('佐藤 さくら');
  await page.getByLabel('生年月日').fill('2026-04-01');
  await page.getByLabel('性別').selectOption({ label: '女の子' });
  await hydrate();

  await expect(page.getByLabel('名前またはニックネーム')).toHaveValue('佐藤 さくら');
  await expect(page.getByLabel('生年月日')).toHaveValue('2026-04-01');
  await expect(page.getByLabel('性別')).toHaveValue('female');
});

test('a guardian changing notice settings keeps the boxes, choices and times set before the page has loaded', async ({ page }) => {
  await loginAs(page, 'guardian');
  const hydrate = await openWithScriptsHeld(page, '/account/preferences');
  const email = page.getByLabel('メールでも受け取る');
  const wasEmail = await email.isChecked();
  await email.setChecked(!wasEmail);
  await page.getByLabel('表示とお知らせの言語').selectOption('en');
  await page.getByLabel('設定する', { exact: true }).check();
  await page.getByLabel('開始（例：21:00）').fill('22:30');
  await hydrate();

  await expect(email).toBeChecked({ checked: !wasEmail });
  await expect(page.getByLabel('表示とお知らせの言語')).toHaveValue('en');
  await expect(page.getByLabel('設定する', { exact: true })).toBeChecked();
  await expect(page.getByLabel('開始（例：21:00）')).toHaveValue('22:30');
});

test('an admin adding a district keeps what was typed before the page has loaded', async ({ page }) => {
  await loginAs(page, 'admin');
  const hydrate = await openWithScriptsHeld(page, '/admin/districts');
  const form = page.locator('form[action="?/create"]');
  await form.locator('#code').fill('099');
  await form.locator('#name').fill('新しい地区');
  await hydrate();

  await expect(form.locator('#code')).toHaveValue('099');
  await expect(form.locator('#name')).toHaveValue('新しい地区');
});
