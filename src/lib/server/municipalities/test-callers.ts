// Test support: the caller a request would carry for a user, with their role assignments in force today.
import type { App } from '../app.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { today } from '../platform/clock.ts';
import type { Caller } from './admin-access.ts';

export async function callerFor(app: App, userId: string, municipalityId: string): Promise<Caller> {
  const roles = await findActiveRoleAssignments(app.database.db, userId, municipalityId, today());
  return { userId, municipalityId, requestId: 'test-request', address: '203.0.113.7', roles };
}
