import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Which built-in rule set version each municipality has loaded (loading is idempotent and versioned).
  await sql`
    create table guidance_rule_set (
      municipality_id uuid not null references municipality(id) on delete cascade,
      set_key text not null,
      version integer not null check (version > 0),
      loaded_at timestamptz not null default now(),
      primary key (municipality_id, set_key)
    )`.execute(db);

  // A municipality's rules: a built-in copy (source_version set) or a ward's own; staff edit them.
  await sql`
    create table guidance_rule (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      rule_key text not null check (rule_key ~ '^[a-z0-9][a-z0-9._-]*$'),
      version integer not null default 1 check (version > 0),
      source_version integer,
      kind text not null check (kind in ('checkup', 'immunisation', 'interview', 'benefit', 'procedure', 'info')),
      subject text not null check (subject in ('child', 'pregnancy')),
      trigger jsonb not null,
      filters jsonb not null,
      after_window text not null check (after_window in ('overdue', 'closed')),
      linger_days integer not null default 0 check (linger_days between 0 and 3650),
      continues_after text[] not null default '{}',
      department_code text not null,
      content jsonb not null,
      unverified_note text,
      sort_order integer not null default 0,
      is_published boolean not null default true,
      edited_by text,
      edited_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (municipality_id, rule_key)
    )`.execute(db);

  // What a guardian recorded for one timeline item (occurrence = the n-th time the rule applies).
  await sql`
    create table guidance_item_record (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      household_id uuid not null references household(id) on delete cascade,
      child_id uuid references child(id) on delete cascade,
      pregnancy_id uuid references pregnancy(id) on delete cascade,
      rule_key text not null,
      occurrence integer not null default 1 check (occurrence > 0),
      status text not null check (status in ('done', 'not_applicable')),
      done_on date,
      recorded_by text,
      recorded_at timestamptz not null default now(),
      check ((child_id is null) <> (pregnancy_id is null)),
      check (status = 'done' or done_on is null)
    )`.execute(db);
  await sql`create unique index guidance_item_record_child on guidance_item_record (child_id, rule_key, occurrence) where child_id is not null`.execute(db);
  await sql`create unique index guidance_item_record_pregnancy on guidance_item_record (pregnancy_id, rule_key, occurrence) where pregnancy_id is not null`.execute(db);
  await sql`create index guidance_item_record_household on guidance_item_record (household_id)`.execute(db);

  // Vaccination doses actually given, per child: they move the next dose's earliest date.
  await sql`
    create table immunisation_dose (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      household_id uuid not null references household(id) on delete cascade,
      child_id uuid not null references child(id) on delete cascade,
      vaccine text not null,
      dose integer not null check (dose between 1 and 4),
      given_on date not null,
      brand text check (brand in ('rv1', 'rv5')),
      recorded_by text,
      recorded_at timestamptz not null default now(),
      unique (child_id, vaccine, dose)
    )`.execute(db);
  await sql`create index immunisation_dose_household on immunisation_dose (household_id)`.execute(db);

  // A notice planned for one person about one item. Its identity is (person, subject, rule key, occurrence):
  // the planner inserts with ON CONFLICT DO NOTHING, so a reworded rule or a corrected date never notifies twice.
  await sql`
    create table guidance_notice (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id),
      user_id text not null,
      household_id uuid not null references household(id) on delete cascade,
      subject_type text not null check (subject_type in ('child', 'pregnancy')),
      subject_id uuid not null,
      rule_key text not null,
      occurrence integer not null default 1 check (occurrence > 0),
      rule_version integer not null,
      window_start date not null,
      window_end date,
      planned_on date not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      unique (user_id, subject_id, rule_key, occurrence)
    )`.execute(db);
  await sql`create index guidance_notice_inbox on guidance_notice (user_id, municipality_id, planned_on desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table guidance_notice`.execute(db);
  await sql`drop table immunisation_dose`.execute(db);
  await sql`drop table guidance_item_record`.execute(db);
  await sql`drop table guidance_rule`.execute(db);
  await sql`drop table guidance_rule_set`.execute(db);
}
