import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { exportHouseholdData, releaseHouseholdsOf, type HouseholdExport, type PersonActor } from '../households/index.ts';
import { releaseOrganizationsOf } from '../organizations/index.ts';
import { findUser, insertDeletionRecord, deleteUser, listRoleAssignmentsOf, listSessionsOf } from './people.queries.ts';
import { getPreferences, type Preferences } from './people.service.ts';
import { getConsents } from './consents.service.ts';
import { deletionSchema, fieldErrors } from './people.schemas.ts';
import { peopleErrors } from './people.errors.ts';

export const EXPORT_FORMAT = 'hagukumi-personal-data/1';

export interface PersonalDataExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  municipality: { id: string };
  person: { id: string; name: string; email: string; emailVerified: boolean; createdAt: string };
  preferences: Preferences;
  consents: {
    current: { purpose: string; granted: boolean | null; since: string | null }[];
    history: { purpose: string; granted: boolean; at: string }[];
  };
  households: HouseholdExport[];
  roleAssignments: { role: string; scopeType: string | null; scopeId: string | null; validFrom: string; validTo: string | null }[];
  sessions: { createdAt: string; lastActiveAt: string; expiresAt: string; ipAddress: string | null; userAgent: string | null; isThisSession: boolean }[];
}

/**
 * Everything Hagukumi holds about the person and their children, as one JSON document: account,
 * preferences, their own consents with history, their household (guardians by display name only),
 * children, pregnancies, role assignments and session metadata (never tokens). Audited.
 */
export async function exportPersonalData(app: App, actor: PersonActor, currentSessionId?: string): Promise<PersonalDataExport> {
  const db = app.database.db;
  const user = await findUser(db, actor.userId);
  if (!user) throw new Error('the signed-in person has no user row');
  const preferences = await getPreferences(app, actor);
  const consents = await getConsents(app, actor);
  const households = await exportHouseholdData(db, actor);
  const roles = await listRoleAssignmentsOf(db, actor.userId);
  const sessions = await listSessionsOf(db, actor.userId);
  await writeAudit(db, actor, { action: 'export', recordType: 'person', recordId: actor.userId });
  return {
    format: EXPORT_FORMAT,
    exportedAt: now().toISOString(),
    municipality: { id: actor.municipalityId },
    person: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, createdAt: new Date(user.createdAt).toISOString() },
    preferences,
    consents: {
      current: consents.current.map((c) => ({ purpose: c.purpose, granted: c.granted ?? null, since: c.since?.toISOString() ?? null })),
      history: consents.history.map((h) => ({ purpose: h.purpose, granted: h.granted, at: h.at.toISOString() }))
    },
    households,
    roleAssignments: roles.map((r) => ({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id, validFrom: r.valid_from, validTo: r.valid_to })),
    sessions: sessions.map((s) => ({
      createdAt: new Date(s.createdAt).toISOString(),
      lastActiveAt: new Date(s.updatedAt).toISOString(),
      expiresAt: new Date(s.expiresAt).toISOString(),
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      isThisSession: s.id === currentSessionId
    }))
  };
}

/** What a deletion keeps, written into the deletion record (names of record kinds, no data). */
export const KEPT_AFTER_DELETION = 'audit_log (ids only, own retention); deletion_record';

/**
 * Checks the person's own password behind the sign-in limits. Given by the caller (the auth domain's
 * checkOwnPassword) because auth already depends on people; the rule that deletion needs it stays here.
 */
export type OwnPasswordCheck = (password: string) => Promise<'matches' | 'wrong' | 'none' | 'locked'>;

/**
 * Deletes the person's personal data now, after they confirmed with their password: their account
 * (and with it profile, consents, sessions, sign-in methods, roles), and every household of which
 * they were the last guardian (children, pregnancies, invitations). A household with another
 * guardian stays with them. An organization they alone own must be handed over first, or, if they
 * are its only member, is suspended (organizations/account-deletion.service.ts). Keeps only a deletion record and the audit log, both ids and dates.
 * See docs/decisions/0005-deletion-and-retention.md.
 */
export async function deletePersonalData(
  app: App,
  actor: PersonActor,
  input: Record<string, unknown>,
  checkPassword: OwnPasswordCheck
): Promise<Result<{ deletionRecordId: string; householdsDeleted: string[]; householdsKept: string[]; organizationsSuspended: string[] }>> {
  const parsed = deletionSchema.safeParse(input);
  if (!parsed.success) return failure(peopleErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const check = await checkPassword(parsed.data.password);
  if (check === 'none') return failure(peopleErrors.noPassword);
  if (check === 'locked') return failure(peopleErrors.passwordLocked);
  if (check !== 'matches') return failure(peopleErrors.wrongPassword);
  const requestedAt = now();
  const result = await app.database.db.transaction().execute(async (trx) => {
    // First, before anything is written: no organization may be left without an owner.
    const organizations = await releaseOrganizationsOf(trx, actor);
    if (!organizations.ok) return organizations;
    const households = await releaseHouseholdsOf(trx, actor);
    await deleteUser(trx, actor.userId);
    const record = await insertDeletionRecord(trx, {
      municipalityId: actor.municipalityId,
      subjectId: actor.userId,
      requestedAt,
      kept: KEPT_AFTER_DELETION
    });
    await writeAudit(trx, actor, { action: 'delete', recordType: 'person', recordId: actor.userId });
    return ok({ deletionRecordId: record.id, householdsDeleted: households.deleted, householdsKept: households.kept, organizationsSuspended: organizations.value.suspended });
  });
  return result;
}
