import { sql, type Kysely } from 'kysely';

// Frozen in time. Each counted attempt gets an id, so an attempt claimed before the password check can
// be taken back when it did not fail.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table auth_throttle add column id bigint generated always as identity primary key`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table auth_throttle drop column id`.execute(db);
}
