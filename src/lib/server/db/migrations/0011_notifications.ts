import { sql, type Kysely } from 'kysely';

// The app-wide inbox (notification) and its outbox (notification_delivery): one row per thing a person is
// told, one row per external send of it. Frozen in time: no app imports.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table notification (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      source text not null check (source ~ '^[a-z][a-z_]{1,30}$'),
      source_key text not null check (length(source_key) between 1 and 200),
      title text not null check (length(title) between 1 and 200),
      body text not null default '' check (length(body) <= 4000),
      link text not null check (link ~ '^/'),
      locale text not null check (locale in ('ja', 'en', 'ja-x-easy')),
      created_at timestamptz not null default now(),
      opened_at timestamptz,
      unique (user_id, source, source_key)
    )`.execute(db);
  await sql`create index notification_inbox on notification (user_id, municipality_id, created_at desc)`.execute(db);
  await sql`create index notification_unread on notification (user_id, municipality_id) where opened_at is null`.execute(db);

  await sql`
    create table notification_delivery (
      id uuid primary key default gen_random_uuid(),
      notification_id uuid not null references notification(id) on delete cascade,
      channel text not null check (channel in ('email', 'push')),
      stable_id text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'dead')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      unique (notification_id, channel)
    )`.execute(db);
  await sql`create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index notification_delivery_dead on notification_delivery (created_at desc) where status = 'dead'`.execute(db);

  // Opening a guidance notice in the inbox is the KPI "notice opened", which the guidance pages read from
  // guidance_notice.read_at: kept in step here, whatever code path opens it.
  await sql`
    create function notification_opened_guidance() returns trigger language plpgsql as $$
    begin
      update guidance_notice set read_at = coalesce(read_at, new.opened_at) where id::text = new.source_key and user_id = new.user_id;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger notification_opened_guidance after update of opened_at on notification
    for each row when (new.source = 'guidance' and old.opened_at is null and new.opened_at is not null)
    execute function notification_opened_guidance()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table notification_delivery`.execute(db);
  await sql`drop table notification`.execute(db);
  await sql`drop function notification_opened_guidance()`.execute(db);
}
