import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, latestMailTo, loginAs } from './fixtures.ts';

/** The first slot of 子育てひろば さくら that is open for booking with every seat free. */
async function openHiroba(page: Page): Promise<{ placePath: string; slotId: string; slotPath: string }> {
  await page.goto('/bookings/places');
  await page.getByRole('link', { name: '子育てひろば さくら' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('子育てひろば さくら の空き状況');
  const placePath = new URL(page.url()).pathname;
  const row = page.locator('li', { hasText: '残り 10／10' }).first();
  const slotPath = (await row.getByRole('link', { name: /詳細・予約/ }).getAttribute('href'))!;
  return { placePath, slotId: slotPath.split('/').pop()!, slotPath };
}

async function anonymousWatcher(browser: Browser, placePath: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(placePath);
  // The stream is connected once the page says the seats update by themselves.
  await expect(page.getByText('空き状況は自動で更新されます。')).toBeVisible();
  return { context, page };
}

test('a guardian books a ひろば session for two children, the seat count drops live elsewhere, cancels, and the provider checks them in by QR code', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'guardian');
  // The 佐藤 family registers a second child first (the demo family has one).
  await page.goto('/family/children/new');
  await page.getByLabel('名前またはニックネーム').fill('佐藤 蒼');
  await page.getByLabel('生年月日').fill(new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('button', { name: '追加する' }).click();
  await expect(page.getByRole('status')).toBeVisible();

  const { placePath, slotId, slotPath } = await openHiroba(page);
  await expectNoAxeViolations(page);
  const watcher = await anonymousWatcher(browser, placePath);
  const watched = watcher.page.getByTestId(`seats-${slotId}`);
  await expect(watched).toHaveText('残り 10／10');

  await page.goto(slotPath);
  await expect(page.getByText('空き状況は自動で更新されます。').or(page.getByTestId(`seats-${slotId}`))).toBeVisible();
  await page.getByLabel('佐藤 陽葵').check();
  await page.getByLabel('佐藤 蒼').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '予約する' }).click();
  await expect(page.getByRole('status')).toContainText('予約が確定しました');
  await expect(page.getByTestId(`seats-${slotId}`)).toHaveText('残り 8／10');
  await expect(page.getByTestId('my-booking-status')).toHaveText('予約確定（2席）');
  const mail = await latestMailTo('hanako@sakura.example', '予約が確定しました');
  expect(mail).toContain('佐藤 蒼、佐藤 陽葵');

  // Another browser, never reloaded, sees the two seats go.
  await expect(watched).toHaveText('残り 8／10');

  // Cancel from "my bookings": the seats come back, live elsewhere too.
  await page.goto('/bookings');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /予約を取り消す/ }).first().click();
  await expect(page.getByRole('status')).toContainText('予約を取り消しました');
  await expect(watched).toHaveText('残り 10／10');

  // Book again, double-clicking: one booking.
  await page.goto(slotPath);
  await page.getByLabel('佐藤 陽葵').check();
  await page.getByLabel('佐藤 蒼').check();
  await page.getByRole('button', { name: '予約する' }).dblclick();
  await expect(page.getByRole('status')).toContainText('予約が確定しました');
  await expect(watched).toHaveText('残り 8／10');
  await page.goto('/bookings');
  await expect(page.locator('[data-testid^="booking-"]', { hasText: '予約確定' })).toHaveCount(1);
  const checkInUrl = (await page.locator('img[data-check-in-url]').first().getAttribute('data-check-in-url'))!;
  await watcher.context.close();

  // The provider (the NPO that runs the ひろば) sees the roster and checks the family in by QR code.
  const providerContext = await browser.newContext();
  const provider = await providerContext.newPage();
  await loginAs(provider, 'org');
  await provider.goto('/org');
  await provider.getByRole('link', { name: '施設の予約管理' }).click();
  await expectNoAxeViolations(provider);
  await provider.getByRole('link', { name: '親子ひろば 午前の回' }).click();
  await provider.locator(`a[href$="/slots/${slotId}"]`).click();
  await expect(provider.getByRole('heading', { level: 1 })).toHaveText('名簿と受付');
  await expect(provider.getByText('佐藤 花子（佐藤 蒼、佐藤 陽葵）')).toBeVisible();
  await expectNoAxeViolations(provider);
  const { pathname, search } = new URL(checkInUrl);
  await provider.goto(pathname + search);
  await expect(provider.getByRole('status')).toContainText('受付しました');
  await expect(provider.getByRole('status')).toContainText('佐藤 花子');
  await provider.getByRole('link', { name: '名簿と受付' }).click();
  await expect(provider.getByText(/受付済み/)).toBeVisible();
  await providerContext.close();
});

test('ward staff manage a ward-run place: add a weekly slot and see it in the console', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.goto('/staff');
  await page.getByRole('link', { name: '施設の予約管理' }).click();
  await expect(page.getByRole('heading', { name: '一時預かり さくら保育園' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '子育てひろば さくら' })).toHaveCount(0);
  await page.getByRole('link', { name: '子育て・栄養相談（個別）' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('曜日').selectOption({ label: '土曜日' });
  await page.getByLabel('開始時刻').fill('10:00');
  await page.getByLabel('終了時刻').fill('09:00');
  await page.getByRole('button', { name: '繰り返しの枠を追加する' }).click();
  await expect(page.getByRole('alert')).toContainText('終了時刻は開始時刻より後にしてください。');
  await page.getByLabel('終了時刻').fill('10:30');
  await page.getByRole('button', { name: '繰り返しの枠を追加する' }).click();
  await expect(page.getByRole('status')).toContainText('繰り返しの枠を追加し');
  await expect(page.getByText(/土曜日 10:00〜10:30/)).toBeVisible();
});

test('ward staff read the booking figures of the fiscal year, month by month', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.goto('/staff/bookings');
  await page.getByRole('link', { name: '予約の実績（KPI）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の実績（年度別）');
  await expect(page.getByText(/いまオンライン予約ができる施設：[1-9]\d*か所/)).toBeVisible();
  const table = page.getByRole('table', { name: /年度の予約の実績/ });
  await expect(table.getByRole('row')).toHaveCount(14); // the header, twelve months, the year
  await expect(table.getByRole('rowheader').first()).toHaveText(/^\d{4}-04$/);
  await expectNoAxeViolations(page);
});

test('a place found on the map says what can be booked there and leads to its availability', async ({ page }) => {
  await page.goto('/places?q=ひろば');
  await page.getByRole('link', { name: '子育てひろば さくら' }).first().click();
  const section = page.getByRole('region', { name: '予約できるもの' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('listitem').first()).toContainText(/空きのある回 \d+件/);
  await expectNoAxeViolations(page);
  await section.getByRole('link', { name: '空き状況を見て予約する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('子育てひろば さくら の空き状況');
});
