import type { App } from '../app.ts';
import { insertRoleAssignment } from '../auth/auth.queries.ts';
import type { Role, RoleAssignment } from '../auth/roles.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { addDays, today } from '../platform/clock.ts';
import { ok } from '../platform/errors.ts';
import { authoriseAdmin, type Caller } from './admin-access.ts';
import { fieldsOf, problemsOf } from './form-input.ts';
import {
  assignmentAlreadyEnded,
  assignmentNotFound,
  fieldConflict,
  invalidInput,
  lastAdmin,
  personNotFound,
  type FormResult
} from './municipalities.errors.ts';
import { findDepartmentByCode } from './municipalities.queries.ts';
import {
  findAssignment,
  findPersonByEmail,
  findPersonById,
  listAssignmentsOfPerson,
  listCurrentAssignments,
  lockActiveAdmins,
  setAssignmentValidTo
} from './roles-admin.queries.ts';
import { findPersonSchema, roleGrantSchema, type RoleGrantInput } from './roles-admin.schemas.ts';

/** future: starts later; active: in force today; ended: its last day has passed; cancelled: never took effect. */
export type AssignmentStatus = 'future' | 'active' | 'ended' | 'cancelled';

export interface AssignmentView extends RoleAssignment {
  status: AssignmentStatus;
}

export interface RoleHolder extends AssignmentView {
  userId: string;
  name: string;
  email: string;
}

export function statusOf(validFrom: string, validTo: string | null, onDate: string): AssignmentStatus {
  if (validTo !== null && validTo < validFrom) return 'cancelled';
  if (validFrom > onDate) return 'future';
  if (validTo !== null && validTo < onDate) return 'ended';
  return 'active';
}

function viewOf(row: { id: string; role: string; scope_type: string | null; scope_id: string | null; valid_from: string; valid_to: string | null }, onDate: string): AssignmentView {
  return {
    id: row.id,
    role: row.role as Role,
    scopeType: row.scope_type,
    scopeId: row.scope_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: statusOf(row.valid_from, row.valid_to, onDate)
  };
}

/** Finds a person of this municipality by email, for granting roles. People of other municipalities are not found. */
export async function findPersonForRoles(app: App, caller: Caller, input: FormData | Record<string, unknown>): Promise<FormResult<{ id: string }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = findPersonSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const person = await findPersonByEmail(app.database.db, caller.municipalityId, parsed.data.email);
  if (!person) return { ok: false, error: fieldConflict('municipalities.person_not_found', 'email', 'admin_error_person_not_found') };
  return ok({ id: person.id });
}

/** One person's assignments here: current, future and past (history is kept). */
export async function loadPersonRoles(
  app: App,
  caller: Caller,
  userId: string
): Promise<FormResult<{ person: { id: string; name: string; email: string }; assignments: AssignmentView[] }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const db = app.database.db;
  const person = await findPersonById(db, caller.municipalityId, userId);
  if (!person) return { ok: false, error: personNotFound };
  const onDate = today();
  const rows = await listAssignmentsOfPerson(db, caller.municipalityId, userId);
  return ok({ person, assignments: rows.map((r) => viewOf(r, onDate)) });
}

/** Everyone who holds a role today or from a later date, for the roles overview. */
export async function listRoleHolders(app: App, caller: Caller): Promise<FormResult<RoleHolder[]>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const onDate = today();
  const rows = await listCurrentAssignments(app.database.db, caller.municipalityId, onDate);
  return ok(rows.map((r) => ({ ...viewOf(r, onDate), userId: r.user_id, name: r.name, email: r.email })));
}

/**
 * Grants a role to a person of this municipality for a period. The scope must fit the role (a
 * department that exists here, a qualification, an organization); the period starts today or later,
 * ends on or after its start, and must not overlap the same role and scope already held.
 */
export async function grantRole(app: App, caller: Caller, userId: string, input: FormData | Record<string, unknown>): Promise<FormResult<{ id: string } & RoleGrantInput>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = roleGrantSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const grant = parsed.data;
  const onDate = today();
  if (grant.validFrom < onDate) return { ok: false, error: invalidInput({ validFrom: 'admin_error_valid_from_past' }, { validFrom: { today: onDate } }) };

  return app.database.db.transaction().execute(async (trx) => {
    const person = await findPersonById(trx, caller.municipalityId, userId);
    if (!person) return { ok: false as const, error: personNotFound };
    if (grant.scopeType === 'department' && !(await findDepartmentByCode(trx, caller.municipalityId, grant.scopeId ?? ''))) {
      return { ok: false as const, error: invalidInput({ department: 'admin_error_department_required' }) };
    }
    const existing = await listAssignmentsOfPerson(trx, caller.municipalityId, userId);
    const end = grant.validTo ?? '9999-12-31';
    const overlapping = existing.find(
      (a) =>
        a.role === grant.role &&
        a.scope_type === grant.scopeType &&
        a.scope_id === grant.scopeId &&
        (a.valid_to === null || a.valid_to >= a.valid_from) &&
        a.valid_from <= end &&
        (a.valid_to ?? '9999-12-31') >= grant.validFrom
    );
    if (overlapping) return { ok: false as const, error: fieldConflict('municipalities.role_overlap', 'role', 'admin_error_role_overlap') };
    const { id } = await insertRoleAssignment(trx, {
      municipalityId: caller.municipalityId,
      userId,
      role: grant.role,
      scopeType: grant.scopeType,
      scopeId: grant.scopeId,
      validFrom: grant.validFrom,
      validTo: grant.validTo,
      grantedBy: caller.userId
    });
    await writeAudit(trx, caller, { action: 'role.grant', recordType: 'role_assignment', recordId: id });
    return ok({ id, ...grant });
  });
}

/**
 * Ends an assignment at once: its last valid day becomes yesterday, so it no longer counts today (an
 * assignment that has not started yet is cancelled). The row stays for the history. The last admin in
 * force cannot be ended, so the municipality never loses its administration.
 */
export async function endRoleAssignment(app: App, caller: Caller, userId: string, assignmentId: string): Promise<FormResult<{ validTo: string }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const onDate = today();
  return app.database.db.transaction().execute(async (trx) => {
    const assignment = await findAssignment(trx, caller.municipalityId, assignmentId);
    if (!assignment || assignment.user_id !== userId) return { ok: false as const, error: assignmentNotFound };
    const status = statusOf(assignment.valid_from, assignment.valid_to, onDate);
    if (status === 'ended' || status === 'cancelled') return { ok: false as const, error: assignmentAlreadyEnded };
    if (assignment.role === 'admin' && status === 'active') {
      const admins = await lockActiveAdmins(trx, caller.municipalityId, onDate);
      if (admins.every((a) => a.id === assignmentId)) return { ok: false as const, error: lastAdmin };
    }
    const validTo = status === 'future' ? addDays(assignment.valid_from, -1) : addDays(onDate, -1);
    await setAssignmentValidTo(trx, caller.municipalityId, assignmentId, validTo);
    await writeAudit(trx, caller, { action: 'role.end', recordType: 'role_assignment', recordId: assignmentId });
    return ok({ validTo });
  });
}
