import type { MailMessage } from '../mail/mailer.ts';

/*
 * The account mails. A person's language is not known before they confirm their address, so each mail
 * carries Japanese first and English after it; やさしい日本語 readers get the plain Japanese sentences.
 */

export function verificationMail(to: string, url: string): MailMessage {
  return {
    to,
    subject: '【育み】メールアドレスの確認 / Confirm your email address',
    text:
      `育みへの登録ありがとうございます。次のリンクを開いて、メールアドレスを確認してください（24時間有効）。\n${url}\n\n` +
      `心当たりがない場合は、このメールを無視してください。\n\n` +
      `Thank you for signing up to Hagukumi. Open this link to confirm your email address (valid 24 hours):\n${url}\n\n` +
      `If you did not sign up, ignore this mail.\n`
  };
}

export function passwordResetMail(to: string, url: string): MailMessage {
  return {
    to,
    subject: '【育み】パスワードの再設定 / Reset your password',
    text:
      `育みのパスワードを再設定するには、1時間以内に次のリンクを開いてください。\n${url}\n\n` +
      `心当たりがない場合は、このメールを無視してください。パスワードは変わりません。\n\n` +
      `To reset your Hagukumi password, open this link within one hour:\n${url}\n\n` +
      `If you did not ask for this, ignore this mail; your password stays the same.\n`
  };
}

/** Sent instead of a second account, so the sign-up form never reveals whether an address is registered. */
export function alreadyRegisteredMail(to: string, signInUrl: string, resetUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】このメールアドレスは登録済みです / You already have an account',
    text:
      `このメールアドレスで育みに新規登録しようとする操作がありました。このアドレスはすでに登録されています。\n` +
      `ログイン：${signInUrl}\nパスワードを忘れた場合：${resetUrl}\n\n` +
      `心当たりがない場合は、このメールを無視してください。アカウントは変わりません。\n\n` +
      `Someone tried to sign up to Hagukumi with this address, which already has an account.\n` +
      `Sign in: ${signInUrl}\nForgot your password: ${resetUrl}\n\n` +
      `If this was not you, ignore this mail; nothing has changed.\n`
  };
}

/** Tells the owner that the password was changed, so a change they did not make is noticed at once. */
export function passwordChangedMail(to: string, resetUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】パスワードを変更しました / Your password was changed',
    text:
      `育みのパスワードが変更されました。\n` +
      `心当たりがない場合は、すぐに次のリンクからパスワードを再設定してください。\n${resetUrl}\n\n` +
      `Your Hagukumi password was changed. If this was not you, reset it now:\n${resetUrl}\n`
  };
}
