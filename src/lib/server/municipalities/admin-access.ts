import type { Actor } from '../platform/audit.queries.ts';
import { hasRole, type Role, type RoleAssignment } from '../auth/roles.ts';
import { adminOnly, staffOnly } from './municipalities.errors.ts';
import type { AppError } from '../platform/errors.ts';

/** Who calls a use case: the audit actor plus the role assignments valid today in this municipality. */
export interface Caller extends Actor {
  userId: string;
  roles: RoleAssignment[];
}

/** What a request knows about its caller (a subset of SvelteKit's locals). */
export interface CallerSource {
  viewer: { user: { id: string }; roles: RoleAssignment[] } | undefined;
  municipality: { id: string };
  requestId?: string;
  address?: string;
}

export function callerOf(locals: CallerSource): Caller | undefined {
  if (!locals.viewer) return undefined;
  return {
    userId: locals.viewer.user.id,
    municipalityId: locals.municipality.id,
    requestId: locals.requestId ?? null,
    address: locals.address ?? null,
    roles: locals.viewer.roles
  };
}

/** The admin console's rule, checked again in every use case (the route guard is not the only wall). */
export function authoriseAdmin(caller: Caller): AppError | undefined {
  return hasRole(caller.roles, 'admin') ? undefined : adminOnly;
}

const WARD_ROLES: Role[] = ['ward_staff', 'supervisor', 'admin'];

export function authoriseWardStaff(caller: Caller): AppError | undefined {
  return WARD_ROLES.some((role) => hasRole(caller.roles, role)) ? undefined : staffOnly;
}
