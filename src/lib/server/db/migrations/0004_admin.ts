import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Ending an assignment takes effect at once: its last valid day becomes yesterday. An assignment
  // granted and ended on the same day (or cancelled before it starts) then has valid_to = valid_from − 1,
  // an empty period that keeps the history instead of deleting the row.
  await sql`alter table role_assignment drop constraint if exists role_assignment_check`.execute(db);
  await sql`
    alter table role_assignment add constraint role_assignment_period
      check (valid_to is null or valid_to >= valid_from - 1)`.execute(db);
  await sql`create index role_assignment_municipality_role on role_assignment (municipality_id, role)`.execute(db);

  await sql`create index if not exists municipality_host_municipality on municipality_host (municipality_id)`.execute(db);
  await sql`create index if not exists household_municipality_district on household (municipality_id, district_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists role_assignment_municipality_role`.execute(db);
  await sql`alter table role_assignment drop constraint if exists role_assignment_period`.execute(db);
  await sql`alter table role_assignment add constraint role_assignment_check check (valid_to is null or valid_to >= valid_from)`.execute(db);
}
