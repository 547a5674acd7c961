import type { Page } from '@playwright/test';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { expect, latestMailTo, linkIn } from '../fixtures.ts';

/** Steps of the account journeys, shared by the JavaScript and no-JavaScript runs. */

let counter = 0;
/** A fresh address per call, so journeys that change or lock an account never touch a demo account. */
export function freshEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.jp`;
}

export const NEW_PASSWORD = 'aozora-kodomo-2026';

export async function fillSignUp(page: Page, email: string, password = NEW_PASSWORD, name = 'はぐくみ テスト') {
  await page.goto('/sign-up');
  await page.getByLabel('お名前（ニックネーム可）').fill(name);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByLabel('パスワード（確認）').fill(password);
  await page.getByRole('button', { name: '登録する' }).click();
}

/** Signs up through the pages and opens the link from the mail; the account is then verified. */
export async function signUpAndVerify(page: Page, email: string, password = NEW_PASSWORD) {
  await fillSignUp(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: '確認メールを送りました' })).toBeVisible();
  const mail = await latestMailTo(email, 'メールアドレスの確認');
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByText('メールアドレスを確認しました。')).toBeVisible();
}

export async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByRole('button', { name: 'ログアウト', exact: true })).toBeVisible();
}

/** The code an authenticator app shows for a Base32 set-up key. */
export function totpCode(secret: string): Promise<string> {
  return createOTP(base32.decode(secret)).totp();
}

/** Signs out with the button in the header navigation and waits for the confirmation. */
export async function signOutViaNav(page: Page) {
  await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウトしました' })).toBeVisible();
}
