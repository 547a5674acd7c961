import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { expectSignedIn, freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify } from './pages/auth-pages.ts';

// The push section of the preferences page. Headless Chromium has no push service, so these check
// what a person sees where push cannot work; delivery itself is tested against a local push service
// (src/lib/server/notifications/push/push-sender.db.test.ts).

/** A new account of its own (never a demo resident), signed in. */
async function signUpAndSignIn(page: Page, label: string) {
  const email = freshEmail(label);
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
}

// axe needs JavaScript in the page, so the page is checked with axe in the JavaScript test below.
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the preferences page explains that push is not available on this browser, and the form still saves', async ({ page }) => {
    await signUpAndSignIn(page, 'push-nojs');
    await page.goto('/account/preferences');
    const section = page.getByRole('region', { name: 'この端末でのプッシュ通知' });
    await expect(section).toBeVisible();
    await expect(section).toContainText('このブラウザーではプッシュ通知を使えません');
    await expect(section.getByRole('switch')).toHaveCount(0);
    await page.getByLabel('プッシュ通知でも受け取る（この端末で通知を許可したとき）').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByText('設定を保存しました。')).toBeVisible();
    await expect(page.getByLabel('プッシュ通知でも受け取る（この端末で通知を許可したとき）')).toBeChecked();
  });
});

test('with JavaScript, a browser whose push service cannot be reached is told so and nothing is registered', async ({ page, context }) => {
  await signUpAndSignIn(page, 'push-js');
  await context.grantPermissions(['notifications']);
  await page.goto('/account/preferences');
  const section = page.getByRole('region', { name: 'この端末でのプッシュ通知' });
  await expect(section).toHaveAttribute('data-push-support', 'ready');
  const toggle = section.getByRole('switch', { name: 'この端末でプッシュ通知を受け取る' });
  await expect(toggle).not.toBeChecked();
  await expectNoAxeViolations(page);

  await toggle.click();
  await expect(section).toContainText('この端末ではプッシュ通知を設定できませんでした。', { timeout: 45_000 });
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await expect(page.getByLabel('プッシュ通知でも受け取る（この端末で通知を許可したとき）')).not.toBeChecked();
  // Nothing was stored for this person: removing any endpoint answers "not subscribed".
  const removal = await page.request.delete('/api/v1/me/push-subscriptions', { data: { endpoint: 'https://fcm.googleapis.com/fcm/send/none' } });
  expect(removal.status()).toBe(404);
  expect((await removal.json()).code).toBe('push.not_subscribed');
});
