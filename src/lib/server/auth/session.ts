import type { App } from '../app.ts';
import { now, today } from '../platform/clock.ts';
import { deleteSession, findActiveRoleAssignments } from './auth.queries.ts';
import type { RoleAssignment } from './roles.ts';

export interface Viewer {
  user: { id: string; email: string; name: string; emailVerified: boolean; twoFactorEnabled: boolean };
  session: { id: string; createdAt: Date; expiresAt: Date };
  roles: RoleAssignment[];
}

/**
 * The signed-in person for a request, or undefined. better-auth ends a session after inactivity;
 * the absolute maximum age is enforced here.
 */
export async function loadViewer(app: App, headers: Headers, municipalityId: string): Promise<Viewer | undefined> {
  const found = await app.auth.api.getSession({ headers });
  if (!found) return undefined;
  const createdAt = new Date(found.session.createdAt);
  if (now().getTime() - createdAt.getTime() > app.config.sessionMaxAgeSeconds * 1000) {
    await deleteSession(app.database.db, found.session.id);
    return undefined;
  }
  const roles = await findActiveRoleAssignments(app.database.db, found.user.id, municipalityId, today());
  return {
    user: {
      id: found.user.id,
      email: found.user.email,
      name: found.user.name,
      emailVerified: found.user.emailVerified,
      twoFactorEnabled: Boolean((found.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled)
    },
    session: { id: found.session.id, createdAt, expiresAt: new Date(found.session.expiresAt) },
    roles
  };
}
