import { sql, type Kysely } from 'kysely';

// A planned notice belongs to a person: when their account is deleted, their notices go with it (they
// named a child or a pregnancy). Before this, a deleted person's notices stayed behind, and turning them
// into inbox notices failed on the notification's own reference to the person.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from guidance_notice n where not exists (select 1 from "user" u where u.id = n.user_id)`.execute(db);
  await sql`alter table guidance_notice add constraint guidance_notice_user_fkey foreign key (user_id) references "user"(id) on delete cascade`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table guidance_notice drop constraint guidance_notice_user_fkey`.execute(db);
}
