import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { test, expect, expectNoAxeViolations, latestMailTo, loginAs, type DemoRole } from './fixtures.ts';
import { expectSignedIn, freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify } from './pages/auth-pages.ts';

// The demo NPO (さくら子育てネットワーク, 'demo-npo', owned by npo@) publishes; a fresh resident reads and asks.
const ORG = 'demo-npo';
const TITLE = '公園でシャボン玉あそびをしました';
const ALT = '公園でシャボン玉を追いかける子どもたち';
const SUBJECT = 'シャボン玉あそびの次回について';
const REPLY = '次回は来月第2土曜日の10時からです。';
const REASON = '写真にお子さんの顔がはっきり写っているため、保護者の同意を確認するまで非公開にします。';
const resident = freshEmail('pub-resident');

test.describe.configure({ mode: 'serial' });

let postUrl = '';
let consolePostUrl = '';

async function pageAs(browser: Browser, role: DemoRole): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, role);
  return { page, close: () => context.close() };
}

test('the NPO owner writes a post, a non-image upload is refused beside the field, a real photo with alt text is added, and the post is published', async ({ browser }) => {
  const { page, close } = await pageAs(browser, 'org');
  await page.goto(`/org/${ORG}`);
  await page.getByRole('link', { name: '投稿', exact: true }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '新しい投稿を書く' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新しい投稿');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '下書きを保存する' }).click();
  await expect(page.getByRole('alert')).toContainText('タイトルを入力してください。');

  await page.getByLabel('投稿の種類').selectOption({ label: '活動紹介' });
  await page.getByLabel('タイトル', { exact: true }).fill(TITLE);
  await page.getByLabel('本文', { exact: true }).fill('晴れた日に、本町公園でシャボン玉あそびをしました。');
  await page.getByLabel('英語のタイトル').fill('Bubbles in the park');
  await page.getByLabel('英語の本文').fill('On a sunny day we blew bubbles in Honcho park.');
  await page.getByRole('button', { name: '下書きを保存する' }).click();
  await expect(page.getByRole('status')).toContainText('保存しました。');
  await expect(page.getByTestId('post-state')).toContainText('下書き');
  await page.waitForURL(new RegExp(`/org/${ORG}/posts/[0-9a-f-]{36}`));
  consolePostUrl = new URL(page.url()).pathname;
  await expectNoAxeViolations(page);

  // A text file named like a photo: refused by its content, the alt text kept, nothing stored.
  await page.locator('#photo').setInputFiles({ name: 'bubbles.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a picture') });
  await page.getByLabel('写真の説明（代替テキスト）').fill(ALT);
  await page.getByRole('button', { name: '写真を追加する' }).click();
  await expect(page.locator('#photo-error')).toContainText('写真として読み込めないファイルです');
  await expect(page.getByLabel('写真の説明（代替テキスト）')).toHaveValue(ALT);
  await expect(page.getByRole('img', { name: ALT })).toHaveCount(0);

  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 120, g: 190, b: 240 } } }).jpeg().toBuffer();
  await page.locator('#photo').setInputFiles({ name: 'bubbles.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByLabel('写真の説明（代替テキスト）').fill(ALT);
  await page.getByRole('button', { name: '写真を追加する' }).click();
  await expect(page.getByRole('status')).toContainText('写真を追加しました。');
  await expect(page.getByRole('img', { name: ALT })).toBeVisible();

  await page.getByRole('button', { name: '今すぐ公開する' }).click();
  await expect(page.getByRole('status')).toContainText('公開しました。');
  await expect(page.getByTestId('post-state')).toContainText('公開中');
  await page.getByRole('link', { name: '公開ページを見る' }).click();
  await page.waitForURL(new RegExp(`/organizations/${ORG}/posts/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  postUrl = new URL(page.url()).pathname;
  await close();
});

test('a new resident reads the post with its photo and sends the NPO an inquiry from its page', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpAndVerify(page, resident);
  await signInWith(page, resident, NEW_PASSWORD);
  await expectSignedIn(page);

  await page.goto(`/organizations/${ORG}`);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const img = page.getByRole('img', { name: ALT });
  await expect(img).toBeVisible();
  const src = await img.getAttribute('src');
  const served = await page.request.get(src ?? '');
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/webp');
  expect(served.headers()['cache-control']).toContain('public');
  expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '団体のページへ戻る' }).click();
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.locator('#subject-error')).toContainText('件名を入力してください。');
  await page.getByLabel('件名').fill(SUBJECT);
  await page.getByRole('textbox', { name: '内容', exact: true }).fill('次回の開催日を教えてください。2歳の子と参加したいです。');
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.getByRole('status')).toContainText('送信しました。');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SUBJECT);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '一覧へ戻る' }).click();
  await expect(page.getByRole('link', { name: SUBJECT })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/posts');
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();

  expect(await latestMailTo('npo@sakura.example', 'お問い合わせが届きました')).toContain(SUBJECT);
});

test('the NPO replies in its console and the resident reads the reply', async ({ browser }) => {
  const { page, close } = await pageAs(browser, 'org');
  await page.goto(`/org/${ORG}/volunteers`);
  // The demo's volunteer (miwa@) waits for an answer; the owner accepts.
  await expect(page.getByTestId('application-status').first()).toHaveText('回答待ち');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '受け入れる' }).first().click();
  await expect(page.getByRole('status')).toContainText('回答しました。');
  await page.goto(`/org/${ORG}/inquiries`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: SUBJECT }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SUBJECT);
  await page.getByLabel('返信').fill(REPLY);
  await page.getByRole('button', { name: '返信する' }).click();
  await expect(page.getByRole('status')).toContainText('送信しました。');
  await expectNoAxeViolations(page);
  await close();

  expect(await latestMailTo(resident, '返信がありました')).toContain('/family/inquiries/');

  const context = await browser.newContext();
  const residentPage = await context.newPage();
  await signInWith(residentPage, resident, NEW_PASSWORD);
  await expectSignedIn(residentPage);
  await residentPage.goto('/family/inquiries');
  await residentPage.getByRole('link', { name: SUBJECT }).click();
  await expect(residentPage.getByText(REPLY)).toBeVisible();
  await expectNoAxeViolations(residentPage);
  await context.close();
});

test('ward staff unpublish the post with a reason; the NPO sees why and the public page is gone', async ({ browser }) => {
  const { page, close } = await pageAs(browser, 'staff');
  await page.goto('/staff');
  await page.getByRole('link', { name: '投稿の確認と通報' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: TITLE }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '非公開にする' }).click();
  await expect(page.locator('#reason-error')).toContainText('理由を入力してください。');
  await page.getByLabel('非公開にする理由').fill(REASON);
  await page.getByRole('button', { name: '非公開にする' }).click();
  await expect(page.getByRole('status')).toContainText('非公開にしました。');
  expect((await page.request.get(postUrl)).status()).toBe(404);
  await page.getByRole('link', { name: '発信の統計（団体・投稿）' }).click();
  await expect(page.getByTestId('pub-registered-total')).toContainText(/登録団体数：\d{3}団体（目標 100団体以上）/);
  await expect(page.getByTestId('posts-per-month')).toBeVisible();
  await expectNoAxeViolations(page);
  await close();

  expect(await latestMailTo('npo@sakura.example', '投稿を区が非公開にしました')).toContain('保護者の同意');

  const npo = await pageAs(browser, 'org');
  await npo.page.goto(consolePostUrl);
  await expect(npo.page.getByTestId('staff-unpublished')).toContainText(REASON);
  await expect(npo.page.getByRole('button', { name: '今すぐ公開する' })).toHaveCount(0);
  await npo.close();
});
