import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './fixtures.ts';

const DATA = '/work/shared/data/opendata';

async function mapReady(page: Page) {
  const map = page.locator('[data-map-ready="true"]');
  await expect(map).toBeVisible();
  return map;
}

test.describe('anyone finds places', () => {
  test.use({ geolocation: { latitude: 35.7329, longitude: 139.6444 }, permissions: ['geolocation'] });

  test('searches "ひろば", filters, opens a place, sorts from here and switches to the map', async ({ page }) => {
    await page.goto('/places');
    await page.getByLabel('ことばでさがす').fill('ひろば');
    await page.getByRole('button', { name: 'この条件でさがす' }).click();
    const results = page.getByRole('list', { name: '検索結果' });
    await expect(results.getByRole('link', { name: '子育てひろば さくら', exact: true })).toBeVisible();
    await expect(results.getByRole('link', { name: 'おでかけひろば かわべ', exact: true })).toBeVisible();

    await page.getByLabel('種類').selectOption({ label: '子育てひろば・おでかけひろば' });
    await page.getByLabel('地区').selectOption({ label: '川辺' });
    await page.getByRole('button', { name: 'この条件でさがす' }).click();
    await expect(page.getByRole('heading', { name: '1件の施設' })).toBeVisible();
    await expect(results.getByRole('link')).toHaveCount(2); // the place and "sort from this place"
    await expect(results.getByRole('link', { name: 'おでかけひろば かわべ', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await results.getByRole('link', { name: 'おでかけひろば かわべ', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'おでかけひろば かわべ' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '設備・バリアフリー' })).toBeVisible();
    await expect(page.getByText('月・水・金 10:00〜15:00')).toBeVisible();
    await expectNoAxeViolations(page);

    // Nearest first from the browser's location (permission granted in this context).
    await page.goto('/places?category=hiroba');
    await page.getByRole('button', { name: '現在地から近い順にする' }).click();
    await expect(page).toHaveURL(/near=35\.7329/);
    await expect(page.getByText('選んだ地点から近い順に表示しています。')).toBeVisible();
    const distances = await results.locator('li p.text-std-16B-170').allInnerTexts();
    expect(distances.length).toBe(2);
    expect(distances).toEqual(['約1.1km', '約1.5km']);
    await expect(results.getByRole('heading').first()).toHaveText('おでかけひろば かわべ');

    // The map view: Leaflet loads there only, with the 地理院タイル attribution and clustered markers.
    await page.getByRole('link', { name: '地図', exact: true }).click();
    const map = await mapReady(page);
    await expect(page.getByRole('link', { name: '地理院タイル', exact: true })).toBeVisible();
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await expect(page).toHaveURL(/view=map.*near=|near=.*view=map/);
    await expect(page.getByText('選んだ地点から近い順に表示しています。')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the list page does not load Leaflet', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('/places');
    await expect(page.getByRole('heading', { level: 1, name: '子育て施設・スポットをさがす' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
    expect(bodies.some((b) => b.includes('leaflet-tile-container'))).toBe(false);
  });
});

test.describe('ward staff', () => {
  test('import the Tokyo こども食堂 file through preview → confirm and see the count', async ({ page }) => {
    await loginAs(page, 'staff');
    await page.goto('/staff/places');
    await page.getByRole('link', { name: '施設データの取り込み', exact: true }).click();
    await page.getByLabel('ファイル', { exact: true }).setInputFiles(`${DATA}/131067_taitoku_kodomosyokudo.csv`);
    await page.getByRole('button', { name: '読み込んで確認する' }).click();
    await expect(page.getByRole('heading', { name: '取り込む前の確認' })).toBeVisible();
    await expect(page.getByTestId('importable-count')).toHaveText('7');
    await expect(page.getByText('緯度・経度がありません（地図未登録として取り込みます）').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '7件を登録する' }).click();
    await expect(page.getByTestId('import-result')).toHaveText('7件を新しく登録し、0件を更新しました。');
    await page.goto('/places?q=' + encodeURIComponent('下町こども食堂'));
    await expect(page.getByRole('heading', { name: '2件の施設' })).toBeVisible();
  });

  test('map the columns of a layout the importer does not know (焼津市 要配慮者利用施設), then confirm 277', async ({ page }) => {
    await loginAs(page, 'staff');
    await page.goto('/staff/places/import');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles(`${DATA}/yohairyosya.csv`);
    await page.getByRole('button', { name: '読み込んで確認する' }).click();
    await expect(page.getByRole('heading', { name: '列の対応づけ' })).toBeVisible();
    await expect(page.getByText('windows-31j')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('公開元（任意）').fill('焼津市');
    await page.getByLabel('ID（再取り込みで同じ施設を見分ける）').selectOption('№');
    await page.getByLabel('名称', { exact: true }).selectOption('要配慮者利用施設名称');
    await page.getByLabel('種別').selectOption('区分');
    await page.getByLabel('住所').selectOption('所在地');
    await page.getByLabel('緯度').selectOption('緯度');
    await page.getByLabel('経度').selectOption('経度');
    await page.getByRole('button', { name: 'この対応づけで読み込む' }).click();
    await expect(page.getByTestId('importable-count')).toHaveText('277');
    await page.getByRole('button', { name: '277件を登録する' }).click();
    await expect(page.getByTestId('import-result')).toHaveText('277件を新しく登録し、0件を更新しました。');
  });

  test('place an unmapped place by clicking the map', async ({ page }) => {
    await loginAs(page, 'staff');
    await page.goto('/staff/places');
    await page.getByRole('link', { name: '「北浜地区会館」の場所を地図で登録する' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '「北浜地区会館」の場所を登録' })).toBeVisible();
    const map = await mapReady(page);
    await expectNoAxeViolations(page);
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 20, box.y + box.height / 2 - 10);
    await expect(page.getByLabel('緯度')).toHaveValue(/^3\d\.\d+$/);
    await expect(page.getByLabel('経度')).toHaveValue(/^13\d\.\d+$/);
    await page.getByRole('button', { name: 'この場所で登録する' }).click();
    await expect(page.getByText('地図上の場所を登録しました。')).toBeVisible();
    await expect(page.getByRole('link', { name: '「北浜地区会館」の場所を地図で登録する' })).toHaveCount(0);
    await page.goto('/places?q=' + encodeURIComponent('北浜地区会館'));
    await expect(page.getByText('地図未登録')).toHaveCount(0);
  });
});
