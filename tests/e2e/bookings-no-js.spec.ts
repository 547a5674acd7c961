import { test, expect, loginAs } from './fixtures.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('another family books a ひろば session with plain forms; the same form sent twice books once', async ({ page }) => {
    await loginAs(page, 'otherGuardian');
    await page.goto('/bookings/places');
    await page.getByRole('link', { name: '子育てひろば さくら' }).click();
    const row = page.locator('li', { hasText: '残り 10／10' }).first();
    const slotPath = (await row.getByRole('link', { name: /詳細・予約/ }).getAttribute('href'))!;
    const slotId = slotPath.split('/').pop()!;
    await page.goto(slotPath);
    await page.getByRole('button', { name: '予約する' }).click();
    await expect(page.getByRole('alert')).toContainText('お子さんを1人以上選んでください。');

    // The form as the browser would send it, twice (a double click without JavaScript).
    const key = await page.locator('input[name="idempotencyKey"]').getAttribute('value');
    const childId = await page.getByLabel('鈴木 陽向').getAttribute('value');
    const form = { idempotencyKey: key!, childIds: childId! };
    const origin = new URL(page.url()).origin;
    const headers = { origin, accept: 'text/html' };
    const first = await page.request.post(`${slotPath}?/book`, { form, headers, maxRedirects: 0 });
    const second = await page.request.post(`${slotPath}?/book`, { form, headers, maxRedirects: 0 });
    expect(first.status()).toBe(303);
    expect(second.status()).toBe(303);

    await page.goto(slotPath);
    await expect(page.getByTestId(`seats-${slotId}`)).toHaveText('残り 9／10');
    await expect(page.getByTestId('my-booking-status')).toHaveText('予約確定（1席）');
    await page.goto('/bookings');
    // The family also has the demo event's registration (at the same place): this slot's booking is there once.
    const booking = page.locator('[data-testid^="booking-"]', { has: page.locator(`a[href$="/${slotId}"]`) });
    await expect(booking).toHaveCount(1);
    await booking.getByRole('button', { name: /予約を取り消す/ }).click();
    await expect(page.getByRole('status')).toContainText('予約を取り消しました');
    await page.goto(slotPath);
    await expect(page.getByTestId(`seats-${slotId}`)).toHaveText('残り 10／10');
    await page.getByLabel('鈴木 陽向').check();
    await page.getByRole('button', { name: '予約する' }).click();
    await expect(page.getByRole('status')).toContainText('予約が確定しました');
    await expect(page.getByTestId(`seats-${slotId}`)).toHaveText('残り 9／10');
  });
});
