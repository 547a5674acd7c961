import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, loginAs } from './fixtures.ts';
import { freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify } from './pages/auth-pages.ts';

const QUESTIONNAIRE = '妊娠後期面談アンケート';
const INTERVIEW = '妊娠8か月ごろのアンケート・面談';

/** A fresh guardian with a household and a pregnancy in week 30, so the 8th-month interview is due. */
async function pregnantGuardian(page: Page) {
  const email = freshEmail('procedures');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await page.goto('/family');
  await page.getByLabel('お住まいの地区').selectOption({ label: '本町' });
  await page.getByRole('button', { name: '世帯を登録する' }).click();
  await expect(page.getByRole('status')).toContainText('世帯を登録しました');
  await page.getByRole('link', { name: '妊娠を登録する' }).click();
  await page.getByLabel('今日の妊娠週数で入力する').check();
  await page.getByLabel('妊娠週数（週）').fill('30');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('status')).toContainText('妊娠を登録しました');
}

/** Ward staff open the newest received procedure of this title and act on it. */
async function staffReview(browser: Browser, act: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, 'staff');
  await page.goto('/staff/procedures');
  await page.getByRole('link', { name: /審査の一覧/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('手続きの審査');
  await page.getByRole('row', { name: new RegExp(QUESTIONNAIRE) }).last().getByRole('link', { name: /開く/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUESTIONNAIRE);
  await act(page);
  await context.close();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a guardian fills the late-pregnancy questionnaire from the timeline; staff return it, the guardian fixes it, staff complete it', async ({ page, browser }) => {
      await pregnantGuardian(page);
      await page.goto('/timeline');
      const item = page.getByRole('article', { name: INTERVIEW, exact: true });
      await item.getByRole('link', { name: /^手続きをする/ }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUESTIONNAIRE);
      await expect(page.getByRole('region', { name: '利用目的' })).toContainText('保健師・助産師が確認します');
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      // a draft with only the delivery place
      await page.getByLabel(/出産予定の医療機関/).fill('さくら総合病院');
      await page.getByRole('button', { name: '下書きを保存する' }).click();
      await expect(page.getByText('下書きを保存しました。')).toBeVisible();
      await expect(page.getByText('状態：下書き')).toBeVisible();
      await expect(page.getByLabel(/出産予定の医療機関/)).toHaveValue('さくら総合病院');

      // submitting with required answers missing: told beside each field, what was typed stays
      await page.getByRole('button', { name: '送信する' }).click();
      const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
      await expect(summary.getByRole('link', { name: '里帰り出産の予定はありますか：選んでください。' })).toBeVisible();
      await expect(page.getByLabel(/出産予定の医療機関/)).toHaveValue('さくら総合病院');
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await page.getByRole('group', { name: /里帰り出産の予定/ }).getByLabel('いいえ').check();
      await page.getByRole('group', { name: /手伝ってくれる人/ }).getByLabel('配偶者・パートナー', { exact: true }).check();
      await page.getByRole('group', { name: /気になっていること/ }).getByLabel('赤ちゃんのお世話・授乳').check();
      const interviewDate = page.getByLabel(/面談の希望日/);
      if (javaScriptEnabled) await expect(interviewDate).toBeHidden();
      await page.getByRole('group', { name: /面談を希望しますか/ }).getByLabel('はい').check();
      await expect(interviewDate).toBeVisible();
      await interviewDate.fill('2030-01-15');
      await page.getByRole('button', { name: '送信する' }).click();
      await expect(page.getByText('送信しました。区が受け付けました。')).toBeVisible();
      await expect(page.getByText('状態：受付済み')).toBeVisible();

      await staffReview(browser, async (staff) => {
        await expect(staff.getByText('さくら総合病院')).toBeVisible();
        await expect(staff.getByText('2030-01-15')).toBeVisible();
        if (javaScriptEnabled) await expectNoAxeViolations(staff);
        await staff.getByRole('button', { name: '確認中にする' }).click();
        await expect(staff.getByText('状態を「確認中」にしました。')).toBeVisible();
        await staff.getByRole('button', { name: '差し戻す' }).click();
        await expect(staff.locator('#message-error')).toHaveText('差し戻す理由と、直してほしい点を書いてください。');
        await staff.getByLabel(/差し戻しの理由/).fill('出産予定の医療機関は正式な名前で書いてください。');
        await staff.getByRole('button', { name: '差し戻す' }).click();
        await expect(staff.getByText('状態を「差し戻し」にしました。')).toBeVisible();
      });

      await page.reload();
      await expect(page.getByText('状態：差し戻し')).toBeVisible();
      await expect(page.getByText('出産予定の医療機関は正式な名前で書いてください。')).toBeVisible();
      await expect(page.getByRole('group', { name: /面談を希望しますか/ }).getByLabel('はい')).toBeChecked();
      await page.getByLabel(/出産予定の医療機関/).fill('医療法人さくら会 さくら総合病院');
      await page.getByRole('button', { name: '直して送信する' }).click();
      await expect(page.getByText('状態：受付済み')).toBeVisible();

      await staffReview(browser, async (staff) => {
        await expect(staff.getByText('医療法人さくら会 さくら総合病院')).toBeVisible();
        await staff.getByRole('button', { name: '完了にする' }).click();
        await expect(staff.getByText('状態を「完了」にしました。')).toBeVisible();
      });

      await page.reload();
      await expect(page.getByText('状態：完了')).toBeVisible();
      await expect(page.getByText('手続きは完了しました。ありがとうございました。')).toBeVisible();
      await page.goto('/timeline');
      await expect(item.getByText('状態：完了')).toBeVisible();
      await page.goto('/procedures');
      await expect(page.getByRole('listitem').filter({ hasText: QUESTIONNAIRE })).toContainText('完了');
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('ward staff build a form: a マイナンバー field is refused with a clear message, fields are added and moved, and the form is published', async ({ page }) => {
    await loginAs(page, 'staff');
    await page.goto('/staff/procedures');
    await page.getByLabel('手続きの名前').fill('転入世帯アンケート');
    await page.getByLabel(/利用目的/).fill('転入後の子育て支援のご案内に使います。');
    await page.getByRole('button', { name: '作成する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('転入世帯アンケート');

    const add = page.locator('form[action="?/addField"]');
    await add.getByLabel('項目名（質問）').fill('マイナンバー');
    await add.getByRole('button', { name: '項目を追加する' }).click();
    await expect(page.locator('#new-label-error')).toHaveText('マイナンバー（個人番号）を尋ねる項目は作れません。はぐくみではマイナンバーを集めません。');
    await expect(page.locator('#new-label')).toHaveValue('マイナンバー');

    await page.locator('#new-label').fill('前の住所の市区町村');
    await page.getByRole('button', { name: '項目を追加する' }).click();
    await expect(page.getByText('保存しました。')).toBeVisible();
    await page.locator('#new-label').fill('お子さんの人数');
    await page.locator('#new-type').selectOption({ label: '数字' });
    await page.getByRole('button', { name: '項目を追加する' }).click();
    await page.getByRole('button', { name: /上へ.*お子さんの人数/ }).click();
    await expect(page.locator('section[aria-labelledby="fields"] ol > li').first()).toContainText('1. お子さんの人数');
    await page.getByRole('button', { name: 'この内容で公開する' }).click();
    await expect(page.getByText('第1版として公開しました。')).toBeVisible();
  });
});
