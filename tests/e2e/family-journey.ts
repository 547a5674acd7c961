// The household journey, run twice against one server: with JavaScript (family.spec.ts) and
// without (family-no-js.spec.ts), each with its own demo residents so they never share state.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signIn, latestMailTo, linkIn, DEMO_PASSWORD } from './fixtures.ts';

export interface JourneyPeople {
  owner: { email: string; name: string };
  invitee: { email: string; name: string };
  district: string;
  javaScriptEnabled: boolean;
  outcome: 'birth' | 'loss';
}

/** Today and other dates in Tokyo, as the server counts them. */
function tokyoDate(offsetDays = 0): string {
  const shifted = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted);
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
}

async function newSignedInPage(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  await signInAs(page, email);
  return { page, close: () => context.close() };
}

export function householdJourney(people: JourneyPeople) {
  const { owner, invitee } = people;
  // axe runs inside the page, so it needs JavaScript: the journey with it checks every page.
  const expectAccessible = people.javaScriptEnabled ? expectNoAxeViolations : async () => {};
  const babyName = people.javaScriptEnabled ? 'はると' : 'さくら';
  test.describe.configure({ mode: 'serial' });

  test('a resident registers a household, and a bad child entry is refused beside the field with the input kept', async ({ page }) => {
    await signInAs(page, owner.email);
    await page.goto('/family');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('わが家のページ');
    await expect(page.getByRole('heading', { name: '利用目的' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: '世帯を登録する' }).click();
    await expect(page.getByRole('alert')).toContainText('お住まいの地区を選んでください');
    await expect(page.getByLabel('お住まいの地区')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await page.getByLabel('お住まいの地区').selectOption({ label: people.district });
    await page.getByRole('button', { name: '世帯を登録する' }).click();
    await expect(page.getByRole('status')).toContainText('世帯を登録しました');
    await expect(page.getByText(`お住まいの地区：${people.district}`)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'お子さんを追加する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('お子さんを追加する');
    await expectAccessible(page);
    const tomorrow = tokyoDate(1);
    await page.getByLabel('名前またはニックネーム').fill(babyName);
    await page.getByLabel('生年月日').fill(tomorrow);
    await page.getByRole('button', { name: '追加する' }).click();
    const birthDate = page.getByLabel('生年月日');
    await expect(page.locator('#birthDate-error')).toHaveText('生年月日に未来の日付は入力できません');
    await expect(birthDate).toHaveAttribute('aria-invalid', 'true');
    await expect(birthDate).toHaveValue(tomorrow);
    await expect(page.getByLabel('名前またはニックネーム')).toHaveValue(babyName);
    await expect(page.getByRole('alert').getByRole('link', { name: '生年月日に未来の日付は入力できません' })).toHaveAttribute('href', '#birthDate');
    await expectAccessible(page);

    await page.getByLabel('名前またはニックネーム').fill('1234 5678 9012');
    await page.getByLabel('生年月日').fill(tokyoDate(-400));
    await page.getByRole('button', { name: '追加する' }).click();
    await expect(page.locator('#name-error')).toContainText('マイナンバー');

    await page.getByLabel('名前またはニックネーム').fill(babyName);
    await page.getByRole('button', { name: '追加する' }).click();
    await expect(page.getByRole('status')).toContainText('お子さんを追加しました');
    await expect(page.getByText(babyName, { exact: true })).toHaveCount(1);
    await expect(page.getByText(/1歳1か月|1歳0か月/)).toBeVisible();

    await page.getByRole('link', { name: `${babyName}さんの情報を変更` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('お子さんの情報を変更する');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'このお子さんの記録を削除する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${babyName}さんの記録を削除しますか？`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'キャンセル' }).click();
    await expect(page.getByLabel('名前またはニックネーム')).toHaveValue(babyName);

    await page.goto('/family/district');
    await expectAccessible(page);
    await page.getByLabel('お住まいの地区').selectOption({ label: '北浜' });
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByRole('status')).toContainText('お住まいの地区を変更しました');
    await expect(page.getByText('お住まいの地区：北浜')).toBeVisible();
    await page.goto('/family/district');
    await page.getByLabel('お住まいの地区').selectOption({ label: people.district });
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByText(`お住まいの地区：${people.district}`)).toBeVisible();
  });

  test('a guardian records a pregnancy by its week and later its outcome', async ({ page }) => {
    await signInAs(page, owner.email);
    await page.goto('/family');
    await page.getByRole('link', { name: '妊娠を登録する' }).click();
    await expectAccessible(page);
    await page.getByLabel('今日の妊娠週数で入力する').check();
    await page.getByLabel('妊娠週数（週）').fill('43');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page.locator('#weeks-error')).toHaveText('妊娠週数は0から42までの数字で入力してください');
    await expect(page.getByLabel('妊娠週数（週）')).toHaveValue('43');
    await expectAccessible(page);
    await page.getByLabel('妊娠週数（週）').fill('38');
    await page.getByLabel('と何日（日）').fill('3');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page.getByRole('status')).toContainText('妊娠を登録しました');
    await expect(page.getByText('今日で妊娠38週3日')).toBeVisible();

    await page.getByRole('link', { name: /の妊娠を変更$/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('妊娠の情報を変更する');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'この妊娠の記録を削除する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('この妊娠の記録を削除しますか？');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'キャンセル' }).click();
    await page.getByRole('link', { name: /妊娠の結果を記録する/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('妊娠の結果を記録する');
    await expectAccessible(page);

    await page.getByRole('button', { name: '記録する' }).click();
    await expect(page.getByRole('alert')).toContainText('どうなったかを選んでください');
    if (people.outcome === 'birth') {
      await page.getByLabel('出産しました').check();
      await page.getByLabel('日付').fill(tokyoDate(0));
      await page.getByRole('button', { name: '記録する' }).click();
      await expect(page.getByRole('status')).toContainText('ご出産おめでとうございます');
      await expect(page.getByLabel('生年月日')).toHaveValue(tokyoDate(0));
      await page.getByLabel('名前またはニックネーム').fill('あかちゃん');
      await page.getByRole('button', { name: '追加する' }).click();
      await expect(page.getByRole('status')).toContainText('お子さんを追加しました');
      await expect(page.getByText(/に出産$/)).toBeVisible();
      await expect(page.getByText('0歳0か月')).toBeVisible();
    } else {
      await page.getByLabel('流産・死産でした').check();
      await page.getByLabel('日付').fill(tokyoDate(0));
      await page.getByRole('button', { name: '記録する' }).click();
      await expect(page.getByRole('status')).toContainText('サポートを受けられます');
      await expect(page.getByText(/に流産・死産$/)).toBeVisible();
      await expectAccessible(page);
    }
  });

  test('a second guardian joins by the mailed link, then loses access at once when removed', async ({ page, browser }) => {
    await signInAs(page, owner.email);
    await page.goto('/family/guardians');
    await expectAccessible(page);
    await page.getByLabel('招待する人のメールアドレス').fill('not-an-address');
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await expect(page.locator('#email-error')).toContainText('メールアドレスの形で入力してください');
    await page.getByLabel('招待する人のメールアドレス').fill(invitee.email);
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await expect(page.getByRole('status')).toContainText('招待メールを送りました');
    await expect(page.getByText(invitee.email, { exact: true })).toBeVisible();

    const link = linkIn(await latestMailTo(invitee.email, '招待'), '/family/invitations/accept?token=');
    const other = await newSignedInPage(browser, invitee.email, people.javaScriptEnabled);
    await other.page.goto(link);
    await expect(other.page.getByText(`${owner.name}さんから`)).toBeVisible();
    await expectAccessible(other.page);
    await other.page.getByRole('button', { name: '参加する' }).click();
    await expect(other.page.getByRole('status')).toContainText('世帯に参加しました');
    await expect(other.page.getByText(babyName, { exact: true })).toBeVisible();
    await other.page.getByRole('link', { name: `${babyName}さんの情報を変更` }).click();
    await expect(other.page.getByLabel('名前またはニックネーム')).toHaveValue(babyName);
    const childUrl = other.page.url();
    await other.page.goto('/family/guardians/leave');
    await expect(other.page.getByText('世帯とお子さんの記録は、ほかの保護者のもとに残ります')).toBeVisible();
    await expectAccessible(other.page);

    await page.goto('/family/guardians');
    await page.getByRole('link', { name: `${invitee.name}さんのアクセスを解除する` }).click();
    await expect(page.getByText(`育みから${invitee.name}さんへ、解除したことを知らせる通知は送りません。`)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'アクセスを解除する' }).click();
    await expect(page.getByRole('status')).toContainText('アクセスを解除しました');
    await expect(page.getByText(`${invitee.name}`)).toHaveCount(0);

    const response = await other.page.goto(childUrl);
    expect(response?.status()).toBe(404);
    await expect(other.page.getByText(babyName, { exact: true })).toHaveCount(0);
    await other.page.goto('/family');
    await expect(other.page.getByRole('heading', { name: '世帯を登録する' })).toBeVisible();
    await other.page.goto(link);
    await expect(other.page.getByRole('alert')).toHaveText('この招待はすでに使われています');
    await expectAccessible(other.page);
    await other.close();
  });

  test('preferences and consents are kept per person, with the history of each decision', async ({ page, browser }) => {
    await signInAs(page, owner.email);
    await page.goto('/account/preferences');
    await expectAccessible(page);
    await page.getByLabel('設定する', { exact: true }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.locator('#quietStart-error')).toHaveText('時刻を入力してください（例：21:00）');
    await page.getByLabel('開始（例：21:00）').fill('21:30');
    await page.getByLabel('終了（例：07:00）').fill('07:00');
    await page.getByLabel('プッシュ通知でも受け取る（この端末で通知を許可したとき）').check();
    await page.getByLabel('表示とお知らせの言語').selectOption('en');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications and language');
    await expect(page.getByRole('status')).toHaveText('Your settings have been saved.');
    await expect(page.getByLabel('From (e.g. 21:00)')).toHaveValue('21:30');
    await expectAccessible(page);
    await page.getByLabel('Language for pages and notices').selectOption('ja');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('通知と言語の設定');

    await page.goto('/account/consents');
    await expect(page.getByText('まだ記録はありません。')).toBeVisible();
    await expectAccessible(page);
    const contact = page.getByRole('region', { name: 'コーディネーターからの連絡' });
    await expect(contact).toContainText('子育て支援課・保健センター');
    await contact.getByRole('button', { name: '同意する' }).click();
    await expect(page.getByRole('status')).toContainText('「コーディネーターからの連絡」に同意しました');
    await expect(page.getByRole('region', { name: 'コーディネーターからの連絡' })).toContainText('現在：同意しています');
    await page.getByRole('region', { name: 'コーディネーターからの連絡' }).getByRole('button', { name: '同意を取り消す' }).click();
    await expect(page.getByRole('status')).toContainText('同意を取り消しました');
    const history = page.getByRole('table');
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history).toContainText('取り消した');
    await expect(history).toContainText('同意した');
    await expectAccessible(page);

    const other = await newSignedInPage(browser, invitee.email, people.javaScriptEnabled);
    await other.page.goto('/account/consents');
    await expect(other.page.getByText('まだ記録はありません。')).toBeVisible();
    await expect(other.page.getByRole('table')).toHaveCount(0);
    await other.close();
  });

  test('a guardian downloads everything held about them as JSON, then deletes their data', async ({ page }) => {
    await signInAs(page, owner.email);
    await page.goto('/account/data');
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'データをダウンロードする（JSON）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hagukumi-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(data.format).toBe('hagukumi-personal-data/1');
    expect(data.person).toMatchObject({ email: owner.email, name: owner.name });
    expect(data.preferences).toMatchObject({ language: 'ja', notifyPush: true, quietHours: { start: '21:30', end: '07:00' } });
    expect(data.consents.history.map((h: { granted: boolean }) => h.granted)).toEqual([false, true]);
    expect(data.households[0].district.name).toBe(people.district);
    expect(data.households[0].guardians).toEqual([{ displayName: owner.name, isYou: true }]);
    expect(data.households[0].children.map((c: { name: string }) => c.name)).toContain(babyName);
    expect(data.households[0].pregnancies[0]).toMatchObject({ fetusCount: 1, outcome: people.outcome });
    expect(data.sessions.some((s: { isThisSession: boolean }) => s.isThisSession)).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/token|argon2/i);

    await page.getByLabel('確認のため、パスワードを入力してください').fill('wrong password!');
    await page.getByRole('button', { name: 'すべて削除する' }).click();
    await expect(page.locator('#password-error')).toHaveText('パスワードが正しくありません');
    await expect(page.getByLabel('確認のため、パスワードを入力してください')).toHaveValue('');
    await expect(page.getByText('あなたは世帯の最後の保護者なので')).toBeVisible();
    await page.getByLabel('確認のため、パスワードを入力してください').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'すべて削除する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('データを削除しました');
    await expectAccessible(page);
    await page.goto('/family');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ffamily/);
  });

  test('the privacy page lists each kind of data with its purpose, who sees it and how long it is kept', async ({ page }) => {
    await page.goto('/privacy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人情報の取り扱い');
    await expect(page.getByRole('rowheader', { name: /妊娠/ })).toBeVisible();
    await expect(page.getByText('育みはマイナンバー（個人番号）を収集しません。')).toBeVisible();
    await expectAccessible(page);
  });
}
