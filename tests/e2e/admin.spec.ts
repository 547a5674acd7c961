import type { Browser, Page } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { test, expect, expectNoAxeViolations, loginAs, DEMO_EMAILS, type DemoRole } from './fixtures.ts';

async function signedInPage(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, role);
  return page;
}

test.describe('the municipality profile', () => {
  test('an admin enters a wrong check digit: the message names the expected digit beside the field and the input stays', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('管理');
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '自治体の情報' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('自治体の情報');
    await expect(page.getByRole('textbox', { name: '自治体名（日本語）' })).toHaveValue('さくら区');
    await expectNoAxeViolations(page);

    const code = page.getByRole('textbox', { name: '全国地方公共団体コード（6桁）' });
    await code.fill('139997');
    await page.getByRole('button', { name: '保存する' }).click();

    const summary = page.getByRole('alert');
    await expect(summary).toContainText('入力内容を確認してください');
    await expect(summary.getByRole('link')).toHaveText(/全国地方公共団体コード.*検査数字は 8 です/);
    await expect(code).toHaveValue('139997');
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#code-error')).toHaveText('6桁目の検査数字が違います。先頭5桁が 13999 のとき、検査数字は 8 です（入力は 7）。');
    await expectNoAxeViolations(page);

    // The summary's link takes keyboard and screen-reader users to the field.
    await summary.getByRole('link').click();
    await expect(code).toBeFocused();

    await code.fill('１３９９９８');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByRole('status')).toHaveText('自治体の情報を保存しました。');
    await expect(code).toHaveValue('139998');
  });

  test('an admin adds a host name and removes it again; a URL is refused beside the field', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('/admin/municipality');
    const host = page.getByLabel('追加するホスト名');
    await host.fill('https://kosodate.sakura.example/');
    await page.getByRole('button', { name: 'ホスト名を追加する' }).click();
    await expect(page.locator('#add-host-error')).toContainText('ホスト名だけを入力してください');
    await expect(host).toHaveValue('https://kosodate.sakura.example/');
    await expectNoAxeViolations(page);

    await host.fill('Kosodate.Sakura.example');
    await page.getByRole('button', { name: 'ホスト名を追加する' }).click();
    await expect(page.getByRole('status')).toHaveText('ホスト名を追加しました。');
    await page.getByRole('button', { name: 'kosodate.sakura.example を削除する' }).click();
    await expect(page.getByRole('status')).toHaveText('ホスト名を削除しました。');
    await expect(page.getByText('kosodate.sakura.example')).toHaveCount(0);
  });
});

test.describe('districts and departments, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an admin adds a district, is refused a duplicate code, edits, deactivates and deletes it', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('/admin/districts');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('地区');

    await page.getByRole('textbox', { name: '地区コード' }).fill('06');
    await page.getByRole('textbox', { name: '地区名', exact: true }).fill('南台');
    await page.getByLabel('地区名のふりがな').fill('みなみだい');
    await page.getByLabel('地区名（英語）').fill('Minamidai');
    await page.getByLabel('表示順').fill('6');
    await page.getByRole('button', { name: '地区を追加する' }).click();
    await expect(page.getByRole('status')).toHaveText('地区を追加しました。');
    const row = page.getByRole('row', { name: /南台/ });
    await expect(row).toContainText('使用中');

    await page.getByRole('textbox', { name: '地区コード' }).fill('06');
    await page.getByRole('textbox', { name: '地区名', exact: true }).fill('もう一つの南台');
    await page.getByRole('button', { name: '地区を追加する' }).click();
    await expect(page.locator('#code-error')).toHaveText('この地区コードはすでに使われています。');
    await expect(page.getByRole('textbox', { name: '地区名', exact: true })).toHaveValue('もう一つの南台');

    await page.getByRole('link', { name: '南台を編集' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('地区の編集：南台');
    await page.getByRole('textbox', { name: '地区名', exact: true }).fill('南台一丁目');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByRole('status')).toHaveText('地区を保存しました。');

    await page.getByRole('button', { name: '南台一丁目を使用停止にする' }).click();
    await expect(page.getByRole('status')).toHaveText('地区を使用停止にしました。');
    await expect(page.getByRole('row', { name: /南台一丁目/ })).toContainText('使用停止');
    await page.getByRole('button', { name: '南台一丁目を削除する' }).click();
    await expect(page.getByRole('status')).toHaveText('地区を削除しました。');
    await expect(page.getByRole('row', { name: /南台一丁目/ })).toHaveCount(0);
  });

  test('an admin adds a department and renames it', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('/admin/departments');
    await page.getByRole('textbox', { name: '部署コード' }).fill('jidou');
    await page.getByRole('textbox', { name: '部署名', exact: true }).fill('児童相談課');
    await page.getByRole('button', { name: '部署を追加する' }).click();
    await expect(page.getByRole('status')).toHaveText('部署を追加しました。');
    await page.getByRole('link', { name: '児童相談課を編集' }).click();
    await page.getByRole('textbox', { name: '部署名', exact: true }).fill('児童家庭支援課');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByRole('row', { name: /児童家庭支援課/ })).toContainText('jidou');
  });
});

