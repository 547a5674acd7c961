import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import { hash, verify } from '@node-rs/argon2';
import type pg from 'pg';
import type { AppConfig } from '../platform/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import { resolveAuthSecret } from './auth-secret.ts';

export interface AuthLinks {
  /** Builds the absolute URL a mail link points to, from the path and the request that asked. */
  absoluteUrl(path: string, request?: Request): string;
}

/** better-auth over the shared pool. Passwords are hashed with argon2id (@node-rs/argon2 defaults). */
export function createAuth(
  pool: pg.Pool,
  config: AppConfig,
  mailer: Mailer,
  links: AuthLinks,
  extraPlugins: BetterAuthPlugin[] = []
) {
  return betterAuth({
    appName: 'Hagukumi',
    database: pool,
    secret: resolveAuthSecret(config.authSecret, config.dataDir),
    baseURL: config.publicOrigin ?? { allowedHosts: ['*'], fallback: `http://localhost:${process.env.PORT || 3000}` },
    // Our own routes call auth.api; no better-auth HTTP endpoint is exposed, so its origin check is moot.
    trustedOrigins: ['*'],
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: (password) => hash(password),
        verify: ({ hash: stored, password }) => verify(stored, password)
      },
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }, request) => {
        const url = links.absoluteUrl(`/reset-password?token=${encodeURIComponent(token)}`, request);
        await mailer.send({
          to: user.email,
          subject: '【育み】パスワードの再設定 / Reset your password',
          text:
            `育みのパスワードを再設定するには、1時間以内に次のリンクを開いてください。\n${url}\n\n` +
            `心当たりがない場合は、このメールを無視してください。\n\n` +
            `To reset your Hagukumi password, open this link within one hour:\n${url}\n`
        });
      }
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, token }, request) => {
        const url = links.absoluteUrl(`/verify-email?token=${encodeURIComponent(token)}`, request);
        await mailer.send({
          to: user.email,
          subject: '【育み】メールアドレスの確認 / Confirm your email address',
          text:
            `育みへの登録ありがとうございます。次のリンクを開いて、メールアドレスを確認してください（24時間有効）。\n${url}\n\n` +
            `Thank you for signing up to Hagukumi. Open this link to confirm your email address (valid 24 hours):\n${url}\n`
        });
      }
    },
    session: {
      // Sliding: a session unused for this long ends. The absolute maximum is enforced in session.ts.
      expiresIn: config.sessionInactivitySeconds,
      updateAge: Math.min(60 * 60, Math.floor(config.sessionInactivitySeconds / 4))
    },
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: config.publicOrigin?.startsWith('https://') ?? false,
      cookiePrefix: 'hagukumi',
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] }
    },
    plugins: [twoFactor({ issuer: 'Hagukumi' }), ...extraPlugins]
  });
}

export type Auth = ReturnType<typeof createAuth>;
