import { test, expect, latestMailTo, linkIn } from './fixtures.ts';
import { expectSignedIn, signOutViaNav, freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify, totpCode } from './pages/auth-pages.ts';

// axe needs JavaScript in the page, so these pages' states are checked with axe in auth.spec.ts.
test.use({ javaScriptEnabled: false });

test('without JavaScript, a resident fixes a sign-up form, confirms the address, signs in, looks at the account and signs out', async ({ page }) => {
  const email = freshEmail('nojs');
  await page.goto('/sign-up');
  await page.getByLabel('お名前（ニックネーム可）').fill('ゆう');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill('short');
  await page.getByLabel('パスワード（確認）').fill('different');
  await page.getByRole('button', { name: '登録する' }).click();

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: '入力内容を確認してください' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'パスワードは10文字以上、128文字以下で入力してください。' })).toHaveAttribute('href', '#password');
  await expect(page.locator('#password-confirm-error')).toHaveText('パスワードが一致しません。同じパスワードを2回入力してください。');
  await expect(page.getByLabel('パスワード（確認）')).toHaveAttribute('aria-invalid', 'true');
  // What was typed is kept, except the passwords, which are never sent back.
  await expect(page.getByLabel('お名前（ニックネーム可）')).toHaveValue('ゆう');
  await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain('different');

  await page.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('パスワード（確認）').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '確認メールを送りました' })).toBeVisible();

  // Unverified: the sign-in page offers to send the mail again, which works without JavaScript too.
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('メールアドレスの確認がまだ済んでいません');
  await page.getByRole('button', { name: '確認メールを送り直す' }).click();
  await expect(page.getByRole('status')).toContainText('確認メールを送りました');

  const mail = await latestMailTo(email, 'メールアドレスの確認');
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByRole('status')).toContainText('メールアドレスを確認しました');

  await page.goto('/account/sessions');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fsessions$/);
  await expect(page.getByText('このページを見るには、ログインしてください。')).toBeVisible();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page).toHaveURL(/\/account\/sessions$/);
  await expect(page.getByText('この端末', { exact: true })).toBeVisible();
  await expect(page.getByText('ほかにログインしている端末はありません。')).toBeVisible();

  await page.goto('/sign-out');
  await expect(page.getByText('この端末から育みをログアウトしますか。')).toBeVisible();
  await page.getByRole('button', { name: 'ログアウトする' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウトしました' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('without JavaScript, a wrong password is reported beside the field and never sent back', async ({ page }) => {
  const email = freshEmail('nojs-wrong');
  await signUpAndVerify(page, email);
  await signInWith(page, email, 'wrong-password-typed');
  await expect(page.locator('#password-error')).toHaveText('メールアドレスまたはパスワードが正しくありません。');
  await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain('wrong-password-typed');
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
});

test('without JavaScript, a person signs out every other browser', async ({ page, browser }) => {
  const email = freshEmail('nojs-sessions');
  await signUpAndVerify(page, email);
  const others = await Promise.all([browser.newContext({ javaScriptEnabled: false }), browser.newContext({ javaScriptEnabled: false })]);
  for (const context of others) {
    const other = await context.newPage();
    await signInWith(other, email, NEW_PASSWORD);
    await expectSignedIn(other);
  }
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
  await page.goto('/account/sessions');
  await expect(page.getByRole('button', { name: 'この端末をログアウトさせる' })).toHaveCount(2);
  await page.getByRole('button', { name: 'この端末以外をすべてログアウトさせる' }).click();
  await expect(page.getByRole('status')).toContainText('この端末以外の2件の端末をログアウトさせました');
  await expect(page.getByRole('button', { name: 'この端末をログアウトさせる' })).toHaveCount(0);
  for (const context of others) {
    const other = await context.newPage();
    await other.goto('/account');
    await expect(other).toHaveURL(/\/sign-in/);
    await context.close();
  }
});

test('without JavaScript, a forgotten password is reset from the mailed link', async ({ page }) => {
  const email = freshEmail('nojs-forgot');
  await signUpAndVerify(page, email);
  await page.goto('/forgot-password');
  await page.getByLabel('メールアドレス').fill('not an address');
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.locator('#email-error')).toContainText('メールアドレスの形式が正しくありません');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByRole('status')).toContainText('再設定のメールを送りました');

  const mail = await latestMailTo(email, 'パスワードの再設定');
  await page.goto(linkIn(mail, '/reset-password'));
  await page.getByLabel('新しいパスワード').fill('yoake-no-sora-2027');
  await page.getByLabel('パスワード（確認）').fill('yoake-no-sora-2027');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードを変更しました' })).toBeVisible();
  await signInWith(page, email, 'yoake-no-sora-2027');
  await expectSignedIn(page);
});

test('without JavaScript, a person turns two-step verification on, signs in with a code, and turns it off', async ({ page }) => {
  const email = freshEmail('nojs-totp');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
  await page.goto('/account/security');
  await page.getByLabel('いまのパスワード').fill('not my password');
  await page.getByRole('button', { name: '設定をはじめる' }).click();
  await expect(page.locator('#password-error')).toHaveText('パスワードが正しくありません。');
  await page.getByLabel('いまのパスワード').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '設定をはじめる' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  await page.getByLabel('確認コード（6桁）').fill(await totpCode(secret));
  await page.getByRole('button', { name: '2段階認証を有効にする' }).click();
  await expect(page.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);

  await signOutViaNav(page);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel('確認コード（6桁）').fill('12');
  await page.getByRole('button', { name: '確認する', exact: true }).click();
  await expect(page.locator('#code-error')).toHaveText('確認コードは6桁の数字で入力してください。');
  await page.getByLabel('確認コード（6桁）').fill(await totpCode(secret));
  await page.getByRole('button', { name: '確認する', exact: true }).click();
  await expectSignedIn(page);

  await page.goto('/account/security');
  await expect(page.getByText('2段階認証は有効です。')).toBeVisible();
  await page.getByLabel('いまのパスワード').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '2段階認証をやめる' }).click();
  await expect(page.getByRole('status')).toContainText('2段階認証をやめました');
  await signOutViaNav(page);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
});

test('without JavaScript, the security page explains that work accounts must turn on two-step verification', async ({ page }) => {
  // hooks.server.ts sends staff here with ?required=1 where the deployment requires a second factor.
  await page.goto('/account/security?required=1');
  await expect(page).toHaveURL(/\/sign-in/);
  const email = freshEmail('nojs-required');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
  await page.goto('/account/security?required=1');
  await expect(page.getByRole('alert')).toContainText('2段階認証を設定するまで業務用の画面を使えません');
});

test('without JavaScript, a fourth reset mail to one address within minutes is refused with a time to try again, and the address is kept', async ({ page }) => {
  const email = freshEmail('nojs-mail-limit');
  for (let i = 0; i < 3; i++) {
    await page.goto('/forgot-password');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByRole('button', { name: '再設定のメールを送る' }).click();
    await expect(page.getByRole('status')).toContainText('再設定のメールを送りました');
  }
  await page.goto('/forgot-password');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByRole('alert')).toContainText('メール送信を一時的に止めています');
  await expect(page.getByRole('alert')).toContainText(/\d{2}:\d{2}ごろ/);
  await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
});
