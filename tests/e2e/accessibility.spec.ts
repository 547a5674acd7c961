import { test, expect, expectNoAxeViolations, loginAs } from './fixtures.ts';

test.describe('the accessibility policy', () => {
  test('states the JIS X 8341-3:2016 AA target, how it is tested and its date, in Japanese, English and やさしい日本語', async ({ page, context, baseURL }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'アクセシビリティ方針' }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('アクセシビリティ方針');
    await expect(page.getByRole('main')).toContainText('JIS X 8341-3:2016 の適合レベル AA');
    await expect(page.getByRole('main')).toContainText('WCAG 2.2 のレベル AA');
    await expect(page.getByRole('main')).toContainText('axe-core');
    await expect(page.getByRole('main')).toContainText('2026年11月27日');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expectNoAxeViolations(page);

    for (const [locale, heading, text] of [
      ['en', 'Accessibility policy', 'level AA of the Japanese Industrial Standard JIS X 8341-3:2016'],
      ['ja-x-easy', 'だれでも　使える　ための　方針（ほうしん）', 'JIS X 8341-3:2016　という　きまりの　「AA」']
    ]) {
      await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
      await page.goto('/accessibility');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('main')).toContainText(text);
      await expectNoAxeViolations(page);
    }
  });
});

test('keyboard only: an admin skips to the content, fills in the district form and sends it with Tab and Enter', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/districts');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Tab forward (never click) until the first field of the form has the focus.
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let presses = 0; (await focusedId()) !== 'code'; presses++) {
    expect(presses, 'the district code field is reachable with Tab').toBeLessThan(80);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('kb1');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: '地区名', exact: true })).toBeFocused();
  await page.keyboard.type('キーボード町');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status')).toHaveText('地区を追加しました。');
  await expect(page.getByRole('row', { name: /キーボード町/ })).toBeVisible();

  // Leave the demo ward as it was: the district is unused, so it can be deleted, again by keyboard.
  await page.getByRole('button', { name: 'キーボード町を削除する' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('地区を削除しました。');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the accessibility policy is readable from the footer link', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'アクセシビリティ方針' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('アクセシビリティ方針');
    await expect(page.getByRole('main')).toContainText('キーボードだけで操作する試験');
  });
});
