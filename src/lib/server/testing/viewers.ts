import type { App } from '../app.ts';
import type { Viewer } from '../auth/session.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { today } from '../platform/clock.ts';

/** The viewer a signed-in request of this person carries, for calling route handlers directly in tests. */
export async function signedInViewer(app: App, userId: string, municipalityId: string): Promise<Viewer> {
  const user = await app.database.db.selectFrom('user').select(['id', 'email', 'name', 'emailVerified']).where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await findActiveRoleAssignments(app.database.db, userId, municipalityId, today());
  return { user: { ...user, twoFactorEnabled: false }, session: { id: 's', createdAt: new Date(), expiresAt: new Date() }, roles };
}
