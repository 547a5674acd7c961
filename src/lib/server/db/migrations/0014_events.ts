import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // An event of an organization (organization_id) or imported open data (source_dataset/source_key,
  // no organization). Registration goes through a bookings service (service_id) with one slot per
  // occurrence; starts_on/ends_on are the first and last occurrence, for the list filters.
  await sql`
    create table event (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      organization_id text references organization(id) on delete cascade,
      status text not null default 'draft' check (status in ('draft', 'published', 'unpublished')),
      title text not null check (length(trim(title)) > 0),
      title_en text not null default '',
      title_easy text not null default '',
      description text not null default '',
      description_en text not null default '',
      description_easy text not null default '',
      category text not null default '',
      place_id uuid references place(id) on delete set null,
      place_name text not null default '',
      address text not null default '',
      lat double precision,
      lng double precision,
      district_id uuid references district(id),
      min_age_months integer check (min_age_months >= 0),
      max_age_months integer check (max_age_months >= 0),
      fee_yen integer not null default 0 check (fee_yen >= 0),
      fee_note text not null default '',
      registration text not null default 'none' check (registration in ('none', 'bookings', 'external')),
      registration_note text not null default '',
      capacity integer check (capacity > 0),
      capacity_unit text check (capacity_unit in ('people', 'households')),
      service_id uuid references booking_service(id) on delete set null,
      recurrence text not null default 'single' check (recurrence in ('single', 'weekly')),
      repeat_weeks integer not null default 1 check (repeat_weeks between 1 and 52),
      first_date date not null,
      start_time text not null,
      end_time text not null,
      starts_on date not null,
      ends_on date not null,
      organizer_name text not null default '',
      contact_name text not null default '',
      contact_phone text not null default '',
      url text not null default '',
      access text not null default '',
      source_dataset text,
      source_key text,
      created_by text references "user"(id) on delete set null,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (min_age_months is null or max_age_months is null or min_age_months <= max_age_months),
      check (registration <> 'bookings' or (capacity is not null and capacity_unit is not null and place_id is not null)),
      check ((source_key is null) = (source_dataset is null)),
      unique (municipality_id, source_dataset, source_key)
    )`.execute(db);
  await sql`create index event_public on event (municipality_id, status, starts_on)`.execute(db);
  await sql`create index event_organization on event (organization_id, starts_on)`.execute(db);
  await sql`create index event_place on event (place_id)`.execute(db);

  await sql`
    create table event_occurrence (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event(id) on delete cascade,
      municipality_id uuid not null references municipality(id) on delete cascade,
      occurs_on date not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      slot_id uuid references booking_slot(id) on delete set null,
      unique (event_id, starts_at),
      check (ends_at >= starts_at)
    )`.execute(db);
  await sql`create index event_occurrence_day on event_occurrence (municipality_id, occurs_on)`.execute(db);

  // An uploaded イベント一覧 file: the bytes as they came, the preview staff review, then the result.
  await sql`
    create table event_import (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      created_by text references "user"(id) on delete set null,
      file_name text not null,
      bytes bytea not null,
      status text not null default 'preview' check (status in ('preview', 'imported', 'failed')),
      encoding text not null default '',
      layout text not null default '',
      preview jsonb,
      result jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index event_import_recent on event_import (municipality_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists event_import`.execute(db);
  await sql`drop table if exists event_occurrence`.execute(db);
  await sql`drop table if exists event`.execute(db);
}
