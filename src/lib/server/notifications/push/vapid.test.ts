import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpush from 'web-push';
import { readConfig } from '../../platform/config.ts';
import { resolveVapidKeys } from './vapid.ts';

const configIn = (env: Record<string, string> = {}) => ({ ...readConfig(env), dataDir: join(mkdtempSync(join(tmpdir(), 'vapid-')), 'data') });

describe('the VAPID keys', () => {
  it('are generated once beside the data folder, private to the server user, and the same after a restart', () => {
    const config = configIn();
    const first = resolveVapidKeys(config);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const file = `${config.dataDir}.vapid.json`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
    expect(resolveVapidKeys({ ...config }).publicKey).toBe(first.publicKey);
  });

  it('come from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT when set', () => {
    const keys = webpush.generateVAPIDKeys();
    const config = configIn({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:kosodate@city.sakura.example.jp' });
    expect(resolveVapidKeys(config)).toEqual({ ...keys, subject: 'mailto:kosodate@city.sakura.example.jp' });
  });

  it('refuse half a pair or a malformed key with a clear error', () => {
    const keys = webpush.generateVAPIDKeys();
    expect(() => resolveVapidKeys(configIn({ VAPID_PUBLIC_KEY: keys.publicKey }))).toThrow(/both/);
    expect(() => resolveVapidKeys(configIn({ VAPID_PUBLIC_KEY: 'abc', VAPID_PRIVATE_KEY: keys.privateKey }))).toThrow(/base64url P-256/);
  });

  it('name the public origin or the mail sender as the contact when no subject is set', () => {
    expect(resolveVapidKeys(configIn({ HAGUKUMI_PUBLIC_ORIGIN: 'https://kosodate.sakura.example.jp' })).subject).toBe('https://kosodate.sakura.example.jp');
    expect(resolveVapidKeys(configIn({ MAIL_FROM: 'さくら区 <kosodate@sakura.example.jp>' })).subject).toBe('mailto:kosodate@sakura.example.jp');
  });
});
