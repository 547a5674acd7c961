import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import webpush from 'web-push';
import type { AppConfig } from '../../platform/config.ts';

/** The server's VAPID identity (RFC 8292): browsers bind each subscription to the public key. */
export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url: the browser's `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact for the push services. */
  subject: string;
}

const cache = new Map<string, VapidKeys>();
const KEY_PATTERN = { publicKey: /^[A-Za-z0-9_-]{87}$/, privateKey: /^[A-Za-z0-9_-]{43}$/ };

function subjectFor(config: AppConfig): string {
  if (config.vapidSubject) return config.vapidSubject;
  if (config.publicOrigin?.startsWith('https://')) return config.publicOrigin;
  const address = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim();
  return `mailto:${address}`;
}

function readKeyFile(file: string): { publicKey: string; privateKey: string } {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
  if (typeof stored.publicKey !== 'string' || typeof stored.privateKey !== 'string' || !KEY_PATTERN.publicKey.test(stored.publicKey) || !KEY_PATTERN.privateKey.test(stored.privateKey)) {
    throw new Error(`${file} does not hold a VAPID key pair; remove it to generate a new one (existing push subscriptions then stop working)`);
  }
  return { publicKey: stored.publicKey, privateKey: stored.privateKey };
}

/**
 * The keys from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY when set (required when several app instances
 * share a database); otherwise a pair generated on first use and kept beside the data folder like the
 * auth secret, so subscriptions keep working across restarts. Changing the keys invalidates every
 * existing subscription, so the file is written once and never replaced.
 */
export function resolveVapidKeys(config: AppConfig): VapidKeys {
  const subject = subjectFor(config);
  if (config.vapidPublicKey || config.vapidPrivateKey) {
    if (!config.vapidPublicKey || !config.vapidPrivateKey) throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither');
    if (!KEY_PATTERN.publicKey.test(config.vapidPublicKey) || !KEY_PATTERN.privateKey.test(config.vapidPrivateKey)) {
      throw new Error('VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY must be base64url P-256 keys (npx web-push generate-vapid-keys)');
    }
    return { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey, subject };
  }
  const file = `${config.dataDir}.vapid.json`;
  const cached = cache.get(file);
  if (cached) return { ...cached, subject };
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside then linked into place: link fails if another process won the race, and nobody
    // ever reads a half-written file.
    const draft = `${file}.${randomUUID()}`;
    writeFileSync(draft, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const keys = readKeyFile(file);
  cache.set(file, { ...keys, subject });
  return { ...keys, subject };
}
