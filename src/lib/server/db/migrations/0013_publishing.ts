import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per post; the English and やさしい日本語 versions are optional columns beside the Japanese.
  await sql`
    create table post (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      organization_id text not null references organization(id) on delete cascade,
      kind text not null check (kind in ('news', 'activity', 'volunteer')),
      status text not null default 'draft' check (status in ('draft', 'scheduled', 'published', 'unpublished')),
      title_ja text not null check (length(trim(title_ja)) > 0),
      body_ja text not null check (length(trim(body_ja)) > 0),
      title_en text not null default '',
      body_en text not null default '',
      title_easy text not null default '',
      body_easy text not null default '',
      volunteer_roles text not null default '',
      volunteer_dates text not null default '',
      volunteer_requirements text not null default '',
      publish_at timestamptz,
      published_at timestamptz,
      revised_at timestamptz,
      unpublished_at timestamptz,
      unpublished_by_staff boolean not null default false,
      unpublish_reason text not null default '',
      created_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (status <> 'scheduled' or publish_at is not null),
      check (status <> 'published' or published_at is not null)
    )`.execute(db);
  await sql`create index post_public on post (municipality_id, published_at desc) where status = 'published'`.execute(db);
  await sql`create index post_organization on post (organization_id, created_at desc)`.execute(db);
  await sql`create index post_due on post (publish_at) where status = 'scheduled'`.execute(db);

  // The files live in the photo folder (<dataDir>-photos/<id>/…); this row says what they show.
  await sql`
    create table post_photo (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      post_id uuid not null references post(id) on delete cascade,
      alt_text text not null check (length(trim(alt_text)) > 0),
      width integer not null check (width > 0),
      height integer not null check (height > 0),
      thumb_width integer not null check (thumb_width > 0),
      thumb_height integer not null check (thumb_height > 0),
      bytes integer not null,
      created_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index post_photo_post on post_photo (post_id, created_at)`.execute(db);

  await sql`
    create table volunteer_application (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      post_id uuid not null references post(id) on delete cascade,
      organization_id text not null references organization(id) on delete cascade,
      applicant_user_id text not null references "user"(id) on delete cascade,
      message text not null check (length(trim(message)) > 0),
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
      decision_message text not null default '',
      decided_at timestamptz,
      decided_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (post_id, applicant_user_id)
    )`.execute(db);
  await sql`create index volunteer_application_org on volunteer_application (organization_id, created_at desc)`.execute(db);
  await sql`create index volunteer_application_applicant on volunteer_application (applicant_user_id)`.execute(db);

  // event_id is text and has no foreign key: the events domain is built beside this one.
  await sql`
    create table inquiry_thread (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      organization_id text not null references organization(id) on delete cascade,
      resident_user_id text not null references "user"(id) on delete cascade,
      subject text not null check (length(trim(subject)) > 0),
      event_id text,
      status text not null default 'open' check (status in ('open', 'closed')),
      closed_at timestamptz,
      closed_by_side text check (closed_by_side in ('resident', 'organization')),
      created_at timestamptz not null default now(),
      last_message_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index inquiry_thread_org on inquiry_thread (organization_id, last_message_at desc)`.execute(db);
  await sql`create index inquiry_thread_resident on inquiry_thread (resident_user_id, last_message_at desc)`.execute(db);

  await sql`
    create table inquiry_message (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references inquiry_thread(id) on delete cascade,
      author_side text not null check (author_side in ('resident', 'organization')),
      author_user_id text references "user"(id) on delete set null,
      body text not null check (length(trim(body)) > 0),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index inquiry_message_thread on inquiry_message (thread_id, created_at)`.execute(db);

  await sql`
    create table organization_block (
      resident_user_id text not null references "user"(id) on delete cascade,
      organization_id text not null references organization(id) on delete cascade,
      municipality_id uuid not null references municipality(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (resident_user_id, organization_id)
    )`.execute(db);

  await sql`
    create table content_report (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      post_id uuid not null references post(id) on delete cascade,
      reporter_user_id text references "user"(id) on delete set null,
      reason text not null check (length(trim(reason)) > 0),
      status text not null default 'open' check (status in ('open', 'resolved')),
      resolution text not null default '',
      resolved_at timestamptz,
      resolved_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index content_report_open on content_report (municipality_id, created_at) where status = 'open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['content_report', 'organization_block', 'inquiry_message', 'inquiry_thread', 'volunteer_application', 'post_photo', 'post']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
