import { resolve } from 'node:path';

/** Settings read from the environment once; everything else asks this module. */
export interface AppConfig {
  /** postgres://… when a PostgreSQL server is the system of record; undefined for embedded PGlite. */
  databaseUrl: string | undefined;
  dataDir: string;
  mailDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Extra origins allowed to POST forms (e.g. the public https origin behind a TLS proxy). */
  trustedOrigins: string[];
  isProduction: boolean;
  /** Staff, coordinators and admins must enrol a second factor before using their consoles. */
  requireStaffSecondFactor: boolean;
  sessionInactivitySeconds: number;
  sessionMaxAgeSeconds: number;
  signInFailuresPerAccount: number;
  signInFailuresPerAddress: number;
  signInFailureWindowSeconds: number;
  /** Account mails (verification, reset) per recipient and per client address within the sign-in window. */
  mailsPerRecipient: number;
  mailsPerAddress: number;
  auditRetentionDays: number;
  authSecret: string;
  /** The public origin (https://… behind TLS); mail links use it, else the request's origin. */
  publicOrigin: string | undefined;
  /** Web Push (VAPID) keys from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY; unset → generated once beside the data folder. */
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  /** VAPID_SUBJECT: a mailto: or https: contact the push services may use. */
  vapidSubject: string | undefined;
  /** How long a push service keeps an undelivered notice (seconds). */
  pushTtlSeconds: number;
  /** Hosts of the push services a subscription may point at (suffix match); '*' allows any https host. */
  pushServiceHosts: string[];
  /** Tests only: accept http://127.0.0.1 and http://localhost push endpoints. */
  pushAllowLocalEndpoints: boolean;
}

/** The push services of the browsers people use (Chrome/Edge/Android via FCM, Firefox, Safari, Windows). */
const DEFAULT_PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'push.services.mozilla.com', 'push.apple.com', 'notify.windows.com'];

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = resolve(env.HAGUKUMI_DATA_DIR || 'data');
  const isProduction = env.NODE_ENV === 'production';
  const requireFlag = env.HAGUKUMI_REQUIRE_STAFF_2FA;
  return {
    databaseUrl,
    dataDir,
    mailDir: resolve(env.HAGUKUMI_MAIL_DIR || `${dataDir}-mail`),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Hagukumi <no-reply@hagukumi.invalid>',
    trustedOrigins: (env.HAGUKUMI_TRUSTED_ORIGINS || '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    isProduction,
    // A server deployment (DATABASE_URL) in production must enforce it; the embedded demo need not.
    requireStaffSecondFactor:
      requireFlag !== undefined ? requireFlag === 'true' : isProduction && databaseUrl !== undefined,
    sessionInactivitySeconds: numberFromEnv('HAGUKUMI_SESSION_INACTIVITY_SECONDS', 60 * 60 * 24 * 3),
    sessionMaxAgeSeconds: numberFromEnv('HAGUKUMI_SESSION_MAX_AGE_SECONDS', 60 * 60 * 24 * 30),
    signInFailuresPerAccount: numberFromEnv('HAGUKUMI_SIGNIN_FAILURES_PER_ACCOUNT', 5),
    signInFailuresPerAddress: numberFromEnv('HAGUKUMI_SIGNIN_FAILURES_PER_ADDRESS', 30),
    signInFailureWindowSeconds: numberFromEnv('HAGUKUMI_SIGNIN_FAILURE_WINDOW_SECONDS', 15 * 60),
    mailsPerRecipient: numberFromEnv('HAGUKUMI_MAILS_PER_RECIPIENT', 3),
    mailsPerAddress: numberFromEnv('HAGUKUMI_MAILS_PER_ADDRESS', 30),
    auditRetentionDays: numberFromEnv('HAGUKUMI_AUDIT_RETENTION_DAYS', 365 * 5),
    authSecret: env.BETTER_AUTH_SECRET || env.HAGUKUMI_SECRET || '',
    publicOrigin: env.HAGUKUMI_PUBLIC_ORIGIN?.replace(/\/$/, '') || undefined,
    vapidPublicKey: env.VAPID_PUBLIC_KEY || undefined,
    vapidPrivateKey: env.VAPID_PRIVATE_KEY || undefined,
    vapidSubject: env.VAPID_SUBJECT || undefined,
    pushTtlSeconds: numberFromEnv('HAGUKUMI_PUSH_TTL_SECONDS', 60 * 60 * 24),
    pushServiceHosts: (env.HAGUKUMI_PUSH_SERVICE_HOSTS || DEFAULT_PUSH_SERVICE_HOSTS.join(','))
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    pushAllowLocalEndpoints: env.HAGUKUMI_PUSH_ALLOW_LOCAL_ENDPOINTS === 'true'
  };
}
