import { hasRole } from '../auth/roles.ts';
import type { Caller } from '../municipalities/index.ts';
import { procedureErrors } from './procedures.errors.ts';

/** Who builds and reviews procedures: the ward's own staff (never an NPO, moderator or coordinator). */
export type StaffCaller = Caller;

const WARD_ROLES = ['ward_staff', 'supervisor', 'admin'] as const;

export function authoriseProcedureStaff(caller: StaffCaller) {
  return WARD_ROLES.some((role) => hasRole(caller.roles, role)) ? undefined : procedureErrors.staffOnly;
}
