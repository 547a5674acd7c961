import { test, expect, expectNoAxeViolations, latestMailTo, linkIn, DEMO_EMAILS, DEMO_PASSWORD } from './fixtures.ts';
import { expectSignedIn, signOutViaNav, fillSignUp, freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify, totpCode } from './pages/auth-pages.ts';

test('a resident signs up, confirms the address from the mail, signs in and signs out', async ({ page }) => {
  const email = freshEmail('journey');
  await page.goto('/sign-up');
  await expect(page).toHaveTitle('新規登録 — 育み');
  await expect(page.getByRole('heading', { name: '個人情報の利用目的' })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillSignUp(page, email);
  await expect(page).toHaveURL(/\/sign-up\/check-mail$/);
  await expect(page.getByText('メールを外に送らない設定')).toBeVisible();
  await expectNoAxeViolations(page);

  // Before confirming, sign-in explains why it cannot go ahead and offers a new mail.
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('メールアドレスの確認がまだ済んでいません');
  await expectNoAxeViolations(page);

  const mail = await latestMailTo(email, 'メールアドレスの確認');
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByRole('status')).toContainText('メールアドレスを確認しました');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'ログイン画面へ進む' }).click();

  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expectSignedIn(page);
  await expect(page.getByText('はぐくみ テストさんとしてログインしています')).toBeVisible();

  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
  await expect(page.getByRole('link', { name: '言語・通知' })).toHaveAttribute('href', '/account/preferences');
  await expect(page.getByRole('link', { name: 'ログイン中の端末' })).toHaveAttribute('href', '/account/sessions');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウトしました' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('ご利用ありがとうございました');
  await expectNoAxeViolations(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
});

test('a broken confirmation link says so and offers a new mail', async ({ page }) => {
  await page.goto('/verify-email?token=broken');
  await expect(page.getByRole('alert')).toContainText('この確認リンクは正しくありません');
  await expectNoAxeViolations(page);
  const email = freshEmail('resend');
  await fillSignUp(page, email);
  await page.goto('/verify-email?token=broken');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '確認メールを送り直す' }).click();
  await expect(page.getByRole('status')).toContainText('確認メールを送りました');
});

test('a wrong password shows the error beside the password, keeps the email, and 5 failures lock the account', async ({ page }) => {
  const email = freshEmail('wrong');
  await signUpAndVerify(page, email);

  await signInWith(page, email, 'not-the-password');
  const password = page.getByLabel('パスワード', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#password-error')).toHaveText('メールアドレスまたはパスワードが正しくありません。');
  await expect(password).toHaveAttribute('aria-describedby', 'password-error');
  await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
  await expect(page.getByRole('alert').getByRole('link', { name: 'メールアドレスまたはパスワードが正しくありません。' })).toHaveAttribute('href', '#password');
  await expectNoAxeViolations(page);

  for (let i = 0; i < 4; i++) await signInWith(page, email, 'not-the-password');
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('このアカウントへのログインを一時的に止めています');
  await expect(page.getByRole('alert')).toContainText(/\d{2}:\d{2}ごろ（約1[45]分後）/);
  await expectNoAxeViolations(page);
});

test('a person signs out another browser from the sessions page', async ({ page, browser }) => {
  const email = freshEmail('sessions');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);

  const otherContext = await browser.newContext({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1' });
  const other = await otherContext.newPage();
  await signInWith(other, email, NEW_PASSWORD);
  await expectSignedIn(other);

  await page.goto('/account/sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン中の端末' })).toBeVisible();
  const items = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('この端末');
  await expect(items.nth(1)).toContainText('Safari（iPhone）');
  await expectNoAxeViolations(page);

  await items.nth(1).getByRole('button', { name: 'この端末をログアウトさせる' }).click();
  await expect(page.getByRole('status')).toContainText('選んだ端末をログアウトさせました');
  await expect(items).toHaveCount(1);

  await other.goto('/account');
  await expect(other).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await otherContext.close();

  // The current browser is still signed in.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
});

