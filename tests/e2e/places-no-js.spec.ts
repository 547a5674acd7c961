import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list view searches, filters, sorts from a district and opens a place', async ({ page }) => {
    await page.goto('/places');
    await page.getByLabel('ことばでさがす').fill('保育');
    await page.getByRole('button', { name: 'この条件でさがす' }).click();
    const results = page.getByRole('list', { name: '検索結果' });
    await expect(results.getByRole('link', { name: '病児保育室 かわべ', exact: true })).toBeVisible();
    await expect(results.getByRole('link', { name: 'みどり保育園', exact: true })).toBeVisible();
    // No map, no geolocation button, and unmapped places are marked.
    await expect(page.getByRole('button', { name: '現在地から近い順にする' })).toHaveCount(0);

    await page.getByLabel('ことばでさがす').fill('');
    await page.getByLabel('並び順').selectOption({ label: '北浜の中心から近い順' });
    await page.getByRole('button', { name: 'この条件でさがす' }).click();
    await expect(page.getByText('北浜の中心から近い順に表示しています。')).toBeVisible();
    await expect(page.getByText('地図に未登録の3件は、距離順の一覧には含まれていません。')).toBeVisible();
    await expect(results.getByRole('heading').first()).toHaveText('北浜こども園');

    await page.goto('/places?q=' + encodeURIComponent('こども食堂'));
    await expect(page.getByText('地図未登録').first()).toBeVisible();
    await page.getByRole('link', { name: 'みどりまち こども食堂', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'みどりまち こども食堂' })).toBeVisible();
    await expect(page.getByText('毎月第2・第4水曜日 17:00〜19:00')).toBeVisible();
  });

  test('ward staff import a file: the progress page reloads itself, then preview → confirm', async ({ page }) => {
    await loginAs(page, 'staff');
    await page.goto('/staff/places/import');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles('/work/shared/data/opendata/222127_preschool.csv');
    await page.getByRole('button', { name: '読み込んで確認する' }).click();
    await expect(page.getByTestId('importable-count')).toHaveText('60');
    await page.getByRole('button', { name: '60件を登録する' }).click();
    await expect(page.getByTestId('import-result')).toHaveText('60件を新しく登録し、0件を更新しました。');
  });
});
