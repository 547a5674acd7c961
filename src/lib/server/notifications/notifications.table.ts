import type { Generated } from 'kysely';

export interface NotificationTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  /** The sending domain: 'guidance', 'forum', 'bookings', 'announcement', … */
  source: string;
  /** The thing's stable identity within its source; (user, source, source_key) is unique. */
  source_key: string;
  title: string;
  body: Generated<string>;
  /** A path inside the app ('/timeline#…'); channels make it absolute. */
  link: string;
  locale: string;
  created_at: Generated<Date>;
  opened_at: Date | null;
}

export type DeliveryChannel = 'email' | 'push';
export type DeliveryStatus = 'pending' | 'sent' | 'dead';

export interface NotificationDeliveryTable {
  id: Generated<string>;
  notification_id: string;
  channel: DeliveryChannel;
  /** The same on every attempt: the email Message-ID's local part, the push Topic. */
  stable_id: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

export interface NotificationTables {
  notification: NotificationTable;
  notification_delivery: NotificationDeliveryTable;
}
