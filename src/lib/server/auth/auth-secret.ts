import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The signing secret: BETTER_AUTH_SECRET when set (required for several instances); otherwise one
 * generated on first start and kept beside the data folder, so sessions survive restarts.
 */
export function resolveAuthSecret(configured: string, dataDir: string): string {
  if (configured) return configured;
  const file = `${dataDir}.secret`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
