import type { Generated } from 'kysely';

export interface CalendarFeedTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  /** SHA-256 (hex) of the secret token; the token itself is shown once and never stored. */
  token_hash: string;
  include_names: Generated<boolean>;
  include_pregnancy: Generated<boolean>;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  last_fetched_at: Date | null;
}

export interface CalendarTables {
  calendar_feed: CalendarFeedTable;
}
