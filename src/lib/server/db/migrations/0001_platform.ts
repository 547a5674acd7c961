import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table municipality (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[0-9]{6}$'),
      name text not null,
      name_en text not null default '',
      name_easy text not null default '',
      prefecture text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table municipality_host (
      host text primary key,
      municipality_id uuid not null references municipality(id) on delete cascade
    )`.execute(db);

  await sql`
    create table district (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      code text not null,
      name text not null,
      name_kana text not null default '',
      name_en text not null default '',
      sort_order integer not null default 0,
      is_active boolean not null default true,
      unique (municipality_id, code),
      unique (municipality_id, id)
    )`.execute(db);

  await sql`
    create table department (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      code text not null,
      name text not null,
      name_en text not null default '',
      unique (municipality_id, code)
    )`.execute(db);

  await sql`
    create table person_profile (
      user_id text primary key references "user"(id) on delete cascade,
      municipality_id uuid not null references municipality(id),
      language text not null default 'ja' check (language in ('ja', 'en', 'ja-x-easy')),
      notify_email boolean not null default true,
      notify_push boolean not null default false,
      quiet_hours_start text check (quiet_hours_start ~ '^[0-2][0-9]:[0-5][0-9]$'),
      quiet_hours_end text check (quiet_hours_end ~ '^[0-2][0-9]:[0-5][0-9]$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index person_profile_municipality on person_profile (municipality_id)`.execute(db);

  await sql`
    create table role_assignment (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      role text not null check (role in ('ward_staff', 'supervisor', 'moderator', 'health_professional',
                                         'coordinator', 'admin', 'org_member')),
      scope_type text,
      scope_id text,
      valid_from date not null,
      valid_to date,
      granted_by text,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index role_assignment_user on role_assignment (user_id, municipality_id)`.execute(db);

  await sql`
    create table household (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      district_id uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (municipality_id, id),
      foreign key (municipality_id, district_id) references district (municipality_id, id)
    )`.execute(db);

  await sql`
    create table household_guardian (
      household_id uuid not null references household(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      municipality_id uuid not null references municipality(id),
      added_at timestamptz not null default now(),
      removed_at timestamptz,
      removed_by text,
      primary key (household_id, user_id)
    )`.execute(db);
  await sql`create index household_guardian_user on household_guardian (user_id) where removed_at is null`.execute(db);

  await sql`
    create table household_invitation (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      household_id uuid not null references household(id) on delete cascade,
      email text not null,
      token_hash text not null unique,
      invited_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by text,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table child (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      household_id uuid not null references household(id) on delete cascade,
      name text not null check (length(trim(name)) > 0),
      birth_date date not null,
      sex text check (sex in ('female', 'male')),
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index child_household on child (household_id)`.execute(db);
  await sql`create index child_municipality_birth on child (municipality_id, birth_date)`.execute(db);

  await sql`
    create table pregnancy (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      household_id uuid not null references household(id) on delete cascade,
      due_date date not null,
      fetus_count integer not null default 1 check (fetus_count between 1 and 5),
      outcome text check (outcome in ('birth', 'loss', 'moved_away')),
      outcome_date date,
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((outcome is null) = (outcome_date is null))
    )`.execute(db);
  await sql`create index pregnancy_household on pregnancy (household_id)`.execute(db);

  await sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      user_id text not null references "user"(id) on delete cascade,
      purpose text not null check (purpose in ('personalised_notices', 'share_screening_with_coordinator',
                                               'contact_by_coordinator')),
      is_granted boolean not null,
      recorded_at timestamptz not null default now(),
      request_id text
    )`.execute(db);
  await sql`create index consent_user_purpose on consent (user_id, purpose, recorded_at desc)`.execute(db);

  await sql`
    create table deletion_record (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid references municipality(id),
      subject_id text not null,
      requested_at timestamptz not null,
      completed_at timestamptz not null default now(),
      kept text not null default ''
    )`.execute(db);

  await sql`
    create table auth_throttle (
      key text not null,
      failed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index auth_throttle_key on auth_throttle (key, failed_at)`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      municipality_id uuid,
      actor_user_id text,
      action text not null,
      record_type text not null,
      record_id text,
      at timestamptz not null default now(),
      request_id text,
      address text
    )`.execute(db);
  await sql`create index audit_log_record on audit_log (record_type, record_id)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);

  // Append-only: no UPDATE or TRUNCATE ever; DELETE only for the retention purge, which sets
  // hagukumi.audit_purge_before in its own transaction and may remove only rows older than that.
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if current_setting('hagukumi.audit_purge_before', true) is not null
           and current_setting('hagukumi.audit_purge_before', true) <> ''
           and old.at < current_setting('hagukumi.audit_purge_before', true)::timestamptz then
          return old;
        end if;
      end if;
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The platform migration cannot be reverted');
}
