import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// The peer-support forum (C7): threads and posts under per-thread pseudonyms, risk screening data,
// watched words, moderation, follows, in-forum notices and private consultation requests.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table forum_settings (
      municipality_id uuid primary key references municipality(id) on delete cascade,
      new_account_days integer not null default 7 check (new_account_days between 0 and 365),
      new_account_public_posts integer not null default 3 check (new_account_public_posts between 0 and 100),
      new_account_daily_posts integer not null default 3 check (new_account_daily_posts between 1 and 100),
      edit_window_minutes integer not null default 60 check (edit_window_minutes between 0 and 10080),
      flag_hide_threshold integer not null default 3 check (flag_hide_threshold between 1 and 50),
      updated_at timestamptz not null default now(),
      updated_by text references "user"(id) on delete set null
    )`.execute(db);

  await sql`
    create table forum_topic (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      kind text not null check (kind in ('age', 'theme')),
      code text not null check (code ~ '^[a-z0-9_]{1,40}$'),
      name text not null,
      name_en text not null,
      name_easy text not null,
      sort_order integer not null default 0,
      unique (municipality_id, code)
    )`.execute(db);

  await sql`
    create table forum_thread (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      age_topic text not null,
      theme_topic text not null,
      title text not null,
      created_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now(),
      last_public_post_at timestamptz
    )`.execute(db);
  await sql`create index forum_thread_listing on forum_thread (municipality_id, last_public_post_at desc, id desc)`.execute(db);
  await sql`create index forum_thread_title_trgm on forum_thread using gin (title gin_trgm_ops)`.execute(db);

  await sql`
    create table forum_pseudonym (
      thread_id uuid not null references forum_thread(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      position integer not null,
      age_key text not null,
      persona text not null,
      primary key (thread_id, user_id),
      unique (thread_id, position)
    )`.execute(db);

  await sql`
    create table forum_post (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      municipality_id uuid not null references municipality(id) on delete cascade,
      thread_id uuid not null references forum_thread(id) on delete cascade,
      author_id text references "user"(id) on delete set null,
      is_opening boolean not null default false,
      body text not null,
      status text not null check (status in ('public', 'held', 'hidden', 'blocked')),
      hold_reason text check (hold_reason in ('risk', 'watched_word', 'flags')),
      risk_categories text[] not null default '{}',
      risk_level text not null default 'none' check (risk_level in ('none', 'concern', 'high')),
      professional_role text check (professional_role in ('health_professional', 'coordinator')),
      professional_label text,
      private_for_post_id uuid references forum_post(id) on delete cascade,
      urgent_since timestamptz,
      urgent_handled_at timestamptz,
      urgent_handled_by text references "user"(id) on delete set null,
      first_professional_reply_at timestamptz,
      hidden_reason text,
      moderator_note text,
      created_at timestamptz not null default now(),
      edited_at timestamptz,
      deleted_at timestamptz
    )`.execute(db);
  await sql`create index forum_post_thread on forum_post (thread_id, created_at)`.execute(db);
  await sql`create index forum_post_author_day on forum_post (author_id, created_at)`.execute(db);
  await sql`create index forum_post_urgent on forum_post (municipality_id, urgent_since) where urgent_since is not null`.execute(db);
  await sql`create index forum_post_body_trgm on forum_post using gin (body gin_trgm_ops)`.execute(db);

  await sql`
    create table forum_post_revision (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      post_id uuid not null references forum_post(id) on delete cascade,
      body text not null,
      edited_by text references "user"(id) on delete set null,
      by_moderator boolean not null default false,
      replaced_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index forum_post_revision_post on forum_post_revision (post_id, replaced_at)`.execute(db);

  await sql`
    create table forum_reaction (
      post_id uuid not null references forum_post(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      municipality_id uuid not null references municipality(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (post_id, user_id)
    )`.execute(db);

  await sql`
    create table forum_follow (
      thread_id uuid not null references forum_thread(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      municipality_id uuid not null references municipality(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (thread_id, user_id)
    )`.execute(db);

  await sql`
    create table forum_flag (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      post_id uuid not null references forum_post(id) on delete cascade,
      user_id text references "user"(id) on delete set null,
      reason text not null check (reason in ('harassment', 'personal_info', 'spam', 'inappropriate', 'worried', 'other')),
      note text not null default '',
      is_trusted boolean not null,
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by text references "user"(id) on delete set null,
      unique (post_id, user_id)
    )`.execute(db);

  await sql`
    create table forum_notice (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      municipality_id uuid not null references municipality(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      kind text not null,
      thread_id uuid references forum_thread(id) on delete cascade,
      post_id uuid references forum_post(id) on delete set null,
      reason text not null default '',
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index forum_notice_user on forum_notice (user_id, created_at desc)`.execute(db);

  await sql`
    create table forum_watched_word (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      pattern text not null check (length(pattern) between 1 and 200),
      is_regex boolean not null default false,
      action text not null check (action in ('block', 'hold', 'flag', 'replace')),
      replacement text not null default '',
      message text not null default '',
      created_at timestamptz not null default now(),
      created_by text references "user"(id) on delete set null,
      unique (municipality_id, pattern, action)
    )`.execute(db);

  await sql`
    create table forum_risk_term (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      category text not null check (category in ('self_harm', 'child_harm', 'dv', 'acute_crisis', 'innocent')),
      level text not null check (level in ('high', 'concern')),
      pattern text not null check (length(pattern) between 1 and 200),
      is_regex boolean not null default false,
      language text not null check (language in ('ja', 'ja-x-easy', 'en')),
      created_at timestamptz not null default now(),
      created_by text references "user"(id) on delete set null,
      unique (municipality_id, category, pattern)
    )`.execute(db);

  await sql`
    create table forum_contact (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      categories text[] not null,
      name text not null check (length(trim(name)) > 0),
      phone text not null default '',
      hours text not null default '',
      description text not null default '',
      sort_order integer not null default 0
    )`.execute(db);

  await sql`
    create table forum_moderation_action (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      post_id uuid references forum_post(id) on delete set null,
      target_user_id text references "user"(id) on delete set null,
      moderator_id text references "user"(id) on delete set null,
      action text not null check (action in ('approve', 'hide', 'edit', 'warn', 'suspend', 'release')),
      reason text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table forum_suspension (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      until timestamptz not null,
      reason text not null,
      created_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index forum_suspension_user on forum_suspension (user_id, until)`.execute(db);

  await sql`
    create table forum_consultation (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      thread_id uuid not null references forum_thread(id) on delete cascade,
      post_id uuid references forum_post(id) on delete set null,
      user_id text references "user"(id) on delete set null,
      offered_by text references "user"(id) on delete set null,
      contact_method text not null check (contact_method in ('phone', 'email', 'visit', 'online')),
      contact_detail text not null default '',
      preferred_time text not null,
      consent_text text not null,
      consented_at timestamptz not null,
      status text not null default 'new' check (status in ('new', 'contacted', 'closed')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index forum_consultation_queue on forum_consultation (municipality_id, status, created_at)`.execute(db);

  await sql`
    create table forum_consultation_note (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      consultation_id uuid not null references forum_consultation(id) on delete cascade,
      author_id text references "user"(id) on delete set null,
      status_to text not null check (status_to in ('new', 'contacted', 'closed')),
      note text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'forum_consultation_note',
    'forum_consultation',
    'forum_suspension',
    'forum_moderation_action',
    'forum_contact',
    'forum_risk_term',
    'forum_watched_word',
    'forum_notice',
    'forum_flag',
    'forum_follow',
    'forum_reaction',
    'forum_post_revision',
    'forum_post',
    'forum_pseudonym',
    'forum_thread',
    'forum_topic',
    'forum_settings'
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
