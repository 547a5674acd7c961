export const ROLES = [
  'ward_staff',
  'supervisor',
  'moderator',
  'health_professional',
  'coordinator',
  'admin',
  'org_member'
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleAssignment {
  id: string;
  role: Role;
  scopeType: string | null;
  scopeId: string | null;
  validFrom: string;
  validTo: string | null;
}

/** The consoles, each with the roles that open it. Residents (guardians) are every signed-in person. */
export const AUDIENCES = ['public', 'guardian', 'org', 'staff', 'support', 'moderation', 'admin'] as const;
export type Audience = (typeof AUDIENCES)[number];

const AUDIENCE_ROLES: Record<Exclude<Audience, 'public' | 'guardian'>, Role[]> = {
  org: ['org_member'],
  staff: ['ward_staff', 'supervisor', 'admin'],
  support: ['coordinator', 'health_professional', 'supervisor'],
  // The forum's moderation queue: moderators (who open nothing else) and the ward's staff.
  moderation: ['moderator', 'ward_staff', 'supervisor', 'admin'],
  admin: ['admin']
};

/** Roles that open a console holding other people's data: these need a second factor in production. */
export const SECOND_FACTOR_ROLES: Role[] = ['ward_staff', 'supervisor', 'moderator', 'health_professional', 'coordinator', 'admin'];

export function hasRole(assignments: RoleAssignment[], role: Role, scope?: { type: string; id: string }): boolean {
  return assignments.some(
    (a) => a.role === role && (!scope || (a.scopeType === scope.type && a.scopeId === scope.id))
  );
}

export function canEnter(audience: Audience, signedIn: boolean, assignments: RoleAssignment[]): boolean {
  if (audience === 'public') return true;
  if (!signedIn) return false;
  if (audience === 'guardian') return true;
  return AUDIENCE_ROLES[audience].some((role) => hasRole(assignments, role));
}

export function needsSecondFactor(assignments: RoleAssignment[]): boolean {
  return assignments.some((a) => SECOND_FACTOR_ROLES.includes(a.role));
}

/** The audience of a SvelteKit route id, from its route group: '/(staff)/staff/x' → 'staff'. */
export function audienceOfRoute(routeId: string | null): Audience | undefined {
  if (!routeId) return undefined;
  const match = /^\/\((public|family|org|staff|support|moderation|admin)\)/.exec(routeId);
  if (!match) return undefined;
  return match[1] === 'family' ? 'guardian' : (match[1] as Audience);
}
