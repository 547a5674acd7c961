import type { Db } from '../db/database.ts';

// What the guidance domain holds about a person and their households, for their data export.

export async function listItemRecordsOfHouseholds(db: Db, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .selectFrom('guidance_item_record')
    .select(['child_id', 'pregnancy_id', 'rule_key', 'occurrence', 'status', 'done_on', 'recorded_at'])
    .where('household_id', 'in', householdIds)
    .orderBy('recorded_at')
    .execute();
}

export async function listDosesOfHouseholds(db: Db, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .selectFrom('immunisation_dose')
    .select(['child_id', 'vaccine', 'dose', 'given_on', 'brand', 'recorded_at'])
    .where('household_id', 'in', householdIds)
    .orderBy('given_on')
    .execute();
}

export async function listGuidanceNoticesOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('guidance_notice')
    .select(['subject_type', 'subject_id', 'rule_key', 'occurrence', 'window_start', 'window_end', 'planned_on', 'read_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('planned_on')
    .execute();
}
