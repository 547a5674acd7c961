import type { App } from '../app.ts';
import { now, today } from '../platform/clock.ts';
import { deleteSession, findActiveRoleAssignments } from './auth.queries.ts';
import { SESSION_COOKIE } from './auth.ts';
import type { RoleAssignment } from './roles.ts';

export interface Viewer {
  user: { id: string; email: string; name: string; emailVerified: boolean; twoFactorEnabled: boolean };
  session: { id: string; createdAt: Date; expiresAt: Date };
  roles: RoleAssignment[];
}

/**
 * The signed-in person for a request, or undefined. better-auth slides a session's expiry while it is
 * used (the inactivity limit); the absolute maximum age is enforced here. Both are also checked
 * against our clock, so the limits hold whatever better-auth's own clock says.
 */
export async function loadViewer(app: App, headers: Headers, municipalityId: string): Promise<Viewer | undefined> {
  // Most requests (open data, the map, the public API) carry no session: skip the session store for them.
  if (!headers.get('cookie')?.includes(SESSION_COOKIE)) return undefined;
  const found = await app.auth.api.getSession({ headers });
  if (!found) return undefined;
  const createdAt = new Date(found.session.createdAt);
  const expiresAt = new Date(found.session.expiresAt);
  if (isSessionOver({ createdAt, expiresAt }, now(), app.config.sessionMaxAgeSeconds)) {
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
    session: { id: found.session.id, createdAt, expiresAt },
    roles
  };
}

/** A session ends when it was not used within the inactivity limit or is older than the maximum age. */
export function isSessionOver(session: { createdAt: Date; expiresAt: Date }, at: Date, maxAgeSeconds: number): boolean {
  if (session.expiresAt.getTime() <= at.getTime()) return true;
  return at.getTime() - session.createdAt.getTime() >= maxAgeSeconds * 1000;
}
