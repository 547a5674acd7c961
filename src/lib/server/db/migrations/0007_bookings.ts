import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table booking_service (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      place_id uuid not null references place(id) on delete cascade,
      kind text not null check (kind in ('temporary_care', 'sick_child_care', 'session', 'consultation')),
      name text not null check (length(trim(name)) > 0),
      description text not null default '',
      capacity_unit text not null check (capacity_unit in ('children', 'people', 'households')),
      min_age_months integer check (min_age_months >= 0),
      max_age_months integer check (max_age_months >= 0),
      requires_registration boolean not null default false,
      requires_approval boolean not null default false,
      opens_days_ahead integer not null default 30 check (opens_days_ahead between 0 and 365),
      opens_at_time text not null default '09:00' check (opens_at_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      cancel_hours_before integer not null default 24 check (cancel_hours_before between 0 and 720),
      cancel_by_time text check (cancel_by_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      monthly_cap integer check (monthly_cap > 0),
      offer_hours integer not null default 24 check (offer_hours between 1 and 168),
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (min_age_months is null or max_age_months is null or min_age_months <= max_age_months)
    )`.execute(db);
  await sql`create index booking_service_place on booking_service (place_id)`.execute(db);

  await sql`
    create table booking_pattern (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      service_id uuid not null references booking_service(id) on delete cascade,
      weekday integer not null check (weekday between 0 and 6),
      start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      capacity integer not null check (capacity > 0),
      valid_from date not null,
      valid_until date,
      skip_holidays boolean not null default true,
      created_at timestamptz not null default now(),
      check (start_time < end_time),
      check (valid_until is null or valid_from <= valid_until)
    )`.execute(db);

  await sql`
    create table booking_closure (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      service_id uuid not null references booking_service(id) on delete cascade,
      closed_on date not null,
      reason text not null default '',
      created_at timestamptz not null default now(),
      unique (service_id, closed_on)
    )`.execute(db);

  // seats_taken counts the seats held by confirmed, pending and offered bookings. The booking rule is a
  // conditional update on this row; the check constraint is the last wall behind it.
  await sql`
    create table booking_slot (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      service_id uuid not null references booking_service(id) on delete cascade,
      place_id uuid not null references place(id) on delete cascade,
      pattern_id uuid references booking_pattern(id) on delete set null,
      slot_date date not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer not null check (capacity > 0),
      seats_taken integer not null default 0 check (seats_taken >= 0),
      status text not null default 'open' check (status in ('open', 'closed')),
      closed_reason text,
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      check (starts_at < ends_at),
      check (seats_taken <= capacity),
      unique (service_id, starts_at)
    )`.execute(db);
  await sql`create index booking_slot_place_date on booking_slot (place_id, slot_date)`.execute(db);

  await sql`
    create table booking (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      slot_id uuid not null references booking_slot(id) on delete cascade,
      service_id uuid not null references booking_service(id) on delete cascade,
      household_id uuid not null references household(id) on delete cascade,
      booked_by text not null references "user"(id) on delete cascade,
      seats integer not null check (seats > 0),
      adults integer not null default 0 check (adults >= 0),
      status text not null check (status in ('confirmed', 'pending', 'offered', 'waitlisted', 'cancelled', 'declined', 'expired')),
      channel text not null check (channel in ('web', 'api')),
      notice_id text,
      idempotency_key text,
      created_at timestamptz not null default now(),
      confirmed_at timestamptz,
      cancelled_at timestamptz,
      offer_expires_at timestamptz,
      attendance text check (attendance in ('checked_in', 'no_show')),
      attendance_at timestamptz,
      unique (booked_by, idempotency_key)
    )`.execute(db);
  await sql`
    create unique index booking_one_active_per_household on booking (slot_id, household_id)
    where status in ('confirmed', 'pending', 'offered', 'waitlisted')`.execute(db);
  await sql`create index booking_slot_status on booking (slot_id, status, created_at)`.execute(db);
  await sql`create index booking_household on booking (household_id, created_at)`.execute(db);
  await sql`create index booking_offer_expiry on booking (offer_expires_at) where status = 'offered'`.execute(db);

  await sql`
    create table booking_child (
      booking_id uuid not null references booking(id) on delete cascade,
      child_id uuid not null references child(id) on delete cascade,
      primary key (booking_id, child_id)
    )`.execute(db);

  await sql`
    create table booking_registration (
      id uuid primary key default gen_random_uuid(),
      municipality_id uuid not null references municipality(id) on delete cascade,
      place_id uuid not null references place(id) on delete cascade,
      household_id uuid not null references household(id) on delete cascade,
      child_id uuid not null references child(id) on delete cascade,
      status text not null default 'requested' check (status in ('requested', 'approved', 'declined')),
      requested_by text not null references "user"(id) on delete cascade,
      requested_at timestamptz not null default now(),
      decided_at timestamptz,
      decided_by text,
      unique (place_id, child_id)
    )`.execute(db);

  await sql`
    create table booking_alert (
      slot_id uuid not null references booking_slot(id) on delete cascade,
      user_id text not null references "user"(id) on delete cascade,
      municipality_id uuid not null references municipality(id) on delete cascade,
      created_at timestamptz not null default now(),
      notified_at timestamptz,
      primary key (slot_id, user_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['booking_alert', 'booking_registration', 'booking_child', 'booking', 'booking_slot', 'booking_closure', 'booking_pattern', 'booking_service']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
