import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
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
      check ((lat is null) = (lng is null)),
      unique (municipality_id, source_dataset, source_key)
    )`.execute(db);
  await sql`create index place_municipality_category on place (municipality_id, category)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table place`.execute(db);
}
