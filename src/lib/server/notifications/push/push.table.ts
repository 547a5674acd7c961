import type { Generated } from 'kysely';

/** One browser (or app) of a person that accepted Web Push; the endpoint is a capability URL. */
export interface PushSubscriptionTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  endpoint: string;
  /** The browser's P-256 public key, base64url (65 bytes uncompressed). */
  p256dh: string;
  /** The 16-byte authentication secret, base64url. */
  auth: string;
  /** A short label such as "Chrome (Android)", never the whole user agent. */
  user_agent: Generated<string>;
  created_at: Generated<Date>;
  last_success_at: Date | null;
}

export interface PushTables {
  push_subscription: PushSubscriptionTable;
}
