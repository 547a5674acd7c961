import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A form staff build (the working copy); what guardians fill is a published, frozen version of it.
  await sql`
    create table procedure_form (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      builtin_key text,
      title text not null,
      purpose text not null,
      fields jsonb not null default '[]',
      published_version integer,
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (municipality_id, builtin_key)
    )`.execute(db);

  // Each publication freezes title, purpose and fields: a submission points at the version it answered.
  await sql`
    create table procedure_form_version (
      id uuid primary key default gen_random_uuid(),
      form_id uuid not null references procedure_form(id) on delete cascade,
      version integer not null check (version > 0),
      title text not null,
      purpose text not null,
      fields jsonb not null,
      published_by text,
      published_at timestamptz not null default now(),
      unique (form_id, version)
    )`.execute(db);

  // The optional procedure of a guidance rule, keyed by the rule's stable key.
  await sql`
    create table procedure_rule_link (
      municipality_id uuid not null references municipality(id) on delete cascade,
      rule_key text not null,
      form_id uuid not null references procedure_form(id) on delete cascade,
      linked_by text,
      linked_at timestamptz not null default now(),
      primary key (municipality_id, rule_key)
    )`.execute(db);

  // A procedure sent directly by staff to one household (and the person they addressed).
  await sql`
    create table procedure_request (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      form_id uuid not null references procedure_form(id) on delete cascade,
      household_id uuid not null references household(id) on delete cascade,
      user_id text not null,
      message text,
      sent_by text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index procedure_request_household on procedure_request (household_id)`.execute(db);

  // One household's answers: for a direct request, or for a timeline item (subject + rule key + occurrence).
  await sql`
    create table procedure_submission (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      form_id uuid not null references procedure_form(id) on delete cascade,
      form_version_id uuid not null references procedure_form_version(id),
      household_id uuid not null references household(id) on delete cascade,
      request_id uuid references procedure_request(id) on delete cascade,
      subject_type text check (subject_type in ('child', 'pregnancy')),
      subject_id uuid,
      rule_key text,
      occurrence integer not null default 1,
      notice_id uuid,
      status text not null check (status in ('draft', 'received', 'in_review', 'done', 'returned')),
      answers jsonb not null default '{}',
      return_message text,
      created_by text not null,
      submitted_by text,
      submitted_at timestamptz,
      reviewed_by text,
      reviewed_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((request_id is null) <> (rule_key is null)),
      check (rule_key is null or (subject_type is not null and subject_id is not null))
    )`.execute(db);
  await sql`create unique index procedure_submission_request on procedure_submission (request_id) where request_id is not null`.execute(db);
  await sql`create unique index procedure_submission_item on procedure_submission (household_id, subject_id, rule_key, occurrence) where rule_key is not null`.execute(db);
  await sql`create index procedure_submission_queue on procedure_submission (municipality_id, status, submitted_at)`.execute(db);
  await sql`create index procedure_submission_notice on procedure_submission (notice_id) where notice_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table procedure_submission`.execute(db);
  await sql`drop table procedure_request`.execute(db);
  await sql`drop table procedure_rule_link`.execute(db);
  await sql`drop table procedure_form_version`.execute(db);
  await sql`drop table procedure_form`.execute(db);
}