test('the district and department pages pass axe, also when showing errors', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/districts');
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: '地区コード' }).fill('01');
  await page.getByRole('textbox', { name: '地区名のふりがな' }).fill('Sakura');
  await page.getByRole('button', { name: '地区を追加する' }).click();
  await expect(page.locator('#nameKana-error')).toHaveText('ひらがな・カタカナで入力してください。');
  await expect(page.locator('#name-error')).toHaveText('入力してください。');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '桜ヶ丘を編集' }).click();
  await expectNoAxeViolations(page);
  await page.goto('/admin/departments');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '子育て支援課を編集' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('部署の編集：子育て支援課');
  await expectNoAxeViolations(page);
});

test.describe('granting and ending roles', () => {
  test('an admin makes the second guardian ward staff, who then sees the ward console; once ended it is refused again', async ({ page, browser }) => {
    await loginAs(page, 'admin');
    await page.goto('/admin/roles');
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill('nobody@sakura.example');
    await page.getByRole('button', { name: '探す' }).click();
    await expect(page.locator('#email-error')).toHaveText('このメールアドレスで登録している人は、この自治体にいません。');
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill(DEMO_EMAILS.guardian2);
    await page.getByRole('button', { name: '探す' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('佐藤 太郎さんの役割');
    await expectNoAxeViolations(page);

    // An end before the start is refused beside the field, with what was chosen kept.
    await page.getByRole('combobox', { name: '役割', exact: true }).selectOption({ label: '区職員' });
    await page.getByRole('combobox', { name: '部署', exact: true }).selectOption({ label: '子育て支援課' });
    const validFrom = await page.getByRole('textbox', { name: '開始日' }).inputValue();
    await page.getByLabel('終了日（最終日）').fill('2020-01-01');
    await page.getByRole('button', { name: '役割を付与する' }).click();
    await expect(page.locator('#validTo-error')).toHaveText('終了日は開始日と同じ日か、それより後にしてください。');
    await expect(page.getByRole('combobox', { name: '役割', exact: true })).toHaveValue('ward_staff');
    await expect(page.getByRole('combobox', { name: '部署', exact: true })).toHaveValue('kosodate');
    await expectNoAxeViolations(page);

    await page.getByLabel('終了日（最終日）').fill('');
    await expect(page.getByRole('textbox', { name: '開始日' })).toHaveValue(validFrom);
    await page.getByRole('button', { name: '役割を付与する' }).click();
    await expect(page.getByRole('status')).toHaveText('役割を付与しました。');
    await expect(page.getByRole('row', { name: /区職員/ })).toContainText('部署：子育て支援課');

    const taro = await signedInPage(browser, 'guardian2');
    await expect(taro.getByRole('link', { name: '区職員コンソール' })).toBeVisible();
    await taro.goto('/staff');
    await expect(taro.getByRole('heading', { level: 1 })).toHaveText('区職員コンソール');
    await expect(taro.getByRole('region', { name: 'あなたの所属' })).toContainText('子育て支援課（区職員）');

    await page.getByRole('button', { name: '区職員を終了する' }).click();
    await expect(page.getByRole('status')).toHaveText('役割を終了しました。');
    await expect(page.getByRole('region', { name: '過去の役割（履歴）' })).toContainText('区職員');

    const refused = await taro.goto('/staff');
    expect(refused?.status()).toBe(403);
    await expect(taro.getByRole('heading', { level: 1 })).toHaveText('このページを表示する権限がありません。');
    await taro.goto('/');
    await expect(taro.getByRole('link', { name: '区職員コンソール' })).toHaveCount(0);
    await taro.context().close();
  });

  test('the only admin cannot end their own admin role', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('/admin/roles');
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill(DEMO_EMAILS.admin);
    await page.getByRole('button', { name: '探す' }).click();
    await page.getByRole('button', { name: 'システム管理者を終了する' }).click();
    await expect(page.getByRole('alert')).toHaveText('最後の管理者の役割は終了できません。先に別の人に管理者の役割を付与してください。');
    await expect(page.getByRole('row', { name: /システム管理者/ })).toContainText('有効');
  });
});

test.describe('console homes', () => {
  test('each console opens for its role and passes axe', async ({ browser }) => {
    const homes: [DemoRole, string, string, string][] = [
      ['org', '/org', '団体コンソール', 'さくら子育てネットワーク'],
      ['staff', '/staff', '区職員コンソール', '子育て支援課（区職員）'],
      ['coordinator', '/support', '支援コンソール', '資格確認済み：保健師'],
      ['admin', '/staff', '区職員コンソール', '登録世帯']
    ];
    for (const [role, path, heading, text] of homes) {
      const page = await signedInPage(browser, role);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('main')).toContainText(text);
      await expectNoAxeViolations(page);
      await page.context().close();
    }
  });

  test('the support console states who may read case records', async ({ page }) => {
    await loginAs(page, 'coordinator');
    await page.goto('/support');
    await expect(page.getByRole('region', { name: '閲覧できる情報のきまり' })).toContainText('相談記録は、担当者とその上長のみ閲覧できます。');
  });

  test('a guardian is refused every console with a 403 page', async ({ page }) => {
    await loginAs(page, 'guardian');
    for (const path of ['/org', '/staff', '/support', '/admin', '/admin/roles', '/admin/municipality']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('このページを表示する権限がありません。');
    }
    await expectNoAxeViolations(page);
  });
});

