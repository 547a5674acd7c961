import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.

/** The categories as of this migration (a copy, not an import: migrations are frozen). */
const PLACE_CATEGORIES = [
  'nursery', 'kindergarten', 'kodomoen', 'support_center', 'hiroba', 'jidokan', 'after_school', 'park',
  'kodomo_shokudo', 'library', 'medical', 'sick_child_care', 'health_center', 'baby_station', 'event_venue', 'other'
];
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table place (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      organization_id text,
      category text not null,
      name text not null check (length(trim(name)) > 0),
      name_kana text not null default '',
      address text not null default '',
      lat double precision,
      lng double precision,
      district_id uuid references district(id),
      phone text not null default '',
      url text not null default '',
      description text not null default '',
      is_published boolean not null default true,
      source_dataset text,
      source_key text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- What the place page and the open-data export show.
      kind text not null default '',
      operator_name text not null default '',
      email text not null default '',
      fax text not null default '',
      postal_code text not null default '',
      access text not null default '',
      parking text not null default '',
      capacity integer,
      age_min_months integer,
      age_max_months integer,
      age_text text not null default '',
      -- [{ "days": [1,2,3,4,5], "open": "09:00", "close": "17:00" }], days 0 = Sunday … 6 = Saturday.
      opening_hours jsonb not null default '[]'::jsonb,
      hours_note text not null default '',
      has_nursing_room boolean,
      has_diaper_changing boolean,
      stroller_access boolean,
      stroller_rental boolean,
      has_temporary_care boolean,
      has_sick_child_care boolean,
      photos jsonb not null default '[]'::jsonb,
      photo_license text not null default '',
      authorized_on date,
      source_municipality_code text not null default '',
      -- Filled by the bookings domain: true while the place has a service that can be booked.
      has_bookable_service boolean not null default false,
      -- Name, kana, address, kind and description normalised (NFKC, lower case, katakana as hiragana).
      search_text text not null default '',
      -- An equirectangular projection (longitude scaled by cos 36°, the middle of Japan) so a GiST
      -- KNN scan finds the nearest candidates; the query re-ranks them by the exact distance.
      geo point generated always as (
        case when lat is null then null else point(lng * 0.8090169943749475, lat) end
      ) stored,
      check ((lat is null) = (lng is null)),
      check (lat is null or (lat between -90 and 90 and lng between -180 and 180)),
      unique (municipality_id, source_dataset, source_key)
    )`.execute(db);
  await sql`create index place_municipality_category on place (municipality_id, category)`.execute(db);
  await sql`create index place_geo on place using gist (geo)`.execute(db);
  // "Nearest of one category" is the common search: one partial KNN index per category lets the scan
  // read only that category's places instead of filtering every nearer place of the others.
  for (const category of PLACE_CATEGORIES) {
    await sql.raw(`create index place_geo_${category} on place using gist (geo) where category = '${category}'`).execute(db);
  }
  await sql`create index place_search_trgm on place using gin (search_text gin_trgm_ops)`.execute(db);

  // A district's centre, for "sort by distance from this district".
  await sql`
    create table place_district_point (
      district_id uuid primary key references district(id) on delete cascade,
      municipality_id uuid not null references municipality(id) on delete cascade,
      lat double precision not null check (lat between -90 and 90),
      lng double precision not null check (lng between -180 and 180)
    )`.execute(db);

  // An uploaded file on its way in: parsed rows wait here until staff confirm.
  await sql`
    create table place_import (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      created_by text,
      file_name text not null,
      file_bytes bytea not null,
      status text not null check (status in ('uploaded', 'parsing', 'needs_mapping', 'preview', 'imported', 'failed')),
      encoding text not null default '',
      layout text not null default '',
      publisher text not null default '',
      mapping jsonb,
      headers jsonb not null default '[]'::jsonb,
      progress_done integer not null default 0,
      progress_total integer not null default 0,
      preview jsonb,
      result jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index place_import_municipality on place_import (municipality_id, created_at desc)`.execute(db);

  // A column mapping staff completed once for a publisher's non-standard layout.
  await sql`
    create table place_import_mapping (
      municipality_id uuid not null references municipality(id) on delete cascade,
      publisher text not null,
      header_signature text not null,
      mapping jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (municipality_id, publisher, header_signature)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table place_import_mapping`.execute(db);
  await sql`drop table place_import`.execute(db);
  await sql`drop table place_district_point`.execute(db);
  await sql`drop table place`.execute(db);
}
