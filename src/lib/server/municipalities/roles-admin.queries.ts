import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** A person of this municipality (their profile lives here), found by the address they sign in with. */
export async function findPersonByEmail(db: Db, municipalityId: string, email: string) {
  return db
    .selectFrom('user')
    .innerJoin('person_profile', 'person_profile.user_id', 'user.id')
    .select(['user.id', 'user.name', 'user.email'])
    .where('person_profile.municipality_id', '=', municipalityId)
    .where(sql<string>`lower(${sql.ref('user.email')})`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findPersonById(db: Db, municipalityId: string, userId: string) {
  return db
    .selectFrom('user')
    .innerJoin('person_profile', 'person_profile.user_id', 'user.id')
    .select(['user.id', 'user.name', 'user.email'])
    .where('person_profile.municipality_id', '=', municipalityId)
    .where('user.id', '=', userId)
    .executeTakeFirst();
}

const ASSIGNMENT_COLUMNS = [
  'role_assignment.id',
  'role_assignment.user_id',
  'role_assignment.role',
  'role_assignment.scope_type',
  'role_assignment.scope_id',
  'role_assignment.valid_from',
  'role_assignment.valid_to',
  'role_assignment.created_at'
] as const;

/** Every assignment of one person here, past, present and future: history is never deleted. */
export async function listAssignmentsOfPerson(db: Db, municipalityId: string, userId: string) {
  return db
    .selectFrom('role_assignment')
    .select(ASSIGNMENT_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .orderBy('valid_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Assignments valid today or later, with the holder's name, for the overview. */
export async function listCurrentAssignments(db: Db, municipalityId: string, onDate: string) {
  return db
    .selectFrom('role_assignment')
    .innerJoin('user', 'user.id', 'role_assignment.user_id')
    .select([...ASSIGNMENT_COLUMNS, 'user.name', 'user.email'])
    .where('role_assignment.municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('role_assignment.valid_to', 'is', null), eb('role_assignment.valid_to', '>=', onDate)]))
    .orderBy('role_assignment.role')
    .orderBy('user.name')
    .execute();
}

export async function findAssignment(db: Db, municipalityId: string, assignmentId: string) {
  return db
    .selectFrom('role_assignment')
    .select(ASSIGNMENT_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', assignmentId)
    .executeTakeFirst();
}

/**
 * Locks and returns the admin assignments in force on a date. Two admins ending each other's rights at
 * the same moment queue here, so the second sees the first's change and the last admin stays.
 */
export async function lockActiveAdmins(db: Db, municipalityId: string, onDate: string) {
  return db
    .selectFrom('role_assignment')
    .select(['id', 'user_id'])
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'admin')
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .forUpdate()
    .execute();
}

export async function setAssignmentValidTo(db: Db, municipalityId: string, assignmentId: string, validTo: string): Promise<number> {
  const result = await db
    .updateTable('role_assignment')
    .set({ valid_to: validTo })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
