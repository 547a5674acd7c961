import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per browser that accepted Web Push. The endpoint is unique: a browser's push channel
  // belongs to one person at a time (docs/decisions/0015-web-push.md).
  await sql`
    create table push_subscription (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      endpoint text not null unique check (endpoint ~ '^https?://' and length(endpoint) <= 2048),
      p256dh text not null check (p256dh ~ '^[A-Za-z0-9_-]{87}$'),
      auth text not null check (auth ~ '^[A-Za-z0-9_-]{22}$'),
      user_agent text not null default '' check (length(user_agent) <= 100),
      created_at timestamptz not null default now(),
      last_success_at timestamptz
    )`.execute(db);
  await sql`create index push_subscription_user on push_subscription (user_id, municipality_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table push_subscription`.execute(db);
}
