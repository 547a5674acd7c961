import { test, expect, expectNoAxeViolations } from './fixtures.ts';

test('a resident opens the Japanese home page of さくら区 and it passes axe', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('育み');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ようこそ、育みへ');
  await expect(page.getByText('さくら区の子育て応援ポータル')).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a resident switches the language to English and then to やさしい日本語, and the choice is remembered', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('言語').selectOption('en');
    await page.getByRole('button', { name: '切り替える' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Hagukumi');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Hagukumi');
    await page.getByLabel('Language').selectOption('ja-x-easy');
    await page.getByRole('button', { name: 'Change' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('はぐくみへ　ようこそ');
  });
});
