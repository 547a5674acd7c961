import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A person belongs to at most one household at a time; the database holds the line under races.
  await sql`create unique index household_guardian_one_active on household_guardian (user_id) where removed_at is null`.execute(db);
  await sql`create index household_invitation_household on household_invitation (household_id) where accepted_at is null and revoked_at is null`.execute(db);
  await sql`alter table child add constraint child_name_length check (length(name) <= 50)`.execute(db);
  await sql`
    alter table person_profile add constraint person_profile_quiet_hours_pair
    check ((quiet_hours_start is null) = (quiet_hours_end is null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table person_profile drop constraint person_profile_quiet_hours_pair`.execute(db);
  await sql`alter table child drop constraint child_name_length`.execute(db);
  await sql`drop index household_invitation_household`.execute(db);
  await sql`drop index household_guardian_one_active`.execute(db);
}