test.describe('the JSON API', () => {
  test('an anonymous caller gets a 401 JSON error in English when asking for English, and unknown paths a JSON 404', async ({ request }) => {
    const me = await request.get('/api/v1/me', { headers: { 'Accept-Language': 'en' } });
    expect(me.status()).toBe(401);
    expect(me.headers()['content-type']).toContain('application/json');
    expect(await me.json()).toEqual({ code: 'api.unauthenticated', message: 'Please sign in to use this API.' });

    const missing = await request.get('/api/v1/nothing/here', { headers: { 'Accept-Language': 'en' } });
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ code: 'api.not_found', message: 'There is nothing at this address in the API.' });
  });

  test('a signed-in guardian gets their own data, matching the schema the served OpenAPI document gives', async ({ page }) => {
    await loginAs(page, 'guardian');
    const document = await (await page.request.get('/api/v1/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    const response = await page.request.get('/api/v1/me');
    expect(response.status()).toBe(200);
    const me = await response.json();
    expect(me).toMatchObject({ email: DEMO_EMAILS.guardian, name: '佐藤 花子', municipality: { code: '139998', name: 'さくら区' }, roleAssignments: [], households: [{ districtName: '桜ヶ丘', children: 1 }] });

    const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema(document, 'openapi');
    const validate = ajv.getSchema('openapi#/components/schemas/Me')!;
    expect(validate(me), JSON.stringify(validate.errors)).toBe(true);
  });
});
