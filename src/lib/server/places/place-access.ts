import { hasRole, type Role } from '../auth/roles.ts';
import type { Caller } from '../municipalities/index.ts';

const WARD_ROLES: Role[] = ['ward_staff', 'supervisor', 'admin'];

/** Ward staff (and their supervisors and admins) manage the place directory and its imports. */
export function isWardStaff(caller: Caller): boolean {
  return WARD_ROLES.some((role) => hasRole(caller.roles, role));
}
