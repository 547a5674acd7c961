import { createECDH } from 'node:crypto';
import { z } from 'zod';

/** Which endpoints a subscription may point at (from the app's config). */
export interface EndpointPolicy {
  /** Push-service host suffixes; '*' allows any public https host. */
  serviceHosts: readonly string[];
  /** Tests only: also http(s)://127.0.0.1 and localhost. */
  allowLocal: boolean;
}

export const MAX_ENDPOINT_LENGTH = 2048;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function decodeBase64Url(value: string): Buffer | undefined {
  const trimmed = value.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]+$/.test(trimmed)) return undefined;
  return Buffer.from(trimmed, 'base64url');
}

/** Base64url (padding tolerated) decoding to exactly `bytes` bytes, re-encoded without padding. */
const base64UrlKey = (bytes: number, message: string, check: (raw: Buffer) => boolean = () => true) =>
  z
    .string(message)
    .max(200, message)
    .transform((value, ctx) => {
      const raw = decodeBase64Url(value);
      if (!raw || raw.length !== bytes || !check(raw)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return raw.toString('base64url');
    });

const probe = createECDH('prime256v1');
probe.generateKeys();

/** True when the bytes are a point on P-256 (the encryption would fail later otherwise). */
function isP256Point(raw: Buffer): boolean {
  if (raw[0] !== 0x04) return false;
  try {
    probe.computeSecret(raw);
    return true;
  } catch {
    return false;
  }
}

function isAllowedEndpoint(value: string, policy: EndpointPolicy): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (LOCAL_HOSTS.has(host)) return policy.allowLocal && (url.protocol === 'http:' || url.protocol === 'https:');
  if (url.protocol !== 'https:') return false;
  // The server POSTs to this URL: no address literals, so nobody can aim it at the internal network.
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return false;
  if (policy.serviceHosts.includes('*')) return true;
  return policy.serviceHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it. Issue messages are catalogue keys
 * (messages/push). The keys are checked for their real shape: an uncompressed P-256 point and a
 * 16-byte secret.
 */
export function subscriptionSchema(policy: EndpointPolicy) {
  return z.object({
    endpoint: z
      .string('push_error_endpoint')
      .trim()
      .min(1, 'push_error_endpoint')
      .max(MAX_ENDPOINT_LENGTH, 'push_error_endpoint')
      .refine((value) => isAllowedEndpoint(value, policy), 'push_error_endpoint'),
    expirationTime: z.number().nullable().optional(),
    keys: z.object(
      {
        p256dh: base64UrlKey(65, 'push_error_keys', isP256Point),
        auth: base64UrlKey(16, 'push_error_keys')
      },
      'push_error_keys'
    )
  });
}
export type SubscriptionInput = z.output<ReturnType<typeof subscriptionSchema>>;

export const unsubscribeSchema = z.object({
  endpoint: z.string('push_error_endpoint').trim().min(1, 'push_error_endpoint').max(MAX_ENDPOINT_LENGTH, 'push_error_endpoint')
});

/** The first message key per field ('endpoint', 'keys'), for the API's `fields`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'body');
    fields[field] ??= issue.message;
  }
  return fields;
}
