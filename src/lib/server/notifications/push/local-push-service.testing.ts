import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';

// For tests: a push service on 127.0.0.1 that records what the sender POSTs, and a fake browser
// subscription with real keys, so a test can check the VAPID token and decrypt the message (RFC 8291).

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface LocalPushService {
  origin: string;
  received: ReceivedPush[];
  /** What the service answers for a path (default 201). */
  answer(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startLocalPushService(): Promise<LocalPushService> {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = answers.get(path) ?? 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status) => answers.set(path, status),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  };
}

/** A browser's side of a subscription: its P-256 key pair and 16-byte auth secret. */
export interface FakeBrowser {
  ecdh: ECDH;
  authSecret: Buffer;
  /** As `PushSubscription.toJSON()` would give it. */
  subscription: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
}

export function fakeBrowser(endpoint: string): FakeBrowser {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return { ecdh, authSecret, subscription: { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') } } };
}

/** The plaintext of an aes128gcm body, decrypted with the browser's private key and auth secret. */
export function decryptPush(browser: FakeBrowser, body: Buffer): string {
  return decrypt(body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.authSecret }).toString('utf8');
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service does (RFC 8292): the key is the one
 * expected, the JWT is ES256 and its signature verifies with that key. Returns the claims.
 */
export function verifyVapid(authorization: string | undefined, expectedPublicKey: string): VapidClaims {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`not a vapid Authorization header: ${authorization}`);
  const [, token, key] = match;
  if (key !== expectedPublicKey) throw new Error('the k= key is not the server’s VAPID public key');
  const [header, payload, signature] = token.split('.');
  const joseHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string; typ?: string };
  if (joseHeader.alg !== 'ES256') throw new Error(`alg is ${joseHeader.alg}`);
  const raw = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
    format: 'jwk'
  });
  const isValid = verify('sha256', Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!isValid) throw new Error('the VAPID signature does not verify');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as VapidClaims;
}
