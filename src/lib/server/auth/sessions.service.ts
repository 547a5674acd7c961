import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { authErrors, invalidInput } from './auth.errors.ts';
import { deleteOtherSessionsOfUser, deleteSessionOfUser, listActiveSessionsOfUser } from './auth.queries.ts';
import { fieldErrors, sessionIdSchema } from './auth.schemas.ts';
import { actorOf, type AuthRequest } from './auth-request.ts';
import type { Viewer } from './session.ts';
import { describeUserAgent, type DeviceDescription } from './user-agent.ts';

export interface SessionSummary {
  id: string;
  isCurrent: boolean;
  device: DeviceDescription;
  address: string | null;
  startedAt: Date;
  lastActiveAt: Date;
}

/** The signed-in person's running sessions, this browser's first, then the most recently used. */
export async function listOwnSessions(app: App, viewer: Viewer): Promise<SessionSummary[]> {
  const at = now();
  const rows = await listActiveSessionsOfUser(
    app.database.db,
    viewer.user.id,
    at,
    new Date(at.getTime() - app.config.sessionMaxAgeSeconds * 1000)
  );
  const sessions = rows.map((row) => ({
    id: row.id,
    isCurrent: row.id === viewer.session.id,
    device: describeUserAgent(row.userAgent),
    address: row.ipAddress,
    startedAt: new Date(row.createdAt),
    lastActiveAt: new Date(row.updatedAt)
  }));
  return sessions.sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}

/** Ends one of the person's own sessions. Another person's session id is answered as not found. */
export async function revokeOwnSession(app: App, viewer: Viewer, input: Record<string, unknown>, request: AuthRequest): Promise<Result<{ sessionId: string }>> {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(fieldErrors(parsed.error)));
  const deleted = await deleteSessionOfUser(app.database.db, viewer.user.id, parsed.data.sessionId);
  if (deleted === 0) return failure(authErrors.sessionNotFound);
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.session_revoked', recordType: 'session', recordId: parsed.data.sessionId });
  return ok({ sessionId: parsed.data.sessionId });
}

/** Ends every session of the person except the one making the request. */
export async function revokeOtherSessions(app: App, viewer: Viewer, request: AuthRequest): Promise<Result<{ count: number }>> {
  const count = await deleteOtherSessionsOfUser(app.database.db, viewer.user.id, viewer.session.id);
  await writeAudit(app.database.db, actorOf(request, viewer.user.id), { action: 'auth.other_sessions_revoked', recordType: 'user', recordId: viewer.user.id });
  return ok({ count });
}