test('a person turns on two-step verification and then signs in with the code', async ({ page }) => {
  const email = freshEmail('totp');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);

  await page.goto('/account/security');
  await expect(page.getByText('2段階認証はまだ設定されていません。')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('いまのパスワード').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '設定をはじめる' }).click();

  await expect(page.getByRole('img', { name: /認証アプリに育みを登録するためのQRコード/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await expectNoAxeViolations(page);

  await page.getByLabel('確認コード（6桁）').fill('000000' === (await totpCode(secret)) ? '111111' : '000000');
  await page.getByRole('button', { name: '2段階認証を有効にする' }).click();
  await expect(page.locator('#code-error')).toContainText('確認コードが正しくありません');

  await page.getByLabel('確認コード（6桁）').fill(await totpCode(secret));
  await page.getByRole('button', { name: '2段階認証を有効にする' }).click();
  await expect(page.getByRole('status')).toContainText('2段階認証を有効にしました');
  const backupCodes = await page.getByTestId('backup-codes').getByRole('listitem').allTextContents();
  expect(backupCodes).toHaveLength(10);
  await expectNoAxeViolations(page);

  // Backup codes are shown once only.
  await page.goto('/account/security');
  await expect(page.getByText('2段階認証は有効です。')).toBeVisible();
  await expect(page.getByTestId('backup-codes')).toHaveCount(0);

  await signOutViaNav(page);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole('heading', { level: 1, name: '確認コードの入力' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('確認コード（6桁）').fill(await totpCode(secret));
  await page.getByRole('button', { name: '確認する', exact: true }).click();
  await expectSignedIn(page);

  // A backup code also works, once.
  await signOutViaNav(page);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel('バックアップコード').fill(backupCodes[0]);
  await page.getByRole('button', { name: 'バックアップコードで確認する' }).click();
  await expectSignedIn(page);
});

test('a forgotten password is reset from the mailed link, and the old password stops working', async ({ page }) => {
  const email = freshEmail('forgot');
  await signUpAndVerify(page, email);

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードの再設定' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByRole('status')).toContainText('そのメールアドレスのアカウントがあれば');

  const mail = await latestMailTo(email, 'パスワードの再設定');
  await page.goto(linkIn(mail, '/reset-password'));
  await expectNoAxeViolations(page);
  await page.getByLabel('新しいパスワード').fill('hoshizora-2027-new');
  await page.getByLabel('パスワード（確認）').fill('hoshizora-2027-new!');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.locator('#password-confirm-error')).toContainText('パスワードが一致しません');

  await page.getByLabel('新しいパスワード').fill('hoshizora-2027-new');
  await page.getByLabel('パスワード（確認）').fill('hoshizora-2027-new');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByRole('status')).toContainText('すべての端末でログアウトしました');
  await expectNoAxeViolations(page);

  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.locator('#password-error')).toBeVisible();
  await signInWith(page, email, 'hoshizora-2027-new');
  await expectSignedIn(page);

  // The link worked once.
  await page.goto(linkIn(mail, '/reset-password'));
  await expect(page.getByRole('alert')).toContainText('この再設定リンクは使えません');
});

