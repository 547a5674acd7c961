import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, loginAs } from './fixtures.ts';
import { freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify } from './pages/auth-pages.ts';

/** A Tokyo business date, `months` calendar months and `days` days from today (month ends clamped as the server does). */
function tokyoDate({ months = 0, days = 0 } = {}): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay) + days));
  return shifted.toISOString().slice(0, 10);
}

/** How the page writes a date in Japanese (e.g. 2026年11月28日). */
function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

function item(page: Page, title: string) {
  return page.getByRole('article', { name: title, exact: true });
}

async function registerChildBornTwoMonthsAgo(page: Page, name: string) {
  const email = freshEmail('timeline');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await page.goto('/family');
  await page.getByLabel('お住まいの地区').selectOption({ label: '本町' });
  await page.getByRole('button', { name: '世帯を登録する' }).click();
  await expect(page.getByRole('status')).toContainText('世帯を登録しました');
  await page.getByRole('link', { name: 'お子さんを追加する' }).click();
  await page.getByLabel('名前またはニックネーム').fill(name);
  await page.getByLabel('生年月日').fill(tokyoDate({ months: -2 }));
  await page.getByRole('button', { name: '追加する' }).click();
  await expect(page.getByRole('status')).toContainText('お子さんを追加しました');
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a guardian registers a child born two months ago, sees the 2-month vaccinations due and the next check-up, and records B型肝炎 dose 1', async ({ page }) => {
      const name = javaScriptEnabled ? 'みなと' : 'ひなた';
      await registerChildBornTwoMonthsAgo(page, name);
      await page.getByRole('link', { name: '子育てタイムライン（健診・予防接種・手続き）を見る' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('子育てタイムライン');
      await expect(page.getByRole('heading', { level: 2, name: `${name}さん` })).toBeVisible();
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      for (const title of ['B型肝炎 1回目', 'ロタウイルス 1回目', '小児用肺炎球菌 1回目', '5種混合 1回目']) {
        await expect(item(page, title)).toContainText('今の時期です');
      }
      // the next check-up: the 3–4 month one, a month from now
      await expect(item(page, '3〜4か月児健康診査')).toContainText('これから');
      await expect(item(page, '3〜4か月児健康診査')).toContainText(japaneseDate(tokyoDate({ months: 1 })));

      const dose2 = item(page, 'B型肝炎 2回目');
      await expect(dose2).toContainText(`受けられるいちばん早い日：${japaneseDate(tokyoDate({ days: 27 }))}`);

      // A date in the future is refused beside the field, and nothing is recorded.
      const dose1 = item(page, 'B型肝炎 1回目');
      await dose1.getByLabel('接種した日').fill(tokyoDate({ days: 2 }));
      await dose1.getByRole('button', { name: /接種を記録する/ }).click();
      await expect(item(page, 'B型肝炎 1回目')).toContainText('今日より後の日付は入力できません。');
      await expect(item(page, 'B型肝炎 1回目').getByLabel('接種した日')).toHaveAttribute('aria-invalid', 'true');

      const given = tokyoDate({ days: -3 });
      await item(page, 'B型肝炎 1回目').getByLabel('接種した日').fill(given);
      await item(page, 'B型肝炎 1回目').getByRole('button', { name: /接種を記録する/ }).click();
      await expect(page.getByRole('status')).toContainText('接種を記録しました');
      await expect(item(page, 'B型肝炎 2回目')).toContainText(`受けられるいちばん早い日：${japaneseDate(tokyoDate({ days: 24 }))}`);
      await page.getByText(/その先の予定/).click();
      await expect(item(page, 'B型肝炎 3回目')).toContainText(`受けられるいちばん早い日：${japaneseDate(tokyoDate({ days: 136 }))}`);

      // The dose is listed as done and can be undone.
      await page.getByText(/済んだもの・対象外/).click();
      await expect(item(page, 'B型肝炎 1回目')).toContainText(`${japaneseDate(given)}に接種しました`);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      await item(page, 'B型肝炎 1回目').getByRole('button', { name: /元に戻す/ }).click();
      await expect(page.getByRole('status')).toContainText('元に戻しました');
      await expect(item(page, 'B型肝炎 1回目')).toContainText('今の時期です');
    });
  });
}

test('the demo guardian marks a check-up done and undoes it, reads the inbox, opens the past-doses form, and a guessed child id is not found', async ({ page }) => {
  await loginAs(page, 'guardian');
  await page.goto('/timeline');
  await expect(page.getByRole('heading', { level: 2, name: '佐藤 陽葵さん' })).toBeVisible();
  const checkup = item(page, '9〜10か月児健康診査');
  await expect(checkup).toContainText('今の時期です');
  await checkup.getByLabel('済んだ日').fill(tokyoDate({ days: -1 }));
  await checkup.getByRole('button', { name: /済んだことを記録する/ }).click();
  await expect(page.getByRole('status')).toContainText('済んだことを記録しました');
  await page.getByText(/済んだもの・対象外/).first().click();
  await expect(item(page, '9〜10か月児健康診査')).toContainText(`${japaneseDate(tokyoDate({ days: -1 }))}に済みました`);
  await item(page, '9〜10か月児健康診査').getByRole('button', { name: /元に戻す/ }).click();
  await expect(page.getByRole('status')).toContainText('元に戻しました');
  // Today's notices, planned by the daily planner, are in the in-app inbox.
  await page.getByRole('link', { name: /^お知らせ（\d+件）$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('お知らせ');
  await expect(page.getByRole('link', { name: '9〜10か月児健康診査' })).toBeVisible();
  await expect(page.getByText('佐藤 陽葵さんについて').first()).toBeVisible();
  await expectNoAxeViolations(page);
  // The inbox is the app-wide one now (every source), reached from the nav; back to the timeline.
  await page.goto('/timeline');
  // The past-doses form of the demo child, reachable from the timeline.
  await page.getByRole('link', { name: '佐藤 陽葵さんが、これまでに受けた予防接種をまとめて入力する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('佐藤 陽葵さんのこれまでの予防接種');
  await expectNoAxeViolations(page);
  // A guessed child id (another family's) is not found.
  const response = await page.goto('/timeline/children/00000000-0000-4000-8000-000000000000/doses');
  expect(response?.status()).toBe(404);
});

test('ward staff open a rule, see 未確認 where the reference is unverified, check its reach before saving, and a bad edit saves nothing', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.goto('/staff');
  await page.getByRole('link', { name: 'タイムラインの規則（健診・予防接種・手当）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('タイムラインの規則');
  await expect(page.getByRole('row', { name: /児童手当の申請/ })).toContainText('未確認');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '児童手当の申請（出生の翌日から15日以内）' }).click();
  await expect(page.getByRole('heading', { name: /未確認の事実があります/ })).toBeVisible();
  const reach = page.getByRole('region', { name: 'この規則が届く世帯数' });
  await expect(reach).toContainText(/今日：\d+世帯/);
  await expect(reach).toContainText('保存されている内容での数です');
  await expectNoAxeViolations(page);

  await page.getByLabel('この年齢になる前日まで').fill('60');
  await page.getByLabel('終わりの単位').selectOption({ label: '日' });
  await page.getByRole('button', { name: '届く世帯数を確認する' }).click();
  await expect(reach).toContainText('入力中の内容での数です（まだ保存していません）');
  await expect(page.getByLabel('この年齢になる前日まで')).toHaveValue('60');

  await page.locator('#title_en').fill('');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: '題名（英語）：入力してください。' })).toHaveAttribute('href', '#title_en');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByLabel('この年齢になる前日まで')).toHaveValue('16');
});
