import type { Db } from '../db/database.ts';

export async function insertProfile(db: Db, row: { userId: string; municipalityId: string; language?: string }) {
  await db
    .insertInto('person_profile')
    .values({ user_id: row.userId, municipality_id: row.municipalityId, language: row.language ?? 'ja', quiet_hours_start: null, quiet_hours_end: null })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function findProfile(db: Db, userId: string) {
  return db.selectFrom('person_profile').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('user').select(['id', 'email', 'name', 'emailVerified']).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function markEmailVerified(db: Db, userId: string) {
  await db.updateTable('user').set({ emailVerified: true }).where('id', '=', userId).execute();
}

export async function updateProfileLanguage(db: Db, userId: string, language: string) {
  await db.updateTable('person_profile').set({ language, updated_at: new Date() }).where('user_id', '=', userId).execute();
}
