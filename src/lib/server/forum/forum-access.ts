import { hasRole, type Role, type RoleAssignment } from '../auth/roles.ts';
import type { PersonActor } from '../households/index.ts';

/** A signed-in person in the forum, with the roles they hold today in this municipality. */
export interface ForumActor extends PersonActor {
  roles: RoleAssignment[];
}

interface ForumLocals {
  viewer?: { user: { id: string }; roles: RoleAssignment[] } | null;
  municipality: { id: string };
  requestId?: string;
  address?: string;
}

/** The viewer as the forum's services take it, or undefined for an anonymous reader. */
export function forumActorOf(locals: ForumLocals): ForumActor | undefined {
  if (!locals.viewer) return undefined;
  return {
    userId: locals.viewer.user.id,
    municipalityId: locals.municipality.id,
    requestId: locals.requestId ?? null,
    address: locals.address ?? null,
    roles: locals.viewer.roles
  };
}

const PROFESSIONAL_ROLES: Role[] = ['health_professional', 'coordinator'];
/** Who works the urgent queue and the consultation requests (the support console). */
const SUPPORT_ROLES: Role[] = ['health_professional', 'coordinator', 'supervisor'];
/** Who moderates: the moderator role and the ward's staff. */
const MODERATION_ROLES: Role[] = ['moderator', 'ward_staff', 'supervisor', 'admin'];
/** Who changes the forum's lists, limits and contacts and reads its figures. */
const WARD_ROLES: Role[] = ['ward_staff', 'supervisor', 'admin'];

const any = (actor: ForumActor, roles: Role[]) => roles.some((role) => hasRole(actor.roles, role));

export const isProfessional = (actor: ForumActor) => any(actor, PROFESSIONAL_ROLES);
export const canWorkSupportQueue = (actor: ForumActor) => any(actor, SUPPORT_ROLES);
export const canModerate = (actor: ForumActor) => any(actor, MODERATION_ROLES);
export const canManageForum = (actor: ForumActor) => any(actor, WARD_ROLES);

/**
 * How a professional's answer is badged: the qualification an admin checked (保健師, 助産師) when the
 * role carries one, else the role itself. Never the person's name.
 */
export function professionalBadge(actor: ForumActor): { role: 'health_professional' | 'coordinator'; label: string } | undefined {
  const qualified = actor.roles.find((r) => r.role === 'health_professional' && r.scopeType === 'qualification' && r.scopeId);
  if (qualified) return { role: 'health_professional', label: qualified.scopeId as string };
  if (hasRole(actor.roles, 'health_professional')) return { role: 'health_professional', label: '' };
  if (hasRole(actor.roles, 'coordinator')) return { role: 'coordinator', label: '' };
  return undefined;
}
