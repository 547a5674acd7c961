import { test, expect, expectNoAxeViolations, signIn, DEMO_PASSWORD } from './fixtures.ts';
import type { Browser, Page } from '@playwright/test';
import { freshEmail, NEW_PASSWORD, signUpAndVerify } from './pages/auth-pages.ts';

// The safe peer-support forum (issue 6): a parent in distress is held and supported, a professional
// answers privately and takes a consultation request with consent; ordinary questions go public at once
// and get badged answers; nobody can tell who wrote what.

const HANAKO = { email: 'hanako@sakura.example', name: '佐藤 花子' };

async function signedIn(browser: Browser, email: string, options: { javaScriptEnabled?: boolean; password?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email, options.password ?? DEMO_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  return page;
}

async function askQuestion(page: Page, input: { title: string; body: string; age: string; theme: string }) {
  await page.goto('/forum/new');
  await page.getByLabel('タイトル').fill(input.title);
  await page.getByLabel('相談したいこと').fill(input.body);
  await page.getByLabel('お子さんの年齢').selectOption({ label: input.age });
  await page.getByLabel('テーマ').selectOption({ label: input.theme });
  await page.getByRole('button', { name: '相談を投稿する' }).click();
}

test.describe.configure({ mode: 'serial' });

test('a parent in distress is held and supported; a professional answers privately and takes a consultation request with consent', async ({ browser, page }) => {
  const guardian = await signedIn(browser, HANAKO.email);
  await askQuestion(guardian, { title: '夜になるとつらくなります', body: '夜泣きが続いて、毎晩もう死にたいと思ってしまいます。', age: '0歳', theme: 'こころ' });
  await expect(guardian).toHaveURL(/\/forum\/safety\?post=/);
  await expect(guardian.getByRole('heading', { level: 1 })).toHaveText('書いてくださって、ありがとうございます');
  await expect(guardian.getByText('この投稿は、掲示板には公開していません。')).toBeVisible();
  await expect(guardian.getByText('0570-064-556')).toBeVisible();
  await expect(guardian.getByText('0120-279-338')).toBeVisible();
  await expect(guardian.getByText('さくら区 こども家庭センター（子育て支援課・保健センター）')).toBeVisible();
  await expect(guardian.getByRole('link', { name: '専門職に個別に相談する' })).toBeVisible();
  await expectNoAxeViolations(guardian);

  // Not public: not in the list, not in the search, not in the API.
  await page.goto('/forum?q=%E3%81%A4%E3%82%89%E3%81%8F');
  await expect(page.getByText('夜になるとつらくなります')).toHaveCount(0);
  const api = await (await page.request.get('/api/v1/forum/threads')).json();
  expect(JSON.stringify(api)).not.toContain('夜になるとつらくなります');

  // The professional sees it first in the urgent queue, with how long it has waited.
  const coordinator = await signedIn(browser, 'coordinator@sakura.example');
  await coordinator.goto('/support/forum');
  const first = coordinator.getByTestId('urgent-queue').getByRole('listitem').first();
  await expect(first).toContainText('夜になるとつらくなります');
  await expect(first).toContainText('自分を傷つける考え');
  await expect(first).toContainText(/待ち時間：\d+分/);
  await expectNoAxeViolations(coordinator);
  await first.getByRole('link', { name: '夜になるとつらくなります' }).click();
  await expect(coordinator.getByText('0歳児の保護者さん A')).toBeVisible();
  await expect(coordinator.getByText(HANAKO.name)).toHaveCount(0);
  await coordinator.getByRole('textbox', { name: 'メッセージ' }).fill('書いてくださってありがとうございます。保健師の高橋です。よろしければ、お電話でお話ししませんか。');
  await expect(coordinator.getByLabel('個別相談（電話・面談など）のご案内を添える')).toBeChecked();
  await coordinator.getByRole('button', { name: 'メッセージを送る' }).click();
  await expect(coordinator.getByText('メッセージを送りました。')).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // The parent reads the private message and asks for a consultation, with consent.
  await guardian.goto('/forum/notices');
  await expect(guardian.getByText('区の専門職から、あなただけに向けたメッセージが届きました')).toBeVisible();
  await expectNoAxeViolations(guardian);
  await guardian.getByRole('link', { name: '専門職に個別に相談する' }).first().click();
  await expect(guardian.getByRole('heading', { level: 1 })).toHaveText('専門職に個別に相談する');
  await guardian.getByLabel('電話', { exact: true }).check();
  await guardian.getByLabel('電話番号またはメールアドレス').fill('090-1111-2222');
  await guardian.getByLabel('ご都合のよい日時・時間帯').fill('平日の午前中');
  await guardian.getByRole('button', { name: '申し込む' }).click();
  await expect(guardian.getByText('お申し込みには同意が必要です')).toHaveCount(2);
  await guardian.getByLabel('上の内容に同意して、個別の相談を申し込みます').check();
  await guardian.getByRole('button', { name: '申し込む' }).click();
  await expect(guardian.getByText('お申し込みを受け付けました。')).toBeVisible();

  // The professional works the request: new → contacted, every read audited.
  await coordinator.goto('/support/forum/consultations');
  await expect(coordinator.getByRole('cell', { name: '新規' }).first()).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('link', { name: '開く' }).first().click();
  await expect(coordinator.getByText('電話：090-1111-2222')).toBeVisible();
  await expect(coordinator.getByText('平日の午前中')).toBeVisible();
  await expect(coordinator.getByText('上の内容に同意して、個別の相談を申し込みます')).toBeVisible();
  await coordinator.getByLabel('状態').selectOption({ label: '連絡済み' });
  await coordinator.getByLabel('メモ').fill('お電話でお話しし、来週の訪問を約束しました。');
  await coordinator.getByRole('button', { name: '記録する' }).click();
  await expect(coordinator.getByText('記録しました。')).toBeVisible();
  await expect(coordinator.getByText('お電話でお話しし、来週の訪問を約束しました。')).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // The parent sees the private message in the thread; another parent finds no such thread.
  await guardian.goto('/forum/mine');
  await guardian.getByRole('link', { name: '夜になるとつらくなります' }).first().click();
  await expect(guardian.getByText('あなただけに届いたメッセージ')).toBeVisible();
  await expect(guardian.getByText('認証済みの専門職')).toBeVisible();
  const threadUrl = guardian.url();
  const other = await signedIn(browser, 'miwa@sakura.example');
  expect((await other.goto(threadUrl))?.status()).toBe(404);
});

test('an ordinary question goes public at once and gets a badged professional answer', async ({ browser, page }) => {
  const guardian = await signedIn(browser, HANAKO.email);
  await askQuestion(guardian, { title: '慣らし保育で毎朝泣きます', body: '4月から保育園です。毎朝泣いて離れません。いつ頃慣れるものでしょうか。', age: '0歳', theme: '仕事と育児' });
  await expect(guardian).toHaveURL(/\/forum\/threads\/[0-9a-f-]+\?done=posted/);
  await expect(guardian.getByText('相談を投稿しました。')).toBeVisible();
  await expect(guardian.getByRole('heading', { name: '0歳児の保護者さん A' })).toBeVisible();
  await expectNoAxeViolations(guardian);
  const threadPath = new URL(guardian.url()).pathname;

  await page.goto('/forum?q=%E6%85%A3%E3%82%89%E3%81%97');
  await expect(page.getByRole('link', { name: '慣らし保育で毎朝泣きます' })).toBeVisible();
  await expectNoAxeViolations(page);

  const coordinator = await signedIn(browser, 'coordinator@sakura.example');
  await coordinator.goto(threadPath);
  await coordinator.getByLabel('あなたの回答').fill('保健師です。多くのお子さんは2〜3週間ほどで慣れていきます。お迎えのときにたくさん抱きしめてあげてくださいね。');
  await expect(coordinator.getByLabel(/専門職として回答する/)).toBeChecked();
  await coordinator.getByRole('button', { name: '回答を投稿する' }).click();
  await expect(coordinator.getByText('回答を投稿しました。')).toBeVisible();

  await page.goto(threadPath);
  const answer = page.getByRole('listitem').filter({ hasText: '多くのお子さんは2〜3週間ほどで慣れていきます' });
  await expect(answer.getByText('認証済みの専門職')).toBeVisible();
  await expect(answer.getByText('保健師', { exact: true })).toBeVisible();
  await expect(page.getByText('高橋 美咲')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The writer follows the thread (automatically) and is told of the answer.
  await guardian.goto('/forum/notices');
  await expect(guardian.getByText('フォローしている相談に新しい回答がありました').first()).toBeVisible();
});

test('no page, attribute or API response reveals the account behind a post to another parent', async ({ browser, page }) => {
  const guardian = await signedIn(browser, HANAKO.email);
  const me = await (await guardian.request.get('/api/v1/me')).json();
  const secrets = [HANAKO.name, '佐藤', HANAKO.email, me.id as string];
  expect(me.id).toBeTruthy();

  const viewers = [page, await signedIn(browser, 'miwa@sakura.example')];
  for (const viewer of viewers) {
    await viewer.goto('/forum');
    const listHtml = await viewer.content();
    const threadLinks = await viewer.locator('a[href^="/forum/threads/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(threadLinks.length).toBeGreaterThan(3);
    const pages = [listHtml];
    for (const href of threadLinks) {
      await viewer.goto(href);
      pages.push(await viewer.content());
      const attributes = await viewer.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).join('\n')
      );
      pages.push(attributes);
    }
    const apiList = await (await viewer.request.get('/api/v1/forum/threads')).text();
    pages.push(apiList);
    for (const item of JSON.parse(apiList).items as { id: string }[]) pages.push(await (await viewer.request.get(`/api/v1/forum/threads/${item.id}`)).text());
    const everything = pages.join('\n');
    expect(everything).toContain('0歳児の保護者さん A');
    for (const secret of secrets) expect(everything, `leaks ${secret}`).not.toContain(secret);
  }
});

test('abuse: new-account limits, XSS rendered inert, trusted flags hide a post, moderators hide and suspend with reasons', async ({ browser, page }) => {
  // A brand-new account of its own: the demo residents may be deleted by other journeys.
  const email = freshEmail('forum-new');
  await signUpAndVerify(page, email);
  const writer = await signedIn(browser, email, { password: NEW_PASSWORD });
  // A link from a new account is refused and nothing is saved.
  await askQuestion(writer, { title: 'おすすめのサイト', body: 'ここが便利です https://example.com', age: '1〜2歳', theme: 'その他' });
  await expect(writer.getByText('登録から間もないアカウントは、リンク（URL）を書き込めません。').first()).toBeVisible();
  await expect(writer.getByLabel('相談したいこと')).toHaveValue('ここが便利です https://example.com');

  // A script in a post stays text.
  const payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';
  await askQuestion(writer, { title: `テスト${payload}`, body: `本文${payload}`, age: '1〜2歳', theme: 'その他' });
  await expect(writer).toHaveURL(/\/forum\/threads\//);
  await expect(writer.getByText(`本文${payload}`)).toBeVisible();
  expect(await writer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await writer.locator('main img').count()).toBe(0);
  const flaggedPath = new URL(writer.url()).pathname;

  // Three posts a day, then a calm refusal.
  await askQuestion(writer, { title: '2つめの質問', body: 'おむつはずれはいつ頃でしたか', age: '1〜2歳', theme: 'からだ' });
  await askQuestion(writer, { title: '3つめの質問', body: '歯みがきを嫌がります', age: '1〜2歳', theme: 'からだ' });
  await askQuestion(writer, { title: '4つめの質問', body: 'もう一つ聞きたいです', age: '1〜2歳', theme: 'からだ' });
  await expect(writer.getByText('登録から間もないアカウントは、1日に書き込める数に上限があります')).toBeVisible();

  // Staff make every demo account trusted and lower the flag threshold to 2.
  const staff = await signedIn(browser, 'staff@sakura.example');
  await staff.goto('/staff/forum/settings');
  await expectNoAxeViolations(staff);
  const limits = staff.locator('form[action="?/limits"]');
  await limits.getByLabel('新しいアカウントとみなす日数').fill('0');
  await limits.getByLabel('制限が外れるまでに必要な公開投稿の数').fill('0');
  await limits.getByLabel('非公開にする通報の数（信頼済みの利用者から）').fill('2');
  await limits.getByRole('button', { name: '保存する' }).click();
  await expect(staff.getByText('保存しました。')).toBeVisible();

  for (const email of ['ito@sakura.example', 'kobayashi@sakura.example']) {
    const flagger = await signedIn(browser, email);
    await flagger.goto(flaggedPath);
    await flagger.getByRole('link', { name: '通報する' }).first().click();
    await flagger.getByLabel('通報の理由').selectOption({ label: '掲示板にふさわしくない' });
    await flagger.getByRole('button', { name: '通報する' }).click();
    await expect(flagger.getByText('通報を受け付けました。')).toBeVisible();
  }
  expect((await page.goto(flaggedPath))?.status()).toBe(404);
  await writer.goto('/forum/notices');
  await expect(writer.getByText('あなたの投稿に複数の通報があったため、確認が終わるまで非公開にしています')).toBeVisible();

  // The moderator hides it with a reason, then suspends the writer; each is told to the writer.
  // A forum moderator (a role that opens nothing but the moderation queue) does it.
  const moderator = await signedIn(browser, 'moderator@sakura.example');
  await moderator.goto('/moderation/forum');
  await expectNoAxeViolations(moderator);
  await moderator.getByRole('link', { name: /^テスト/ }).click();
  await expect(moderator.getByText('掲示板にふさわしくない')).toHaveCount(2);
  await expectNoAxeViolations(moderator);
  await moderator.getByLabel('対応', { exact: true }).selectOption({ label: '理由を添えて非公開にする' });
  await moderator.getByLabel('理由（投稿者に伝わります）').fill('プログラムのような記述が含まれていたため、非公開にしました。');
  await moderator.getByRole('button', { name: 'この対応を行う' }).click();
  await expect(moderator.getByText('「理由を添えて非公開にする」を行い、投稿者にお知らせしました。')).toBeVisible();
  await moderator.getByLabel('対応', { exact: true }).selectOption({ label: '書き込みを一時停止する' });
  await moderator.getByLabel('理由（投稿者に伝わります）').fill('同じ内容の投稿が続いたため');
  await moderator.getByLabel(/一時停止の日数/).fill('3');
  await moderator.getByRole('button', { name: 'この対応を行う' }).click();
  await expect(moderator.getByText('「書き込みを一時停止する」を行い、投稿者にお知らせしました。')).toBeVisible();

  await writer.goto('/forum/notices');
  await expect(writer.getByText('理由：プログラムのような記述が含まれていたため、非公開にしました。')).toBeVisible();
  await expect(writer.getByText('掲示板への書き込みを一時的に停止しました')).toBeVisible();
  await askQuestion(writer, { title: '停止中の質問', body: '書けますか', age: '1〜2歳', theme: 'その他' });
  await expect(writer.getByText('現在、掲示板への書き込みが一時的に停止されています').first()).toBeVisible();
});

test('without JavaScript a parent asks, answers and marks わかる', async ({ browser }) => {
  const parent = await signedIn(browser, 'taro@sakura.example', { javaScriptEnabled: false });
  await askQuestion(parent, { title: 'ベビーカーでのバス利用', body: 'ベビーカーのままバスに乗るとき、気をつけていることはありますか。', age: '0歳', theme: 'その他' });
  await expect(parent.getByText('相談を投稿しました。')).toBeVisible();
  // An empty answer is refused with the message beside the field; nothing is saved.
  await parent.getByRole('button', { name: '回答を投稿する' }).click();
  await expect(parent.getByText('本文を入力してください')).toHaveCount(2);
  await parent.getByLabel('あなたの回答').fill('補足です。混んでいない時間を選んでいます。');
  await parent.getByRole('button', { name: '回答を投稿する' }).click();
  await expect(parent.getByText('回答を投稿しました。')).toBeVisible();
  const path = new URL(parent.url()).pathname;

  const other = await signedIn(browser, 'miwa@sakura.example', { javaScriptEnabled: false });
  await other.goto(path);
  await other.getByRole('button', { name: 'わかる（0）' }).first().click();
  await expect(other.getByRole('button', { name: 'わかる（1）' })).toHaveAttribute('aria-pressed', 'true');

  // A post in distress is held and the supportive page shows, without JavaScript too.
  await askQuestion(parent, { title: '上の子にきつく当たってしまう', body: '上の子に手をあげてしまいそうで怖いです。', age: '0歳', theme: 'こころ' });
  await expect(parent).toHaveURL(/\/forum\/safety\?post=/);
  await expect(parent.getByText('189', { exact: true })).toBeVisible();
  await expect(parent.getByText('0570-064-556')).toHaveCount(0);
});
