import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signIn, latestMailTo, linkIn, loginAs, DEMO_PASSWORD } from './fixtures.ts';

// Demo residents whom no other journey deletes (the household journeys delete yamamoto@ and kato@) and
// who are not among the authorization spec's visitors (an org role would open /org to them).
const OWNER = { email: 'kobayashi@sakura.example', name: '小林 翔' };
const EDITOR = { email: 'ito@sakura.example', name: '伊藤 健' };
const CIRCLE_OWNER = { email: 'taro@sakura.example', name: '佐藤 太郎' };
const RESUBMITTER = { email: 'daisuke@sakura.example', name: '鈴木 大輔' };
const DADS_CIRCLE = 'すずきパパの会';
const NPO_NAME = 'NPO法人 こばやし子育て応援団';
const CIRCLE_NAME = 'さとう親子あそびの会';

async function newSignedInPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  return { page, close: () => context.close() };
}

async function fillRegistration(page: Page, values: { type: string; name: string; kana: string; purpose: string; district: string; email: string; corporateNumber?: string }) {
  await page.getByLabel('団体の種類').selectOption({ label: values.type });
  await page.locator('#name').fill(values.name);
  await page.getByLabel('団体名のふりがな').fill(values.kana);
  await page.getByLabel('活動内容').fill(values.purpose);
  await page.getByRole('checkbox', { name: values.district }).check();
  await page.getByLabel('メールアドレス').fill(values.email);
  if (values.corporateNumber !== undefined) await page.getByLabel('法人番号').fill(values.corporateNumber);
}

test.describe.configure({ mode: 'serial' });

let npoId = '';

