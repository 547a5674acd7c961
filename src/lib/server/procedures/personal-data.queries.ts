import type { Db } from '../db/database.ts';

// The procedures of a person's households, for their data export.

export async function listSubmissionsOfHouseholds(db: Db, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .selectFrom('procedure_submission as s')
    .innerJoin('procedure_form_version as v', 'v.id', 's.form_version_id')
    .select(['s.id', 'v.title', 's.subject_type', 's.subject_id', 's.rule_key', 's.status', 's.answers', 's.return_message', 's.submitted_at', 's.completed_at', 's.created_at', 's.updated_at'])
    .where('s.household_id', 'in', householdIds)
    .orderBy('s.created_at')
    .execute();
}

export async function listRequestsOfHouseholds(db: Db, householdIds: string[]) {
  if (!householdIds.length) return [];
  return db
    .selectFrom('procedure_request as r')
    .innerJoin('procedure_form as f', 'f.id', 'r.form_id')
    .select(['r.id', 'f.title', 'r.message', 'r.created_at'])
    .where('r.household_id', 'in', householdIds)
    .orderBy('r.created_at')
    .execute();
}
