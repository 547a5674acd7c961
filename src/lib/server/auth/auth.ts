import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import { hash, verify } from '@node-rs/argon2';
import type pg from 'pg';
import type { AppConfig } from '../platform/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import { resolveAuthSecret } from './auth-secret.ts';
import { logger } from '../platform/logger.ts';
import { passwordResetMail, verificationMail } from './auth.mails.ts';

export const COOKIE_PREFIX = 'hagukumi';
/** Part of the session cookie's name, with or without the __Secure- prefix. */
export const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token=`;

export interface AuthLinks {
  /** Builds the absolute URL a mail link points to, from the path and the request that asked. */
  absoluteUrl(path: string, request?: Request): string;
}

/** How long the link in a verification mail works. */
export const VERIFICATION_TOKEN_SECONDS = 60 * 60 * 24;

/** better-auth over the shared pool. Passwords are hashed with argon2id (@node-rs/argon2 defaults). */
export function createAuth(
  pool: pg.Pool,
  config: AppConfig,
  mailer: Mailer,
  links: AuthLinks,
  extraPlugins: BetterAuthPlugin[] = []
) {
  /**
   * Mail links point to our own pages. Calls from our form actions pass headers, not a Request, so
   * without a public origin the link takes the host the person used from better-auth's own URL.
   */
  const linkTo = (path: string, request: Request | undefined, betterAuthUrl: string): string =>
    config.publicOrigin || request ? links.absoluteUrl(path, request) : new URL(path, betterAuthUrl).toString();

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
      sendResetPassword: async ({ user, url: betterAuthUrl, token }, request) => {
        const url = linkTo(`/reset-password?token=${encodeURIComponent(token)}`, request, betterAuthUrl);
        await mailer.send(passwordResetMail(user.email, url));
      }
    },
    emailVerification: {
      sendOnSignUp: true,
      // An unverified sign-in gets a message and a resend button instead of a mail on every attempt.
      sendOnSignIn: false,
      autoSignInAfterVerification: false,
      expiresIn: VERIFICATION_TOKEN_SECONDS,
      sendVerificationEmail: async ({ user, url: betterAuthUrl, token }, request) => {
        const url = linkTo(`/verify-email?token=${encodeURIComponent(token)}`, request, betterAuthUrl);
        await mailer.send(verificationMail(user.email, url));
      }
    },
    session: {
      // Sliding: a session unused for this long ends. The absolute maximum is enforced in session.ts.
      expiresIn: config.sessionInactivitySeconds,
      updateAge: Math.min(60 * 60, Math.floor(config.sessionInactivitySeconds / 4))
    },
    rateLimit: { enabled: false },
    // Into our structured log, under its level (a wrong password is expected, not a warning).
    logger: {
      level: 'info',
      log: (level, message, ...args) => {
        const entry = { component: 'better-auth', args: args.length ? args : undefined };
        if (level === 'error') logger.error(entry, message);
        else if (level === 'warn' && !/invalid password/i.test(message)) logger.warn(entry, message);
        else logger.debug(entry, message);
      }
    },
    advanced: {
      useSecureCookies: config.publicOrigin?.startsWith('https://') ?? false,
      cookiePrefix: COOKIE_PREFIX,
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] }
    },
    plugins: [twoFactor({ issuer: 'Hagukumi' }), ...extraPlugins]
  });
}

export type Auth = ReturnType<typeof createAuth>;
