import { expect } from 'vitest';
import type { App } from '../app.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { Result } from '../platform/errors.ts';
import type { AuthRequest } from './auth-request.ts';
import { loadViewer, type Viewer } from './session.ts';

/** Test helpers for the auth services: a browser's request, its cookie jar, and the links in mails. */

export const TEST_HOST = 'sakura.example';

export function browserRequest(municipalityId: string, options: { cookie?: string; address?: string; userAgent?: string } = {}): AuthRequest {
  const headers = new Headers({ host: TEST_HOST, 'user-agent': options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36' });
  if (options.cookie) headers.set('cookie', options.cookie);
  return {
    headers,
    address: options.address ?? '203.0.113.7',
    municipalityId,
    requestId: 'test-request',
    origin: `http://${TEST_HOST}`,
    language: 'ja'
  };
}

/** Applies Set-Cookie response headers to a Cookie request header, as a browser would. */
export function applyCookies(previous: string | undefined, responseHeaders: Headers): string {
  const jar = new Map<string, string>();
  for (const part of (previous ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name) jar.set(name, value.join('='));
  }
  for (const line of responseHeaders.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const [name, ...value] = pair.trim().split('=');
    const isExpired = value.join('=') === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (isExpired) jar.delete(name);
    else jar.set(name, value.join('='));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** The path and query of the link to `path` in a mail (e.g. '/verify-email'). */
export function linkIn(mail: MailMessage, path: string): URL {
  const match = new RegExp(`https?://\\S+${path}\\S*`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in mail:\n${mail.text}`);
  return new URL(match[0]);
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function expectError<T>(result: Result<T>, code: string) {
  if (result.ok) expect.fail(`expected ${code}, got success`);
  expect(result.error.code).toBe(code);
  return result.error;
}

export async function viewerFor(app: App, municipalityId: string, cookie: string): Promise<Viewer | undefined> {
  return loadViewer(app, browserRequest(municipalityId, { cookie }).headers, municipalityId);
}
