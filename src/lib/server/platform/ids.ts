import { randomBytes, randomUUID, createHash } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** A URL-safe random token for links sent by mail; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
