import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A person's private iCalendar feed. Only the SHA-256 of the secret token is kept: the URL is shown once.
  await sql`
    create table calendar_feed (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      include_names boolean not null default false,
      include_pregnancy boolean not null default false,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_fetched_at timestamptz
    )`.execute(db);
  await sql`create unique index calendar_feed_one_active on calendar_feed (user_id, municipality_id) where revoked_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table calendar_feed`.execute(db);
}