test('an NPO registers itself: a wrong 法人番号 is refused beside the field, then it waits for the ward', async ({ browser }) => {
  const { page, close } = await newSignedInPage(browser, OWNER.email);
  await page.goto('/organizations');
  await page.getByRole('link', { name: '団体を登録する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('団体を登録する');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '申請する' }).click();
  await expect(page.getByRole('alert')).toContainText('団体の種類を選んでください');
  await expect(page.getByRole('alert')).toContainText('活動地区を1つ以上選んでください');
  await expectNoAxeViolations(page);

  await fillRegistration(page, {
    type: 'NPO法人',
    name: NPO_NAME,
    kana: 'こばやしこそだておうえんだん',
    purpose: '本町で親子ひろばと子育て講座を開いています。',
    district: '本町',
    email: 'info@kobayashi-npo.example',
    corporateNumber: '7000012050003'
  });
  await page.getByRole('button', { name: '申請する' }).click();
  await expect(page.locator('#corporateNumber-error')).toContainText('法人番号が正しくありません');
  await expect(page.getByLabel('法人番号')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#name')).toHaveValue(NPO_NAME);
  await expect(page.getByRole('checkbox', { name: '本町' })).toBeChecked();

  await page.getByLabel('法人番号').fill('7000012050002');
  await page.getByRole('button', { name: '申請する' }).click();
  await expect(page.getByRole('status')).toContainText('団体登録の申請を受け付けました');
  npoId = /\/org\/([^/?]+)/.exec(page.url())?.[1] ?? '';
  expect(npoId).not.toBe('');
  await expect(page.getByTestId('org-state')).toContainText('確認待ち');
  await expectNoAxeViolations(page);
  expect(await latestMailTo(OWNER.email, '団体登録の申請を受け付けました')).toContain(`/org/${npoId}`);

  // Not public until the ward verifies it.
  const hidden = await page.request.get(`/organizations/${npoId}`);
  expect(hidden.status()).toBe(404);
  await close();
});

test('ward staff verify it from the queue; the owner is told and the directory shows it', async ({ browser }) => {
  const { page, close } = await newSignedInPage(browser, 'staff@sakura.example');
  await page.goto('/staff');
  await page.getByRole('link', { name: '団体の確認と管理' }).click();
  const queue = page.locator('section', { has: page.getByRole('heading', { name: /^確認待ちの団体/ }) });
  await expect(queue).toContainText('ひだまり子育てサークル');
  await expect(queue).toContainText(NPO_NAME);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: NPO_NAME }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NPO_NAME);
  await expect(page.getByText(OWNER.email)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByRole('status')).toContainText('承認しました');
  await expect(page.getByTestId('staff-org-status')).toHaveText('確認済み');

  await page.getByRole('link', { name: '団体の確認と管理へ戻る' }).click();
  await page.getByRole('link', { name: '登録団体の統計' }).click();
  await expect(page.getByTestId('registered-total')).toContainText(/登録団体数：\d{3}団体（目標 100団体以上）/);
  await expect(page.getByText('目標を達成しています。')).toBeVisible();
  await expectNoAxeViolations(page);
  await close();

  expect(await latestMailTo(OWNER.email, '団体登録が承認されました')).toContain(NPO_NAME);

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await anon.goto('/organizations');
  await anon.locator('#type').selectOption({ label: 'NPO法人' });
  await anon.getByLabel('活動地区').selectOption({ label: '本町' });
  await anon.getByRole('button', { name: '絞り込む' }).click();
  await expect(anon.getByRole('link', { name: NPO_NAME })).toBeVisible();
  await expect(anon.getByRole('link', { name: 'ひだまり子育てサークル' })).toHaveCount(0);
  await expectNoAxeViolations(anon);
  await anon.getByRole('link', { name: NPO_NAME }).click();
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText(NPO_NAME);
  await expect(anon.getByText('7000012050002')).toBeVisible();
  await expect(anon.getByRole('heading', { name: 'お知らせ・イベント' })).toBeVisible();
  await expect(anon.locator('main')).not.toContainText(OWNER.name);
  await expectNoAxeViolations(anon);

  const api = await anon.request.get(`/api/v1/organizations/${npoId}`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body).toMatchObject({ id: npoId, name: NPO_NAME, type: 'npo', corporateNumber: '7000012050002' });
  expect(JSON.stringify(body)).not.toContain(OWNER.email);
  await visitor.close();
});

test('the owner invites an editor by mail; the editor accepts and sees the console', async ({ browser }) => {
  const owner = await newSignedInPage(browser, OWNER.email);
  await owner.page.goto('/org');
  await owner.page.getByRole('link', { name: NPO_NAME }).click();
  await expect(owner.page.getByTestId('org-state')).toContainText('確認済み');
  await owner.page.getByRole('link', { name: 'メンバー' }).first().click();
  await expect(owner.page.getByRole('heading', { level: 1 })).toHaveText('メンバー');
  await expectNoAxeViolations(owner.page);
  await owner.page.getByLabel('招待する方のメールアドレス').fill('not-an-address');
  await owner.page.getByRole('button', { name: '招待を送る' }).click();
  await expect(owner.page.locator('#email-error')).toContainText('メールアドレスの形式');
  await owner.page.getByLabel('招待する方のメールアドレス').fill(EDITOR.email);
  await owner.page.getByLabel('役割', { exact: true }).selectOption({ label: '編集者' });
  await owner.page.getByRole('button', { name: '招待を送る' }).click();
  await expect(owner.page.getByRole('status')).toContainText('招待のメールを送りました');
  await expect(owner.page.getByText(`${EDITOR.email}（編集者）`)).toBeVisible();

  const mail = await latestMailTo(EDITOR.email, 'メンバーへの招待');
  const link = linkIn(mail, '/organizations/invitations/accept?token=');
  const editor = await newSignedInPage(browser, EDITOR.email);
  await editor.page.goto(link);
  await expect(editor.page.getByText(`「${NPO_NAME}」に編集者として参加する招待`)).toBeVisible();
  await expectNoAxeViolations(editor.page);
  await editor.page.getByRole('button', { name: '招待を受けて参加する' }).click();
  await expect(editor.page.getByRole('status')).toContainText('団体に参加しました');
  await expect(editor.page.getByText('あなたの役割：編集者')).toBeVisible();
  await expect(editor.page).toHaveURL(new RegExp(`/org/${npoId}`));
  await editor.page.getByRole('link', { name: '団体の情報' }).click();
  await expect(editor.page.getByText('団体の情報はオーナーだけが変更できます。')).toBeVisible();
  // A member of this organization is not one of さくら子育てネットワーク: its console is not found.
  const other = await editor.page.goto('/org/demo-npo');
  expect(other?.status()).toBe(404);
  await editor.close();

  await owner.page.reload();
  await expect(owner.page.getByText(EDITOR.name, { exact: true })).toBeVisible();
  await expect(owner.page.getByText(`編集者・${EDITOR.email}`)).toBeVisible();
  await expect(owner.page.getByText('送信中の招待はありません。')).toBeVisible();
  await owner.close();
});

test('without JavaScript: a circle registers, staff refuse it with a reason, and the owner sees why', async ({ browser }) => {
  const owner = await newSignedInPage(browser, CIRCLE_OWNER.email, false);
  await owner.page.goto('/organizations/register');
  await fillRegistration(owner.page, {
    type: '任意団体・サークル',
    name: CIRCLE_NAME,
    kana: 'さとうおやこあそびのかい',
    purpose: '緑町の公園で月に2回、親子で遊んでいます。',
    district: '緑町',
    email: 'sato-circle@example.jp'
  });
  await owner.page.getByRole('button', { name: '申請する' }).click();
  await expect(owner.page.getByRole('status')).toContainText('団体登録の申請を受け付けました');
  const circleId = /\/org\/([^/?]+)/.exec(owner.page.url())?.[1] ?? '';

  const staff = await newSignedInPage(browser, 'staff@sakura.example', false);
  await staff.page.goto(`/staff/organizations/${circleId}`);
  await staff.page.getByRole('button', { name: '承認しない' }).click();
  await expect(staff.page.locator('#refuse-reason-error')).toContainText('理由またはメッセージを入力してください');
  await expect(staff.page.getByTestId('staff-org-status')).toHaveText('確認待ち');
  await staff.page.getByLabel('承認しない理由').fill('区内での子育て支援の活動が確認できませんでした。');
  await staff.page.getByRole('button', { name: '承認しない' }).click();
  await expect(staff.page.getByRole('status')).toContainText('承認しないことを決定しました');
  await expect(staff.page.getByTestId('staff-org-status')).toHaveText('承認されませんでした');
  await staff.close();

  expect(await latestMailTo(CIRCLE_OWNER.email, '団体登録を承認できませんでした')).toContain('区内での子育て支援の活動が確認できませんでした。');
  await owner.page.goto(`/org/${circleId}`);
  await expect(owner.page.getByTestId('org-state')).toContainText('承認されませんでした');
  await expect(owner.page.getByTestId('org-state')).toContainText('区内での子育て支援の活動が確認できませんでした。');
  const publicPage = await owner.page.request.get(`/organizations/${circleId}`);
  expect(publicPage.status()).toBe(404);
  await owner.close();
});

test('staff ask a circle for more information; its owner corrects the profile and resubmits', async ({ browser }) => {
  const owner = await newSignedInPage(browser, RESUBMITTER.email);
  await owner.page.goto('/organizations/register');
  await fillRegistration(owner.page, {
    type: '任意団体・サークル',
    name: DADS_CIRCLE,
    kana: 'すずきぱぱのかい',
    purpose: '父親どうしで子育ての話をしています。',
    district: '北浜',
    email: 'papa-circle@example.jp'
  });
  await owner.page.getByRole('button', { name: '申請する' }).click();
  await expect(owner.page.getByRole('status')).toContainText('団体登録の申請を受け付けました');
  const circleId = /\/org\/([^/?]+)/.exec(owner.page.url())?.[1] ?? '';

  const staff = await newSignedInPage(browser, 'staff@sakura.example');
  await staff.page.goto('/staff/organizations');
  await staff.page.getByRole('link', { name: DADS_CIRCLE }).first().click();
  await staff.page.getByLabel('追加で必要な情報（オーナーへのメッセージ）').fill('活動している集会所の名前を教えてください。');
  await staff.page.getByRole('button', { name: '追加の情報を依頼する' }).click();
  await expect(staff.page.getByRole('status')).toContainText('追加の情報を依頼しました');
  await expect(staff.page.getByTestId('staff-org-status')).toHaveText('追加情報の依頼中');
  expect(await latestMailTo(RESUBMITTER.email, '追加の情報をお願いします')).toContain('活動している集会所の名前を教えてください。');

  await owner.page.goto(`/org/${circleId}`);
  await expect(owner.page.getByTestId('org-state')).toContainText('活動している集会所の名前を教えてください。');
  await owner.page.getByRole('link', { name: '団体の情報を修正して再申請する' }).click();
  await expectNoAxeViolations(owner.page);
  await owner.page.getByLabel('活動内容').fill('父親どうしで子育ての話をしています。毎月第2土曜日に北浜集会所で集まります。');
  await owner.page.getByRole('button', { name: '修正して再申請する' }).click();
  await expect(owner.page.getByRole('status')).toContainText('修正した内容で再申請しました');
  await expect(owner.page.getByTestId('org-state')).toContainText('確認待ち');
  await owner.close();

  await staff.page.reload();
  await expect(staff.page.getByTestId('staff-org-status')).toHaveText('確認待ち');
  await expect(staff.page.getByText('北浜集会所')).toBeVisible();
  await staff.close();
});

test('the demo NPO’s member switches to its console; another organization’s console is not found', async ({ page }) => {
  await loginAs(page, 'org');
  await page.goto('/org');
  await page.getByRole('link', { name: 'さくら子育てネットワーク' }).click();
  await expect(page.getByText('あなたの役割：オーナー')).toBeVisible();
  await expectNoAxeViolations(page);
  const response = await page.goto(`/org/${npoId}/members`);
  expect(response?.status()).toBe(404);
  expect(await page.locator('main').innerText()).not.toContain(NPO_NAME);
});
