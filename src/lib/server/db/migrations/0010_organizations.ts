import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The id is text: role assignments scope by a text id, place.organization_id is text, and the demo
  // organization is 'demo-npo'. New organizations get a uuid as text.
  await sql`
    create table organization (
      id text primary key default gen_random_uuid()::text check (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
      municipality_id uuid not null references municipality(id) on delete cascade,
      type text not null check (type in ('npo', 'general_incorporated', 'company', 'voluntary', 'social_welfare_council', 'ward_department')),
      is_official boolean not null default false,
      department_code text,
      name text not null check (length(trim(name)) > 0),
      name_kana text not null check (length(trim(name_kana)) > 0),
      purpose text not null default '',
      contact_email text not null default '',
      contact_phone text not null default '',
      url text not null default '',
      corporate_number text check (corporate_number ~ '^[0-9]{13}$'),
      status text not null default 'pending' check (status in ('pending', 'needs_info', 'verified', 'refused')),
      status_message text not null default '',
      submitted_at timestamptz not null default now(),
      verified_at timestamptz,
      suspended_at timestamptz,
      suspended_reason text not null default '',
      registered_by text references "user"(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (municipality_id, id),
      check (is_official = (type = 'ward_department')),
      check ((status = 'verified') = (verified_at is not null))
    )`.execute(db);
  await sql`create index organization_municipality_status on organization (municipality_id, status)`.execute(db);
  await sql`create index organization_directory on organization (municipality_id, name_kana, id) where status = 'verified' and suspended_at is null`.execute(db);

  await sql`
    create table organization_district (
      organization_id text not null references organization(id) on delete cascade,
      municipality_id uuid not null,
      district_id uuid not null,
      primary key (organization_id, district_id),
      foreign key (municipality_id, district_id) references district (municipality_id, id)
    )`.execute(db);
  await sql`create index organization_district_district on organization_district (district_id)`.execute(db);

  // The org role lives here; the right to enter the console is the org_member role assignment
  // scoped to the organization, written in the same transaction (docs/decisions/0010).
  await sql`
    create table organization_member (
      organization_id text not null references organization(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      municipality_id uuid not null references municipality(id),
      org_role text not null check (org_role in ('owner', 'editor', 'viewer')),
      added_at timestamptz not null default now(),
      primary key (organization_id, user_id)
    )`.execute(db);
  await sql`create index organization_member_user on organization_member (user_id, municipality_id)`.execute(db);

  await sql`
    create table organization_invitation (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      organization_id text not null references organization(id) on delete cascade,
      email text not null,
      org_role text not null check (org_role in ('owner', 'editor', 'viewer')),
      token_hash text not null unique,
      invited_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by text,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index organization_invitation_org on organization_invitation (organization_id)`.execute(db);

  // What happened to the registration, in order: shown to the owner and to staff.
  await sql`
    create table organization_review (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      organization_id text not null references organization(id) on delete cascade,
      action text not null check (action in ('submitted', 'resubmitted', 'approved', 'needs_info', 'refused', 'suspended', 'unsuspended', 'created_official')),
      message text not null default '',
      actor_user_id text,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index organization_review_org on organization_review (organization_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table organization_review`.execute(db);
  await sql`drop table organization_invitation`.execute(db);
  await sql`drop table organization_member`.execute(db);
  await sql`drop table organization_district`.execute(db);
  await sql`drop table organization`.execute(db);
}