test('a guardian signs in with the keyboard only, and the focus order reaches the submit button', async ({ page }) => {
  await page.goto('/sign-in?next=%2Faccount');
  const email = page.getByLabel('メールアドレス');
  const password = page.getByLabel('パスワード', { exact: true });
  const submit = page.getByRole('button', { name: 'ログインする' });

  // Tab through the header until the email field has the focus.
  let presses = 0;
  while (!(await email.evaluate((el) => el === document.activeElement)) && presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(email).toBeFocused();
  await expect(email).toHaveCSS('outline-style', 'solid');
  await page.keyboard.type(DEMO_EMAILS.guardian);

  await page.keyboard.press('Tab');
  await expect(password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);

  await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  // The focused button shows a visible focus indicator.
  await expect(submit).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
});

test('the sign-up form reports every problem in a summary and beside each field, and passes axe', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByRole('button', { name: '登録する' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveCount(4);
  await expect(summary.getByRole('link', { name: 'お名前を入力してください（ニックネームでもかまいません）。' })).toHaveAttribute('href', '#name');
  await expect(page.locator('#email-error')).toHaveText('メールアドレスを入力してください。');
  await page.getByLabel('お名前（ニックネーム可）').fill('123456789012');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.locator('#name-error')).toContainText('マイナンバー');
  await expectNoAxeViolations(page);
});

test('the sign-out confirmation and the two-step verification states pass axe', async ({ page }) => {
  const email = freshEmail('axe');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
  await page.goto('/sign-out');
  await expect(page.getByRole('button', { name: 'ログアウトする' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/account/security?required=1');
  await expect(page.getByRole('alert')).toContainText('2段階認証を設定するまで業務用の画面を使えません');
  await expectNoAxeViolations(page);

  await page.getByLabel('いまのパスワード').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '設定をはじめる' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  await page.getByLabel('確認コード（6桁）').fill(await totpCode(secret));
  await page.getByRole('button', { name: '2段階認証を有効にする' }).click();
  await expect(page.getByTestId('backup-codes')).toBeVisible();
  await page.goto('/account/security');
  await expect(page.getByRole('heading', { name: '2段階認証をやめる' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/sign-in?next=%2Faccount');
  await expect(page).toHaveURL(/\/account$/);
});

test('after sign-in the pages speak the language the person chose, and ?next never leaves the site', async ({ browser }) => {
  const email = freshEmail('english');
  const english = await browser.newContext();
  await english.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: 'http://127.0.0.1:' + (process.env.E2E_PORT || 3124) }]);
  const page = await english.newPage();
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Name (a nickname is fine)').fill('Alex');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Password (again)').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'We sent you a confirmation mail' })).toBeVisible();
  await page.goto(linkIn(await latestMailTo(email, 'Confirm your email address'), '/verify-email'));
  await english.close();

  // A new device starts in Japanese; signing in switches to the saved language.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/sign-in?next=https%3A%2F%2Fevil.example%2F');
  await other.getByLabel('メールアドレス').fill(email);
  await other.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD);
  await other.getByRole('button', { name: 'ログインする' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Welcome to Hagukumi' })).toBeVisible();
  await expect(other).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await fresh.close();
});

test('a signed-in person changes the password after confirming the current one, and the old one stops working', async ({ page }) => {
  const email = freshEmail('change');
  await signUpAndVerify(page, email);
  await signInWith(page, email, NEW_PASSWORD);
  await expectSignedIn(page);
  await page.goto('/account');
  await page.getByRole('link', { name: 'パスワードの変更' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードの変更' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('いまのパスワード').fill('not my password');
  await page.getByLabel('新しいパスワード').fill('asagiri-2027-new');
  await page.getByLabel('パスワード（確認）').fill('asagiri-2027-new');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.locator('#current-password-error')).toHaveText('パスワードが正しくありません。');
  await expect(page.getByLabel('ほかの端末（スマートフォン、パソコンなど）からはログアウトする')).toBeChecked();

  await page.getByLabel('いまのパスワード').fill(NEW_PASSWORD);
  await page.getByLabel('新しいパスワード').fill('asagiri-2027-new');
  await page.getByLabel('パスワード（確認）').fill('asagiri-2027-new');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByRole('status')).toContainText('パスワードを変更しました');
  await expectNoAxeViolations(page);
  expect(await latestMailTo(email, 'パスワードを変更しました')).toContain('/forgot-password');

  // Still signed in here; the new password is the one that works.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
  await signOutViaNav(page);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.locator('#password-error')).toBeVisible();
  await signInWith(page, email, 'asagiri-2027-new');
  await expectSignedIn(page);
});
